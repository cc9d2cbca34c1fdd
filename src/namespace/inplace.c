/* In-place operators (`x1 op= x2`): the result keeps x1's dtype and shape. */
#include "ew.h"

/* Byte range [lo, hi) that x's elements occupy. */
static void extent(const xp_array *x, uintptr_t *lo, uintptr_t *hi) {
    intptr_t a = 0, b = 0;
    for (int d = 0; d < x->ndim; d++) {
        intptr_t span = (intptr_t)(x->shape[d] - 1) * (intptr_t)x->strides[d];
        if (span < 0) a += span; else b += span;
    }
    uintptr_t p = (uintptr_t)xp__data(x);
    *lo = p + (uintptr_t)a;
    *hi = p + (uintptr_t)b + xp_dtype_size(x->dtype);
}

/* True when writing x1 elementwise could change x2's elements before they are
 * read: their memory overlaps and the layouts differ. */
static bool overlaps(const xp_array *x1, const xp_array *x2) {
    if (x2->weak || x2->size == 0) return false;
    uintptr_t a0, a1, b0, b1;
    extent(x1, &a0, &a1);
    extent(x2, &b0, &b1);
    if (a1 <= b0 || b1 <= a0) return false;
    if (x1->ndim == x2->ndim && xp__data(x1) == xp__data(x2) && x1->dtype == x2->dtype) {
        bool same = true;
        for (int d = 0; d < x1->ndim; d++)
            if (x1->shape[d] != x2->shape[d] || x1->strides[d] != x2->strides[d]) same = false;
        if (same) return false; /* x op= x: each element reads itself only */
    }
    return true;
}

/* The arguments of an in-place operator: both arrays valid, x1 writable and not
 * a weak scalar. XP_OK, or the status (with the last error set). */
static xp_status check_target(const char *fn, xp_array *x1, const xp_array *x2) {
    xp_array *err = xp__check(fn, "x1", x1);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) return xp__status_of(err);
    if (x1->flags & XP__F_READONLY)
        return xp__status_error(XP_ERR_VALUE, fn, "argument 'x1' is read-only");
    if (x1->weak)
        return xp__status_error(XP_ERR_VALUE, fn,
                                "argument 'x1' is a weak scalar (a Python scalar cannot be "
                                "updated in place)");
    return XP_OK;
}

static xp_status inplace(const char *fn, xp_op op, xp_array *x1, const xp_array *x2) {
    xp_status st0 = check_target(fn, x1, x2);
    if (st0 != XP_OK) return st0;
    xp_dtype ct;
    xp_array *err = xp__ew_resolve2(op, x1, x2, &ct);
    if (err) { /* name the in-place operator, then the operation's own reason */
        xp_status st = xp__status_error(xp_error_status(err), fn, "%s", xp_error_message(err));
        xp_release(err);
        return st;
    }
    if (xp__ew_out_dtype(op, ct) != x1->dtype || ct != x1->dtype)
        return xp__status_error(XP_ERR_TYPE, fn,
                                "the result dtype %s of x1 and x2 is not x1's dtype %s",
                                xp_dtype_name(xp__ew_out_dtype(op, ct)), xp_dtype_name(x1->dtype));
    /* x2 must broadcast to x1's shape */
    bool fits = x2->ndim <= x1->ndim;
    for (int d = 0; fits && d < x2->ndim; d++) {
        int64_t e = x2->shape[x2->ndim - 1 - d];
        if (e != 1 && e != x1->shape[x1->ndim - 1 - d]) fits = false;
    }
    if (!fits)
        return xp__status_error(XP_ERR_VALUE, fn,
                                "argument 'x2' (ndim %d) does not broadcast to the shape of "
                                "'x1' (ndim %d)",
                                x2->ndim, x1->ndim);
    if (x1->size == 0) return XP_OK;
    bool shared = overlaps(x1, x2);
    bool may_fail = op == XP_OP_pow && (xp_dtype_kind(ct) & XP_KIND_SIGNED);
    xp_status st;
    if (shared || may_fail) {
        /* compute into a temporary: x2 may overlap x1; a failing kernel leaves x1 intact */
        xp_array *r = xp__ew_binary(op, x1, x2);
        if (xp_failed(r)) return xp__status_of(r);
        st = xp__copy_into(x1, r);
        xp_release(r);
        if (st != XP_OK) return xp__status_error(st, fn, "copying the result into 'x1' failed");
        return st;
    }
    err = NULL;
    st = xp__ew_binary_into(op, ct, x1, x2, x1, &err);
    if (st != XP_OK && err) return xp__status_of(err);
    xp_release(err);
    if (st != XP_OK) return xp__status_error(st, fn, "the kernel failed");
    return st;
}

XP_API xp_status xp_array_iadd(xp_array *x1, const xp_array *x2) { return inplace("xp_array_iadd", XP_OP_add, x1, x2); }
XP_API xp_status xp_array_isub(xp_array *x1, const xp_array *x2) { return inplace("xp_array_isub", XP_OP_subtract, x1, x2); }
XP_API xp_status xp_array_imul(xp_array *x1, const xp_array *x2) { return inplace("xp_array_imul", XP_OP_multiply, x1, x2); }
XP_API xp_status xp_array_itruediv(xp_array *x1, const xp_array *x2) { return inplace("xp_array_itruediv", XP_OP_divide, x1, x2); }
XP_API xp_status xp_array_ifloordiv(xp_array *x1, const xp_array *x2) { return inplace("xp_array_ifloordiv", XP_OP_floor_divide, x1, x2); }
XP_API xp_status xp_array_ipow(xp_array *x1, const xp_array *x2) { return inplace("xp_array_ipow", XP_OP_pow, x1, x2); }
XP_API xp_status xp_array_imod(xp_array *x1, const xp_array *x2) { return inplace("xp_array_imod", XP_OP_remainder, x1, x2); }
XP_API xp_status xp_array_iand(xp_array *x1, const xp_array *x2) { return inplace("xp_array_iand", XP_OP_bitwise_and, x1, x2); }
XP_API xp_status xp_array_ior(xp_array *x1, const xp_array *x2) { return inplace("xp_array_ior", XP_OP_bitwise_or, x1, x2); }
XP_API xp_status xp_array_ixor(xp_array *x1, const xp_array *x2) { return inplace("xp_array_ixor", XP_OP_bitwise_xor, x1, x2); }
XP_API xp_status xp_array_ilshift(xp_array *x1, const xp_array *x2) { return inplace("xp_array_ilshift", XP_OP_bitwise_left_shift, x1, x2); }
XP_API xp_status xp_array_irshift(xp_array *x1, const xp_array *x2) { return inplace("xp_array_irshift", XP_OP_bitwise_right_shift, x1, x2); }

/* x1 @= x2: the product goes to a temporary (x2 may share x1's memory) and is
 * copied back only when it has x1's dtype and shape. */
XP_API xp_status xp_array_imatmul(xp_array *x1, const xp_array *x2) {
    static const char fn[] = "xp_array_imatmul";
    xp_status st0 = check_target(fn, x1, x2);
    if (st0 != XP_OK) return st0;
    XP_ENTER;
    xp_array *r = xp_matmul(x1, x2);
    xp_status st = XP_OK;
    if (xp_failed(r)) {
        st = xp__status_error(r->status, fn, "%s", xp_error_message(r));
    } else if (r->dtype != x1->dtype) {
        st = xp__status_error(XP_ERR_TYPE, fn, "the result dtype %s of x1 @ x2 is not x1's dtype %s",
                              xp_dtype_name(r->dtype), xp_dtype_name(x1->dtype));
    } else {
        bool same = r->ndim == x1->ndim;
        for (int d = 0; same && d < r->ndim; d++) same = r->shape[d] == x1->shape[d];
        if (!same)
            st = xp__status_error(XP_ERR_VALUE, fn,
                                  "x1 @ x2 does not have x1's shape (in-place matmul keeps it)");
        else if (x1->size)
            st = xp__copy_into(x1, r);
    }
    xp_release(r);
    return xp__leave_n(st, 0, NULL);
}
