/* The reference gemm slot: every numeric dtype (integers wrap, as NumPy's do),
 * any strides, cache-blocked. */
#include "reference.h"
#include <xparray.h>
#include <xparray/adapter_util.h>

#include <complex.h>

#include <string.h>

#define XP_CONJ(a) (a)

#define XP_T int8_t
#define XP_SUF i8
#define XP_MAC(c, a, b) (c) = (int8_t)((uint32_t)(c) + (uint32_t)(a) * (uint32_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T int16_t
#define XP_SUF i16
#define XP_MAC(c, a, b) (c) = (int16_t)((uint32_t)(c) + (uint32_t)(a) * (uint32_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T int32_t
#define XP_SUF i32
#define XP_MAC(c, a, b) (c) = (int32_t)((uint32_t)(c) + (uint32_t)(a) * (uint32_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T int64_t
#define XP_SUF i64
#define XP_MAC(c, a, b) (c) = (int64_t)((uint64_t)(c) + (uint64_t)(a) * (uint64_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T uint8_t
#define XP_SUF u8
#define XP_MAC(c, a, b) (c) = (uint8_t)((uint32_t)(c) + (uint32_t)(a) * (uint32_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T uint16_t
#define XP_SUF u16
#define XP_MAC(c, a, b) (c) = (uint16_t)((uint32_t)(c) + (uint32_t)(a) * (uint32_t)(b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T uint32_t
#define XP_SUF u32
#define XP_MAC(c, a, b) (c) = (uint32_t)((c) + (a) * (b))
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T uint64_t
#define XP_SUF u64
#define XP_MAC(c, a, b) (c) = (c) + (a) * (b)
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_MAC

#define XP_T float
#define XP_SUF f32
#define XP_MAC(c, a, b) (c) += (a) * (b)
#include "products_impl.h"
#undef XP_T
#undef XP_SUF

#define XP_T double
#define XP_SUF f64
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_CONJ

#define XP_CONJ(a) conjf(a)
#define XP_T xp_c64_t
#define XP_SUF c64
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_CONJ

#define XP_CONJ(a) conj(a)
#define XP_T xp_c128_t
#define XP_SUF c128
#include "products_impl.h"
#undef XP_T
#undef XP_SUF
#undef XP_CONJ
#undef XP_MAC

xp_status xp__ref_gemm(const xp_gemm_args *g) {
    if (g->c_cs != (int64_t)xp_dtype_size(g->dtype)) return XP_ERR_NOT_IMPLEMENTED;
    switch (g->dtype) {
    case XP_INT8: return gemm_i8(g);
    case XP_INT16: return gemm_i16(g);
    case XP_INT32: return gemm_i32(g);
    case XP_INT64: return gemm_i64(g);
    case XP_UINT8: return gemm_u8(g);
    case XP_UINT16: return gemm_u16(g);
    case XP_UINT32: return gemm_u32(g);
    case XP_UINT64: return gemm_u64(g);
    case XP_FLOAT32: return gemm_f32(g);
    case XP_FLOAT64: return gemm_f64(g);
    case XP_COMPLEX64: return gemm_c64(g);
    case XP_COMPLEX128: return gemm_c128(g);
    default: return XP_ERR_NOT_IMPLEMENTED;
    }
}
