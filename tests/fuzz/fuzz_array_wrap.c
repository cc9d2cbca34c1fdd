/* libFuzzer target: xp_array_wrap with random layouts.
 *
 * The input draws a dtype, a shape, byte strides (NULL for C order, sometimes
 * huge, negative or not a multiple of the item size) and a data pointer that is
 * sometimes misaligned. The target computes the lowest and highest byte any
 * element could touch; when that overflows int64 the wrap must fail. When it
 * succeeds, the buffer handed over covers exactly [lowest, highest] and every
 * element is read (a sum, a copy, a flip), so ASan sees any access outside
 * it and UBSan any misaligned one; the deleter must run exactly once. */
#include <xparray.h>

#include <stdalign.h>

#include "fuzz_input.h"

static int deleted;
static void count_delete(void *data, void *ctx) {
    (void)data;
    (void)ctx;
    deleted++;
}

/* [lo, hi]: byte range of every element; false on int64 overflow. */
static bool extent(int nd, const int64_t *shape, const int64_t *strides, int64_t item,
                   int64_t *lo, int64_t *hi) {
    *lo = 0;
    *hi = item - 1;
    for (int i = 0; i < nd; i++) {
        if (shape[i] == 0) {
            *lo = 0;
            *hi = -1;
            return true;
        }
    }
    for (int i = 0; i < nd; i++) {
        int64_t span;
        if (__builtin_mul_overflow(shape[i] - 1, strides[i], &span)) return false;
        if (span < 0) {
            if (__builtin_add_overflow(*lo, span, lo)) return false;
        } else if (__builtin_add_overflow(*hi, span, hi)) {
            return false;
        }
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz f = {data, size};
    xp_dtype dt = (xp_dtype)(1 + fz_below(&f, 13));
    int64_t item = (int64_t)xp_dtype_size(dt);
    int nd = fz_below(&f, 5);
    int64_t shape[4], strides[4];
    bool c_order = fz_below(&f, 4) == 0;
    for (int i = 0; i < nd; i++) {
        shape[i] = fz_below(&f, 8) ? fz_below(&f, 5) : fz_int(&f, 5);
        int64_t s = fz_small(&f, 4) * item;
        switch (fz_below(&f, 8)) {
        case 0: s = fz_int(&f, 64); break;         /* anything, misaligned too */
        case 1: s = (int64_t)1 << (40 + fz_below(&f, 23)); break; /* huge */
        default: break;
        }
        strides[i] = s;
    }
    int64_t lo = 0, hi = -1;
    bool negative = false;
    for (int i = 0; i < nd; i++) negative = negative || shape[i] < 0;
    bool fits = !negative;
    if (fits && c_order) {
        int64_t n = item;
        for (int i = 0; i < nd && fits; i++) fits = !__builtin_mul_overflow(n, shape[i], &n);
        hi = n - 1;
    } else if (fits) {
        fits = extent(nd, shape, strides, item, &lo, &hi);
    }
    /* elements must be aligned to their component (complex: one of the two) */
    int64_t align = xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING ? item / 2 : item;
    bool aligned = true;
    for (int i = 0; i < nd && !c_order; i++) aligned = aligned && (shape[i] <= 1 || strides[i] % align == 0);
    int misalign = fz_below(&f, 4) == 0 ? 1 + fz_below(&f, (int)align) : 0;
    if (misalign >= align) misalign = 0;

    deleted = 0;
    xp_array *a;
    void *block = NULL;
    if (fits && (__int128)hi - lo < (1 << 20)) {
        size_t bytes = (size_t)(hi - lo + 1) + (size_t)misalign;
        block = aligned_alloc(64, (bytes + 63) / 64 * 64 + 64);
        check(block);
        memset(block, 0, bytes);
        char *origin = (char *)block + misalign - lo;
        a = xp_array_wrap(origin, dt, nd, shape, c_order ? NULL : strides, count_delete, NULL,
                          fz_u8(&f) & 1);
    } else {
        /* too large to back with memory: the wrap must refuse it, or describe a
         * layout no larger than its extent claims. A bool layout that fits is read
         * by the wrap (bytes other than 0/1 are refused), so it needs real memory. */
        if (fits && dt == XP_BOOL) return 0;
        static alignas(64) char scratch[64];
        a = xp_array_wrap(scratch, dt, nd, shape, c_order ? NULL : strides, count_delete, NULL,
                          true);
        if (!fits) check(xp_failed(a));
    }
    check_result(a);
    if (xp_failed(a)) {
        check(deleted == 1); /* the deleter runs also when the wrap fails */
        xp_release(a);
    } else {
        /* misaligned data must be refused (the unbacked case passes aligned memory) */
        if (hi >= lo) check((misalign == 0 || !block) && aligned);
        if (block) {
            xp_scope_begin();
            check_result(xp_sum(xp_astype(a, XP_FLOAT64, NULL), NULL));
            check(!xp_failed(xp_asarray(a, &(xp_asarray_opts){.copy = XP_COPY_TRUE})));
            check(!xp_failed(xp_flip(a, NULL)));
            xp_scope_end();
        }
        check(deleted == 0);
        xp_release(a);
        check(deleted == 1);
    }
    free(block);
    check(xp_internal_call_depth() == 0);
    return 0;
}
