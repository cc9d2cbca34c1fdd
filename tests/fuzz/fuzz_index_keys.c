/* libFuzzer target: indexing keys on random shapes.
 *
 * The input draws an array shape (0-D to 4-D, small and empty extents) and a key
 * of up to six entries: integers (some far out of range), slices with omitted,
 * huge or zero steps, ellipses, newaxes, integer index arrays of several dtypes,
 * boolean masks of matching or mismatching shapes, and float index arrays.
 * Invariants: getitem gives an array or an error array with a message, never a
 * crash or a read outside x (every element of a result is read); setitem with a
 * scalar succeeds exactly when getitem of the same key does, with the same status
 * otherwise, and afterwards x[key] holds only that scalar. */
#include <xparray.h>

#include "fuzz_input.h"

static const xp_dtype index_dtypes[] = {XP_INT8, XP_INT64, XP_UINT8, XP_INT32};

static xp_array *index_array(fz *f) {
    int len = fz_below(f, 4);
    int64_t vals[4];
    for (int i = 0; i < len; i++) vals[i] = fz_small(f, 7);
    xp_array *a = xp_asarray_buffer(vals, XP_INT64, 1, (int64_t[]){len}, NULL);
    xp_dtype dt = index_dtypes[fz_below(f, 4)];
    if (fz_below(f, 4) == 0) a = xp_array_getitem(a, 1, (xp_index[]){xp_index_int(0)}); /* 0-D */
    return xp_astype(a, fz_below(f, 8) == 0 ? XP_FLOAT64 : dt, NULL);
}

static xp_array *mask_array(fz *f, const xp_array *x) {
    int nd = xp_array_ndim(x), m = fz_below(f, nd + 2);
    int64_t shape[8];
    int64_t size = 1;
    for (int i = 0; i < m; i++) {
        shape[i] = i < nd && fz_below(f, 8) ? xp_array_shape(x)[i] : fz_below(f, 4);
        size *= shape[i];
    }
    bool vals[64] = {0};
    if (size > 64) return xp_zeros(0, NULL, &(xp_create_opts){.dtype = XP_BOOL});
    for (int64_t i = 0; i < size; i++) vals[i] = fz_u8(f) & 1;
    return xp_asarray_buffer(vals, XP_BOOL, m, shape, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz f = {data, size};
    fz_limit_memory();
    xp_scope_begin();
    int nd = fz_below(&f, 5);
    int64_t shape[4], n = 1;
    for (int i = 0; i < nd; i++) {
        shape[i] = fz_below(&f, 6);
        n *= shape[i];
    }
    xp_array *x = xp_reshape(xp_arange_int(0, n, 1, NULL), nd, shape, NULL);
    check(!xp_failed(x));

    int nkey = fz_below(&f, 7);
    xp_index key[6];
    for (int i = 0; i < nkey && i < 6; i++) {
        switch (fz_below(&f, 7)) {
        case 0: key[i] = xp_index_int(fz_int(&f, 6)); break;
        case 1: {
            int64_t s = fz_below(&f, 3) ? fz_int(&f, 6) : XP_END;
            int64_t e = fz_below(&f, 3) ? fz_int(&f, 6) : XP_END;
            int64_t st = fz_below(&f, 3) ? fz_int(&f, 3) : XP_END;
            key[i] = xp_index_slice(s, e, st);
            break;
        }
        case 2: key[i] = xp_index_ellipsis(); break;
        case 3: key[i] = xp_index_newaxis(); break;
        case 4: key[i] = xp_index_array(index_array(&f)); break;
        case 5: key[i] = xp_index_array(mask_array(&f, x)); break;
        default: key[i] = xp_index_slice(XP_END, XP_END, XP_END); break;
        }
    }
    if (nkey > 6) nkey = 6;

    xp_array *g = xp_array_getitem(x, nkey, key);
    check_result(g);
    if (!xp_failed(g)) {
        int64_t want = 1;
        for (int i = 0; i < xp_array_ndim(g); i++) want *= xp_array_shape(g)[i];
        check(want == xp_array_size(g));
        xp_array *s = xp_sum(g, NULL); /* reads every element of the result */
        check(!xp_failed(s));
    }

    xp_array *y = xp_asarray(x, &(xp_asarray_opts){.copy = XP_COPY_TRUE});
    check(!xp_failed(y));
    xp_status st = xp_array_setitem(y, nkey, key, xp_int(-1));
    if (xp_failed(g)) {
        check(st == xp_error_status(g));
    } else {
        check(st == XP_OK);
        xp_array *back = xp_array_getitem(y, nkey, key);
        check(!xp_failed(back));
        xp_array *ok = xp_all(xp_equal(back, xp_int(-1)), NULL);
        bool all = false;
        check(xp_array_bool(ok, &all) == XP_OK && all);
    }
    xp_scope_end();
    check(xp_internal_call_depth() == 0 && xp_scope_depth() == 0);
    return 0;
}
