/* Elementwise functions: the dtype rule of each function (spec-inventory's
 * input_dtypes / output_dtype columns) and the weak-scalar and promotion rules. */
#include "ew.h"

#define B XP_KIND_BOOL
#define I XP_KIND_INTEGRAL
#define F XP_KIND_REAL_FLOATING
#define C XP_KIND_COMPLEX_FLOATING
#define E(name, ar, k, o, tf) [XP_OP_##name] = {"xp_" #name, ar, k, XP__OUT_##o, tf},

const xp__ew_info xp__ew_table[XP_OP_COUNT] = {
    E(abs, 1, I | F | C, REAL, 0) E(acos, 1, F | C, SAME, 1) E(acosh, 1, F | C, SAME, 1)
    E(add, 2, I | F | C, SAME, 0) E(asin, 1, F | C, SAME, 1) E(asinh, 1, F | C, SAME, 1)
    E(atan, 1, F | C, SAME, 1) E(atan2, 2, F, SAME, 1) E(atanh, 1, F | C, SAME, 1)
    E(bitwise_and, 2, B | I, SAME, 0) E(bitwise_left_shift, 2, I, SAME, 0)
    E(bitwise_invert, 1, B | I, SAME, 0) E(bitwise_or, 2, B | I, SAME, 0)
    E(bitwise_right_shift, 2, I, SAME, 0) E(bitwise_xor, 2, B | I, SAME, 0)
    E(ceil, 1, I | F, SAME, 0) E(clip, 3, I | F, SAME, 0) E(conj, 1, I | F | C, SAME, 0)
    E(copysign, 2, F, SAME, 1) E(cos, 1, F | C, SAME, 1) E(cosh, 1, F | C, SAME, 1)
    E(divide, 2, F | C, SAME, 1) E(equal, 2, B | I | F | C, BOOL, 0)
    E(exp, 1, F | C, SAME, 1) E(expm1, 1, F | C, SAME, 1) E(floor, 1, I | F, SAME, 0)
    E(floor_divide, 2, I | F, SAME, 0) E(greater, 2, I | F, BOOL, 0)
    E(greater_equal, 2, I | F, BOOL, 0) E(hypot, 2, F, SAME, 1) E(imag, 1, C, REAL, 0)
    E(isfinite, 1, I | F | C, BOOL, 0) E(isinf, 1, I | F | C, BOOL, 0)
    E(isnan, 1, I | F | C, BOOL, 0) E(less, 2, I | F, BOOL, 0) E(less_equal, 2, I | F, BOOL, 0)
    E(log, 1, F | C, SAME, 1) E(log1p, 1, F | C, SAME, 1) E(log2, 1, F | C, SAME, 1)
    E(log10, 1, F | C, SAME, 1) E(logaddexp, 2, F, SAME, 1) E(logical_and, 2, B, BOOL, 0)
    E(logical_not, 1, B, BOOL, 0) E(logical_or, 2, B, BOOL, 0) E(logical_xor, 2, B, BOOL, 0)
    E(maximum, 2, I | F, SAME, 0) E(minimum, 2, I | F, SAME, 0)
    E(multiply, 2, I | F | C, SAME, 0) E(negative, 1, I | F | C, SAME, 0)
    E(nextafter, 2, F, SAME, 0) E(not_equal, 2, B | I | F | C, BOOL, 0)
    E(positive, 1, I | F | C, SAME, 0) E(pow, 2, I | F | C, SAME, 0)
    E(real, 1, I | F | C, REAL, 0) E(reciprocal, 1, F | C, SAME, 1)
    E(remainder, 2, I | F, SAME, 0) E(round, 1, I | F | C, SAME, 0)
    E(sign, 1, I | F | C, SAME, 0) E(signbit, 1, F, BOOL, 0) E(sin, 1, F | C, SAME, 1)
    E(sinh, 1, F | C, SAME, 1) E(square, 1, I | F | C, SAME, 0) E(sqrt, 1, F | C, SAME, 1)
    E(subtract, 2, I | F | C, SAME, 0) E(tan, 1, F | C, SAME, 1) E(tanh, 1, F | C, SAME, 1)
    E(trunc, 1, I | F, SAME, 0)
};

xp_dtype xp__ew_out_dtype(xp_op op, xp_dtype ct) {
    switch (xp__ew_table[op].out) {
    case XP__OUT_BOOL: return XP_BOOL;
    case XP__OUT_REAL:
        return ct == XP_COMPLEX64 ? XP_FLOAT32 : ct == XP_COMPLEX128 ? XP_FLOAT64 : ct;
    }
    return ct;
}

static const char *weak_name(int weak) {
    switch (weak) {
    case XP__WEAK_BOOL: return "bool";
    case XP__WEAK_INT: return "int";
    case XP__WEAK_FLOAT: return "float";
    }
    return "complex";
}

/* The dtype weak scalar `s` (argument `arg`) takes against dtype `other`. */
static xp_array *weak_as(const char *fn, const char *arg, const xp_array *s, xp_dtype other,
                         xp_dtype *d) {
    xp_dtype w = xp__weak_dtype(s->weak, other);
    if (!w)
        return xp__error(XP_ERR_TYPE, fn, "argument '%s': a Python %s scalar does not fit dtype %s",
                         arg, weak_name(s->weak), xp_dtype_name(other));
    if (!xp__weak_int_fits(s, w)) {
        char t[24];
        return xp__error(XP_ERR_VALUE, fn, "argument '%s': the integer %s is out of range for %s",
                         arg, xp__weak_int_text(s, t), xp_dtype_name(w));
    }
    *d = w;
    return NULL;
}

/* The computation dtype of `op` for promoted dtype `p`, or an error. */
static xp_array *rule(xp_op op, xp_dtype p, xp_dtype *ct) {
    const xp__ew_info *in = &xp__ew_table[op];
    xp_kind k = xp_dtype_kind(p);
    if (in->to_float && (k & XP_KIND_INTEGRAL)) {
        *ct = XP_FLOAT64;
        return NULL;
    }
    if (!(k & in->kinds))
        return xp__error(XP_ERR_TYPE, in->fn, "dtype %s is not accepted", xp_dtype_name(p));
    *ct = p;
    return NULL;
}

xp_array *xp__ew_resolve2(xp_op op, const xp_array *x1, const xp_array *x2, xp_dtype *ct) {
    const char *fn = xp__ew_table[op].fn;
    xp_dtype d1 = x1->dtype, d2 = x2->dtype;
    xp_array *err = NULL;
    if (x1->weak && x2->weak) {
        /* two Python scalars: the wider kind's default dtype for both */
        int w = x1->weak > x2->weak ? x1->weak : x2->weak;
        d1 = d2 = xp__weak_default(w);
        const xp_array *ops[2] = {x1, x2};
        for (int i = 0; i < 2; i++)
            if (!xp__weak_int_fits(ops[i], d1)) {
                char t[24];
                return xp__error(XP_ERR_VALUE, fn,
                                 "argument 'x%d': the integer %s is out of range for %s", i + 1,
                                 xp__weak_int_text(ops[i], t), xp_dtype_name(d1));
            }
    } else if (x1->weak) {
        err = weak_as(fn, "x1", x1, d2, &d1);
    } else if (x2->weak) {
        err = weak_as(fn, "x2", x2, d1, &d2);
    } else if (x1->device != x2->device) {
        return xp__error(XP_ERR_DEVICE, fn, "arguments 'x1' and 'x2' are on different devices");
    }
    if (err) return err;
    if (op == XP_OP_nextafter && d1 != d2)
        return xp__error(XP_ERR_TYPE, fn, "arguments 'x1' and 'x2' must have the same dtype "
                         "(%s, %s)", xp_dtype_name(d1), xp_dtype_name(d2));
    xp_dtype p = d1 == d2 ? d1 : xp_promote_types(d1, d2);
    if (!p)
        return xp__error(XP_ERR_TYPE, fn, "dtypes %s and %s do not promote (mixed kinds)",
                         xp_dtype_name(d1), xp_dtype_name(d2));
    return rule(op, p, ct);
}
