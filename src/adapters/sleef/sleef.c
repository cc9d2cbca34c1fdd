/* The SLEEF adapter: vectorised exp/log/sin/... (SLEEF's 1.0-ULP u10 routines)
 * for contiguous float32/float64 runs, AVX-512F or AVX2+FMA chosen once at run
 * time. Strided runs, and machines with neither ISA, answer
 * XP_ERR_NOT_IMPLEMENTED so the libm adapter below takes them. Elements whose
 * input is NaN, infinite, zero or subnormal are recomputed with libm, so the
 * standard's special cases (signed zeros, NaN, infinities) never depend on
 * SLEEF's handling of them. */
#include "sleef_ops.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "../reference/ew_common.h"

static const xp_sleef_isa *isa;
static pthread_once_t isa_once = PTHREAD_ONCE_INIT;

static void pick_isa(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) isa = &xp__sleef_avx512;
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) isa = &xp__sleef_avx2;
}

enum { BLOCK = 1024 };

static xp_status run64(xp_op op, double (*scalar)(double), int64_t n, char *const *args,
                       const int64_t *steps) {
    pthread_once(&isa_once, pick_isa);
    if (!isa || steps[0] != sizeof(double) || steps[1] != sizeof(double)) return XP_ERR_NOT_IMPLEMENTED;
    const double *x = (const double *)args[0];
    double *y = (double *)args[1];
    double buf[BLOCK];
    for (int64_t i = 0; i < n; i += BLOCK) {
        int64_t m = n - i < BLOCK ? n - i : BLOCK;
        memcpy(buf, x + i, (size_t)m * sizeof *buf); /* y may alias x */
        isa->f64[op](m, buf, y + i);
        for (int64_t j = 0; j < m; j++)
            if (!(fabs(buf[j]) >= DBL_MIN && fabs(buf[j]) <= DBL_MAX)) y[i + j] = scalar(buf[j]);
    }
    return XP_OK;
}

static xp_status run32(xp_op op, float (*scalar)(float), int64_t n, char *const *args,
                       const int64_t *steps) {
    pthread_once(&isa_once, pick_isa);
    if (!isa || steps[0] != sizeof(float) || steps[1] != sizeof(float)) return XP_ERR_NOT_IMPLEMENTED;
    const float *x = (const float *)args[0];
    float *y = (float *)args[1];
    float buf[BLOCK];
    for (int64_t i = 0; i < n; i += BLOCK) {
        int64_t m = n - i < BLOCK ? n - i : BLOCK;
        memcpy(buf, x + i, (size_t)m * sizeof *buf);
        isa->f32[op](m, buf, y + i);
        for (int64_t j = 0; j < m; j++)
            if (!(fabsf(buf[j]) >= FLT_MIN && fabsf(buf[j]) <= FLT_MAX)) y[i + j] = scalar(buf[j]);
    }
    return XP_OK;
}

#define DEF(op)                                                                                   \
    static xp_status k_##op##_f64(KSIG) { (void)aux; return run64(XP_OP_##op, op, n, args, steps); } \
    static xp_status k_##op##_f32(KSIG) { (void)aux; return run32(XP_OP_##op, op##f, n, args, steps); }
XP_SLEEF_OPS(DEF)

DEF(sqrt) /* the ISA files use the hardware's vector square root */

#define ROW(op) [XP_OP_##op][XP_FLOAT64] = k_##op##_f64, [XP_OP_##op][XP_FLOAT32] = k_##op##_f32,

const xp_adapter xp_adapter_sleef = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "sleef",
    .library = "SLEEF (u10 vector math, AVX2/AVX-512)",
    .elementwise = {.loop = {XP_SLEEF_OPS(ROW) ROW(sqrt)}},
};
