/* Private helpers of the linear-algebra core (src/namespace/linalg_*.c): slot
 * dispatch down the adapter stack and common validation. */
#ifndef XP_LINALG_CORE_H
#define XP_LINALG_CORE_H

#include "iter.h"

/* Slot calls: the first adapter that takes the call wins; XP_ERR_NOT_IMPLEMENTED
 * when none does. */
xp_status xp__la_gemm(const xp_gemm_args *g);
xp_status xp__la_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                       int64_t *info);
xp_status xp__la_getrs(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                       int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info);
xp_status xp__la_getri(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                       int64_t *info);
xp_status xp__la_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info);
xp_status xp__la_geqrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info);
xp_status xp__la_orgqr(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info);
xp_status xp__la_gelqf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info);
xp_status xp__la_orglq(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info);
xp_status xp__la_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                       void *w, int64_t *info);
xp_status xp__la_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                      int64_t ldvr, int64_t *info);
xp_status xp__la_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                       void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info);

/* An error array for a failed slot call: status st (NOT_IMPLEMENTED, NOMEM) or,
 * for st == XP_OK with info != 0, the numerical failure (`what` names it). */
/* Non-finite input (the rule of include/xparray/linalg.h): xp__la_finite tells
 * whether all `count` elements of dtype `dt` at `p` are finite; a matrix that is not
 * is never handed to an adapter, and xp__la_fill_nan writes NaN (both parts for
 * complex) into each of the `count` elements of that matrix's outputs. */
bool xp__la_finite(const void *p, int64_t count, xp_dtype dt);
void xp__la_fill_nan(void *p, int64_t count, xp_dtype dt);
/* Scales the `count` finite elements of dtype `dt` at `p` in place by 2^-e so the
 * largest |re| or |im| lies in [1/2, 1), and returns e (0 for an all-zero block).
 * Exact; the norms and moduli the routines form can then neither overflow nor underflow
 * wholesale (LAPACK's gesdd scales only when the norm is already finite). */
int xp__la_scale_pow2(void *p, int64_t count, xp_dtype dt);
xp_array *xp__la_fail(const char *fn, const char *routine, xp_status st, int64_t info,
                      xp_status numeric_status, const char *what);

/* Validates x for a float-only linalg function: an array, ndim >= 2, float or
 * complex dtype, square when `square`. NULL when fine. */
xp_array *xp__la_check(const char *fn, const char *arg, const xp_array *x, bool square);

/* Real dtype of matching precision (float32 for complex64, ...). */
xp_dtype xp__la_real(xp_dtype dt);
/* Complex dtype of matching precision. */
xp_dtype xp__la_complex(xp_dtype dt);

/* Number of matrices in the batch (product of all but the last two extents). */
int64_t xp__la_batch(const xp_array *x);

/* Largest n that solve takes through xp__la_solve_small. */
#define XP__LA_SMALL_N 4

/* solve for n <= XP__LA_SMALL_N (linalg_small.c): fills r (fresh, C order, shape
 * bshape[0..bnd) + (n[, k]), r->size > 0) from x1 and x2 read through their
 * strides; returns r, or an error (r released). */
xp_array *xp__la_solve_small(const char *fn, const xp_array *x1, const xp_array *x2, xp_array *r,
                             int bnd, const int64_t *bshape, bool vec, int64_t n, int64_t k);

/* C = A @ B for arrays already in the compute dtype (any strides): shapes
 * (..., m, k) @ (..., k, n) with broadcast batches into a fresh contiguous
 * output of shape (out_ndim, out_shape). Used by matmul and the factorizations. */
xp_array *xp__la_matmul_raw(const char *fn, const xp_array *a, const xp_array *b, xp_dtype dt,
                            bool conj_a);

/* A view of x (same dtype and offset) with another shape and strides. */
xp_array *xp__la_view(const char *fn, const xp_array *x, int ndim, const int64_t *shape,
                      const int64_t *strides);

/* SVD of every matrix of x (float dtypes, ndim >= 2): jobz 'A' (full), 'S'
 * (reduced) or 'N' (values only: uo, vo unused). NULL on success. */
xp_array *xp__la_svd(const char *fn, const xp_array *x, char jobz, xp_array **uo, xp_array **so,
                     xp_array **vo);

#endif
