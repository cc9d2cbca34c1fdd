/* sort and argsort (issue 5): stable LSD radix sort on order-preserving keys
 * (sort_keys.c), row by row along the axis. */
#include "reduce.h"
#include "pool.h"

/* Keys of n contiguous elements (non-complex dtypes). */
static void fill_keys(xp_dtype dt, const char *p, int64_t n, uint64_t *key, uint64_t flip) {
    switch (dt) {
    case XP_FLOAT64: {
        const double *x = (const double *)p;
        for (int64_t i = 0; i < n; i++) key[i] = xp__key_f64(x[i]) ^ flip;
        break;
    }
    case XP_FLOAT32: {
        const float *x = (const float *)p;
        for (int64_t i = 0; i < n; i++) key[i] = xp__key_f32(x[i]) ^ flip;
        break;
    }
    case XP_INT64: {
        const uint64_t *x = (const uint64_t *)p;
        for (int64_t i = 0; i < n; i++) key[i] = (x[i] ^ (UINT64_C(1) << 63)) ^ flip;
        break;
    }
    default: {
        size_t is = xp_dtype_size(dt);
        uint64_t k[2];
        for (int64_t i = 0; i < n; i++) {
            xp__keys(dt, p + (size_t)i * is, k);
            key[i] = k[0] ^ flip;
        }
    }
    }
}

/* Sorts `rows` contiguous rows of n elements from src into dst (values, or int64
 * indices when arg). */
static bool sort_rows(xp_dtype dt, const char *src, int64_t rows, int64_t n, bool desc, bool arg,
                      char *dst) {
    size_t is = xp_dtype_size(dt);
    bool cplx = xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING;
    if (!arg && !cplx) { /* values: sort the keys alone (sort_keys.c) */
        size_t ks = xp__sort_key_size(dt), kb = (size_t)n * ks;
        void *kbuf = ks == is ? NULL : xp__scratch(kb), *tbuf = xp__scratch(kb);
        bool fine = tbuf && (kbuf || ks == is);
        for (int64_t r = 0; fine && r < rows; r++)
            xp__sort_values(dt, src + (size_t)(r * n) * is, n, desc, dst + (size_t)(r * n) * is,
                            kbuf, tbuf);
        if (kbuf) xp__scratch_free(kbuf, kb);
        if (tbuf) xp__scratch_free(tbuf, kb);
        return fine;
    }
    size_t bytes = (size_t)n * 8;
    uint64_t *key = xp__scratch(bytes), *val = xp__scratch(bytes), *tk = xp__scratch(bytes),
             *tv = xp__scratch(bytes);
    int64_t *perm = cplx ? xp__scratch(bytes) : NULL;
    bool ok = key && val && tk && tv && (perm || !cplx);
    uint64_t flip = desc ? UINT64_MAX : 0;
    for (int64_t r = 0; ok && r < rows; r++) {
        const char *p = src + (size_t)(r * n) * is;
        char *q = dst + (size_t)(r * n) * (arg ? 8 : is);
        if (cplx) {
            ok = xp__argsort_run(dt, p, n, desc, perm);
            if (!ok) break;
            if (arg)
                memcpy(q, perm, bytes);
            else
                for (int64_t i = 0; i < n; i++) memcpy(q + (size_t)i * is, p + (size_t)perm[i] * is, is);
            continue;
        }
        fill_keys(dt, p, n, key, flip);
        if (arg) {
            for (int64_t i = 0; i < n; i++) val[i] = (uint64_t)i;
        } else {
            /* the payload is the element's own bits: no gather afterwards */
            switch (is) {
            case 1: for (int64_t i = 0; i < n; i++) val[i] = ((const uint8_t *)p)[i]; break;
            case 2: for (int64_t i = 0; i < n; i++) val[i] = ((const uint16_t *)p)[i]; break;
            case 4: for (int64_t i = 0; i < n; i++) val[i] = ((const uint32_t *)p)[i]; break;
            default: memcpy(val, p, bytes); break;
            }
        }
        xp__radix_pairs(key, val, n, tk, tv);
        if (arg || is == 8) {
            memcpy(q, val, bytes);
        } else {
            switch (is) {
            case 1: for (int64_t i = 0; i < n; i++) ((uint8_t *)q)[i] = (uint8_t)val[i]; break;
            case 2: for (int64_t i = 0; i < n; i++) ((uint16_t *)q)[i] = (uint16_t)val[i]; break;
            default: for (int64_t i = 0; i < n; i++) ((uint32_t *)q)[i] = (uint32_t)val[i]; break;
            }
        }
    }
    xp__scratch_free(key, bytes);
    xp__scratch_free(val, bytes);
    xp__scratch_free(tk, bytes);
    xp__scratch_free(tv, bytes);
    if (perm) xp__scratch_free(perm, bytes);
    return ok;
}

/* Rows are sorted independently: large batches of rows are cut into pieces of
 * whole rows on the thread pool (each row's result is the same either way; one
 * long row is sorted on the calling thread). */
typedef struct sort_job {
    xp_dtype dt;
    const char *src;
    char *dst;
    int64_t rows, n, pieces;
    bool desc, arg;
    _Atomic bool failed;
} sort_job;

static void sort_piece(void *ctx, int64_t k) {
    sort_job *j = ctx;
    int64_t lo, hi;
    xp__par_range(j->rows, j->pieces, k, &lo, &hi);
    size_t is = xp_dtype_size(j->dt), os = j->arg ? 8 : is;
    if (!sort_rows(j->dt, j->src + (size_t)(lo * j->n) * is, hi - lo, j->n, j->desc, j->arg,
                   j->dst + (size_t)(lo * j->n) * os))
        atomic_store(&j->failed, true);
}

static bool sort_rows_par(xp_dtype dt, const char *src, int64_t rows, int64_t n, bool desc,
                          bool arg, char *dst) {
    size_t is = xp_dtype_size(dt);
    int64_t pieces = xp__par_pieces(rows, n * (int64_t)(is + (arg ? 8 : is)));
    if (pieces < 2) return sort_rows(dt, src, rows, n, desc, arg, dst);
    sort_job j = {dt, src, dst, rows, n, pieces, desc, arg, false};
    xp__par_for(pieces, sort_piece, &j);
    return !atomic_load(&j.failed);
}

static xp_array *sort_impl(bool arg, const xp_array *x, const xp_sort_opts *o) {
    const char *fn = arg ? "xp_argsort" : "xp_sort";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (x->ndim == 0) return xp__error(XP_ERR_VALUE, fn, "argument 'x': cannot sort a 0-D array");
    int axis;
    if ((err = xp__one_axis(fn, "axis", x->ndim, o ? &o->axis : NULL, x->ndim - 1, &axis)))
        return err;
    xp_dtype odt = arg ? XP_INT64 : x->dtype;
    bool moved = false;
    for (int d = axis + 1; d < x->ndim; d++)
        if (x->shape[d] != 1) moved = true;
    xp_array *src = xp__axis_last(fn, x, axis, x->dtype);
    if (xp_failed(src)) return src;
    /* rows of the moved layout: src's shape when moved, else x's */
    xp_array *res = xp__new(fn, odt, x->ndim, moved ? src->shape : x->shape, x->device);
    int64_t n = x->shape[axis];
    if (!xp_failed(res) && res->size > 0 &&
        !sort_rows_par(x->dtype, xp__data(src), res->size / n, n, o && o->descending, arg,
                   xp__data(res))) {
        xp_release(res);
        res = xp__oom();
    }
    xp_release(src);
    if (xp_failed(res) || !moved) return res;
    xp_array *out = xp__new(fn, odt, x->ndim, x->shape, x->device);
    if (!xp_failed(out)) {
        xp_status s = xp__axis_back(out, res, axis);
        if (s != XP_OK) {
            xp_release(out);
            out = xp__error(s, fn, "cannot write the result back");
        }
    }
    xp_release(res);
    return out;
}

XP_API xp_array *xp_sort(const xp_array *x, const xp_sort_opts *opts) {
    XP_ENTER;
    XP_LEAVE(sort_impl(false, x, opts));
}

XP_API xp_array *xp_argsort(const xp_array *x, const xp_sort_opts *opts) {
    XP_ENTER;
    XP_LEAVE(sort_impl(true, x, opts));
}
