/* The SLEEF adapter: which functions it vectorises, and the contiguous loops
 * each ISA file (sleef_avx2.c, sleef_avx512.c, compiled with their own -m flags)
 * exports. Only unary real-float functions. */
#ifndef XP_ADAPTER_SLEEF_OPS_H
#define XP_ADAPTER_SLEEF_OPS_H

#include <float.h>
#include <xparray.h>

/* X(op, u, ulp, max64, max32): the function; which SLEEF routine serves it (u10:
 * 1.0-ULP, u35: 3.5-ULP); the error bound of the vector code in ULPs; and the
 * largest |x| (float64, float32) the vector code serves: lanes above it are
 * recomputed with libm. SLEEF overflows inside these routines before the result
 * does: exp and sinh/cosh just below their overflow thresholds, log1p above
 * ~1e307 (float32 ~1e38), asinh/acosh from 2^512 (float32 2^64) on.
 * sin and cos take SLEEF's u35 routines (3.5 ULP, the accuracy class of the
 * SVML loops NumPy uses; u10 costs 1.6x the time); float64 exp on AVX-512 is the
 * adapter's own table-driven routine (sleef_avx512.c, within 1 ULP).
 * tests/elementwise/sleef_range.cpp checks every function over every binade, both
 * signs, against libm and a long double reference on both ISAs. */
#define XP_SLEEF_OPS(X)                                                                   \
    X(exp, u10, 1.0, 708.0, FLT_MAX) X(expm1, u10, 1.0, DBL_MAX, FLT_MAX)                 \
    X(log, u10, 1.0, DBL_MAX, FLT_MAX) X(log1p, u10, 1.0, 1e300, 1e37f)                   \
    X(log2, u10, 1.0, DBL_MAX, FLT_MAX) X(log10, u10, 1.0, DBL_MAX, FLT_MAX)              \
    X(sin, u35, 3.5, DBL_MAX, FLT_MAX) X(cos, u35, 3.5, DBL_MAX, FLT_MAX)                 \
    X(tan, u10, 1.0, DBL_MAX, FLT_MAX) X(sinh, u10, 1.0, 709.0, 88.0f)                    \
    X(cosh, u10, 1.0, 709.0, 88.0f) X(tanh, u10, 1.0, DBL_MAX, FLT_MAX)                   \
    X(asin, u10, 1.0, DBL_MAX, FLT_MAX) X(acos, u10, 1.0, DBL_MAX, FLT_MAX)               \
    X(atan, u10, 1.0, DBL_MAX, FLT_MAX) X(asinh, u10, 1.0, 1e150, 1e18f)                  \
    X(acosh, u10, 1.0, 1e150, 1e18f) X(atanh, u10, 1.0, DBL_MAX, FLT_MAX)

/* y[i] = op(x[i]) for i < n; lanes whose input is NaN, infinite, zero,
 * subnormal or above the op's max are recomputed as fix(x[i]) (libm; not for sqrt, whose hardware
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
