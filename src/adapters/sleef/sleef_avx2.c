/* SLEEF's AVX2+FMA routines (u10 or u35, as XP_SLEEF_OPS says) over contiguous
 * float32/float64 runs (4 double or 8 float lanes). Compiled with -mavx2 -mfma;
 * called only after a run-time CPU check (sleef.c). Lanes whose input is NaN,
 * infinite, zero, subnormal or above the op's max are recomputed with the scalar
 * libm function `fix`, sqrt excepted (a mask test per vector; the scalar path
 * runs only when one is present). Each vector is loaded before its result is
 * stored, so y may alias x. */
#include <immintrin.h>
#include <float.h>
#include <sleef.h>
#include <string.h>

#include "sleef_ops.h"

/* Lanes outside [DBL_MIN, DBL_MAX] in magnitude (NaN compares false too). */
static inline unsigned special_d(__m256d v, double max) {
    __m256d a = _mm256_andnot_pd(_mm256_set1_pd(-0.0), v);
    __m256d ok = _mm256_and_pd(_mm256_cmp_pd(a, _mm256_set1_pd(DBL_MIN), _CMP_GE_OQ),
                               _mm256_cmp_pd(a, _mm256_set1_pd(max), _CMP_LE_OQ));
    return ~(unsigned)_mm256_movemask_pd(ok) & 0xfu;
}
static inline unsigned special_f(__m256 v, float max) {
    __m256 a = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v);
    __m256 ok = _mm256_and_ps(_mm256_cmp_ps(a, _mm256_set1_ps(FLT_MIN), _CMP_GE_OQ),
                              _mm256_cmp_ps(a, _mm256_set1_ps(max), _CMP_LE_OQ));
    return ~(unsigned)_mm256_movemask_ps(ok) & 0xffu;
}

static __attribute__((noinline)) __m256d fix_d(__m256d v, __m256d r, unsigned m, double (*fix)(double)) {
    double xv[4], rv[4];
    _mm256_storeu_pd(xv, v);
    _mm256_storeu_pd(rv, r);
    for (int k = 0; k < 4; k++)
        if (m >> k & 1u) rv[k] = fix(xv[k]);
    return _mm256_loadu_pd(rv);
}
static __attribute__((noinline)) __m256 fix_f(__m256 v, __m256 r, unsigned m, float (*fix)(float)) {
    float xv[8], rv[8];
    _mm256_storeu_ps(xv, v);
    _mm256_storeu_ps(rv, r);
    for (int k = 0; k < 8; k++)
        if (m >> k & 1u) rv[k] = fix(xv[k]);
    return _mm256_loadu_ps(rv);
}

static inline void run_d(int64_t n, const double *x, double *y, double (*fix)(double), int check,
                         __m256d (*f)(__m256d), double max) {
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d v = _mm256_loadu_pd(x + i), r = f(v);
        unsigned m = special_d(v, max);
        if (check && __builtin_expect(m != 0, 0)) r = fix_d(v, r, m, fix);
        _mm256_storeu_pd(y + i, r);
    }
    if (i < n) { /* the tail, padded with 1 */
        double b[4] = {1, 1, 1, 1};
        memcpy(b, x + i, (size_t)(n - i) * sizeof *b);
        __m256d v = _mm256_loadu_pd(b), r = f(v);
        unsigned m = special_d(v, max);
        if (check && m) r = fix_d(v, r, m, fix);
        _mm256_storeu_pd(b, r);
        memcpy(y + i, b, (size_t)(n - i) * sizeof *b);
    }
}
static inline void run_f(int64_t n, const float *x, float *y, float (*fix)(float), int check,
                         __m256 (*f)(__m256), float max) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i), r = f(v);
        unsigned m = special_f(v, max);
        if (check && __builtin_expect(m != 0, 0)) r = fix_f(v, r, m, fix);
        _mm256_storeu_ps(y + i, r);
    }
    if (i < n) {
        float b[8] = {1, 1, 1, 1, 1, 1, 1, 1};
        memcpy(b, x + i, (size_t)(n - i) * sizeof *b);
        __m256 v = _mm256_loadu_ps(b), r = f(v);
        unsigned m = special_f(v, max);
        if (check && m) r = fix_f(v, r, m, fix);
        _mm256_storeu_ps(b, r);
        memcpy(y + i, b, (size_t)(n - i) * sizeof *b);
    }
}

#define DEF(op, u, ulp, max64, max32)                                                                     \
    static void d_##op(int64_t n, const double *x, double *y, double (*fix)(double)) { \
        run_d(n, x, y, fix, 1, Sleef_##op##d4_##u##avx2, max64);                              \
    }                                                                                \
    static void f_##op(int64_t n, const float *x, float *y, float (*fix)(float)) {    \
        run_f(n, x, y, fix, 1, Sleef_##op##f8_##u##avx2, max32);                              \
    }
XP_SLEEF_OPS(DEF)

/* sqrt: the hardware's vector square root, correctly rounded and IEEE 754 on
 * every special input (NaN, -x, +-0, +-inf, subnormals): no lanes to fix. */
static inline __m256d sqrt_d(__m256d v) { return _mm256_sqrt_pd(v); }
static inline __m256 sqrt_f(__m256 v) { return _mm256_sqrt_ps(v); }
static void d_sqrt(int64_t n, const double *x, double *y, double (*fix)(double)) { run_d(n, x, y, fix, 0, sqrt_d, DBL_MAX); }
static void f_sqrt(int64_t n, const float *x, float *y, float (*fix)(float)) { run_f(n, x, y, fix, 0, sqrt_f, FLT_MAX); }

#define ROW(op, ...) .f64[XP_OP_##op] = d_##op, .f32[XP_OP_##op] = f_##op,
const xp_sleef_isa xp__sleef_avx2 = {XP_SLEEF_OPS(ROW) ROW(sqrt, 0)};
