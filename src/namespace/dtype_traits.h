/* Internal dtype traits: the C type of each dtype, for kernels.
 * X(ENUM, ctype, realtype) — realtype is the component type of complex dtypes. */
#ifndef XP_DTYPE_TRAITS_H
#define XP_DTYPE_TRAITS_H

#include <complex.h>
#include <stdint.h>

typedef float _Complex xp_c64_t;
typedef double _Complex xp_c128_t;

#define XP_CTYPES(X)                  \
    X(BOOL, uint8_t, uint8_t)         \
    X(INT8, int8_t, int8_t)           \
    X(INT16, int16_t, int16_t)        \
    X(INT32, int32_t, int32_t)        \
    X(INT64, int64_t, int64_t)        \
    X(UINT8, uint8_t, uint8_t)        \
    X(UINT16, uint16_t, uint16_t)     \
    X(UINT32, uint32_t, uint32_t)     \
    X(UINT64, uint64_t, uint64_t)     \
    X(FLOAT32, float, float)          \
    X(FLOAT64, double, double)        \
    X(COMPLEX64, xp_c64_t, float)     \
    X(COMPLEX128, xp_c128_t, double)

/* Build complex values without CMPLX's availability worries. */
static inline xp_c128_t xp__cmplx(double re, double im) {
    union { xp_c128_t z; double p[2]; } u = {.p = {re, im}};
    return u.z;
}
static inline xp_c64_t xp__cmplxf(float re, float im) {
    union { xp_c64_t z; float p[2]; } u = {.p = {re, im}};
    return u.z;
}

#endif
