/* The SLEEF adapter: vectorised exp/log/sin/... (SLEEF's u10 routines, u35 for
 * sin/cos, an own float64 exp on AVX-512: bounds in sleef_ops.h) for contiguous
 * float32/float64 runs, AVX-512F or AVX2+FMA chosen once at run time. Strided
 * runs, and machines with neither ISA, answer XP_ERR_NOT_IMPLEMENTED so the libm
 * adapter below takes them. Elements whose input is NaN, infinite, zero,
 * subnormal or beyond the range where the vector routine stays finite are
 * recomputed with libm, so the standard's special cases (signed zeros, NaN,
 * infinities) never depend on SLEEF's handling of them (the ISA files test each
 * vector for such lanes). */
#include "sleef_ops.h"

#include <math.h>
#include <pthread.h>

#include "../reference/ew_common.h"

static const xp_sleef_isa *isa;
static pthread_once_t isa_once = PTHREAD_ONCE_INIT;

static void pick_isa(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) isa = &xp__sleef_avx512;
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) isa = &xp__sleef_avx2;
}

static xp_status run64(xp_op op, double (*scalar)(double), int64_t n, char *const *args,
                       const int64_t *steps) {
    pthread_once(&isa_once, pick_isa);
    if (!isa || steps[0] != sizeof(double) || steps[1] != sizeof(double)) return XP_ERR_NOT_IMPLEMENTED;
    isa->f64[op](n, (const double *)args[0], (double *)args[1], scalar);
    return XP_OK;
}

static xp_status run32(xp_op op, float (*scalar)(float), int64_t n, char *const *args,
                       const int64_t *steps) {
    pthread_once(&isa_once, pick_isa);
    if (!isa || steps[0] != sizeof(float) || steps[1] != sizeof(float)) return XP_ERR_NOT_IMPLEMENTED;
    isa->f32[op](n, (const float *)args[0], (float *)args[1], scalar);
    return XP_OK;
}

#define DEF(op, ...)                                                                                 \
    static xp_status k_##op##_f64(KSIG) { (void)aux; return run64(XP_OP_##op, op, n, args, steps); } \
    static xp_status k_##op##_f32(KSIG) { (void)aux; return run32(XP_OP_##op, op##f, n, args, steps); }
XP_SLEEF_OPS(DEF)

DEF(sqrt, 0.5, DBL_MAX, FLT_MAX) /* the ISA files use the hardware's vector square root */

#define ROW(op, ...) [XP_OP_##op][XP_FLOAT64] = k_##op##_f64, [XP_OP_##op][XP_FLOAT32] = k_##op##_f32,

const xp_adapter xp_adapter_sleef = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "sleef",
    .library = "SLEEF (u10 vector math, u35 sin/cos, AVX2/AVX-512)",
    .elementwise = {.loop = {XP_SLEEF_OPS(ROW) ROW(sqrt, 0)}},
};
