/** @file
 * xparray — the linalg extension (`xp_linalg_<name>`).
 *
 * Conventions for every function here: inputs are borrowed, results are new
 * references, errors come back as error arrays (multi-output functions return a
 * struct whose every field is the error array, each a separate reference).
 * Matrices are the last two axes; leading axes are a batch. Functions that need
 * floating-point input (everything but diagonal, trace, cross, outer and the
 * product aliases) refuse integer and bool input with XP_ERR_TYPE (no silent
 * promotion). Square-matrix functions refuse non-square input (XP_ERR_VALUE);
 * ndim < 2 is XP_ERR_VALUE.
 *
 * Failures of the factorization itself: a singular matrix in solve/inv (and
 * matrix_power with n < 0) is XP_ERR_VALUE (NumPy's LinAlgError is a ValueError);
 * a matrix that is not positive definite in cholesky and non-convergence in
 * eig/eigh/svd are XP_ERR_BACKEND; both messages carry LAPACK's `info`. A flavor
 * without the routine answers XP_ERR_NOT_IMPLEMENTED.
 *
 * Non-finite input, one rule on every flavor: a matrix with a NaN or an infinity
 * anywhere (either triangle, whatever the function reads) is not factored, and
 * every floating-point output for that matrix is NaN (both parts when complex);
 * the other matrices of a batch are computed as usual, and no library sees the
 * bad one. This holds for cholesky, det, eig, eigh, eigvals, eigvalsh, inv,
 * matrix_power with n < 0, pinv, qr, slogdet (sign and logabsdet both NaN), solve
 * (a NaN or an infinity in x1; one in x2 propagates as arithmetic does), svd,
 * svdvals, and matrix_norm with ord 2, -2 or 'nuc' (the other orders are sums and
 * maxima that propagate by themselves). matrix_rank, whose result is an integer,
 * refuses such a matrix with XP_ERR_VALUE. (NumPy answers NaN from inv, solve and
 * det but raises LinAlgError from eig and svd; the standard's test suite hands
 * det, slogdet and qr arbitrary floats, NaN included, and expects an answer.) */
#ifndef XPARRAY_LINALG_H
#define XPARRAY_LINALG_H

#include "types.h"
#include "linear_algebra.h"

XP_BEGIN_DECLS

/** `eigh` result (eigenvalues ascending, real; eigenvectors as columns). */
typedef struct xp_eigh_result {
    xp_array *eigenvalues; /**< ascending, real */
    xp_array *eigenvectors; /**< as columns */
} xp_eigh_result;
/** `eig` result (complex of matching precision; order unspecified). */
typedef struct xp_eig_result {
    xp_array *eigenvalues; /**< complex */
    xp_array *eigenvectors; /**< as columns, complex */
} xp_eig_result;
/** `qr` result. */
typedef struct xp_qr_result {
    xp_array *Q; /**< orthonormal columns */
    xp_array *R; /**< upper triangular */
} xp_qr_result;
/** `slogdet` result: det = sign * exp(logabsdet); a singular matrix gives sign 0
 * and logabsdet -inf. */
typedef struct xp_slogdet_result {
    xp_array *sign; /**< sign (or phase) of the determinant; 0 when singular */
    xp_array *logabsdet; /**< log of its absolute value; -inf when singular */
} xp_slogdet_result;
/** `svd` result: x = U @ diag(S) @ Vh, S descending. */
typedef struct xp_svd_result {
    xp_array *U; /**< left singular vectors */
    xp_array *S; /**< singular values, descending */
    xp_array *Vh; /**< right singular vectors, conjugate-transposed */
} xp_svd_result;

/** Releases every field of a result struct (NULL fields allowed). */
XP_API void xp_eigh_result_release(xp_eigh_result r);
/** Releases every field of an xp_eig_result (NULL fields allowed). */
XP_API void xp_eig_result_release(xp_eig_result r);
/** Releases every field of an xp_qr_result (NULL fields allowed). */
XP_API void xp_qr_result_release(xp_qr_result r);
/** Releases every field of an xp_slogdet_result (NULL fields allowed). */
XP_API void xp_slogdet_result_release(xp_slogdet_result r);
/** Releases every field of an xp_svd_result (NULL fields allowed). */
XP_API void xp_svd_result_release(xp_svd_result r);

/** Options of cholesky: `upper` false (default) gives L with x = L Lᴴ, true gives
 * U with x = Uᴴ U. */
typedef struct xp_cholesky_opts {
    bool upper; /**< false (default): lower factor L; true: upper factor U */
} xp_cholesky_opts;
/** `cholesky(x, upper=False)`: x must be Hermitian positive definite (only the
 * lower triangle is read). Not positive definite: XP_ERR_BACKEND with info. */
XP_API xp_array *xp_linalg_cholesky(const xp_array *x, const xp_cholesky_opts *opts);

/** `cross(x1, x2, axis=-1)`: 3-vector cross product along `axis` (negative,
 * size 3 in both); other axes broadcast. Numeric dtypes. Errors: XP_ERR_VALUE
 * (axis size not 3, shapes), XP_ERR_INDEX (axis out of range or non-negative). */
XP_API xp_array *xp_linalg_cross(const xp_array *x1, const xp_array *x2, const xp_axis_opts *opts);

/** `det(x)`: determinant of each square matrix (LU). */
XP_API xp_array *xp_linalg_det(const xp_array *x);

/** The `offset` keyword of diagonal (and trace). */
typedef struct xp_diagonal_opts {
    int64_t offset; /**< diagonal offset (0: the main diagonal) */
} xp_diagonal_opts;
/** `diagonal(x, offset=0)`: a new array (a copy) of the diagonals of the last two
 * axes; any dtype. */
XP_API xp_array *xp_linalg_diagonal(const xp_array *x, const xp_diagonal_opts *opts);

/** `eig(x)`: eigenvalues and right eigenvectors (columns, unit 2-norm) of a
 * general square matrix, complex of matching precision. */
XP_API xp_eig_result xp_linalg_eig(const xp_array *x);
/** `eigh(x)`: of a Hermitian/symmetric matrix (lower triangle read). */
XP_API xp_eigh_result xp_linalg_eigh(const xp_array *x);
/** `eigvals(x)`: eigenvalues of eig, complex of matching precision. */
XP_API xp_array *xp_linalg_eigvals(const xp_array *x);
/** `eigvalsh(x)`: eigenvalues of eigh (ascending, real of matching precision). */
XP_API xp_array *xp_linalg_eigvalsh(const xp_array *x);

/** `inv(x)`: inverse of each square matrix. Singular: XP_ERR_VALUE with info. */
XP_API xp_array *xp_linalg_inv(const xp_array *x);

/** The `ord` keyword of the norms. XP_ORD_DEFAULT (0) is the function's default
 * ('fro' for matrix_norm, 2 for vector_norm); XP_ORD_P takes the value `p`
 * (any finite real for vector_norm; 1, 2, -1, -2 for matrix_norm). */
typedef enum xp_norm_ord {
    XP_ORD_DEFAULT = 0,
    XP_ORD_FRO,     /**< 'fro' (matrix_norm only) */
    XP_ORD_NUC,     /**< 'nuc' (matrix_norm only) */
    XP_ORD_INF,     /**< inf */
    XP_ORD_NEG_INF, /**< -inf */
    XP_ORD_P        /**< the number in `p` */
} xp_norm_ord;

/** Options of matrix_norm. */
typedef struct xp_matrix_norm_opts {
    bool keepdims; /**< keep the reduced axes with length 1 */
    xp_norm_ord ord; /**< the norm; XP_ORD_DEFAULT: 'fro' */
    double p; /**< the order for XP_ORD_P */
} xp_matrix_norm_opts;
/** `matrix_norm(x, keepdims=False, ord='fro')` over the last two axes; real
 * result of matching precision. Errors: XP_ERR_VALUE (ord the standard does not
 * define for matrices, ndim < 2), XP_ERR_TYPE (non-float). ord 2/-2/'nuc' need
 * singular values (svdvals). */
XP_API xp_array *xp_linalg_matrix_norm(const xp_array *x, const xp_matrix_norm_opts *opts);

/** `matrix_power(x, n)`: n = 0 gives identities, n < 0 powers of the inverse. */
XP_API xp_array *xp_linalg_matrix_power(const xp_array *x, int64_t n);

/** The `rtol` keyword of matrix_rank and pinv: NULL (or zero options) is None
 * (max(M, N) * eps); otherwise an array broadcasting against the batch shape,
 * e.g. the weak scalar `xp_float(1e-8)`. */
typedef struct xp_rtol_opts {
    const xp_array *rtol; /**< relative cutoff (borrowed; NULL = None: max(M, N) * eps) */
} xp_rtol_opts;
/** `matrix_rank(x, rtol=None)`: number of singular values > rtol * largest;
 * default integer dtype (int64). */
XP_API xp_array *xp_linalg_matrix_rank(const xp_array *x, const xp_rtol_opts *opts);

/** `outer(x1, x2)`: 1-D operands only, result (N, M). Numeric dtypes. */
XP_API xp_array *xp_linalg_outer(const xp_array *x1, const xp_array *x2);

/** `pinv(x, rtol=None)`: Moore–Penrose pseudo-inverse via SVD, shape (..., N, M). */
XP_API xp_array *xp_linalg_pinv(const xp_array *x, const xp_rtol_opts *opts);

/** The `mode` keyword of qr. */
typedef enum xp_qr_mode { XP_QR_REDUCED = 0, XP_QR_COMPLETE = 1 } xp_qr_mode;
/** Options of qr. */
typedef struct xp_qr_opts {
    xp_qr_mode mode; /**< XP_QR_REDUCED (default) or XP_QR_COMPLETE */
} xp_qr_opts;
/** `qr(x, mode='reduced')`: Q (..., M, K) orthonormal columns, R (..., K, N)
 * upper triangular, K = min(M, N) ('complete': K = M for Q). */
XP_API xp_qr_result xp_linalg_qr(const xp_array *x, const xp_qr_opts *opts);

/** `slogdet(x)`: sign (x's dtype) and log|det| (real of matching precision). */
XP_API xp_slogdet_result xp_linalg_slogdet(const xp_array *x);

/** `solve(x1, x2)`: x1 (..., M, M); x2 is (M,) when 1-D (a vector, result (..., M)),
 * otherwise (..., M, K) with batch dims broadcast against x1's. */
XP_API xp_array *xp_linalg_solve(const xp_array *x1, const xp_array *x2);

/** Options of svd: `reduced` true is the standard's `full_matrices=False`. */
typedef struct xp_svd_opts {
    bool reduced; /**< false (default): full_matrices=True; true: reduced */
} xp_svd_opts;
/** `svd(x, full_matrices=True)`. */
XP_API xp_svd_result xp_linalg_svd(const xp_array *x, const xp_svd_opts *opts);
/** `svdvals(x)`: singular values, descending, real of matching precision. */
XP_API xp_array *xp_linalg_svdvals(const xp_array *x);

/** Options of trace: `offset` as diagonal's; `dtype` DEFAULT keeps x's dtype,
 * except that integers narrower than int64 widen to int64 (uint to uint64),
 * as sum does. */
typedef struct xp_trace_opts {
    int64_t offset; /**< diagonal offset (0: the main diagonal) */
    xp_dtype dtype; /**< XP_DTYPE_DEFAULT: x's dtype (integers widen as in sum) */
} xp_trace_opts;
/** `trace(x, offset=0, dtype=None)`: sums of the diagonals of the last two axes;
 * numeric dtypes; an empty diagonal sums to 0. */
XP_API xp_array *xp_linalg_trace(const xp_array *x, const xp_trace_opts *opts);

/** Options of vector_norm: `axes` None (all elements), one axis or a tuple. */
typedef struct xp_vector_norm_opts {
    /** Axes to reduce; unset = None (all axes); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    bool keepdims; /**< keep the reduced axes with length 1 */
    xp_norm_ord ord; /**< the norm; XP_ORD_DEFAULT: 2 */
    double p; /**< the order for XP_ORD_P */
} xp_vector_norm_opts;
/** `vector_norm(x, axis=None, keepdims=False, ord=2)`: any real p (0 counts
 * non-zeros, ±inf are max/min of |x|); real result of matching precision.
 * Errors: XP_ERR_VALUE ('fro'/'nuc' or NaN p), XP_ERR_INDEX (axes). */
XP_API xp_array *xp_linalg_vector_norm(const xp_array *x, const xp_vector_norm_opts *opts);

/** Alias of xp_matmul(). The aliases of the main namespace's products have the same semantics. */
XP_API xp_array *xp_linalg_matmul(const xp_array *x1, const xp_array *x2);
/** Alias of xp_matrix_transpose(). */
XP_API xp_array *xp_linalg_matrix_transpose(const xp_array *x);
/** Alias of xp_tensordot(). */
XP_API xp_array *xp_linalg_tensordot(const xp_array *x1, const xp_array *x2,
                                     const xp_tensordot_opts *opts);
/** Alias of xp_vecdot(). */
XP_API xp_array *xp_linalg_vecdot(const xp_array *x1, const xp_array *x2,
                                  const xp_axis_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_LINALG(M)                                                                   \
    M(cholesky) M(cross) M(det) M(diagonal) M(eig) M(eigh) M(eigvals) M(eigvalsh) M(inv)  \
    M(matmul) M(matrix_norm) M(matrix_power) M(matrix_rank) M(matrix_transpose) M(outer) \
    M(pinv) M(qr) M(slogdet) M(solve) M(svd) M(svdvals) M(tensordot) M(trace) M(vecdot)  \
    M(vector_norm)

XP_END_DECLS

#endif
