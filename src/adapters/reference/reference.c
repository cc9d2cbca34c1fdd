/* The portable reference adapter: the project's own kernels, last in every stack.
 * Ordinary C, instantiated once per dtype from the ref_*.inc files; the
 * transcendental functions come from the libm adapter above it. */
/* The kernels' loops must vectorize: GCC's -O2 cost model ("very cheap") refuses
 * loops that need a runtime alias check, which every kernel does. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")
#endif
#include "reference.h"

#include <string.h>
#include <tgmath.h>

#include "ew_common.h"

/* ---- bool ---------------------------------------------------------------- */
#define S b
#define DRV_TI uint8_t
#define DRV_TO uint8_t
#define DRV_UN DN(un)
#define DRV_BIN DN(bin)
#include "ew_drivers.inc"
/* Any nonzero byte is true and every result is 0 or 1, so a stray bool byte (memory
 * written through xp_array_data) never spreads. */
static inline uint8_t EN(logical_and)(uint8_t a, uint8_t b) { return (a != 0) & (b != 0); }
static inline uint8_t EN(logical_or)(uint8_t a, uint8_t b) { return (uint8_t)(a | b) != 0; }
static inline uint8_t EN(logical_xor)(uint8_t a, uint8_t b) { return (a != 0) ^ (b != 0); }
static inline uint8_t EN(logical_not)(uint8_t a) { return a == 0; }
static inline uint8_t EN(equal)(uint8_t a, uint8_t b) { return (a != 0) == (b != 0); }
static inline uint8_t EN(not_equal)(uint8_t a, uint8_t b) { return (a != 0) != (b != 0); }
KDEF(logical_and, bin) KDEF(logical_or, bin) KDEF(logical_xor, bin) KDEF(logical_not, un)
KDEF(equal, bin) KDEF(not_equal, bin)
#undef S

/* ---- integers ------------------------------------------------------------ */
#define T int8_t
#define U uint8_t
#define W unsigned
#define S i8
#define SIGNED 1
#define TMIN INT8_MIN
#define BITS 8
#include "ref_int.inc"
#define T int16_t
#define U uint16_t
#define W unsigned
#define S i16
#define SIGNED 1
#define TMIN INT16_MIN
#define BITS 16
#include "ref_int.inc"
#define T int32_t
#define U uint32_t
#define W uint32_t
#define S i32
#define SIGNED 1
#define TMIN INT32_MIN
#define BITS 32
#include "ref_int.inc"
#define T int64_t
#define U uint64_t
#define W uint64_t
#define S i64
#define SIGNED 1
#define TMIN INT64_MIN
#define BITS 64
#include "ref_int.inc"
#define T uint8_t
#define U uint8_t
#define W unsigned
#define S u8
#define SIGNED 0
#define TMIN 0
#define BITS 8
#include "ref_int.inc"
#define T uint16_t
#define U uint16_t
#define W unsigned
#define S u16
#define SIGNED 0
#define TMIN 0
#define BITS 16
#include "ref_int.inc"
#define T uint32_t
#define U uint32_t
#define W uint32_t
#define S u32
#define SIGNED 0
#define TMIN 0
#define BITS 32
#include "ref_int.inc"
#define T uint64_t
#define U uint64_t
#define W uint64_t
#define S u64
#define SIGNED 0
#define TMIN 0
#define BITS 64
#include "ref_int.inc"

/* ---- floating point ------------------------------------------------------ */
#define T float
#define S f32
#include "ref_float.inc"
#define T double
#define S f64
#include "ref_float.inc"
#define T xp_c64_t
#define R float
#define S c64
#define MK CMPLXF
#include "ref_complex.inc"
#define T xp_c128_t
#define R double
#define S c128
#define MK CMPLX
#include "ref_complex.inc"

/* ---- the slot table ------------------------------------------------------ */
#define ROW(op, fn, D, s) [XP_OP_##op][XP_##D] = k_##fn##_##s,
#define INT_ROW(op, fn)                                                                     \
    ROW(op, fn, INT8, i8) ROW(op, fn, INT16, i16) ROW(op, fn, INT32, i32) ROW(op, fn, INT64, i64) \
    ROW(op, fn, UINT8, u8) ROW(op, fn, UINT16, u16) ROW(op, fn, UINT32, u32)                \
    ROW(op, fn, UINT64, u64)
#define FLT_ROW(op, fn) ROW(op, fn, FLOAT32, f32) ROW(op, fn, FLOAT64, f64)
#define CPX_ROW(op, fn) ROW(op, fn, COMPLEX64, c64) ROW(op, fn, COMPLEX128, c128)
#define INT(op) INT_ROW(op, op)
#define FLT(op) FLT_ROW(op, op)
#define CPX(op) CPX_ROW(op, op)
#define BOOLK(op, fn) ROW(op, fn, BOOL, b)
/* The portable solvers are named for the audit report; everything else is the
 * adapter's own code (NULL). */
static const char *routine(const char *function) {
    static const char *const map[][2] = {
        {"linalg.eigh", "cyclic jacobi"},
        {"linalg.eigvalsh", "cyclic jacobi"},
        {"linalg.eig", "hessenberg + complex qr"},
        {"linalg.eigvals", "hessenberg + complex qr"},
        {"linalg.svd", "one-sided jacobi"},
        {"linalg.svdvals", "one-sided jacobi"},
        {"linalg.pinv", "one-sided jacobi"},
        {"linalg.matrix_rank", "one-sided jacobi"},
        {"linalg.matrix_norm", "one-sided jacobi"},
    };
    if (!function) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(function, map[i][0])) return map[i][1];
    return NULL;
}

const xp_adapter xp_adapter_reference = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "reference",
    .library = "xparray (portable C)",
    .elementwise = {.loop = {
        BOOLK(logical_and, logical_and) BOOLK(logical_or, logical_or)
        BOOLK(logical_xor, logical_xor) BOOLK(logical_not, logical_not)
        BOOLK(bitwise_and, logical_and) BOOLK(bitwise_or, logical_or)
        BOOLK(bitwise_xor, logical_xor) BOOLK(bitwise_invert, logical_not)
        BOOLK(equal, equal) BOOLK(not_equal, not_equal)

        INT(add) INT(subtract) INT(multiply) INT(square) INT(negative) INT(positive) INT(abs)
        INT(sign) INT(bitwise_and) INT(bitwise_or) INT(bitwise_xor) INT(bitwise_invert)
        INT(bitwise_left_shift) INT(bitwise_right_shift) INT(floor_divide) INT(remainder)
        INT(maximum) INT(minimum) INT(pow) INT(equal) INT(not_equal) INT(less) INT(less_equal)
        INT(greater) INT(greater_equal) INT(isfinite) INT(isinf) INT(isnan) INT(clip)
        INT_ROW(ceil, identity) INT_ROW(floor, identity) INT_ROW(trunc, identity)
        INT_ROW(round, identity) INT_ROW(conj, identity) INT_ROW(real, identity)

        FLT(add) FLT(subtract) FLT(multiply) FLT(divide) FLT(reciprocal) FLT(square)
        FLT(negative) FLT(positive) FLT(abs) FLT(sqrt) FLT(ceil) FLT(floor) FLT(trunc)
        FLT(round) FLT(sign) FLT(copysign) FLT(nextafter) FLT(maximum) FLT(minimum)
        FLT(floor_divide) FLT(remainder) FLT(equal) FLT(not_equal) FLT(less) FLT(less_equal)
        FLT(greater) FLT(greater_equal) FLT(isfinite) FLT(isinf) FLT(isnan) FLT(signbit)
        FLT(clip) FLT_ROW(conj, positive) FLT_ROW(real, positive)

        CPX(add) CPX(subtract) CPX(multiply) CPX(divide) CPX(reciprocal) CPX(square)
        CPX(negative) CPX(positive) CPX(conj) CPX(round) CPX(real) CPX(imag) CPX(equal)
        CPX(not_equal) CPX(isfinite) CPX(isinf) CPX(isnan)
    }},
    .fft = {.execute = xp__reference_fft_execute},
    .reduce = XP__REFERENCE_REDUCE,
    .routine = routine,
    .linalg = {
        .gemm = xp__ref_gemm,
        .getrf = xp__ref_getrf,
        .getrs = xp__ref_getrs,
        .getri = xp__ref_getri,
        .potrf = xp__ref_potrf,
        .geqrf = xp__ref_geqrf,
        .orgqr = xp__ref_orgqr,
        .syevd = xp__ref_syevd,
        .geev = xp__ref_geev,
        .gesdd = xp__ref_gesdd,
    },
};
