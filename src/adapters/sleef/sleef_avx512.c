/* SLEEF's AVX-512F u10 routines over contiguous float32/float64 runs. Compiled
 * with -mavx512f; called only after a run-time CPU check (sleef.c). */
#include <immintrin.h>
#include <sleef.h>
#include <string.h>

#include "sleef_ops.h"

static inline void run_d(int64_t n, const double *x, double *y, __m512d (*f)(__m512d)) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm512_storeu_pd(y + i, f(_mm512_loadu_pd(x + i)));
    if (i < n) {
        double b[8] = {1, 1, 1, 1, 1, 1, 1, 1};
        memcpy(b, x + i, (size_t)(n - i) * sizeof *b);
        _mm512_storeu_pd(b, f(_mm512_loadu_pd(b)));
        memcpy(y + i, b, (size_t)(n - i) * sizeof *b);
    }
}
static inline void run_f(int64_t n, const float *x, float *y, __m512 (*f)(__m512)) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
    if (i < n) {
        float b[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        memcpy(b, x + i, (size_t)(n - i) * sizeof *b);
        _mm512_storeu_ps(b, f(_mm512_loadu_ps(b)));
        memcpy(y + i, b, (size_t)(n - i) * sizeof *b);
    }
}

#define DEF(op)                                                                                              \
    static void d_##op(int64_t n, const double *x, double *y) { run_d(n, x, y, Sleef_##op##d8_u10avx512f); } \
    static void f_##op(int64_t n, const float *x, float *y) { run_f(n, x, y, Sleef_##op##f16_u10avx512f); }
XP_SLEEF_OPS(DEF)

/* sqrt: the hardware's vector square root (correctly rounded). */
static __m512d sqrt_d(__m512d v) { return _mm512_sqrt_pd(v); }
static __m512 sqrt_f(__m512 v) { return _mm512_sqrt_ps(v); }
static void d_sqrt(int64_t n, const double *x, double *y) { run_d(n, x, y, sqrt_d); }
static void f_sqrt(int64_t n, const float *x, float *y) { run_f(n, x, y, sqrt_f); }

#define ROW(op) .f64[XP_OP_##op] = d_##op, .f32[XP_OP_##op] = f_##op,
const xp_sleef_isa xp__sleef_avx512 = {XP_SLEEF_OPS(ROW) ROW(sqrt)};
