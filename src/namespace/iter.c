/* The N-d broadcasting iterator. */
#include "iter.h"
#include "pool.h"

bool xp__iter_init(xp_iter *it, int nop, char *const *base, int ndim, const int64_t *shape,
                   const int64_t *const *strides) {
    it->nop = nop;
    it->size = 1;
    for (int d = 0; d < ndim; d++)
        if (shape[d] == 0) it->size = 0; /* zero-size: other extents may be huge */
    for (int d = 0; d < ndim && it->size; d++) it->size *= shape[d];
    for (int k = 0; k < nop; k++) it->ptr[k] = base[k];
    if (it->size == 0) return false;
    /* drop extent-1 axes, then merge mergeable neighbours */
    int nd = 0;
    for (int d = 0; d < ndim; d++) {
        if (shape[d] == 1) continue;
        if (nd > 0) {
            bool merge = true;
            for (int k = 0; k < nop; k++)
                if (it->strides[k][nd - 1] != strides[k][d] * shape[d]) {
                    merge = false;
                    break;
                }
            if (merge) {
                it->shape[nd - 1] *= shape[d];
                for (int k = 0; k < nop; k++) it->strides[k][nd - 1] = strides[k][d];
                continue;
            }
        }
        it->shape[nd] = shape[d];
        for (int k = 0; k < nop; k++) it->strides[k][nd] = strides[k][d];
        nd++;
    }
    if (nd == 0) {
        it->shape[0] = 1;
        for (int k = 0; k < nop; k++) it->strides[k][0] = 0;
        nd = 1;
    }
    it->ndim = nd;
    it->inner_n = it->shape[nd - 1];
    for (int k = 0; k < nop; k++) it->inner_step[k] = it->strides[k][nd - 1];
    for (int d = 0; d < nd; d++) it->idx[d] = 0;
    return true;
}

bool xp__iter_next(xp_iter *it) {
    for (int d = it->ndim - 2; d >= 0; d--) {
        if (++it->idx[d] < it->shape[d]) {
            for (int k = 0; k < it->nop; k++) it->ptr[k] += it->strides[k][d];
            return true;
        }
        it->idx[d] = 0;
        for (int k = 0; k < it->nop; k++)
            it->ptr[k] -= it->strides[k][d] * (it->shape[d] - 1);
    }
    return false;
}

void xp__bcast_strides(const xp_array *x, int ndim, const int64_t *shape, int64_t *out) {
    int off = ndim - x->ndim;
    for (int d = 0; d < ndim; d++) {
        int xd = d - off;
        if (xd < 0 || (x->shape[xd] == 1 && shape[d] != 1))
            out[d] = 0;
        else
            out[d] = x->strides[xd];
    }
}

xp_array *xp__bcast_shapes(const char *fn, int n, const int *ndims, const int64_t *const *shapes,
                           int *out_ndim, int64_t *out_shape) {
    int nd = 0;
    for (int i = 0; i < n; i++) {
        if (ndims[i] < 0 || ndims[i] > XP_MAX_NDIM)
            return xp__error(XP_ERR_VALUE, fn, "shape %d has %d dimensions (allowed 0..%d)", i,
                             ndims[i], XP_MAX_NDIM);
        if (ndims[i] > nd) nd = ndims[i];
    }
    for (int d = 0; d < nd; d++) out_shape[d] = 1;
    for (int i = 0; i < n; i++) {
        int off = nd - ndims[i];
        for (int d = 0; d < ndims[i]; d++) {
            int64_t e = shapes[i][d];
            int64_t *r = &out_shape[off + d];
            if (e < 0)
                return xp__error(XP_ERR_VALUE, fn, "shape %d has a negative extent %lld", i,
                                 (long long)e);
            if (e == *r || e == 1) continue;
            if (*r == 1) {
                *r = e;
                continue;
            }
            return xp__error(XP_ERR_VALUE, fn,
                             "shapes do not broadcast: extent %lld against %lld (axis %d from "
                             "the right)",
                             (long long)e, (long long)*r, ndims[i] - d);
        }
    }
    *out_ndim = nd;
    return NULL;
}

xp_status xp__iter_run_raw(int nop, char *const *base, int ndim, const int64_t *shape,
                           const int64_t *const *strides, xp_loop_fn f, const void *aux) {
    xp_iter it;
    if (!xp__iter_init(&it, nop, base, ndim, shape, strides)) return XP_OK;
    do {
        xp_status s = f(it.inner_n, it.ptr, it.inner_step, aux);
        if (s != XP_OK) return s;
    } while (xp__iter_next(&it));
    return XP_OK;
}

xp_status xp__iter_run(int nop, const xp_array *const *ops, int ndim, const int64_t *shape,
                       xp_loop_fn f, const void *aux) {
    int64_t st[XP_ITER_MAXOP][XP_MAX_NDIM];
    const int64_t *sp[XP_ITER_MAXOP];
    char *base[XP_ITER_MAXOP];
    for (int k = 0; k < nop; k++) {
        xp__bcast_strides(ops[k], ndim, shape, st[k]);
        sp[k] = st[k];
        base[k] = xp__data(ops[k]);
    }
    return xp__iter_run_raw(nop, base, ndim, shape, sp, f, aux);
}

/* ---- the same on the thread pool: pieces along one axis ------------------- */

typedef struct par_run {
    int nop, ndim, axis;
    int64_t pieces;
    char *const *base;
    const int64_t *shape;
    const int64_t *const *strides;
    xp_loop_fn f;
    const void *aux;
    xp_status st[XP_MAX_THREADS * 4];
} par_run;

static void run_piece(void *ctx, int64_t k) {
    par_run *p = ctx;
    int64_t lo, hi, shape[XP_MAX_NDIM];
    xp__par_range(p->shape[p->axis], p->pieces, k, &lo, &hi);
    char *base[XP_ITER_MAXOP];
    for (int i = 0; i < p->nop; i++) base[i] = p->base[i] + lo * p->strides[i][p->axis];
    memcpy(shape, p->shape, (size_t)p->ndim * sizeof *shape);
    shape[p->axis] = hi - lo;
    p->st[k] = xp__iter_run_raw(p->nop, base, p->ndim, shape, p->strides, p->f, p->aux);
}

xp_status xp__iter_run_split(int nop, char *const *base, int ndim, const int64_t *shape,
                             const int64_t *const *strides, int64_t item_bytes, xp_loop_fn f,
                             const void *aux) {
    int64_t size = 1;
    for (int d = 0; d < ndim; d++) size *= shape[d];
    int axis;
    int64_t pieces = size > 0 ? xp__par_axis_pieces(ndim, shape, size * item_bytes, &axis) : 1;
    if (pieces < 2) return xp__iter_run_raw(nop, base, ndim, shape, strides, f, aux);
    par_run p = {nop, ndim, axis, pieces, base, shape, strides, f, aux, {0}};
    xp__par_for(pieces, run_piece, &p);
    for (int64_t k = 0; k < pieces; k++) /* the first failing piece's status */
        if (p.st[k] != XP_OK) return p.st[k];
    return XP_OK;
}

xp_status xp__iter_run_par(int nop, const xp_array *const *ops, int ndim, const int64_t *shape,
                           xp_loop_fn f, const void *aux) {
    int64_t st[XP_ITER_MAXOP][XP_MAX_NDIM], item = 0;
    const int64_t *sp[XP_ITER_MAXOP];
    char *base[XP_ITER_MAXOP];
    for (int k = 0; k < nop; k++) {
        xp__bcast_strides(ops[k], ndim, shape, st[k]);
        sp[k] = st[k];
        base[k] = xp__data(ops[k]);
        item += (int64_t)xp_dtype_size(ops[k]->dtype);
    }
    return xp__iter_run_split(nop, base, ndim, shape, sp, item, f, aux);
}
