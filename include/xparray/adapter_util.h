/** @file
 * xparray — what an adapter needs beyond the adapter ABI: scratch memory through
 * the library's allocator hook, and the dtype traits its kernels are written in.
 *
 * An adapter (in the tree or outside it, a device library's, say) includes
 * <xparray/adapter.h> and this header, and nothing of the core: it allocates its
 * workspace here, so the hook (xp_set_allocator) sees and accounts for it
 * (xp_alloc_stats), and it maps dtypes to C types with XP_DTYPE_CTYPES. */
#ifndef XPARRAY_ADAPTER_UTIL_H
#define XPARRAY_ADAPTER_UTIL_H

#include "adapter.h"

XP_BEGIN_DECLS

/* ---- scratch memory through the allocator hook ---------------------------- */

/** `size` bytes of workspace, 64-byte aligned, from the allocator installed by
 * xp_set_allocator (so the hook sees it and xp_alloc_stats counts it); NULL when
 * the hook refuses or `size` overflows (answer XP_ERR_NOMEM then). Free it with
 * xp_adapter_scratch_free and the same `size`, from any thread; it is returned to
 * the allocator that made it even if the hook was changed meanwhile. */
XP_API void *xp_adapter_scratch(size_t size);
/** Frees a block of xp_adapter_scratch(size); NULL is ignored. */
XP_API void xp_adapter_scratch_free(void *p, size_t size);

/* ---- dtype traits --------------------------------------------------------- */

/** The dtypes with their C type and component type (the real type of a complex
 * dtype): X(ENUM suffix, C type, component C type). The complex C types are C99
 * `_Complex` (xp_c64_t, xp_c128_t), so the list is for C translation units.
 * (<complex.h> is not included here: GSL, FFTW and LAPACKE change their own
 * complex types when it comes first; include it where your kernels need it.) */
#define XP_DTYPE_CTYPES(X)            \
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

#ifndef __cplusplus
/** The C type of complex64 elements. */
typedef float _Complex xp_c64_t;
/** The C type of complex128 elements. */
typedef double _Complex xp_c128_t;

/** A complex value from its parts (CMPLX without relying on its availability). */
static inline xp_c128_t xp_cmplx(double re, double im) {
    union { xp_c128_t z; double p[2]; } u = {.p = {re, im}};
    return u.z;
}
/** A complex64 value from its parts. */
static inline xp_c64_t xp_cmplxf(float re, float im) {
    union { xp_c64_t z; float p[2]; } u = {.p = {re, im}};
    return u.z;
}
#endif

/** True for complex64 and complex128. */
static inline bool xp_dtype_is_complex(xp_dtype dt) {
    return dt == XP_COMPLEX64 || dt == XP_COMPLEX128;
}
/** The component dtype: float32 for complex64, float64 for complex128, the dtype
 * itself otherwise. */
static inline xp_dtype xp_dtype_component(xp_dtype dt) {
    return dt == XP_COMPLEX64 ? XP_FLOAT32 : dt == XP_COMPLEX128 ? XP_FLOAT64 : dt;
}
/** Bytes of one component (a real number of a complex dtype, else one element);
 * 0 for an unknown dtype. Element sizes are xp_dtype_size's (data_types.h). */
static inline size_t xp_dtype_component_size(xp_dtype dt) {
    switch (xp_dtype_component(dt)) {
    case XP_BOOL: case XP_INT8: case XP_UINT8: return 1;
    case XP_INT16: case XP_UINT16: return 2;
    case XP_INT32: case XP_UINT32: case XP_FLOAT32: return 4;
    case XP_INT64: case XP_UINT64: case XP_FLOAT64: return 8;
    default: return 0;
    }
}

XP_END_DECLS

#endif
