/* A byte-stream reader for the libFuzzer targets: each draw consumes bytes from
 * the input and yields 0 once it is exhausted, so every input is a valid
 * program for the target (libFuzzer then steers the bytes). */
#ifndef XP_FUZZ_INPUT_H
#define XP_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fz {
    const uint8_t *p;
    size_t n;
} fz;

static inline uint8_t fz_u8(fz *f) {
    if (!f->n) return 0;
    f->n--;
    return *f->p++;
}
/* A value in [0, k) (k >= 1). */
static inline int fz_below(fz *f, int k) { return (int)(fz_u8(f) % (unsigned)k); }
/* A small signed integer in [-lim, lim]. */
static inline int64_t fz_small(fz *f, int lim) { return (int64_t)fz_below(f, 2 * lim + 1) - lim; }
static inline uint64_t fz_u64(fz *f) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | fz_u8(f);
    return v;
}
/* Mostly small integers, sometimes extreme ones (to reach the overflow checks). */
static inline int64_t fz_int(fz *f, int lim) {
    switch (fz_below(f, 8)) {
    case 0: return INT64_MIN;
    case 1: return INT64_MAX;
    case 2: return (int64_t)fz_u64(f);
    default: return fz_small(f, lim);
    }
}

/* An allocator hook that refuses blocks above 64 MiB: a shape the fuzzer makes
 * legitimately huge (a broadcast, a tile) then ends in XP_ERR_NOMEM instead of
 * exhausting the machine. Installed by each target before its first call. */
static void *fz_alloc(size_t n, void *ctx) {
    (void)ctx;
    if (n > ((size_t)64 << 20)) return NULL;
    return aligned_alloc(64, (n + 63) / 64 * 64);
}
static void fz_free(void *p, size_t n, void *ctx) {
    (void)n;
    (void)ctx;
    free(p);
}
static inline void fz_limit_memory(void) {
    static int done;
    static const xp_allocator a = {fz_alloc, fz_free, NULL};
    if (!done) done = xp_set_allocator(&a) == XP_OK;
}

/* A failed expectation: report it and abort (what libFuzzer catches). */
#define check(ok)                                                                       \
    do {                                                                                \
        if (!(ok)) {                                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #ok);    \
            abort();                                                                    \
        }                                                                               \
    } while (0)

/* Every array a target gets is an array or an error array with a message. */
#define check_result(a)                                                                 \
    do {                                                                                \
        check((a) != NULL);                                                             \
        if (xp_failed(a)) check(xp_error_status(a) != XP_OK && xp_error_message(a)[0]); \
    } while (0)

#endif
