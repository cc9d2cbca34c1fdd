/* Python conversions of one-element arrays: bool(), int(), float(), complex(),
 * operator.index(). */
#include "iter.h"

#include <math.h>

/* The single element of x converted to `to` (16-byte buffer), or a status. */
static xp_status element(const xp_array *x, xp_dtype to, void *buf) {
    if (!x) return XP_ERR_TYPE;
    if (x->flags & XP__F_ERROR) return x->status;
    if (x->size != 1) return XP_ERR_VALUE;
    char *args[2] = {xp__data(x), (char *)buf};
    int64_t steps[2] = {0, 0};
    xp__cast_loop(x->dtype, to)(1, args, steps, NULL);
    return XP_OK;
}

XP_API xp_status xp_array_bool(const xp_array *x, bool *out) {
    double c[2];
    xp_status st = element(x, XP_COMPLEX128, c);
    if (st != XP_OK) return st;
    if (!out) return XP_ERR_VALUE;
    *out = c[0] != 0 || c[1] != 0; /* NaN is true, as in Python */
    return XP_OK;
}

XP_API xp_status xp_array_float(const xp_array *x, double *out) {
    if (x && !(x->flags & XP__F_ERROR) && xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING)
        return XP_ERR_TYPE;
    double v;
    xp_status st = element(x, XP_FLOAT64, &v);
    if (st == XP_OK) {
        if (!out) return XP_ERR_VALUE;
        *out = v;
    }
    return st;
}

XP_API xp_status xp_array_complex(const xp_array *x, double *re, double *im) {
    double c[2];
    xp_status st = element(x, XP_COMPLEX128, c);
    if (st != XP_OK) return st;
    if (!re || !im) return XP_ERR_VALUE;
    *re = c[0];
    *im = c[1];
    /* the standard's special case: complex() of a real NaN is NaN + NaN j */
    if (xp_dtype_kind(x->dtype) == XP_KIND_REAL_FLOATING && isnan(c[0])) *im = c[0];
    return XP_OK;
}

XP_API xp_status xp_array_int(const xp_array *x, int64_t *out) {
    if (!x) return XP_ERR_TYPE;
    if (x->flags & XP__F_ERROR) return x->status;
    xp_kind k = xp_dtype_kind(x->dtype);
    if (k == XP_KIND_COMPLEX_FLOATING) return XP_ERR_TYPE;
    if (!out) return XP_ERR_VALUE;
    if (k == XP_KIND_REAL_FLOATING) {
        double v;
        xp_status st = element(x, XP_FLOAT64, &v);
        if (st != XP_OK) return st;
        v = trunc(v);
        if (!(v >= -0x1p63 && v < 0x1p63)) return XP_ERR_VALUE; /* NaN, inf, out of int64 */
        *out = (int64_t)v;
        return XP_OK;
    }
    if (x->dtype == XP_UINT64) {
        uint64_t u;
        xp_status st = element(x, XP_UINT64, &u);
        if (st != XP_OK) return st;
        if (u > (uint64_t)INT64_MAX) return XP_ERR_VALUE;
        *out = (int64_t)u;
        return XP_OK;
    }
    return element(x, XP_INT64, out);
}

XP_API xp_status xp_array_uint(const xp_array *x, uint64_t *out) {
    if (!x) return XP_ERR_TYPE;
    if (x->flags & XP__F_ERROR) return x->status;
    xp_kind k = xp_dtype_kind(x->dtype);
    if (k == XP_KIND_COMPLEX_FLOATING) return XP_ERR_TYPE;
    if (!out) return XP_ERR_VALUE;
    if (k == XP_KIND_REAL_FLOATING) {
        double v;
        xp_status st = element(x, XP_FLOAT64, &v);
        if (st != XP_OK) return st;
        v = trunc(v);
        if (!(v >= 0 && v < 0x1p64)) return XP_ERR_VALUE; /* NaN, inf, negative, too large */
        *out = (uint64_t)v;
        return XP_OK;
    }
    if (x->dtype == XP_UINT64) return element(x, XP_UINT64, out);
    int64_t v;
    xp_status st = element(x, XP_INT64, &v);
    if (st != XP_OK) return st;
    if (v < 0) return XP_ERR_VALUE;
    *out = (uint64_t)v;
    return XP_OK;
}

XP_API xp_status xp_array_index(const xp_array *x, int64_t *out) {
    if (!x) return XP_ERR_TYPE;
    if (x->flags & XP__F_ERROR) return x->status;
    if (!(xp_dtype_kind(x->dtype) & XP_KIND_INTEGRAL)) return XP_ERR_TYPE;
    return xp_array_int(x, out);
}
