/* The reference adapter's reduction kernels (sum, prod, min, max per dtype). */
/* The loops below are written for the vectorizer, which -O2 runs only in its
 * "very cheap" mode; vectorizing never reorders a floating-point sum. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")
#endif
#include "reference.h"
#include <xparray.h>
#include <xparray/adapter_util.h>

#include <complex.h>
#include <stdint.h>

/* The float sums are compute-bound in cache and barely keep up with memory
 * with SSE2: on x86-64 GCC also builds an AVX2 copy, chosen at load time. The
 * same operations in the same order, so the same results; no FMA (ISO C mode
 * does not contract). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define XP_SUM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define XP_SUM_CLONES
#endif

typedef float _Complex c64;
typedef double _Complex c128;

#define T int8_t
#define UT uint8_t
#define SFX i8
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T int16_t
#define UT uint16_t
#define SFX i16
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T int32_t
#define UT uint32_t
#define SFX i32
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T int64_t
#define UT uint64_t
#define SFX i64
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T uint8_t
#define UT uint8_t
#define SFX u8
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T uint16_t
#define UT uint16_t
#define SFX u16
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T uint32_t
#define UT uint32_t
#define SFX u32
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T uint64_t
#define UT uint64_t
#define SFX u64
#define KIND 0
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T float
#define UT float
#define SFX f32
#define KIND 1
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T double
#define UT double
#define SFX f64
#define KIND 1
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef KIND

#define T c64
#define UT c64
#define SFX c64
#define CSFX f32
#define KIND 2
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef CSFX
#undef KIND

#define T c128
#define UT c128
#define SFX c128
#define CSFX f64
#define KIND 2
#include "reduce_kernels.inc"
#undef T
#undef UT
#undef SFX
#undef CSFX
#undef KIND

/* bool (one byte 0/1): min = logical and, max = logical or (all/any). */
xp_status xp__ref_min_b(int64_t outer, int64_t n, int64_t inner, const void *x, void *out) {
    return xp__ref_min_u8(outer, n, inner, x, out);
}
xp_status xp__ref_max_b(int64_t outer, int64_t n, int64_t inner, const void *x, void *out) {
    return xp__ref_max_u8(outer, n, inner, x, out);
}
