/* Weak scalars: Python ints, floats, complexes and bools as 0-D arrays that take
 * the other operand's dtype. */
#include "core.h"

#include <complex.h>
#include <stdio.h>

static xp_array *make(int weak, xp_dtype dt, const void *value) {
    xp_array *a = xp__new("xp_scalar", dt, 0, NULL, XP_DEVICE_CPU);
    if (xp_failed(a)) return a;
    memcpy(xp__data(a), value, xp_dtype_size(dt));
    a->weak = weak;
    return a;
}

XP_API xp_array *xp_int(int64_t v) {
    XP_ENTER;
    XP_LEAVE(make(XP__WEAK_INT, XP_INT64, &v));
}

XP_API xp_array *xp_uint(uint64_t v) {
    XP_ENTER;
    if (v <= (uint64_t)INT64_MAX) {
        int64_t s = (int64_t)v;
        XP_LEAVE(make(XP__WEAK_INT, XP_INT64, &s));
    }
    /* above int64: the same weak int, its value held in a uint64 element */
    XP_LEAVE(make(XP__WEAK_INT, XP_UINT64, &v));
}

XP_API xp_array *xp_float(double v) {
    XP_ENTER;
    XP_LEAVE(make(XP__WEAK_FLOAT, XP_FLOAT64, &v));
}

XP_API xp_array *xp_complex(double re, double im) {
    XP_ENTER;
    double v[2] = {re, im};
    XP_LEAVE(make(XP__WEAK_COMPLEX, XP_COMPLEX128, v));
}

XP_API xp_array *xp_bool(bool b) {
    XP_ENTER;
    uint8_t v = b ? 1 : 0;
    XP_LEAVE(make(XP__WEAK_BOOL, XP_BOOL, &v));
}

xp_dtype xp__weak_default(int weak) {
    switch (weak) {
    case XP__WEAK_BOOL: return XP_BOOL;
    case XP__WEAK_INT: return XP_INT64;
    case XP__WEAK_FLOAT: return XP_FLOAT64;
    case XP__WEAK_COMPLEX: return XP_COMPLEX128;
    }
    return XP_DTYPE_DEFAULT;
}

xp_dtype xp__weak_dtype(int weak, xp_dtype other) {
    xp_kind k = xp_dtype_kind(other);
    switch (weak) {
    case XP__WEAK_BOOL: return k == XP_KIND_BOOL ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_INT: return (k & (XP_KIND_INTEGRAL | XP_KIND_FLOATING)) ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_FLOAT: return (k & XP_KIND_FLOATING) ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_COMPLEX:
        if (k == XP_KIND_COMPLEX_FLOATING) return other;
        if (other == XP_FLOAT32) return XP_COMPLEX64;
        if (other == XP_FLOAT64) return XP_COMPLEX128;
        return XP_DTYPE_DEFAULT;
    }
    return other;
}

bool xp__weak_int_fits(const xp_array *s, xp_dtype dt) {
    if (s->weak != XP__WEAK_INT) return true;
    xp_iinfo_t ii;
    if (xp_iinfo(dt, &ii) != XP_OK) return true;
    if (s->dtype == XP_UINT64) {
        uint64_t u;
        memcpy(&u, xp__data(s), sizeof u);
        return u <= ii.max;
    }
    int64_t v;
    memcpy(&v, xp__data(s), sizeof v);
    if (v < 0) return v >= ii.min;
    return (uint64_t)v <= ii.max;
}

const char *xp__weak_int_text(const xp_array *s, char buf[24]) {
    if (s->dtype == XP_UINT64) {
        uint64_t u;
        memcpy(&u, xp__data(s), sizeof u);
        snprintf(buf, 24, "%llu", (unsigned long long)u);
    } else {
        int64_t v;
        memcpy(&v, xp__data(s), sizeof v);
        snprintf(buf, 24, "%lld", (long long)v);
    }
    return buf;
}
