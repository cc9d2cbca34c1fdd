/* The libm adapter: the C library's <math.h> and <complex.h> routines for the
 * transcendental elementwise functions, plus the project's own complex code
 * where C has no routine or its answer differs from the standard. */
#include "libm.h"

#include <tgmath.h>

#include "../reference/ew_common.h"

#define T float
#define S f32
#include "libm_float.inc"
#define T double
#define S f64
#include "libm_float.inc"
#define T xp_c64_t
#define R float
#define S c64
#define MK CMPLXF
#include "libm_complex.inc"
#define T xp_c128_t
#define R double
#define S c128
#define MK CMPLX
#include "libm_complex.inc"

#define ROW(op, D, s) [XP_OP_##op][XP_##D] = k_##op##_##s,
#define FLT(op) ROW(op, FLOAT32, f32) ROW(op, FLOAT64, f64)
#define CPX(op) ROW(op, COMPLEX64, c64) ROW(op, COMPLEX128, c128)
#define BOTH(op) FLT(op) CPX(op)

const xp_adapter xp_adapter_libm = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "libm",
    .library = "C99 libm (math.h, complex.h)",
    .elementwise = {.loop = {
        BOTH(acos) BOTH(acosh) BOTH(asin) BOTH(asinh) BOTH(atan) BOTH(atanh) BOTH(cos)
        BOTH(cosh) BOTH(exp) BOTH(expm1) BOTH(log) BOTH(log1p) BOTH(log2) BOTH(log10)
        BOTH(sin) BOTH(sinh) BOTH(tan) BOTH(tanh) BOTH(pow)
        FLT(atan2) FLT(hypot) FLT(logaddexp)
        CPX(sqrt) CPX(abs) CPX(sign)
    }},
};
