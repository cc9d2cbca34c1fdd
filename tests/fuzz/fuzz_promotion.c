/* libFuzzer target: dtype promotion and astype.
 *
 * The input draws two dtypes (sometimes invalid enum values), raw element bytes
 * for a small array of each, and weak scalars of every kind with extreme values.
 * Invariants: promote_types is symmetric and agrees with result_type and with
 * can_cast (both operands cast safely to the result); a binary operation's result
 * has exactly the promoted dtype, or fails with XP_ERR_TYPE when there is none;
 * astype between any two dtypes of any bit pattern (NaN, infinities, values out
 * of every integer range) is defined behaviour (UBSan watches), and a safe cast
 * followed by a cast back restores every value. */
#include <xparray.h>

#include "fuzz_input.h"

static xp_dtype draw_dtype(fz *f) {
    int k = fz_below(f, 16);
    return (xp_dtype)(k == 15 ? 99 : k == 14 ? -1 : k); /* 0 and out-of-range: invalid */
}

static xp_array *draw_array(fz *f, xp_dtype dt) {
    size_t item = xp_dtype_size(dt);
    int64_t n = fz_below(f, 5);
    uint8_t buf[5 * 16] = {0};
    if (item == 0) return xp_zeros(1, (int64_t[]){n}, &(xp_create_opts){.dtype = dt});
    for (size_t i = 0; i < (size_t)n * item; i++) buf[i] = fz_u8(f);
    if (dt == XP_BOOL)
        for (int64_t i = 0; i < n; i++) buf[i] &= 1;
    return xp_asarray_buffer(buf, dt, 1, (int64_t[]){n}, NULL);
}

static xp_array *draw_scalar(fz *f) {
    switch (fz_below(f, 4)) {
    case 0: return xp_bool(fz_u8(f) & 1);
    case 1: return xp_int(fz_int(f, 300));
    case 2: {
        double d;
        uint64_t u = fz_u64(f);
        memcpy(&d, &u, sizeof d);
        return xp_float(d);
    }
    default: return xp_complex((double)fz_small(f, 100), (double)fz_small(f, 100));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz f = {data, size};
    fz_limit_memory();
    xp_scope_begin();
    xp_dtype a = draw_dtype(&f), b = draw_dtype(&f);
    xp_dtype p = xp_promote_types(a, b);
    check(p == xp_promote_types(b, a));
    xp_dtype r = XP_DTYPE_DEFAULT;
    xp_status st = xp_result_type(0, NULL, 2, (xp_dtype[]){a, b}, &r);
    if (p != XP_DTYPE_DEFAULT) {
        check(st == XP_OK && r == p && xp_can_cast(a, p) && xp_can_cast(b, p));
    } else {
        check(st != XP_OK);
    }

    xp_array *x = draw_array(&f, a), *y = draw_array(&f, b);
    check_result(x);
    check_result(y);
    if (!xp_failed(x) && !xp_failed(y)) {
        /* an invalid dtype drew an array of the default dtype (or none at all) */
        a = xp_array_dtype(x);
        b = xp_array_dtype(y);
        p = xp_promote_types(a, b);
        xp_array *z = xp_add(x, y);
        check_result(z);
        if (p != XP_DTYPE_DEFAULT && xp_array_size(x) == xp_array_size(y) && p != XP_BOOL)
            check(!xp_failed(z) && xp_array_dtype(z) == p);
        if (p == XP_DTYPE_DEFAULT && !xp_failed(z)) {
            fprintf(stderr, "add(%s, %s) gave %s; promote_types has none\n", xp_dtype_name(a),
                    xp_dtype_name(b), xp_dtype_name(xp_array_dtype(z)));
            check(xp_failed(z));
        }

        /* any cast of any bit pattern is defined; a safe cast round-trips */
        xp_array *c = xp_astype(x, b, NULL);
        check_result(c);
        /* complex to real is refused by astype (the standard's advice), so the
         * cast back is only tried when it is not one */
        bool back_ok = !(xp_dtype_kind(b) == XP_KIND_COMPLEX_FLOATING &&
                         xp_dtype_kind(a) != XP_KIND_COMPLEX_FLOATING);
        if (xp_can_cast(a, b) && back_ok) {
            check(!xp_failed(c));
            xp_array *back = xp_astype(c, a, NULL);
            check(!xp_failed(back));
            bool floating = xp_dtype_kind(a) == XP_KIND_REAL_FLOATING ||
                            xp_dtype_kind(a) == XP_KIND_COMPLEX_FLOATING;
            xp_array *eq = xp_equal(back, x);
            xp_array *same = xp_all(floating ? xp_logical_or(eq, xp_isnan(x)) : eq, NULL);
            bool all = false;
            check(xp_array_bool(same, &all) == XP_OK && all);
        }

        /* weak scalars take the array's dtype or fail cleanly */
        xp_array *s = draw_scalar(&f);
        xp_array *w = xp_multiply(x, s);
        check_result(w);
    }
    xp_scope_end();
    check(xp_internal_call_depth() == 0 && xp_scope_depth() == 0);
    return 0;
}
