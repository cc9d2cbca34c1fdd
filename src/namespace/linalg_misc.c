/* The elementwise-style members of the linalg extension: diagonal, trace,
 * cross, vector_norm, matrix_norm (norms that need singular values call svd). */
#include "linalg_core.h"
#include "dtype_traits.h"

#include <math.h>
#include <string.h>

/* A view of the offset diagonals of x's last two axes (x has ndim >= 2). */
static xp_array *diag_view(const char *fn, const xp_array *x, int64_t off) {
    int nd = x->ndim;
    int64_t m = x->shape[nd - 2], n = x->shape[nd - 1], rs = x->strides[nd - 2],
            cs = x->strides[nd - 1], len;
    if (off >= 0) len = (n - off < m ? n - off : m);
    else len = (m + off < n ? m + off : n);
    if (len < 0 || (off > 0 && off > n) || (off < 0 && -off > m)) len = 0;
    int64_t sh[XP_MAX_NDIM], sd[XP_MAX_NDIM];
    memcpy(sh, x->shape, sizeof(int64_t) * (size_t)(nd - 2));
    memcpy(sd, x->strides, sizeof(int64_t) * (size_t)(nd - 2));
    sh[nd - 2] = len;
    sd[nd - 2] = rs + cs;
    int64_t o = x->offset;
    if (len > 0) o += off >= 0 ? off * cs : -off * rs;
    return xp__view(fn, x, x->dtype, nd - 1, sh, sd, o);
}

static xp_array *check_2d(const char *fn, const xp_array *x) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (x->ndim < 2)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x': needs ndim >= 2, not %d", x->ndim);
    return NULL;
}

XP_API xp_array *xp_linalg_diagonal(const xp_array *x, const xp_diagonal_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_diagonal";
    xp_array *err = check_2d(fn, x);
    if (err) XP_LEAVE(err);
    xp_array *v = diag_view(fn, x, opts ? opts->offset : 0);
    if (xp_failed(v)) XP_LEAVE(v);
    xp_array *r = xp__copy_as(fn, v, x->dtype);
    xp_release(v);
    XP_LEAVE(r);
}

XP_API xp_array *xp_linalg_trace(const xp_array *x, const xp_trace_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_trace";
    xp_array *err = check_2d(fn, x);
    if (err) XP_LEAVE(err);
    if (x->dtype == XP_BOOL)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'x': needs a numeric dtype, not bool"));
    xp_dtype dt = opts && opts->dtype ? opts->dtype : x->dtype;
    if ((err = xp__check_dtype(fn, "dtype", dt))) XP_LEAVE(err);
    if (!(opts && opts->dtype)) {
        if (xp_dtype_kind(dt) == XP_KIND_SIGNED) dt = XP_INT64;
        if (xp_dtype_kind(dt) == XP_KIND_UNSIGNED) dt = XP_UINT64;
    }
    if (dt == XP_BOOL)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'dtype': needs a numeric dtype, not bool"));
    xp_array *v = diag_view(fn, x, opts ? opts->offset : 0);
    if (xp_failed(v)) XP_LEAVE(v);
    xp_array *d = xp__copy_as(fn, v, dt);
    xp_release(v);
    if (xp_failed(d)) XP_LEAVE(d);
    int64_t len = d->shape[d->ndim - 1];
    xp_array *r = xp__new(fn, dt, d->ndim - 1, d->shape, d->device);
    if (!xp_failed(r)) {
        const char *p = xp__data(d);
        char *q = xp__data(r);
        for (int64_t t = 0; t < r->size; t++) {
#define SUM_(T, ACC)                                                   \
    {                                                                  \
        ACC s = 0;                                                     \
        const T *e = (const T *)(const void *)p + t * len;            \
        for (int64_t i = 0; i < len; i++) s += (ACC)e[i];              \
        ((T *)(void *)q)[t] = (T)s;                                    \
    }                                                                  \
    break;
            switch (dt) {
            case XP_INT8: SUM_(int8_t, uint64_t)
            case XP_INT16: SUM_(int16_t, uint64_t)
            case XP_INT32: SUM_(int32_t, uint64_t)
            case XP_INT64: SUM_(int64_t, uint64_t)
            case XP_UINT8: SUM_(uint8_t, uint64_t)
            case XP_UINT16: SUM_(uint16_t, uint64_t)
            case XP_UINT32: SUM_(uint32_t, uint64_t)
            case XP_UINT64: SUM_(uint64_t, uint64_t)
            case XP_FLOAT32: SUM_(float, float)
            case XP_FLOAT64: SUM_(double, double)
            case XP_COMPLEX64: SUM_(xp_c64_t, xp_c64_t)
            default: SUM_(xp_c128_t, xp_c128_t)
            }
#undef SUM_
        }
    }
    xp_release(d);
    XP_LEAVE(r);
}

/* ---- cross ------------------------------------------------------------------- */

static xp_dtype wide_dtype(xp_dtype dt) {
    switch (xp_dtype_kind(dt)) {
    case XP_KIND_SIGNED: return XP_INT64;
    case XP_KIND_UNSIGNED: return XP_UINT64;
    case XP_KIND_REAL_FLOATING: return XP_FLOAT64;
    default: return XP_COMPLEX128;
    }
}

XP_API xp_array *xp_linalg_cross(const xp_array *x1, const xp_array *x2, const xp_axis_opts *o) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_cross";
    xp_array *err = xp__check(fn, "x1", x1);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) XP_LEAVE(err);
    xp_dtype dt = xp_promote_types(x1->dtype, x2->dtype);
    if (!dt || dt == XP_BOOL)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "arguments 'x1' (%s) and 'x2' (%s): need numeric "
                           "dtypes that promote", xp_dtype_name(x1->dtype), xp_dtype_name(x2->dtype)));
    int64_t axis = o && (o->has_axis || o->axis != 0) ? o->axis : -1;
    int nmin = x1->ndim < x2->ndim ? x1->ndim : x2->ndim;
    if (axis >= 0 || axis < -nmin)
        XP_LEAVE(xp__error(XP_ERR_INDEX, fn, "argument 'axis': %lld is outside [-%d, -1]",
                           (long long)axis, nmin));
    if (x1->shape[x1->ndim + axis] != 3 || x2->shape[x2->ndim + axis] != 3)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'axis': needs size 3 in both, not %lld "
                           "and %lld", (long long)x1->shape[x1->ndim + axis],
                           (long long)x2->shape[x2->ndim + axis]));
    int nds[2] = {x1->ndim, x2->ndim}, nd;
    const int64_t *shs[2] = {x1->shape, x2->shape};
    int64_t sh[XP_MAX_NDIM];
    if ((err = xp__bcast_shapes(fn, 2, nds, shs, &nd, sh))) XP_LEAVE(err);
    xp_dtype wd = wide_dtype(dt);
    xp_array *a = xp__copy_as(fn, x1, wd), *b = NULL, *r = NULL, *res = NULL;
    if (xp_failed(a)) XP_LEAVE(a);
    b = xp__copy_as(fn, x2, wd);
    if (xp_failed(b)) {
        res = xp_retain(b);
        goto out;
    }
    r = xp__new(fn, wd, nd, sh, x1->device);
    if (xp_failed(r)) {
        res = xp_retain(r);
        goto out;
    }
    int ax = nd + (int)axis;
    int64_t sa[XP_MAX_NDIM], sb[XP_MAX_NDIM], idx[XP_MAX_NDIM] = {0};
    xp__bcast_strides(a, nd, sh, sa);
    xp__bcast_strides(b, nd, sh, sb);
    int64_t count = r->size / 3;
    for (int64_t t = 0; t < count; t++) {
        const char *pa = xp__data(a), *pb = xp__data(b);
        char *pr = xp__data(r);
        for (int d = 0; d < nd; d++) {
            pa += idx[d] * sa[d];
            pb += idx[d] * sb[d];
            pr += idx[d] * r->strides[d];
        }
        int64_t ea = sa[ax], eb = sb[ax], er = r->strides[ax];
#define CROSS_(T, U)                                                                     \
    {                                                                                    \
        U a0 = (U) * (const T *)(const void *)pa, a1 = (U) * (const T *)(const void *)(pa + ea), \
          a2 = (U) * (const T *)(const void *)(pa + 2 * ea);                             \
        U b0 = (U) * (const T *)(const void *)pb, b1 = (U) * (const T *)(const void *)(pb + eb), \
          b2 = (U) * (const T *)(const void *)(pb + 2 * eb);                             \
        *(T *)(void *)pr = (T)(a1 * b2 - a2 * b1);                                       \
        *(T *)(void *)(pr + er) = (T)(a2 * b0 - a0 * b2);                                \
        *(T *)(void *)(pr + 2 * er) = (T)(a0 * b1 - a1 * b0);                            \
    }                                                                                    \
    break;
        switch (wd) {
        case XP_INT64: CROSS_(int64_t, uint64_t)
        case XP_UINT64: CROSS_(uint64_t, uint64_t)
        case XP_FLOAT64: CROSS_(double, double)
        default: CROSS_(xp_c128_t, xp_c128_t)
        }
#undef CROSS_
        for (int d = nd - 1; d >= 0; d--) {
            if (d == ax) continue;
            if (++idx[d] < sh[d]) break;
            idx[d] = 0;
        }
    }
    res = wd == dt ? xp_retain(r) : xp__copy_as(fn, r, dt);
out:
    xp_release(a);
    xp_release(b);
    xp_release(r);
    XP_LEAVE(res);
}

/* ---- norms ------------------------------------------------------------------- */

/* The norm of n values |v[i]| (already absolute values). */
static double norm_of(const double *v, int64_t n, xp_norm_ord ord, double p) {
    if (ord == XP_ORD_INF || ord == XP_ORD_NEG_INF) {
        double r = ord == XP_ORD_INF ? 0 : INFINITY;
        for (int64_t i = 0; i < n; i++) {
            if (isnan(v[i])) return NAN;
            r = ord == XP_ORD_INF ? fmax(r, v[i]) : fmin(r, v[i]);
        }
        return r;
    }
    if (ord == XP_ORD_DEFAULT) p = 2;
    if (p == 0) {
        double c = 0;
        for (int64_t i = 0; i < n; i++) c += v[i] != 0;
        return c;
    }
    double scale = 0;
    for (int64_t i = 0; i < n; i++) {
        if (isnan(v[i])) return NAN;
        scale = fmax(scale, v[i]);
    }
    if (p > 0 && (scale == 0 || isinf(scale))) return scale;
    if (p == 1) {
        double s = 0;
        for (int64_t i = 0; i < n; i++) s += v[i];
        return s;
    }
    if (p < 0) {
        double s = 0;
        for (int64_t i = 0; i < n; i++) s += pow(v[i], p);
        return pow(s, 1 / p);
    }
    double s = 0;
    for (int64_t i = 0; i < n; i++) s += p == 2 ? (v[i] / scale) * (v[i] / scale) : pow(v[i] / scale, p);
    return scale * (p == 2 ? sqrt(s) : pow(s, 1 / p));
}

/* |x| of x's float elements after moving `axes` (mask) last, as doubles in a
 * scratch buffer, with the kept shape written to ksh/knd. */
static xp_array *abs_moved(const char *fn, const xp_array *x, const bool *red, double **out,
                           int64_t *len) {
    int64_t sh[XP_MAX_NDIM], sd[XP_MAX_NDIM];
    int j = 0;
    *len = 1;
    for (int pass = 0; pass < 2; pass++)
        for (int d = 0; d < x->ndim; d++)
            if (red[d] == (pass == 1)) {
                sh[j] = x->shape[d];
                sd[j++] = x->strides[d];
                if (pass) *len *= x->shape[d];
            }
    xp_array *v = xp__view(fn, x, x->dtype, x->ndim, sh, sd, x->offset);
    if (xp_failed(v)) return v;
    xp_array *c = xp__copy_as(fn, v, x->dtype);
    xp_release(v);
    if (xp_failed(c)) return c;
    size_t bytes = (size_t)(c->size ? c->size : 1) * sizeof(double);
    double *a = xp__scratch(bytes);
    if (!a) {
        xp_release(c);
        return xp__oom();
    }
    const char *p = xp__data(c);
    for (int64_t i = 0; i < c->size; i++) {
        switch (c->dtype) {
        case XP_FLOAT32: a[i] = fabs((double)((const float *)(const void *)p)[i]); break;
        case XP_FLOAT64: a[i] = fabs(((const double *)(const void *)p)[i]); break;
        case XP_COMPLEX64: a[i] = cabs((xp_c128_t)((const xp_c64_t *)(const void *)p)[i]); break;
        default: a[i] = cabs(((const xp_c128_t *)(const void *)p)[i]); break;
        }
    }
    xp_release(c);
    *out = a;
    return NULL;
}

static xp_array *float_input(const char *fn, const xp_array *x) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (!xp_isdtype(x->dtype, XP_KIND_FLOATING))
        return xp__error(XP_ERR_TYPE, fn, "argument 'x': needs a floating-point dtype, not %s",
                         xp_dtype_name(x->dtype));
    return NULL;
}

/* Result array of real dtype with the reduced axes removed (or kept as 1). */
static xp_array *reduced_new(const char *fn, const xp_array *x, const bool *red, bool keep) {
    int64_t sh[XP_MAX_NDIM];
    int nd = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!red[d]) sh[nd++] = x->shape[d];
        else if (keep) sh[nd++] = 1;
    return xp__new(fn, xp__la_real(x->dtype), nd, sh, x->device);
}

static void store_real(xp_array *r, int64_t i, double v) {
    if (r->dtype == XP_FLOAT32) ((float *)(void *)xp__data(r))[i] = (float)v;
    else ((double *)(void *)xp__data(r))[i] = v;
}

XP_API xp_array *xp_linalg_vector_norm(const xp_array *x, const xp_vector_norm_opts *o) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_vector_norm";
    xp_array *err = float_input(fn, x);
    if (err) XP_LEAVE(err);
    xp_norm_ord ord = o ? o->ord : XP_ORD_DEFAULT;
    double p = o ? o->p : 2;
    if (ord == XP_ORD_FRO || ord == XP_ORD_NUC || (int)ord < 0 || ord > XP_ORD_P ||
        (ord == XP_ORD_P && isnan(p)))
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'ord': not a vector norm order"));
    if (ord == XP_ORD_P && isinf(p)) ord = p > 0 ? XP_ORD_INF : XP_ORD_NEG_INF;
    bool red[XP_MAX_NDIM] = {0};
    if (!o || !o->axes.tuple) {
        for (int d = 0; d < x->ndim; d++) red[d] = true;
    } else {
        for (int i = 0; i < o->axes.n; i++) {
            int64_t a = o->axes.v[i];
            if (a < -x->ndim || a >= x->ndim)
                XP_LEAVE(xp__error(XP_ERR_INDEX, fn, "argument 'axis': %lld is out of range for "
                                   "%d dimensions", (long long)a, x->ndim));
            int d = (int)(a < 0 ? a + x->ndim : a);
            if (red[d]) XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'axis': repeated axis"));
            red[d] = true;
        }
    }
    xp_array *r = reduced_new(fn, x, red, o && o->keepdims);
    if (xp_failed(r)) XP_LEAVE(r);
    double *a;
    int64_t len;
    if ((err = abs_moved(fn, x, red, &a, &len))) {
        xp_release(r);
        XP_LEAVE(err);
    }
    for (int64_t t = 0; t < r->size; t++) store_real(r, t, norm_of(a + t * len, len, ord, p));
    xp__scratch_free(a, (size_t)(x->size ? x->size : 1) * sizeof(double));
    XP_LEAVE(r);
}

XP_API xp_array *xp_linalg_matrix_norm(const xp_array *x, const xp_matrix_norm_opts *o) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_matrix_norm";
    xp_array *err = float_input(fn, x);
    if (err) XP_LEAVE(err);
    if (x->ndim < 2)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': needs ndim >= 2, not %d", x->ndim));
    xp_norm_ord ord = o ? o->ord : XP_ORD_DEFAULT;
    double p = o ? o->p : 0;
    if (ord == XP_ORD_DEFAULT) ord = XP_ORD_FRO;
    if ((int)ord < 0 || ord > XP_ORD_P ||
        (ord == XP_ORD_P && p != 1 && p != 2 && p != -1 && p != -2))
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'ord': not a matrix norm order (use "
                           "'fro', 'nuc', 1, 2, -1, -2, inf, -inf)"));
    bool red[XP_MAX_NDIM] = {0};
    red[x->ndim - 1] = red[x->ndim - 2] = true;
    xp_array *r = reduced_new(fn, x, red, o && o->keepdims);
    if (xp_failed(r)) XP_LEAVE(r);
    int64_t m = x->shape[x->ndim - 2], n = x->shape[x->ndim - 1];
    if (ord == XP_ORD_NUC || (ord == XP_ORD_P && (p == 2 || p == -2))) {
        xp_array *s;
        if ((err = xp__la_svd(fn, x, 'N', NULL, &s, NULL))) {
            xp_release(r);
            XP_LEAVE(err);
        }
        int64_t k = m < n ? m : n;
        for (int64_t t = 0; t < r->size; t++) {
            double v = 0;
            const char *sp = xp__data(s);
            for (int64_t i = 0; i < k; i++) {
                double sv = s->dtype == XP_FLOAT32 ? ((const float *)(const void *)sp)[t * k + i]
                                                   : ((const double *)(const void *)sp)[t * k + i];
                if (ord == XP_ORD_NUC) v += sv;
                else if (p == 2 ? i == 0 : i == k - 1) v = sv;
            }
            store_real(r, t, v);
        }
        xp_release(s);
        XP_LEAVE(r);
    }
    double *a;
    int64_t len;
    if ((err = abs_moved(fn, x, red, &a, &len))) {
        xp_release(r);
        XP_LEAVE(err);
    }
    for (int64_t t = 0; t < r->size; t++) {
        const double *e = a + t * len;
        double v;
        if (ord == XP_ORD_FRO) {
            v = norm_of(e, len, XP_ORD_DEFAULT, 2);
        } else {
            /* 1/-1: column sums; inf/-inf: row sums */
            bool cols = ord == XP_ORD_P;
            bool mx = ord == XP_ORD_INF || (ord == XP_ORD_P && p > 0);
            int64_t outer = cols ? n : m, inner = cols ? m : n;
            v = mx ? 0 : INFINITY;
            for (int64_t i = 0; i < outer; i++) {
                double s = 0;
                for (int64_t j = 0; j < inner; j++) s += cols ? e[j * n + i] : e[i * n + j];
                v = isnan(s) || isnan(v) ? NAN : mx ? fmax(v, s) : fmin(v, s);
            }
        }
        store_real(r, t, v);
    }
    xp__scratch_free(a, (size_t)(x->size ? x->size : 1) * sizeof(double));
    XP_LEAVE(r);
}
