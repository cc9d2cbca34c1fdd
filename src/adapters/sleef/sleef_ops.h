/* The SLEEF adapter: which functions it vectorises, and the contiguous loops
 * each ISA file (sleef_avx2.c, sleef_avx512.c, compiled with their own -m flags)
 * exports. Only the unary real-float functions SLEEF has 1.0-ULP (u10) versions of. */
#ifndef XP_ADAPTER_SLEEF_OPS_H
#define XP_ADAPTER_SLEEF_OPS_H

#include <xparray.h>

#define XP_SLEEF_OPS(X)                                                                   \
    X(exp) X(expm1) X(log) X(log1p) X(log2) X(log10) X(sin) X(cos) X(tan) X(sinh) X(cosh) \
    X(tanh) X(asin) X(acos) X(atan) X(asinh) X(acosh) X(atanh)

/* y[i] = op(x[i]) for i < n; lanes whose input is NaN, infinite, zero or
 * subnormal are recomputed as fix(x[i]) (libm; not for sqrt, whose hardware
 * instruction is IEEE 754 on every input). y may alias x. */
typedef void (*xp_sleef_f64_fn)(int64_t n, const double *x, double *y, double (*fix)(double));
typedef void (*xp_sleef_f32_fn)(int64_t n, const float *x, float *y, float (*fix)(float));

typedef struct xp_sleef_isa {
    xp_sleef_f64_fn f64[XP_OP_COUNT];
    xp_sleef_f32_fn f32[XP_OP_COUNT];
} xp_sleef_isa;

extern const xp_sleef_isa xp__sleef_avx2, xp__sleef_avx512;
extern const xp_adapter xp_adapter_sleef;

#endif
