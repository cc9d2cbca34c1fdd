/** @file
 * xparray — the adapter ABI: how a wrapped C library plugs into a backend.
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

/** Version of the adapter ABI; an adapter built for another version is refused.
 *
 * How the ABI grows: new slots are appended at the end of xp_adapter (never
 * inserted, never resized: the op and dtype lists index the slot arrays, so
 * growing them is a new version), and every adapter states the size it was
 * built with. A library reads a newer, larger table up to its own
 * sizeof(xp_adapter) and an older, smaller one up to the table's size, the
 * slots it predates empty. The head (abi_version, size, name) is laid out alike
 * in every version. */
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
    xp_loop_fn loop[XP_OP_COUNT][XP_DTYPE_COUNT]; /**< the loop of each op and computation dtype; NULL: not provided */
} xp_adapter_elementwise;

/* Loop conventions beyond (inputs..., output):
 * - the dtype index is the computation dtype; outputs are bool for comparisons,
 *   is*, signbit and logical_*, the component dtype for abs/real/imag of complex,
 *   else the computation dtype;
 * - clip has four operands (x, min, max, out), all of x's dtype, and `aux` points
 *   at an xp_clip_aux; an absent bound is passed as x itself and flagged false;
 * - integer pow answers XP_ERR_VALUE for a negative exponent (nothing else may be
 *   assumed written then). */
/** The `aux` argument of the clip loop: which bounds are present. */
typedef struct xp_clip_aux {
    bool has_min; /**< false: the min operand is x itself, ignore it */
    bool has_max; /**< false: the max operand is x itself, ignore it */
} xp_clip_aux;

/* ---- reduction slots (issue 5) -------------------------------------------- */

/** The reductions an adapter may provide. */
typedef enum xp_reduce_op {
    XP_REDUCE_SUM = 0,
    XP_REDUCE_PROD,
    XP_REDUCE_MIN,
    XP_REDUCE_MAX,
    XP_REDUCE_COUNT
} xp_reduce_op;

/** A reduction kernel: `x` is a C-contiguous block x[outer][n][inner] of the
 * slot's dtype; the middle axis is reduced into the C-contiguous out[outer][inner]
 * (same dtype). n == 0 writes the identity (sum 0, prod 1); the core never calls
 * min/max with n == 0. Floating sums must be pairwise (or better); NaN must
 * propagate through min/max. Returns XP_OK or XP_ERR_NOT_IMPLEMENTED (the next
 * adapter down then gets the call). */
typedef xp_status (*xp_reduce_fn)(int64_t outer, int64_t n, int64_t inner, const void *x,
                                  void *out);

/** Reduction kernels indexed [op][dtype] by the accumulation dtype (the core
 * converts the input to it first). Bool min/max are logical and/or (all/any). */
typedef struct xp_adapter_reduce {
    xp_reduce_fn fn[XP_REDUCE_COUNT][XP_DTYPE_COUNT]; /**< the kernel of each reduction and accumulation dtype; NULL: not provided */
} xp_adapter_reduce;

/* ---- product and linear-algebra slots (issue 6) --------------------------- */

/** One batch of matrix products C[b] = op(A[b]) B[b], b < batch (a gemm call).
 * A is m×k, B is k×n, C is m×n; every stride is in bytes and may be zero or
 * negative for A and B (broadcast, reversed views); C's rows are contiguous
 * (c_cs == itemsize) and C is written, not accumulated. `conj_a` conjugates A
 * (vecdot). The core calls with m, n, k >= 1 and batch >= 1; a transposed view is
 * simply rs/cs swapped, so a BLAS adapter passes such layouts straight through. */
typedef struct xp_gemm_args {
    xp_dtype dtype; /**< float32, float64, complex64 or complex128 */
    int64_t m; /**< rows of A and C */
    int64_t n; /**< columns of B and C */
    int64_t k; /**< columns of A, rows of B */
    const char *a; /**< A's element [0, 0] of batch 0 */
    int64_t a_rs; /**< A's row stride in bytes */
    int64_t a_cs; /**< A's column stride in bytes */
    const char *b; /**< B's element [0, 0] of batch 0 */
    int64_t b_rs; /**< B's row stride in bytes */
    int64_t b_cs; /**< B's column stride in bytes */
    char *c; /**< C's element [0, 0] of batch 0 (written) */
    int64_t c_rs; /**< C's row stride in bytes */
    int64_t c_cs; /**< C's column stride in bytes (the itemsize) */
    int64_t batch; /**< number of products */
    int64_t a_bs; /**< A's batch stride in bytes */
    int64_t b_bs; /**< B's batch stride in bytes */
    int64_t c_bs; /**< C's batch stride in bytes */
    bool conj_a; /**< conjugate A (vecdot of complex vectors) */
} xp_gemm_args;

/** Product and LAPACK-level slots. The LAPACK slots follow LAPACK exactly: one
 * column-major matrix (leading dimension `ld*` in elements, >= max(1, rows)) of
 * dtype `dt` (float32/float64/complex64/complex128), sizes as int64 (an adapter
 * whose library takes 32-bit ints answers XP_ERR_NOT_IMPLEMENTED beyond them),
 * pivots 1-based as LAPACK writes them, `*info` set to LAPACK's info (> 0: the
 * numerical failure: singular, not positive definite, no convergence). The slot
 * returns XP_OK whenever it ran (whatever info), XP_ERR_NOT_IMPLEMENTED to pass
 * the call down, XP_ERR_NOMEM when its workspace cannot be had. The core
 * chooses the layouts (a C-order matrix is the column-major transpose), loops
 * over batches, and turns info into a status. Real routine names are given;
 * complex dtypes mean the Hermitian counterparts (heevd, ungqr). */
typedef struct xp_adapter_linalg {
    xp_status (*gemm)(const xp_gemm_args *g); /**< batched matrix products (see xp_gemm_args) */
    /** LU with partial pivoting of the m×n matrix: ipiv[min(m, n)]. */
    xp_status (*getrf)(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                       int64_t *info);
    /** Solves op(A) X = B from getrf's factors; trans 'N', 'T' or 'C'. */
    xp_status (*getrs)(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                       int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info);
    /** Inverse from getrf's factors, in place. */
    xp_status (*getri)(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                       int64_t *info);
    /** Cholesky factor of the `uplo` ('U' or 'L') triangle, in place (the other
     * triangle is left untouched). */
    xp_status (*potrf)(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info);
    /** Householder QR: R in the upper triangle, reflectors below, tau[min(m,n)]. */
    xp_status (*geqrf)(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info);
    /** Forms the m×n Q (n <= m) from the first k reflectors of geqrf, in place. */
    xp_status (*orgqr)(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info);
    /** LQ: L in the lower triangle, reflectors above it, tau[min(m,n)]. (A C-order
     * matrix is the column-major transpose, so its QR is the LQ of that view.) */
    xp_status (*gelqf)(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info);
    /** Forms the m×n Q (m <= n, orthonormal rows) from the first k reflectors of
     * gelqf, in place (unglq for complex). */
    xp_status (*orglq)(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info);
    /** Hermitian eigensolver of the `uplo` triangle: w real ascending (float or
     * double); jobz 'V' overwrites a with the orthonormal eigenvectors, 'N' not. */
    xp_status (*syevd)(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                       void *w, int64_t *info);
    /** General eigensolver: w[n] complex of matching precision; vr (n×n complex,
     * ldvr) the right eigenvectors as columns of unit 2-norm, or NULL for none.
     * The slot converts LAPACK's real conjugate-pair storage to complex. `a` is
     * destroyed. */
    xp_status (*geev)(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                      int64_t ldvr, int64_t *info);
    /** SVD by divide and conquer: s[min(m,n)] real descending; jobz 'A' (u m×m,
     * vt n×n), 'S' (u m×k, vt k×n) or 'N' (u, vt unused, may be NULL). `a` is
     * destroyed. */
    xp_status (*gesdd)(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                       void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info);
} xp_adapter_linalg;

/** Names of the linalg slots, in struct order (for the audit report and
 * xp_adapter_linalg_owner). */
#define XP_LINALG_SLOTS(X) \
    X(gemm) X(getrf) X(getrs) X(getri) X(potrf) X(geqrf) X(orgqr) X(gelqf) X(orglq) \
    X(syevd) X(geev) X(gesdd)

/** Name of the first adapter of this flavor that fills linalg slot `slot`
 * ("gemm", "getrf", ...), or NULL. (An adapter may still pass single calls down.) */
XP_API const char *xp_adapter_linalg_owner(const char *slot);

/* ---- fft slots (issue 7) -------------------------------------------------- */

/** Kinds of 1-D-composable transforms (FFTW's guru interface, unnormalised). */
typedef enum xp_fft_kind {
    XP_FFT_C2C = 0, /**< complex to complex, direction by `sign` */
    XP_FFT_R2C = 1, /**< real to complex (forward); complex side n/2+1 long on the last dim */
    XP_FFT_C2R = 2  /**< complex to real (backward); complex side n/2+1 long on the last dim */
} xp_fft_kind;

/** One dimension of a transform or of its batch: length and element strides of
 * the input and the output (in units of each side's element: a real or a complex
 * number of the problem's precision; negative strides allowed). */
typedef struct xp_fft_iodim {
    int64_t n; /**< length */
    int64_t is; /**< input stride in elements */
    int64_t os; /**< output stride in elements */
} xp_fft_iodim;

/** A batched, strided multi-dimensional DFT (FFTW's guru64 problem):
 * for every index of the `howmany` dims, a rank-`rank` transform over `dims`.
 * For R2C/C2R, `dims[rank-1].n` is the real length n and the complex side has
 * n/2+1 points along that dim. The core guarantees: rank >= 1, every extent >= 1,
 * pointers aligned to the element's component size, `in != out` (out-of-place) and
 * no overlap between them. The result is unnormalised (sum of x * e^(sign 2 pi i jk/n)). */
typedef struct xp_fft_problem {
    xp_fft_kind kind; /**< C2C, R2C or C2R */
    xp_dtype precision; /**< XP_FLOAT32 or XP_FLOAT64 */
    int sign;           /**< -1 forward, +1 backward (C2C; R2C is -1, C2R is +1) */
    int rank; /**< number of transformed dimensions (`dims`) */
    int howmany_rank; /**< number of batch dimensions (`howmany`) */
    /** The adapter may overwrite `in` (it is a core-owned temporary); when false
     * the input must be preserved (FFTW_PRESERVE_INPUT or a copy). */
    bool destroy_input;
    xp_fft_iodim dims[XP_MAX_NDIM]; /**< the transformed dimensions */
    xp_fft_iodim howmany[XP_MAX_NDIM]; /**< the batch dimensions */
    const void *in; /**< input data */
    void *out; /**< output data (never overlaps `in`) */
} xp_fft_problem;

/** FFT slots. `execute` plans (or finds a cached plan) and runs the problem; it
 * must be callable from several threads at once. It answers XP_ERR_NOT_IMPLEMENTED
 * for problems it cannot take so the next adapter down gets them. The planner and
 * wisdom slots back xp_fft_set_planner / xp_fft_*_wisdom (see fft.h for their
 * contracts; `export_wisdom` writes as xp_fft_export_wisdom does). */
typedef struct xp_adapter_fft {
    xp_status (*execute)(const xp_fft_problem *p); /**< plans (or reuses a plan) and runs `p` */
    xp_status (*set_planner)(int effort, double time_limit); /**< backs xp_fft_set_planner */
    xp_status (*export_wisdom)(char *buf, size_t cap, size_t *len); /**< backs xp_fft_export_wisdom */
    xp_status (*import_wisdom)(const char *wisdom); /**< backs xp_fft_import_wisdom */
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
    xp_adapter_elementwise elementwise; /**< elementwise loop slots */
    xp_adapter_reduce reduce; /**< reduction slots */
    xp_adapter_linalg linalg; /**< product and LAPACK-level slots */
    xp_adapter_fft fft; /**< FFT slots */
} xp_adapter;

/** The adapters of this flavor in priority order, NULL-terminated. Read and
 * validated once, thread-safely (see XP_ADAPTER_ABI_VERSION for sizes). Empty when
 * the stack was refused (see xp_adapters_status). */
XP_API const xp_adapter *const *xp_adapters(void);

/** Whether this flavor's adapter stack could be read: XP_OK, or XP_ERR_BACKEND
 * when an adapter has another ABI version or an unusable size or no name, the
 * stack holds more than 16 adapters, or more than 4 of them fill one elementwise
 * (op, dtype) slot. A refused stack is refused whole: no adapter serves the
 * flavor, every function that needs an adapter slot fails with XP_ERR_BACKEND
 * and this message, and xp_namespace_by_name() will not load such a flavor.
 * `message` (may be NULL) receives a static text naming the adapter and the
 * problem ("" when XP_OK). */
XP_API xp_status xp_adapters_status(const char **message);

/** The elementwise loop for (op, dtype) after merging the stack: the first
 * adapter's filled slot; NULL when none provides it. */
XP_API xp_loop_fn xp_adapter_loop(xp_op op, xp_dtype dtype);

/** Name of the adapter serving elementwise (op, dtype), or NULL. */
XP_API const char *xp_adapter_loop_owner(xp_op op, xp_dtype dtype);

XP_END_DECLS

#endif
