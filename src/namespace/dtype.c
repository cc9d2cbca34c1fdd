/* Data types: names, sizes, kinds, limits, the promotion lattice. */
#include "core.h"

#include <float.h>

static const struct {
    const char *name;
    xp_kind kind;
    int bits;
} traits[XP_DTYPE_COUNT] = {
    [XP_DTYPE_DEFAULT] = {NULL, (xp_kind)0, 0},
#define T(E, n, k, b) [XP_##E] = {#n, k, b},
    XP_DTYPES(T)
#undef T
};

static bool valid(xp_dtype dt) { return (int)dt > 0 && dt < XP_DTYPE_COUNT; }

XP_API const char *xp_dtype_name(xp_dtype dt) { return valid(dt) ? traits[dt].name : NULL; }

XP_API xp_dtype xp_dtype_from_name(const char *name) {
    if (!name) return XP_DTYPE_DEFAULT;
    for (int i = 1; i < XP_DTYPE_COUNT; i++)
        if (!strcmp(traits[i].name, name)) return (xp_dtype)i;
    return XP_DTYPE_DEFAULT;
}

XP_API size_t xp_dtype_size(xp_dtype dt) { return valid(dt) ? (size_t)traits[dt].bits / 8 : 0; }

XP_API xp_kind xp_dtype_kind(xp_dtype dt) { return valid(dt) ? traits[dt].kind : (xp_kind)0; }

XP_API xp_status xp_finfo(xp_dtype dt, xp_finfo_t *out) {
    if (!out) return XP_ERR_VALUE;
    switch (dt) {
    case XP_FLOAT32:
    case XP_COMPLEX64:
        *out = (xp_finfo_t){32, FLT_EPSILON, FLT_MAX, -FLT_MAX, FLT_MIN, XP_FLOAT32};
        return XP_OK;
    case XP_FLOAT64:
    case XP_COMPLEX128:
        *out = (xp_finfo_t){64, DBL_EPSILON, DBL_MAX, -DBL_MAX, DBL_MIN, XP_FLOAT64};
        return XP_OK;
    default: return XP_ERR_TYPE;
    }
}

XP_API xp_status xp_iinfo(xp_dtype dt, xp_iinfo_t *out) {
    if (!out) return XP_ERR_VALUE;
    if (!(xp_dtype_kind(dt) & XP_KIND_INTEGRAL)) return XP_ERR_TYPE;
    int bits = traits[dt].bits;
    out->bits = bits;
    out->dtype = dt;
    if (traits[dt].kind == XP_KIND_SIGNED) {
        out->max = (UINT64_C(1) << (bits - 1)) - 1;
        out->min = -(int64_t)out->max - 1;
    } else {
        out->min = 0;
        out->max = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
    }
    return XP_OK;
}

XP_API bool xp_isdtype(xp_dtype dt, xp_kind kinds) {
    return valid(dt) && (traits[dt].kind & kinds) != 0;
}

XP_API xp_kind xp_kind_from_name(const char *kind) {
    static const struct {
        const char *name;
        xp_kind k;
    } names[] = {{"bool", XP_KIND_BOOL},
                 {"signed integer", XP_KIND_SIGNED},
                 {"unsigned integer", XP_KIND_UNSIGNED},
                 {"integral", XP_KIND_INTEGRAL},
                 {"real floating", XP_KIND_REAL_FLOATING},
                 {"complex floating", XP_KIND_COMPLEX_FLOATING},
                 {"numeric", XP_KIND_NUMERIC}};
    if (!kind) return (xp_kind)0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i].name, kind)) return names[i].k;
    return (xp_kind)0;
}

XP_API xp_status xp_isdtype_str(xp_dtype dt, const char *kind, bool *out) {
    if (!out || !kind) return XP_ERR_VALUE;
    if (!valid(dt)) return XP_ERR_TYPE;
    xp_kind k = xp_kind_from_name(kind);
    if (k) {
        *out = (traits[dt].kind & k) != 0;
        return XP_OK;
    }
    xp_dtype other = xp_dtype_from_name(kind);
    if (!other) return XP_ERR_VALUE;
    *out = other == dt;
    return XP_OK;
}

/* The standard's lattice (spec-notes §2). */
XP_API xp_dtype xp_promote_types(xp_dtype a, xp_dtype b) {
    if (!valid(a) || !valid(b)) return XP_DTYPE_DEFAULT;
    if (a == b) return a;
    xp_kind ka = traits[a].kind, kb = traits[b].kind;
    int ba = traits[a].bits, bb = traits[b].bits;
    if (ka == XP_KIND_BOOL || kb == XP_KIND_BOOL) return XP_DTYPE_DEFAULT;
    if ((ka & XP_KIND_INTEGRAL) && (kb & XP_KIND_INTEGRAL)) {
        if (ka == kb) return ba >= bb ? a : b;
        int bs = ka == XP_KIND_SIGNED ? ba : bb; /* signed bits */
        int bu = ka == XP_KIND_SIGNED ? bb : ba; /* unsigned bits */
        if (bu == 64) return XP_DTYPE_DEFAULT;
        int need = bs > 2 * bu ? bs : 2 * bu;
        switch (need) {
        case 8: return XP_INT8;
        case 16: return XP_INT16;
        case 32: return XP_INT32;
        default: return XP_INT64;
        }
    }
    if ((ka & XP_KIND_FLOATING) && (kb & XP_KIND_FLOATING)) {
        int pa = ka == XP_KIND_COMPLEX_FLOATING ? ba / 2 : ba;
        int pb = kb == XP_KIND_COMPLEX_FLOATING ? bb / 2 : bb;
        int p = pa > pb ? pa : pb;
        bool cplx = ka == XP_KIND_COMPLEX_FLOATING || kb == XP_KIND_COMPLEX_FLOATING;
        if (cplx) return p == 64 ? XP_COMPLEX128 : XP_COMPLEX64;
        return p == 64 ? XP_FLOAT64 : XP_FLOAT32;
    }
    return XP_DTYPE_DEFAULT;
}

XP_API bool xp_can_cast(xp_dtype from, xp_dtype to) {
    return valid(from) && valid(to) && xp_promote_types(from, to) == to;
}

XP_API xp_status xp_result_type(int n_arrays, const xp_array *const *arrays, int n_dtypes,
                                const xp_dtype *dtypes, xp_dtype *out) {
    if (!out || n_arrays < 0 || n_dtypes < 0 || (n_arrays && !arrays) || (n_dtypes && !dtypes))
        return XP_ERR_VALUE;
    xp_dtype r = XP_DTYPE_DEFAULT;
    int weak_kinds = 0; /* bitmask of weak scalar kinds seen */
    for (int i = 0; i < n_arrays; i++) {
        const xp_array *x = arrays[i];
        if (!x) return XP_ERR_TYPE;
        if (x->flags & XP__F_ERROR) return x->status;
        if (x->weak) {
            weak_kinds |= 1 << x->weak;
            continue;
        }
        if (!r) {
            r = x->dtype;
        } else if (!(r = xp_promote_types(r, x->dtype))) {
            return XP_ERR_TYPE;
        }
    }
    for (int i = 0; i < n_dtypes; i++) {
        if (!valid(dtypes[i])) return XP_ERR_TYPE;
        if (!r) {
            r = dtypes[i];
        } else if (!(r = xp_promote_types(r, dtypes[i]))) {
            return XP_ERR_TYPE;
        }
    }
    if (!r) return XP_ERR_TYPE; /* weak scalars alone */
    for (int w = XP__WEAK_BOOL; w <= XP__WEAK_COMPLEX; w++) {
        if (!(weak_kinds & (1 << w))) continue;
        if (!(r = xp__weak_dtype(w, r))) return XP_ERR_TYPE;
    }
    *out = r;
    return XP_OK;
}
