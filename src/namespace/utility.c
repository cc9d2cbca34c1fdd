/* Utility functions: all, any, diff (issue 5). */
#include "reduce.h"
#include "dtype_traits.h"

static xp_array *all_any(bool all, const xp_array *x, const xp_reduce_opts *o) {
    const char *fn = all ? "xp_all" : "xp_any";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    bool red[XP_MAX_NDIM];
    if ((err = xp__axes_mask(fn, "axis", x->ndim, o ? &o->axes : NULL, red))) return err;
    int64_t oshape[XP_MAX_NDIM];
    int ond = xp__red_shape(x, red, o && o->keepdims, oshape);
    /* to bool (nonzero, NaN and inf are true), then logical and/or */
    xp_red3 L;
    xp_array *blk = xp__red_block(fn, x, red, XP_BOOL, &L);
    if (xp_failed(blk)) return blk;
    xp_array *r = xp__new(fn, XP_BOOL, ond, oshape, x->device);
    if (!xp_failed(r) && r->size > 0) {
        if (L.n == 0) {
            memset(xp__data(r), all ? 1 : 0, (size_t)r->size);
        } else {
            xp_status s = xp__reduce_run(all ? XP_REDUCE_MIN : XP_REDUCE_MAX, XP_BOOL, &L,
                                         xp__data(blk), xp__data(r));
            if (s != XP_OK) {
                xp_release(r);
                r = xp__error(s, fn, "the bool reduction kernel failed");
            }
        }
    }
    xp_release(blk);
    return r;
}

XP_API xp_array *xp_all(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(all_any(true, x, opts));
}

XP_API xp_array *xp_any(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(all_any(false, x, opts));
}

/* In-place first difference along the middle axis of y[outer][m][inner], over
 * the first `len` slices: y[k] = y[k+1] - y[k] for k < len-1 (integers wrap;
 * bool is !=). */
#define DIFF_FN(NAME, T, OP)                                                               \
    static void NAME(int64_t outer, int64_t m, int64_t len, int64_t inner, void *yv) {     \
        T *y = yv;                                                                         \
        for (int64_t o = 0; o < outer; o++) {                                              \
            T *b = y + o * m * inner;                                                      \
            for (int64_t k = 0; k + 1 < len; k++)                                          \
                for (int64_t j = 0; j < inner; j++) {                                      \
                    T a = b[(k + 1) * inner + j], c = b[k * inner + j];                    \
                    b[k * inner + j] = OP;                                                 \
                }                                                                          \
        }                                                                                  \
    }
DIFF_FN(diff_b, uint8_t, (uint8_t)(a != c))
DIFF_FN(diff_8, uint8_t, (uint8_t)(a - c))
DIFF_FN(diff_16, uint16_t, (uint16_t)(a - c))
DIFF_FN(diff_32, uint32_t, a - c)
DIFF_FN(diff_64, uint64_t, a - c)
DIFF_FN(diff_f32, float, a - c)
DIFF_FN(diff_f64, double, a - c)
DIFF_FN(diff_c64, xp_c64_t, a - c)
DIFF_FN(diff_c128, xp_c128_t, a - c)

typedef void (*diff_fn)(int64_t, int64_t, int64_t, int64_t, void *);
static const diff_fn diffs[XP_DTYPE_COUNT] = {
    [XP_BOOL] = diff_b,     [XP_INT8] = diff_8,       [XP_UINT8] = diff_8,
    [XP_INT16] = diff_16,   [XP_UINT16] = diff_16,    [XP_INT32] = diff_32,
    [XP_UINT32] = diff_32,  [XP_INT64] = diff_64,     [XP_UINT64] = diff_64,
    [XP_FLOAT32] = diff_f32, [XP_FLOAT64] = diff_f64, [XP_COMPLEX64] = diff_c64,
    [XP_COMPLEX128] = diff_c128,
};

static xp_array *diff(const xp_array *x, const xp_diff_opts *o) {
    const char *fn = "xp_diff";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (x->ndim == 0) return xp__error(XP_ERR_VALUE, fn, "argument 'x': must be at least 1-D");
    int axis;
    if ((err = xp__one_axis(fn, "axis", x->ndim, o ? &o->axis : NULL, x->ndim - 1, &axis)))
        return err;
    int64_t nrep = o && (o->has_n || o->n != 0) ? o->n : 1;
    if (nrep < 0)
        return xp__error(XP_ERR_VALUE, fn, "argument 'n': must be >= 0, not %lld",
                         (long long)nrep);
    const xp_array *parts[3] = {o ? o->prepend : NULL, x, o ? o->append : NULL};
    static const char *names[3] = {"prepend", "x", "append"};
    const xp_array *ops[3];
    int nops = 0;
    int64_t total = 0;
    for (int i = 0; i < 3; i++) {
        const xp_array *p = parts[i];
        if (!p) continue;
        if ((err = xp__check(fn, names[i], p))) return err;
        bool same = p->ndim == x->ndim;
        for (int d = 0; same && d < x->ndim; d++)
            if (d != axis && p->shape[d] != x->shape[d]) same = false;
        if (!same)
            return xp__error(XP_ERR_VALUE, fn,
                             "argument '%s': shape must match x's except along axis %d",
                             names[i], axis);
        ops[nops++] = p;
        total += p->shape[axis];
    }
    xp_dtype dt;
    xp_status s = xp_result_type(nops, ops, 0, NULL, &dt);
    if (s != XP_OK)
        return xp__error(s, fn, "arguments 'x', 'prepend', 'append': dtypes do not promote");
    /* the concatenation, contiguous, in dt */
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, x->shape, (size_t)x->ndim * sizeof *shape);
    shape[axis] = total;
    xp_array *cat = xp__new(fn, dt, x->ndim, shape, x->device);
    if (xp_failed(cat)) return cat;
    int64_t off = 0;
    for (int i = 0; i < nops; i++) {
        int64_t vs[XP_MAX_NDIM];
        memcpy(vs, shape, sizeof vs);
        vs[axis] = ops[i]->shape[axis];
        if (vs[axis] > 0 && cat->size > 0) {
            xp_array *v = xp__view(fn, cat, dt, x->ndim, vs, cat->strides,
                                   cat->offset + off * cat->strides[axis]);
            s = xp_failed(v) ? xp_error_status(v) : xp__copy_into(v, ops[i]);
            xp_release(v);
            if (s != XP_OK) {
                xp_release(cat);
                return xp__error(s, fn, "cannot assemble the input");
            }
        }
        off += vs[axis];
    }
    int64_t outer, m, inner;
    xp__split3(x->ndim, shape, axis, &outer, &m, &inner);
    int64_t steps = nrep < m ? nrep : m;
    if (cat->size > 0)
        for (int64_t k = 0; k < steps; k++) diffs[dt](outer, m, m - k, inner, xp__data(cat));
    /* the first m - n slices of each row: a view copied out */
    int64_t rs[XP_MAX_NDIM];
    memcpy(rs, shape, sizeof rs);
    rs[axis] = m - steps;
    if (rs[axis] == m) return cat;
    xp_array *v = xp__view(fn, cat, dt, x->ndim, rs, cat->strides, cat->offset);
    xp_array *r = xp_failed(v) ? xp_retain(v) : xp__copy_as(fn, v, dt);
    xp_release(v);
    xp_release(cat);
    return r;
}

XP_API xp_array *xp_diff(const xp_array *x, const xp_diff_opts *opts) {
    XP_ENTER;
    XP_LEAVE(diff(x, opts));
}
