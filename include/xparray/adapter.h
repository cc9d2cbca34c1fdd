/* xparray — the adapter ABI: how a wrapped C library plugs into a backend.
 *
 * The standard's semantics (validation, promotion, broadcasting, output
 * allocation) live once in the core; the numeric work goes through *slots* of
 * adapter tables. A flavor stacks adapters in priority order (e.g. cblas,
 * lapacke, fftw, libm, reference); for each slot the first adapter that fills
 * it wins, and a slot that cannot take one particular call answers
 * XP_ERR_NOT_IMPLEMENTED so the next adapter down gets it. The portable
 * reference adapter sits last. An empty (NULL) slot means "not provided". */
#ifndef XPARRAY_ADAPTER_H
#define XPARRAY_ADAPTER_H

#include "types.h"

XP_BEGIN_DECLS

/** Version of the adapter ABI; an adapter built for another version is refused. */
#define XP_ADAPTER_ABI_VERSION 1

/** A typed strided inner loop (NumPy's ufunc loop): `n` elements; `args[i]` points
 * at operand i's first element (inputs first, then the output), `steps[i]` is its
 * byte stride (0 for a broadcast operand); `aux` is op-specific (NULL mostly).
 * Returns XP_OK, or XP_ERR_NOT_IMPLEMENTED to hand the call to the next adapter. */
typedef xp_status (*xp_loop_fn)(int64_t n, char *const *args, const int64_t *steps,
                                const void *aux);

/** Every elementwise function of the standard: X(name, arity). This one list
 * drives the adapter slots, the reference kernels and the coverage check. */
#define XP_ELEMENTWISE_OPS(X)                                                              \
    X(abs, 1) X(acos, 1) X(acosh, 1) X(add, 2) X(asin, 1) X(asinh, 1) X(atan, 1)         \
    X(atan2, 2) X(atanh, 1) X(bitwise_and, 2) X(bitwise_left_shift, 2)                   \
    X(bitwise_invert, 1) X(bitwise_or, 2) X(bitwise_right_shift, 2) X(bitwise_xor, 2)   \
    X(ceil, 1) X(clip, 3) X(conj, 1) X(copysign, 2) X(cos, 1) X(cosh, 1) X(divide, 2)    \
    X(equal, 2) X(exp, 1) X(expm1, 1) X(floor, 1) X(floor_divide, 2) X(greater, 2)      \
    X(greater_equal, 2) X(hypot, 2) X(imag, 1) X(isfinite, 1) X(isinf, 1) X(isnan, 1)   \
    X(less, 2) X(less_equal, 2) X(log, 1) X(log1p, 1) X(log2, 1) X(log10, 1)             \
    X(logaddexp, 2) X(logical_and, 2) X(logical_not, 1) X(logical_or, 2)                 \
    X(logical_xor, 2) X(maximum, 2) X(minimum, 2) X(multiply, 2) X(negative, 1)          \
    X(nextafter, 2) X(not_equal, 2) X(positive, 1) X(pow, 2) X(real, 1) X(reciprocal, 1) \
    X(remainder, 2) X(round, 1) X(sign, 1) X(signbit, 1) X(sin, 1) X(sinh, 1)            \
    X(square, 1) X(sqrt, 1) X(subtract, 2) X(tan, 1) X(tanh, 1) X(trunc, 1)

/** Index of an elementwise op in the slot tables: XP_OP_add, ... */
typedef enum xp_op {
#define XP__OP_ENUM(name, arity) XP_OP_##name,
    XP_ELEMENTWISE_OPS(XP__OP_ENUM)
#undef XP__OP_ENUM
    XP_OP_COUNT
} xp_op;

/* ---- elementwise slots (issue 3) ------------------------------------------ */

/** Elementwise loops, indexed [op][dtype] by the dtype the computation runs in
 * (the promoted input dtype). */
typedef struct xp_adapter_elementwise {
    xp_loop_fn loop[XP_OP_COUNT][XP_DTYPE_COUNT];
} xp_adapter_elementwise;

/* Loop conventions beyond (inputs..., output):
 * - the dtype index is the computation dtype; outputs are bool for comparisons,
 *   is*, signbit and logical_*, the component dtype for abs/real/imag of complex,
 *   else the computation dtype;
 * - clip has four operands (x, min, max, out), all of x's dtype, and `aux` points
 *   at an xp_clip_aux; an absent bound is passed as x itself and flagged false;
 * - integer pow answers XP_ERR_VALUE for a negative exponent (nothing else may be
 *   assumed written then). */
typedef struct xp_clip_aux {
    bool has_min, has_max;
} xp_clip_aux;

/* ---- reduction slots (issue 5) -------------------------------------------- */

typedef struct xp_adapter_reduce {
    void *reserved;
} xp_adapter_reduce;

/* ---- product and linear-algebra slots (issue 6) --------------------------- */

typedef struct xp_adapter_linalg {
    void *reserved;
} xp_adapter_linalg;

/* ---- fft slots (issue 7) -------------------------------------------------- */

typedef struct xp_adapter_fft {
    void *reserved;
} xp_adapter_fft;

/* ---- the adapter table ---------------------------------------------------- */

/** One wrapped library's table. Zero-initialise it and fill what the library does. */
typedef struct xp_adapter {
    uint32_t abi_version; /**< XP_ADAPTER_ABI_VERSION */
    uint32_t size;        /**< sizeof(xp_adapter) */
    const char *name;     /**< adapter name: "libm", "cblas", "lapacke", "reference" */
    const char *library;  /**< wrapped library, for the audit report: "glibc libm" */
    /** Routine behind a function, for the audit report ("gesdd" for "linalg.svd");
     * NULL or a NULL answer means "the adapter's own code". */
    const char *(*routine)(const char *function);
    xp_adapter_elementwise elementwise;
    xp_adapter_reduce reduce;
    xp_adapter_linalg linalg;
    xp_adapter_fft fft;
} xp_adapter;

/** The adapters of this flavor in priority order, NULL-terminated. Validated once
 * (ABI version and size), thread-safely. */
XP_API const xp_adapter *const *xp_adapters(void);

/** The elementwise loop for (op, dtype) after merging the stack: the first
 * adapter's filled slot; NULL when none provides it. */
XP_API xp_loop_fn xp_adapter_loop(xp_op op, xp_dtype dtype);

/** Name of the adapter serving elementwise (op, dtype), or NULL. */
XP_API const char *xp_adapter_loop_owner(xp_op op, xp_dtype dtype);

XP_END_DECLS

#endif
