/* libFuzzer target: reshape, broadcast and permute with random shapes.
 *
 * The input draws an int64 array (0-D to 4-D, values 0..size-1) and a chain of up
 * to four manipulations with random arguments (extents, -1 placeholders, axes in
 * and out of range, repeated axes, huge values): reshape, broadcast_to,
 * permute_dims, expand_dims, squeeze, moveaxis, flip, roll, tile, T, mT, and
 * concat/stack with itself. Invariants: every step gives an array or an error
 * array with a message; the element sum follows the operation exactly (kept by
 * the layout operations, multiplied by the replication factor of broadcast_to,
 * tile, concat and stack), which every view's strides must honour. */
#include <xparray.h>

#include "fuzz_input.h"

static int64_t total(const xp_array *a) {
    int64_t v = 0;
    xp_array *s = xp_sum(a, NULL);
    check(!xp_failed(s) && xp_array_int(s, &v) == XP_OK);
    return v;
}

static int draw_ints(fz *f, int64_t *v, int lim) {
    int n = fz_below(f, 6);
    for (int i = 0; i < n; i++) v[i] = fz_below(f, 8) ? fz_small(f, lim) : fz_int(f, lim);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz f = {data, size};
    fz_limit_memory();
    xp_scope_begin();
    int nd = fz_below(&f, 5);
    int64_t shape[4], n = 1;
    for (int i = 0; i < nd; i++) {
        shape[i] = fz_below(&f, 5);
        n *= shape[i];
    }
    xp_array *x = xp_reshape(xp_arange_int(0, n, 1, NULL), nd, shape, NULL);
    check(!xp_failed(x));
    int64_t sum = total(x);
    for (int step = 0; step < 4 && f.n; step++) {
        int64_t v[8], w[8];
        int k = draw_ints(&f, v, 5);
        int64_t factor = 1; /* how many times each element of x appears in y */
        bool exact = true;  /* false: the factor is not known from the sizes alone */
        xp_array *y;
        int op = fz_below(&f, 13);
        if (getenv("FUZZ_TRACE")) {
            fprintf(stderr, "op %d on ndim %d:", op, xp_array_ndim(x));
            for (int i = 0; i < k; i++) fprintf(stderr, " %lld", (long long)v[i]);
            fprintf(stderr, "\n");
        }
        switch (op) {
        case 0: y = xp_reshape(x, k, v, NULL); break;
        case 1: y = xp_broadcast_to(x, k, v); exact = false; break;
        case 2: y = xp_permute_dims(x, k, v); break;
        case 3: y = xp_expand_dims(x, k, v); break;
        case 4: y = xp_squeeze(x, k, v); break;
        case 5: {
            int m = draw_ints(&f, w, 5);
            y = xp_moveaxis(x, k, v, m, w);
            break;
        }
        case 6: y = xp_flip(x, NULL); break;
        case 7: y = xp_roll(x, k, v, NULL); break;
        case 8:
            y = xp_tile(x, k, v);
            exact = false;
            break;
        case 9: y = xp_array_T(x); break;
        case 10: y = xp_array_mT(x); break;
        case 11: y = xp_concat(2, (const xp_array *[]){x, x}, NULL); factor = 2; break;
        default: y = xp_stack(2, (const xp_array *[]){x, x}, NULL); factor = 2; break;
        }
        check_result(y);
        if (xp_failed(y)) continue;
        /* every shape the library makes has a size (and nonzero extents) that fit */
        int64_t want = 1, nonzero = 1;
        for (int i = 0; i < xp_array_ndim(y); i++) {
            int64_t e = xp_array_shape(y)[i];
            check(e >= 0 && !__builtin_mul_overflow(want, e, &want));
            if (e) check(!__builtin_mul_overflow(nonzero, e, &nonzero));
        }
        check(want == xp_array_size(y));
        if (!exact) {
            if (xp_array_size(x) == 0 || xp_array_size(y) % xp_array_size(x)) continue;
            factor = xp_array_size(y) / xp_array_size(x);
        } else {
            check(xp_array_size(y) == factor * xp_array_size(x));
        }
        if (xp_array_size(y) > (1 << 20)) break; /* a huge view: too long to sum */
        xp_array *t = xp_sum(y, NULL);
        if (xp_failed(t) && xp_error_status(t) == XP_ERR_NOMEM) break; /* over fz_limit_memory */
        check(total(y) == factor * sum);
        if (xp_array_size(y) > 4096) break;
        x = y;
        sum = factor * sum;
    }
    xp_scope_end();
    check(xp_internal_call_depth() == 0 && xp_scope_depth() == 0);
    return 0;
}
