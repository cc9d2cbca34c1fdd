/* Reduction machinery: axes, block layouts, the reduction slots (issue 5). */
#include "reduce.h"
#include "pool.h"

xp_array *xp__axes_mask(const char *fn, const char *arg, int ndim, const xp_axes *axes,
                        bool *red) {
    for (int d = 0; d < ndim; d++) red[d] = false;
    if (!axes || (!axes->tuple && axes->n == 0)) {
        for (int d = 0; d < ndim; d++) red[d] = true;
        return NULL;
    }
    if (axes->n < 0 || axes->n > XP_MAX_NDIM)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': %d axes given", arg, (int)axes->n);
    int lim = ndim > 0 ? ndim : 1;
    for (int i = 0; i < axes->n; i++) {
        int64_t a = axes->v[i];
        if (a < -lim || a >= lim)
            return xp__error(XP_ERR_INDEX, fn,
                             "argument '%s': axis %lld is out of range for a %d-D array", arg,
                             (long long)a, ndim);
        if (a < 0) a += lim;
        if (ndim == 0) continue;
        if (red[a])
            return xp__error(XP_ERR_INDEX, fn, "argument '%s': axis %lld is repeated", arg,
                             (long long)axes->v[i]);
        red[a] = true;
    }
    return NULL;
}

xp_array *xp__one_axis(const char *fn, const char *arg, int ndim, const xp_axes *axis,
                       int none_value, int *out) {
    if (!axis || (!axis->tuple && axis->n == 0)) {
        *out = none_value;
        return NULL;
    }
    if (axis->n != 1)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': expected one axis, got %d", arg,
                         (int)axis->n);
    int64_t a = axis->v[0];
    if (a < -ndim || a >= ndim)
        return xp__error(XP_ERR_INDEX, fn,
                         "argument '%s': axis %lld is out of range for a %d-D array", arg,
                         (long long)a, ndim);
    *out = (int)(a < 0 ? a + ndim : a);
    return NULL;
}

int xp__red_shape(const xp_array *x, const bool *red, bool keepdims, int64_t *shape) {
    int k = 0;
    for (int d = 0; d < x->ndim; d++) {
        if (!red[d])
            shape[k++] = x->shape[d];
        else if (keepdims)
            shape[k++] = 1;
    }
    return k;
}

xp_array *xp__red_block(const char *fn, const xp_array *x, const bool *red, xp_dtype dt,
                        xp_red3 *L) {
    int64_t kept = 1, nred = 1;
    for (int d = 0; d < x->ndim; d++) {
        if (red[d])
            nred *= x->shape[d];
        else
            kept *= x->shape[d];
    }
    if (x->size == 0) {
        *L = (xp_red3){kept, nred, 1};
        return xp_retain(x);
    }
    if (x->dtype == dt && xp__is_c_contig(x)) {
        /* the reduced axes (ignoring extent 1) must form one run */
        int first = -1, last = -1, prev = -1;
        bool ok = true;
        for (int d = 0; d < x->ndim; d++) {
            if (x->shape[d] == 1) continue;
            if (red[d]) {
                if (first < 0)
                    first = d;
                else if (!red[prev])
                    ok = false;
                last = d;
            }
            prev = d;
        }
        if (ok) {
            if (first < 0) {
                *L = (xp_red3){x->size, 1, 1};
            } else {
                int64_t o = 1, n = 1, in = 1;
                for (int d = 0; d < first; d++) o *= x->shape[d];
                for (int d = first; d <= last; d++) n *= x->shape[d];
                for (int d = last + 1; d < x->ndim; d++) in *= x->shape[d];
                *L = (xp_red3){o, n, in};
            }
            return xp_retain(x);
        }
    }
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!red[d]) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    xp_array *v = xp__view(fn, x, x->dtype, x->ndim, shape, strides, x->offset);
    if (xp_failed(v)) return v;
    xp_array *r = xp__copy_as(fn, v, dt);
    xp_release(v);
    *L = (xp_red3){kept, nred, 1};
    return r;
}

static xp_status reduce_slot(xp_reduce_op op, xp_dtype dt, int64_t outer, int64_t n,
                             int64_t inner, const void *x, void *out) {
    const xp_adapter *const *ad = xp_adapters();
    for (int i = 0; ad[i]; i++) {
        xp_reduce_fn f = ad[i]->reduce.fn[op][dt];
        if (!f) continue;
        xp_status s = f(outer, n, inner, x, out);
        if (s != XP_ERR_NOT_IMPLEMENTED) return s;
    }
    return XP_ERR_NOT_IMPLEMENTED;
}

/* ---- large reductions on the thread pool ----------------------------------
 * Blocks of outer are independent outputs: they are cut into pieces freely.
 * A single long reduction (outer 1) is cut along n by a fixed pairwise tree
 * whose shape depends only on n and the row width: leaves are reduced by the
 * slot, and sibling results combined by the slot itself over the two of them
 * (n = 2), in the tree's order. The halving rule is the reference kernels' own
 * (reduce_kernels.inc: blocks of 8 for a contiguous run, half the rows for
 * columns), so a floating sum gives the very bits of one call over the whole
 * run. Floating prod multiplies in order and is never cut along n. */

#define LEAF_BYTES ((int64_t)512 << 10)
#define MAX_LEAVES 4096
#define MAX_LEAVES_ROWS 8 /* rows of partials cost memory traffic and cache reuse */

typedef struct red_job {
    xp_reduce_op op;
    xp_dtype dt;
    int64_t outer, n, inner, row; /* row: bytes of one [inner] row */
    int64_t pieces;               /* outer split */
    int64_t leaf_rows;            /* tree split: a node of at most this many rows is a leaf */
    bool pairs8;                  /* halving rule of a contiguous run */
    const char *x;
    char *out;
    int64_t nleaves, *lo, *len;
    char *part;                   /* [nleaves][inner] partials */
    xp_status st[MAX_LEAVES];
} red_job;

static int64_t half(const red_job *j, int64_t n) {
    return j->pairs8 ? (n / 2 + 7) & ~(int64_t)7 : n / 2;
}

static bool is_leaf(const red_job *j, int64_t n) {
    return n <= j->leaf_rows || half(j, n) <= 0 || half(j, n) >= n;
}

static void leaves(red_job *j, int64_t lo, int64_t n) {
    if (is_leaf(j, n)) {
        if (j->lo) j->lo[j->nleaves] = lo, j->len[j->nleaves] = n;
        j->nleaves++;
        return;
    }
    int64_t h = half(j, n);
    leaves(j, lo, h);
    leaves(j, lo + h, n - h);
}

/* Combines the subtree of n rows whose first leaf is *next; the result lands in
 * that leaf's partial row. */
static xp_status combine(red_job *j, int64_t n, int64_t *next, char *pair, int64_t *at) {
    if (is_leaf(j, n)) {
        *at = (*next)++;
        return XP_OK;
    }
    int64_t h = half(j, n), a, b;
    xp_status s = combine(j, h, next, pair, &a);
    if (s == XP_OK) s = combine(j, n - h, next, pair, &b);
    if (s != XP_OK) return s;
    memcpy(pair, j->part + a * j->row, (size_t)j->row);
    memcpy(pair + j->row, j->part + b * j->row, (size_t)j->row);
    *at = a;
    return reduce_slot(j->op, j->dt, 1, 2, j->inner, pair, j->part + a * j->row);
}

static void leaf_task(void *ctx, int64_t k) {
    red_job *j = ctx;
    j->st[k] = reduce_slot(j->op, j->dt, 1, j->len[k], j->inner, j->x + j->lo[k] * j->row,
                           j->part + k * j->row);
}

static void outer_task(void *ctx, int64_t k) {
    red_job *j = ctx;
    int64_t lo, hi;
    xp__par_range(j->outer, j->pieces, k, &lo, &hi);
    j->st[k] = reduce_slot(j->op, j->dt, hi - lo, j->n, j->inner, j->x + lo * j->n * j->row,
                           j->out + lo * j->row);
}

static xp_status reduce_tree(red_job *j) {
    int64_t total = j->n * j->row, most = j->inner > 1 ? MAX_LEAVES_ROWS : MAX_LEAVES / 2;
    int64_t leaf = total / most > LEAF_BYTES ? total / most : LEAF_BYTES;
    /* never cut below the kernels' own leaves (128 elements of a run, 32 rows) */
    int64_t least = j->pairs8 ? 128 : 32;
    j->leaf_rows = leaf / j->row > least ? leaf / j->row : least;
    j->nleaves = 0;
    leaves(j, 0, j->n); /* count */
    if (j->nleaves < 2 || j->nleaves > MAX_LEAVES)
        return reduce_slot(j->op, j->dt, 1, j->n, j->inner, j->x, j->out);
    size_t pb = (size_t)(j->nleaves * j->row), ib = (size_t)j->nleaves * 2 * sizeof(int64_t);
    size_t tb = pb + ib + 2 * (size_t)j->row;
    char *mem = xp__scratch(tb);
    if (!mem) return XP_ERR_NOMEM;
    j->part = mem;
    j->lo = (int64_t *)(void *)(mem + pb);
    j->len = j->lo + j->nleaves;
    char *pair = mem + pb + ib;
    int64_t count = j->nleaves;
    j->nleaves = 0;
    leaves(j, 0, j->n); /* record */
    xp__par_for(count, leaf_task, j);
    xp_status s = XP_OK;
    for (int64_t k = 0; k < count && s == XP_OK; k++) s = j->st[k];
    int64_t next = 0, at = 0;
    if (s == XP_OK) s = combine(j, j->n, &next, pair, &at);
    if (s == XP_OK) memcpy(j->out, j->part + at * j->row, (size_t)j->row);
    xp__scratch_free(mem, tb);
    return s;
}

xp_status xp__reduce_run(xp_reduce_op op, xp_dtype dt, const xp_red3 *L, const void *x,
                         void *out) {
    int64_t es = (int64_t)xp_dtype_size(dt);
    if (L->outer * L->n * L->inner * es < XP__PAR_MIN_BYTES || L->n == 0)
        return reduce_slot(op, dt, L->outer, L->n, L->inner, x, out);
    red_job *j = xp__scratch(sizeof *j);
    if (!j) return XP_ERR_NOMEM;
    bool cplx = xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING;
    *j = (red_job){.op = op, .dt = dt, .outer = L->outer, .n = L->n, .inner = L->inner,
                   .row = L->inner * es, .pairs8 = L->inner == 1 && !cplx, .x = x, .out = out};
    xp_status s;
    if (L->outer > 1) {
        j->pieces = xp__par_pieces(L->outer, L->n * j->row);
        if (j->pieces > MAX_LEAVES) j->pieces = MAX_LEAVES;
        xp__par_for(j->pieces, outer_task, j);
        s = XP_OK;
        for (int64_t k = 0; k < j->pieces && s == XP_OK; k++) s = j->st[k];
    } else if (op == XP_REDUCE_PROD && (xp_dtype_kind(dt) & XP_KIND_FLOATING)) {
        s = reduce_slot(op, dt, 1, L->n, L->inner, x, out);
    } else {
        s = reduce_tree(j);
    }
    xp__scratch_free(j, sizeof *j);
    return s;
}

void xp__split3(int ndim, const int64_t *shape, int axis, int64_t *outer, int64_t *m,
                int64_t *inner) {
    int64_t o = 1, in = 1;
    for (int d = 0; d < axis; d++) o *= shape[d];
    for (int d = axis + 1; d < ndim; d++) in *= shape[d];
    *outer = o;
    *m = ndim ? shape[axis] : 1;
    *inner = in;
}

xp_array *xp__axis_last(const char *fn, const xp_array *x, int axis, xp_dtype dt) {
    bool last = true;
    for (int d = axis + 1; d < x->ndim; d++)
        if (x->shape[d] != 1) last = false;
    if (last && x->dtype == dt && xp__is_c_contig(x)) return xp_retain(x);
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < x->ndim; d++)
        if (d != axis) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    if (x->ndim) shape[k] = x->shape[axis], strides[k] = x->strides[axis];
    xp_array *v = xp__view(fn, x, x->dtype, x->ndim, shape, strides, x->offset);
    if (xp_failed(v)) return v;
    xp_array *r = xp__copy_as(fn, v, dt);
    xp_release(v);
    return r;
}

xp_status xp__axis_back(xp_array *out, const xp_array *tmp, int axis) {
    if (tmp == out) return XP_OK;
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < out->ndim; d++)
        if (d != axis) shape[k] = out->shape[d], strides[k++] = out->strides[d];
    if (out->ndim) shape[k] = out->shape[axis], strides[k] = out->strides[axis];
    xp_array *v = xp__view("xp_sort", out, out->dtype, out->ndim, shape, strides, out->offset);
    if (xp_failed(v)) {
        xp_status s = xp_error_status(v);
        xp_release(v);
        return s;
    }
    /* the view is writable: out is a fresh array */
    xp_status s = xp__copy_into(v, tmp);
    xp_release(v);
    return s;
}

xp_dtype xp__acc_dtype(xp_dtype dt) {
    switch (dt) {
    case XP_BOOL:
    case XP_INT8:
    case XP_INT16:
    case XP_INT32: return XP_INT64;
    case XP_UINT8:
    case XP_UINT16:
    case XP_UINT32: return XP_UINT64;
    default: return dt;
    }
}
