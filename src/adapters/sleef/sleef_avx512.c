/* SLEEF's AVX-512F u10 routines over contiguous float32/float64 runs (8 double
 * or 16 float lanes). Compiled with -mavx512f; called only after a run-time CPU
 * check (sleef.c). Lanes whose input is NaN, infinite, zero or subnormal are
 * recomputed with the scalar libm function `fix`, sqrt excepted (a mask test
 * per vector; the scalar path runs only when one is present). Each vector is
 * loaded before its result is stored, so y may alias x. */
#include <immintrin.h>
#include <float.h>
#include <sleef.h>

#include "sleef_ops.h"

/* Lanes outside [DBL_MIN, DBL_MAX] in magnitude (NaN compares false too). */
static inline __mmask8 special_d(__m512d v) {
    __m512d a = _mm512_castsi512_pd(
        _mm512_and_si512(_mm512_castpd_si512(v), _mm512_set1_epi64(INT64_MAX)));
    return (__mmask8)~(_mm512_cmp_pd_mask(a, _mm512_set1_pd(DBL_MIN), _CMP_GE_OQ) &
                       _mm512_cmp_pd_mask(a, _mm512_set1_pd(DBL_MAX), _CMP_LE_OQ));
}
static inline __mmask16 special_f(__m512 v) {
    __m512 a = _mm512_castsi512_ps(
        _mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(INT32_MAX)));
    return (__mmask16)~(_mm512_cmp_ps_mask(a, _mm512_set1_ps(FLT_MIN), _CMP_GE_OQ) &
                        _mm512_cmp_ps_mask(a, _mm512_set1_ps(FLT_MAX), _CMP_LE_OQ));
}

static __attribute__((noinline)) __m512d fix_d(__m512d v, __m512d r, unsigned m, double (*fix)(double)) {
    double xv[8], rv[8];
    _mm512_storeu_pd(xv, v);
    _mm512_storeu_pd(rv, r);
    for (int k = 0; k < 8; k++)
        if (m >> k & 1u) rv[k] = fix(xv[k]);
    return _mm512_loadu_pd(rv);
}
static __attribute__((noinline)) __m512 fix_f(__m512 v, __m512 r, unsigned m, float (*fix)(float)) {
    float xv[16], rv[16];
    _mm512_storeu_ps(xv, v);
    _mm512_storeu_ps(rv, r);
    for (int k = 0; k < 16; k++)
        if (m >> k & 1u) rv[k] = fix(xv[k]);
    return _mm512_loadu_ps(rv);
}

static inline void run_d(int64_t n, const double *x, double *y, double (*fix)(double), int check,
                         __m512d (*f)(__m512d)) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m512d v = _mm512_loadu_pd(x + i), r = f(v);
        __mmask8 m = special_d(v);
        if (check && __builtin_expect(m != 0, 0)) r = fix_d(v, r, m, fix);
        _mm512_storeu_pd(y + i, r);
    }
    if (i < n) { /* the tail: masked-off lanes compute f(1) */
        __mmask8 t = (__mmask8)((1u << (n - i)) - 1u);
        __m512d v = _mm512_mask_loadu_pd(_mm512_set1_pd(1.0), t, x + i), r = f(v);
        __mmask8 m = special_d(v) & t;
        if (check && m) r = fix_d(v, r, m, fix);
        _mm512_mask_storeu_pd(y + i, t, r);
    }
}
static inline void run_f(int64_t n, const float *x, float *y, float (*fix)(float), int check,
                         __m512 (*f)(__m512)) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 v = _mm512_loadu_ps(x + i), r = f(v);
        __mmask16 m = special_f(v);
        if (check && __builtin_expect(m != 0, 0)) r = fix_f(v, r, m, fix);
        _mm512_storeu_ps(y + i, r);
    }
    if (i < n) {
        __mmask16 t = (__mmask16)((1u << (n - i)) - 1u);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(1.0f), t, x + i), r = f(v);
        __mmask16 m = special_f(v) & t;
        if (check && m) r = fix_f(v, r, m, fix);
        _mm512_mask_storeu_ps(y + i, t, r);
    }
}

#define DEF(op)                                                                      \
    static void d_##op(int64_t n, const double *x, double *y, double (*fix)(double)) { \
        run_d(n, x, y, fix, 1, Sleef_##op##d8_u10avx512f);                           \
    }                                                                                \
    static void f_##op(int64_t n, const float *x, float *y, float (*fix)(float)) {    \
        run_f(n, x, y, fix, 1, Sleef_##op##f16_u10avx512f);                          \
    }
XP_SLEEF_OPS(DEF)

/* sqrt: the hardware's vector square root, correctly rounded and IEEE 754 on
 * every special input (NaN, -x, +-0, +-inf, subnormals): no lanes to fix. */
static inline __m512d sqrt_d(__m512d v) { return _mm512_sqrt_pd(v); }
static inline __m512 sqrt_f(__m512 v) { return _mm512_sqrt_ps(v); }
static void d_sqrt(int64_t n, const double *x, double *y, double (*fix)(double)) { run_d(n, x, y, fix, 0, sqrt_d); }
static void f_sqrt(int64_t n, const float *x, float *y, float (*fix)(float)) { run_f(n, x, y, fix, 0, sqrt_f); }

#define ROW(op) .f64[XP_OP_##op] = d_##op, .f32[XP_OP_##op] = f_##op,
const xp_sleef_isa xp__sleef_avx512 = {XP_SLEEF_OPS(ROW) ROW(sqrt)};
