/* The LAPACK-level slots over GSL's linear algebra and eigensystems.
 *
 * The slots are column-major LAPACK (adapter.h); GSL's routines are row-major and
 * double precision. Each slot copies its matrix into a GSL matrix of doubles
 * (float32/complex64 are widened, computed in double and rounded back: results
 * at least as accurate as LAPACK's single-precision ones), calls GSL and writes
 * the answer back in LAPACK's layout. What GSL lacks passes down
 * (XP_ERR_NOT_IMPLEMENTED) to the reference adapter's portable solvers: complex
 * SVD and complete ('A') SVD of a non-square matrix (one-sided Jacobi), complex
 * nonsymmetric eigensystems (Hessenberg + shifted complex QR).
 *
 *   potrf  gsl_linalg_cholesky_decomp1 / gsl_linalg_complex_cholesky_decomp
 *   getrf  gsl_linalg_LU_decomp / gsl_linalg_complex_LU_decomp (pivots rewritten
 *          as LAPACK's row interchanges; getrs and getri then run on LAPACK's form
 *          in the next adapter down)
 *   syevd  gsl_eigen_symmv / gsl_eigen_hermv (+ _sort, ascending)
 *   geev   gsl_eigen_nonsymmv (real only; eigvals too, for eig's order)
 *   gesdd  gsl_linalg_SV_decomp (real only; Golub–Reinsch)
 * A GSL failure that is numerical (not positive definite, singular, no
 * convergence) becomes LAPACK's info > 0; any other GSL error code becomes
 * XP_ERR_BACKEND (out of memory: XP_ERR_NOMEM). */
#include "gsl.h"

#include <math.h>
#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>

static bool is_real(xp_dtype dt) { return dt == XP_FLOAT32 || dt == XP_FLOAT64; }
static bool is_cplx(xp_dtype dt) { return dt == XP_COMPLEX64 || dt == XP_COMPLEX128; }

/* element (i, j) of a column-major matrix */
static double rget(xp_dtype dt, const void *a, int64_t ld, int64_t i, int64_t j) {
    int64_t k = i + j * ld;
    return dt == XP_FLOAT32 ? (double)((const float *)a)[k] : ((const double *)a)[k];
}
static void rset(xp_dtype dt, void *a, int64_t ld, int64_t i, int64_t j, double v) {
    int64_t k = i + j * ld;
    if (dt == XP_FLOAT32) ((float *)a)[k] = (float)v;
    else ((double *)a)[k] = v;
}
static gsl_complex cget(xp_dtype dt, const void *a, int64_t ld, int64_t i, int64_t j) {
    int64_t k = 2 * (i + j * ld);
    if (dt == XP_COMPLEX64) return gsl_complex_rect(((const float *)a)[k], ((const float *)a)[k + 1]);
    return gsl_complex_rect(((const double *)a)[k], ((const double *)a)[k + 1]);
}
static void cset(xp_dtype dt, void *a, int64_t ld, int64_t i, int64_t j, gsl_complex v) {
    int64_t k = 2 * (i + j * ld);
    if (dt == XP_COMPLEX64) {
        ((float *)a)[k] = (float)GSL_REAL(v);
        ((float *)a)[k + 1] = (float)GSL_IMAG(v);
    } else {
        ((double *)a)[k] = GSL_REAL(v);
        ((double *)a)[k + 1] = GSL_IMAG(v);
    }
}

/* A numerical failure → info 1 (GSL does not say where); other codes → status. */
static xp_status numerical(int rc, int64_t *info) {
    if (rc == GSL_SUCCESS) return XP_OK;
    if (rc == GSL_EDOM || rc == GSL_ESING || rc == GSL_EMAXITER || rc == GSL_ERUNAWAY) {
        *info = 1;
        return XP_OK;
    }
    return xp__gsl_status(rc);
}

/* ---- Cholesky ------------------------------------------------------------------ */

xp_status xp__gsl_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info) {
    if (!is_real(dt) && !is_cplx(dt)) return XP_ERR_NOT_IMPLEMENTED;
    *info = 0;
    if (n == 0) return XP_OK;
    bool lower = uplo == 'L' || uplo == 'l';
    int rc;
    /* M (row-major) = the Hermitian matrix, built from the given triangle; GSL
     * writes L to M's lower triangle; the given triangle of `a` gets L (lower) or
     * L^H (upper), the other one is left as it was. */
    if (is_real(dt)) {
        gsl_matrix *M = xp__gsl_matrix((size_t)n, (size_t)n);
        if (!M) return XP_ERR_NOMEM;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j <= i; j++) {
                double v = lower ? rget(dt, a, lda, i, j) : rget(dt, a, lda, j, i);
                gsl_matrix_set(M, (size_t)i, (size_t)j, v);
                gsl_matrix_set(M, (size_t)j, (size_t)i, v);
            }
        rc = gsl_linalg_cholesky_decomp1(M);
        if (rc == GSL_SUCCESS)
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j <= i; j++) {
                    double v = gsl_matrix_get(M, (size_t)i, (size_t)j);
                    if (lower) rset(dt, a, lda, i, j, v);
                    else rset(dt, a, lda, j, i, v);
                }
        xp__gsl_drop(M);
    } else {
        gsl_matrix_complex *M = xp__gsl_matrix_complex((size_t)n, (size_t)n);
        if (!M) return XP_ERR_NOMEM;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j <= i; j++) {
                gsl_complex v = lower ? cget(dt, a, lda, i, j) : gsl_complex_conjugate(cget(dt, a, lda, j, i));
                if (i == j) v = gsl_complex_rect(GSL_REAL(v), 0.0);
                gsl_matrix_complex_set(M, (size_t)i, (size_t)j, v);
                gsl_matrix_complex_set(M, (size_t)j, (size_t)i, gsl_complex_conjugate(v));
            }
        rc = gsl_linalg_complex_cholesky_decomp(M);
        if (rc == GSL_SUCCESS)
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j <= i; j++) {
                    gsl_complex v = gsl_matrix_complex_get(M, (size_t)i, (size_t)j);
                    if (lower) cset(dt, a, lda, i, j, v);
                    else cset(dt, a, lda, j, i, gsl_complex_conjugate(v));
                }
        xp__gsl_drop(M);
    }
    return numerical(rc, info);
}

/* ---- LU ------------------------------------------------------------------------ */

/* GSL's permutation p (row i of PA is row p[i] of A) as LAPACK's sequence of row
 * interchanges: ipiv[i] (1-based) = the row swapped with row i at step i. */
static void perm_to_ipiv(const gsl_permutation *p, int64_t m, int64_t k, int64_t *ipiv, size_t *cur,
                         size_t *pos) {
    for (int64_t i = 0; i < m; i++) cur[i] = pos[i] = (size_t)i;
    for (int64_t i = 0; i < k; i++) {
        size_t want = gsl_permutation_get(p, (size_t)i), j = pos[want];
        ipiv[i] = (int64_t)j + 1;
        size_t t = cur[i];
        cur[i] = cur[j];
        cur[j] = t;
        pos[cur[i]] = (size_t)i;
        pos[cur[j]] = j;
    }
}

xp_status xp__gsl_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                        int64_t *info) {
    if ((!is_real(dt) && !is_cplx(dt)) || m != n) return XP_ERR_NOT_IMPLEMENTED; /* GSL: square */
    *info = 0;
    if (n == 0) return XP_OK;
    gsl_permutation *p = xp__gsl_permutation((size_t)n);
    size_t *tmp = xp_adapter_scratch(2 * (size_t)n * sizeof(size_t));
    gsl_matrix *R = is_real(dt) ? xp__gsl_matrix((size_t)n, (size_t)n) : NULL;
    gsl_matrix_complex *C = is_cplx(dt) ? xp__gsl_matrix_complex((size_t)n, (size_t)n) : NULL;
    int rc = GSL_ENOMEM, sign;
    if (p && tmp && (R || C)) {
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < n; j++) {
                if (R) gsl_matrix_set(R, (size_t)i, (size_t)j, rget(dt, a, lda, i, j));
                else gsl_matrix_complex_set(C, (size_t)i, (size_t)j, cget(dt, a, lda, i, j));
            }
        rc = R ? gsl_linalg_LU_decomp(R, p, &sign) : gsl_linalg_complex_LU_decomp(C, p, &sign);
        if (rc == GSL_SUCCESS) {
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j < n; j++) {
                    if (R) rset(dt, a, lda, i, j, gsl_matrix_get(R, (size_t)i, (size_t)j));
                    else cset(dt, a, lda, i, j, gsl_matrix_complex_get(C, (size_t)i, (size_t)j));
                }
            perm_to_ipiv(p, n, n, ipiv, tmp, tmp + n);
            for (int64_t i = 0; i < n && !*info; i++) { /* LAPACK: first exact zero pivot */
                double re = R ? gsl_matrix_get(R, (size_t)i, (size_t)i) : GSL_REAL(gsl_matrix_complex_get(C, (size_t)i, (size_t)i));
                double im = R ? 0.0 : GSL_IMAG(gsl_matrix_complex_get(C, (size_t)i, (size_t)i));
                if (re == 0.0 && im == 0.0) *info = i + 1;
            }
        }
    }
    xp__gsl_drop(p);
    xp_adapter_scratch_free(tmp, 2 * (size_t)n * sizeof(size_t));
    xp__gsl_drop(R);
    xp__gsl_drop(C);
    return rc == GSL_SUCCESS ? XP_OK : xp__gsl_status(rc);
}

/* ---- symmetric / Hermitian eigensystems ---------------------------------------- */

/* The power-of-two exponent that brings the largest |re| or |im| of the lower or upper
 * triangle of the n×n matrix a near 1 (0 for a zero, NaN or infinite maximum).
 * gsl_eigen_symmv/hermv have no iteration cap: entries near the overflow threshold
 * overflow inside them, and the QR sweeps then never end (seen with hermv on a 3×3
 * complex128 matrix with entries of 1e308). Scaling by 2^-e first is exact. */
static int tri_scale_exp(xp_dtype dt, const void *a, int64_t lda, int64_t n, bool lower) {
    double amax = 0.0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j <= i; j++) {
            int64_t r = lower ? i : j, c = lower ? j : i;
            double v;
            if (is_real(dt)) {
                v = fabs(rget(dt, a, lda, r, c));
            } else {
                gsl_complex z = cget(dt, a, lda, r, c);
                v = fmax(fabs(GSL_REAL(z)), fabs(GSL_IMAG(z)));
                if (GSL_REAL(z) != GSL_REAL(z) || GSL_IMAG(z) != GSL_IMAG(z)) v = NAN;
            }
            if (v > amax || v != v) amax = v;
        }
    int e = 0;
    if (isfinite(amax) && amax > 0.0) (void)frexp(amax, &e);
    return e;
}

xp_status xp__gsl_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda, void *w,
                        int64_t *info) {
    if (!is_real(dt) && !is_cplx(dt)) return XP_ERR_NOT_IMPLEMENTED;
    *info = 0;
    if (n == 0) return XP_OK;
    bool lower = uplo == 'L' || uplo == 'l', vec = jobz == 'V' || jobz == 'v';
    size_t N = (size_t)n;
    xp_dtype wdt = dt == XP_FLOAT32 || dt == XP_COMPLEX64 ? XP_FLOAT32 : XP_FLOAT64;
    gsl_vector *eval = xp__gsl_vector(N);
    int rc = GSL_ENOMEM;
    int e = tri_scale_exp(dt, a, lda, n, lower);
    if (is_real(dt)) {
        gsl_matrix *M = xp__gsl_matrix(N, N), *V = xp__gsl_matrix(N, N);
        gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(N);
        if (eval && M && V && ws) {
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j <= i; j++) {
                    double v = ldexp(lower ? rget(dt, a, lda, i, j) : rget(dt, a, lda, j, i), -e);
                    gsl_matrix_set(M, (size_t)i, (size_t)j, v);
                    gsl_matrix_set(M, (size_t)j, (size_t)i, v);
                }
            rc = gsl_eigen_symmv(M, eval, V, ws);
            if (rc == GSL_SUCCESS) rc = gsl_eigen_symmv_sort(eval, V, GSL_EIGEN_SORT_VAL_ASC);
            if (rc == GSL_SUCCESS && vec)
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < n; j++) rset(dt, a, lda, i, j, gsl_matrix_get(V, (size_t)i, (size_t)j));
        }
        if (ws) gsl_eigen_symmv_free(ws);
        xp__gsl_drop(M);
        xp__gsl_drop(V);
    } else {
        gsl_matrix_complex *M = xp__gsl_matrix_complex(N, N), *V = xp__gsl_matrix_complex(N, N);
        gsl_eigen_hermv_workspace *ws = gsl_eigen_hermv_alloc(N);
        if (eval && M && V && ws) {
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j <= i; j++) {
                    gsl_complex v = lower ? cget(dt, a, lda, i, j) : gsl_complex_conjugate(cget(dt, a, lda, j, i));
                    v = gsl_complex_rect(ldexp(GSL_REAL(v), -e), ldexp(GSL_IMAG(v), -e));
                    if (i == j) v = gsl_complex_rect(GSL_REAL(v), 0.0);
                    gsl_matrix_complex_set(M, (size_t)i, (size_t)j, v);
                    gsl_matrix_complex_set(M, (size_t)j, (size_t)i, gsl_complex_conjugate(v));
                }
            rc = gsl_eigen_hermv(M, eval, V, ws);
            if (rc == GSL_SUCCESS) rc = gsl_eigen_hermv_sort(eval, V, GSL_EIGEN_SORT_VAL_ASC);
            if (rc == GSL_SUCCESS && vec)
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < n; j++)
                        cset(dt, a, lda, i, j, gsl_matrix_complex_get(V, (size_t)i, (size_t)j));
        }
        if (ws) gsl_eigen_hermv_free(ws);
        xp__gsl_drop(M);
        xp__gsl_drop(V);
    }
    if (rc == GSL_SUCCESS)
        for (int64_t i = 0; i < n; i++) rset(wdt, w, 1, i, 0, ldexp(gsl_vector_get(eval, (size_t)i), e));
    xp__gsl_drop(eval);
    return numerical(rc, info);
}

/* ---- general eigensystems (real) ------------------------------------------------- */

xp_status xp__gsl_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr, int64_t ldvr,
                       int64_t *info) {
    if (!is_real(dt)) return XP_ERR_NOT_IMPLEMENTED; /* GSL has no complex nonsymmetric solver */
    *info = 0;
    if (n == 0) return XP_OK;
    size_t N = (size_t)n;
    xp_dtype cdt = dt == XP_FLOAT32 ? XP_COMPLEX64 : XP_COMPLEX128;
    gsl_matrix *M = xp__gsl_matrix(N, N);
    gsl_vector_complex *eval = xp__gsl_vector_complex(N);
    /* eigvals (vr NULL) runs gsl_eigen_nonsymmv too and drops the vectors:
     * gsl_eigen_nonsymm, even with the full Schur form, lists the eigenvalues in
     * another order than nonsymmv, and eigvals must answer in eig's order */
    gsl_matrix_complex *V = xp__gsl_matrix_complex(N, N);
    gsl_eigen_nonsymmv_workspace *wv = gsl_eigen_nonsymmv_alloc(N);
    int rc = GSL_ENOMEM;
    if (M && eval && V && wv) {
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < n; j++) gsl_matrix_set(M, (size_t)i, (size_t)j, rget(dt, a, lda, i, j));
        rc = gsl_eigen_nonsymmv(M, eval, V, wv);
        if (rc == GSL_SUCCESS) {
            for (int64_t i = 0; i < n; i++) cset(cdt, w, 1, i, 0, gsl_vector_complex_get(eval, (size_t)i));
            if (vr)
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < n; j++)
                        cset(cdt, vr, ldvr, i, j, gsl_matrix_complex_get(V, (size_t)i, (size_t)j));
        }
    }
    xp__gsl_drop(M);
    xp__gsl_drop(eval);
    xp__gsl_drop(V);
    if (wv) gsl_eigen_nonsymmv_free(wv);
    return numerical(rc, info);
}

/* ---- SVD (real) ------------------------------------------------------------------ */

xp_status xp__gsl_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda, void *s,
                        void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info) {
    if (!is_real(dt)) return XP_ERR_NOT_IMPLEMENTED; /* GSL has no complex SVD */
    bool full = jobz == 'A' || jobz == 'a', none = jobz == 'N' || jobz == 'n';
    if (full && m != n) return XP_ERR_NOT_IMPLEMENTED; /* GSL gives the thin U only */
    *info = 0;
    if (m == 0 || n == 0) return XP_OK;
    bool tr = m < n; /* GSL needs rows >= cols: decompose A^T = U' S V'^T, A = V' S U'^T */
    size_t R = (size_t)(tr ? n : m), C = (size_t)(tr ? m : n);
    gsl_matrix *U = xp__gsl_matrix(R, C), *V = xp__gsl_matrix(C, C);
    gsl_vector *S = xp__gsl_vector(C), *work = xp__gsl_vector(C);
    int rc = GSL_ENOMEM;
    if (U && V && S && work) {
        /* the core scales each matrix by a power of two before gesdd (xp__la_scale_pow2):
         * GSL's Golub-Reinsch fails to converge on entries near overflow or underflow */
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < n; j++) {
                double v = rget(dt, a, lda, i, j);
                if (tr) gsl_matrix_set(U, (size_t)j, (size_t)i, v);
                else gsl_matrix_set(U, (size_t)i, (size_t)j, v);
            }
        rc = gsl_linalg_SV_decomp(U, V, S, work);
        if (rc == GSL_SUCCESS) {
            int64_t k = (int64_t)C;
            for (int64_t i = 0; i < k; i++) rset(dt, s, 1, i, 0, gsl_vector_get(S, (size_t)i));
            if (!none) {
                /* u (m×k) and vt (k×n) */
                for (int64_t i = 0; i < m; i++)
                    for (int64_t j = 0; j < k; j++)
                        rset(dt, u, ldu, i, j, tr ? gsl_matrix_get(V, (size_t)i, (size_t)j) : gsl_matrix_get(U, (size_t)i, (size_t)j));
                for (int64_t i = 0; i < k; i++)
                    for (int64_t j = 0; j < n; j++)
                        rset(dt, vt, ldvt, i, j, tr ? gsl_matrix_get(U, (size_t)j, (size_t)i) : gsl_matrix_get(V, (size_t)j, (size_t)i));
            }
        }
    }
    xp__gsl_drop(U);
    xp__gsl_drop(V);
    xp__gsl_drop(S);
    xp__gsl_drop(work);
    /* Golub-Reinsch gives up on some finite matrices of huge dynamic range (entries
     * from 2.5e153 down to subnormals) that one-sided Jacobi handles: `a` is
     * untouched (GSL worked on its own copy), so hand the call to the next adapter
     * down (the portable Jacobi SVD) instead of reporting no convergence. */
    xp_status st = numerical(rc, info);
    if (st == XP_OK && *info != 0) return XP_ERR_NOT_IMPLEMENTED;
    return st;
}
