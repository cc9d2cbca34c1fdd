/* Memory handed in from outside the library (xp_array_wrap, DLPack imports,
 * memory-mapped and loaded .npy files): the layout checks every such entry point
 * shares, and the bool rule. A bool element is one byte holding 0 or 1 everywhere
 * inside the library; foreign bool bytes holding anything else are normalised
 * (nonzero → 1) where the library owns a copy and refused where it would have to
 * write into memory it does not own. */
#include "interchange.h"
#include "iter.h"

xp_array *xp__check_extent(const char *fn, const char *arg, const char *first, int ndim,
                           const int64_t *shape, const int64_t *strides, int64_t size,
                           xp_dtype dt, bool *aligned) {
    int64_t is = (int64_t)xp_dtype_size(dt);
    size_t al = xp__dtype_align(dt);
    *aligned = true;
    if (size == 0) return NULL; /* no element is ever read: any strides will do */
    /* The bytes the elements reach, [first + lo, first + hi), must not overflow
     * nor wrap the address space. */
    int64_t lo = 0, hi = is;
    bool ok = true;
    for (int i = 0; i < ndim && ok; i++) {
        int64_t span;
        ok = xp__mul_ok(strides[i], shape[i] - 1, &span) &&
             (span < 0 ? xp__add_ok(lo, span, &lo) : xp__add_ok(hi, span, &hi));
    }
    uintptr_t base = (uintptr_t)first, end;
    if (!ok || (lo < 0 && (uintptr_t)(-(lo + 1)) >= base) ||
        __builtin_add_overflow(base, (uintptr_t)hi, &end))
        return xp__error(XP_ERR_OVERFLOW, fn,
                         "argument '%s': the strides reach outside the address space", arg);
    if (base % al != 0) *aligned = false;
    for (int i = 0; i < ndim; i++)
        if (shape[i] > 1 && strides[i] % (int64_t)al != 0) *aligned = false;
    return NULL;
}

/* Runs `f` over every inner loop of the strided bool bytes; stops when it says so. */
static bool each_run(char *first, int ndim, const int64_t *shape, const int64_t *strides,
                     bool (*f)(uint8_t *p, int64_t n, int64_t s, int *bad), int *bad) {
    char *base[1] = {first};
    const int64_t *st[1] = {strides};
    xp_iter it;
    if (!xp__iter_init(&it, 1, base, ndim, shape, st)) return true;
    do
        if (!f((uint8_t *)it.ptr[0], it.inner_n, it.inner_step[0], bad)) return false;
    while (xp__iter_next(&it));
    return true;
}

static bool scan_run(uint8_t *p, int64_t n, int64_t s, int *bad) {
    uint8_t any = 0;
    if (s == 1)
        for (int64_t i = 0; i < n; i++) any |= p[i];
    else
        for (int64_t i = 0; i < n; i++) any |= p[i * s];
    if (!(any & 0xfe)) return true;
    for (int64_t i = 0; i < n; i++)
        if (p[i * s] > 1) {
            *bad = p[i * s];
            break;
        }
    return false;
}

static bool fix_run(uint8_t *p, int64_t n, int64_t s, int *bad) {
    (void)bad;
    if (s == 1)
        for (int64_t i = 0; i < n; i++) p[i] = p[i] != 0;
    else
        for (int64_t i = 0; i < n; i++) p[i * s] = p[i * s] != 0;
    return true;
}

int xp__bool_invalid(const char *first, int ndim, const int64_t *shape, const int64_t *strides,
                     int64_t size) {
    int bad = -1;
    if (size > 0) each_run((char *)first, ndim, shape, strides, scan_run, &bad);
    return bad;
}

void xp__bool_normalize(char *first, int ndim, const int64_t *shape, const int64_t *strides,
                        int64_t size) {
    if (size > 0) each_run(first, ndim, shape, strides, fix_run, NULL);
}
