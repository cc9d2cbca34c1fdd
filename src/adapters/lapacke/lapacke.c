/* The lapacke adapter: the LAPACK-level slots over LAPACKE's _work interface
 * (column-major, no transposition, no NaN check — LAPACKE_set_nancheck is
 * never consulted by the _work routines), for the four float dtypes.
 *
 * Workspaces come from the allocator hook, one block per call (see ws_take).
 * Sizes beyond lapack_int pass the call down. */
#include <xparray.h>
#include <xparray/adapter_util.h>

#include <complex.h>

#include <lapacke.h>
#include <limits.h>
#include <string.h>

#define COL LAPACK_COL_MAJOR

/* ---- workspace ------------------------------------------------------------------ */

/* One slot call's workspace, from the allocator hook (xp_adapter_scratch): the
 * hook sees and accounts for it, and the built-in caching allocator keeps large
 * blocks warm for the next call. */
typedef struct ws_block {
    void *p;
    size_t n;
} ws_block;

/* At least `bytes` of 64-byte-aligned workspace, held in *w until ws_drop. */
static void *ws_take(ws_block *w, size_t bytes) {
    w->n = bytes ? bytes : 1;
    w->p = xp_adapter_scratch(w->n);
    return w->p;
}

static void ws_drop(ws_block *w) {
    xp_adapter_scratch_free(w->p, w->n);
    w->p = NULL;
}

static bool fits(int64_t v) { return v >= 0 && v <= INT_MAX; }
#define FITS2(a, b) (fits(a) && fits(b))

/* LU and Cholesky of matrices this small are faster in the portable code than
 * through LAPACK's call overhead (the 3×3 batches of NumPy users): pass down. */
#define XP_LAPACKE_MIN_N 9
static bool tiny(int64_t n) { return n < XP_LAPACKE_MIN_N; }

/* A workspace size from a query answer (real part of the first element). */
static size_t qsize(xp_dtype dt, const void *q) {
    double v;
    if (dt == XP_FLOAT32 || dt == XP_COMPLEX64) v = *(const float *)q;
    else v = *(const double *)q;
    return v < 1 ? 1 : (size_t)v + 1;
}
static size_t esize(xp_dtype dt) { return xp_dtype_size(dt); }
static size_t rsize(xp_dtype dt) { return dt == XP_FLOAT32 || dt == XP_COMPLEX64 ? 4 : 8; }
static bool is_float(xp_dtype dt) {
    return dt == XP_FLOAT32 || dt == XP_FLOAT64 || dt == XP_COMPLEX64 || dt == XP_COMPLEX128;
}

/* ---- LU ------------------------------------------------------------------------ */

static xp_status getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                       int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !fits(lda) || (tiny(m) && tiny(n)))
        return XP_ERR_NOT_IMPLEMENTED;
    int64_t mn = m < n ? m : n;
    lapack_int *ip = ws_take(&wk, (size_t)(mn ? mn : 1) * sizeof(lapack_int)), r;
    if (!ip) return XP_ERR_NOMEM;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgetrf_work(COL, (int)m, (int)n, a, (int)lda, ip); break;
    case XP_FLOAT64: r = LAPACKE_dgetrf_work(COL, (int)m, (int)n, a, (int)lda, ip); break;
    case XP_COMPLEX64: r = LAPACKE_cgetrf_work(COL, (int)m, (int)n, a, (int)lda, ip); break;
    default: r = LAPACKE_zgetrf_work(COL, (int)m, (int)n, a, (int)lda, ip); break;
    }
    for (int64_t i = 0; i < mn; i++) ipiv[i] = ip[i];
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

static xp_status getrs(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                       int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(n, nrhs) || !FITS2(lda, ldb) || tiny(n))
        return XP_ERR_NOT_IMPLEMENTED;
    lapack_int *ip = ws_take(&wk, (size_t)(n ? n : 1) * sizeof(lapack_int)), r;
    if (!ip) return XP_ERR_NOMEM;
    for (int64_t i = 0; i < n; i++) ip[i] = (lapack_int)ipiv[i];
    int N = (int)n, R = (int)nrhs, LA = (int)lda, LB = (int)ldb;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgetrs_work(COL, trans, N, R, a, LA, ip, b, LB); break;
    case XP_FLOAT64: r = LAPACKE_dgetrs_work(COL, trans, N, R, a, LA, ip, b, LB); break;
    case XP_COMPLEX64: r = LAPACKE_cgetrs_work(COL, trans, N, R, a, LA, ip, b, LB); break;
    default: r = LAPACKE_zgetrs_work(COL, trans, N, R, a, LA, ip, b, LB); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

static xp_status getri(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                       int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(n, lda) || tiny(n)) return XP_ERR_NOT_IMPLEMENTED;
    int N = (int)n, LA = (int)lda;
    double q[2] = {0, 0};
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: LAPACKE_sgetri_work(COL, N, a, LA, NULL, (float *)q, -1); break;
    case XP_FLOAT64: LAPACKE_dgetri_work(COL, N, a, LA, NULL, q, -1); break;
    case XP_COMPLEX64: LAPACKE_cgetri_work(COL, N, a, LA, NULL, (void *)q, -1); break;
    default: LAPACKE_zgetri_work(COL, N, a, LA, NULL, (void *)q, -1); break;
    }
    size_t lw = qsize(dt, q), ipb = ((size_t)(n ? n : 1) * sizeof(lapack_int) + 63) & ~(size_t)63;
    char *w = ws_take(&wk, ipb + lw * esize(dt));
    if (!w) return XP_ERR_NOMEM;
    lapack_int *ip = (lapack_int *)(void *)w;
    void *work = w + ipb;
    for (int64_t i = 0; i < n; i++) ip[i] = (lapack_int)ipiv[i];
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgetri_work(COL, N, a, LA, ip, work, L); break;
    case XP_FLOAT64: r = LAPACKE_dgetri_work(COL, N, a, LA, ip, work, L); break;
    case XP_COMPLEX64: r = LAPACKE_cgetri_work(COL, N, a, LA, ip, work, L); break;
    default: r = LAPACKE_zgetri_work(COL, N, a, LA, ip, work, L); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

/* ---- Cholesky, QR ------------------------------------------------------------------ */

static xp_status potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info) {
    if (!is_float(dt) || !FITS2(n, lda) || tiny(n)) return XP_ERR_NOT_IMPLEMENTED;
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_spotrf_work(COL, uplo, (int)n, a, (int)lda); break;
    case XP_FLOAT64: r = LAPACKE_dpotrf_work(COL, uplo, (int)n, a, (int)lda); break;
    case XP_COMPLEX64: r = LAPACKE_cpotrf_work(COL, uplo, (int)n, a, (int)lda); break;
    default: r = LAPACKE_zpotrf_work(COL, uplo, (int)n, a, (int)lda); break;
    }
    *info = r;
    return XP_OK;
}

static xp_status geqrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !fits(lda)) return XP_ERR_NOT_IMPLEMENTED;
    int M = (int)m, N = (int)n, LA = (int)lda;
    double q[2] = {0, 0};
    switch (dt) {
    case XP_FLOAT32: LAPACKE_sgeqrf_work(COL, M, N, a, LA, tau, (float *)q, -1); break;
    case XP_FLOAT64: LAPACKE_dgeqrf_work(COL, M, N, a, LA, tau, q, -1); break;
    case XP_COMPLEX64: LAPACKE_cgeqrf_work(COL, M, N, a, LA, tau, (void *)q, -1); break;
    default: LAPACKE_zgeqrf_work(COL, M, N, a, LA, tau, (void *)q, -1); break;
    }
    size_t lw = qsize(dt, q);
    void *w = ws_take(&wk, lw * esize(dt));
    if (!w) return XP_ERR_NOMEM;
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgeqrf_work(COL, M, N, a, LA, tau, w, L); break;
    case XP_FLOAT64: r = LAPACKE_dgeqrf_work(COL, M, N, a, LA, tau, w, L); break;
    case XP_COMPLEX64: r = LAPACKE_cgeqrf_work(COL, M, N, a, LA, tau, w, L); break;
    default: r = LAPACKE_zgeqrf_work(COL, M, N, a, LA, tau, w, L); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

static xp_status orgqr(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !FITS2(k, lda)) return XP_ERR_NOT_IMPLEMENTED;
    int M = (int)m, N = (int)n, K = (int)k, LA = (int)lda;
    double q[2] = {0, 0};
    switch (dt) {
    case XP_FLOAT32: LAPACKE_sorgqr_work(COL, M, N, K, a, LA, tau, (float *)q, -1); break;
    case XP_FLOAT64: LAPACKE_dorgqr_work(COL, M, N, K, a, LA, tau, q, -1); break;
    case XP_COMPLEX64: LAPACKE_cungqr_work(COL, M, N, K, a, LA, tau, (void *)q, -1); break;
    default: LAPACKE_zungqr_work(COL, M, N, K, a, LA, tau, (void *)q, -1); break;
    }
    size_t lw = qsize(dt, q);
    void *w = ws_take(&wk, lw * esize(dt));
    if (!w) return XP_ERR_NOMEM;
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sorgqr_work(COL, M, N, K, a, LA, tau, w, L); break;
    case XP_FLOAT64: r = LAPACKE_dorgqr_work(COL, M, N, K, a, LA, tau, w, L); break;
    case XP_COMPLEX64: r = LAPACKE_cungqr_work(COL, M, N, K, a, LA, tau, w, L); break;
    default: r = LAPACKE_zungqr_work(COL, M, N, K, a, LA, tau, w, L); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

static xp_status gelqf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !fits(lda)) return XP_ERR_NOT_IMPLEMENTED;
    int M = (int)m, N = (int)n, LA = (int)lda;
    double q[2] = {0, 0};
    switch (dt) {
    case XP_FLOAT32: LAPACKE_sgelqf_work(COL, M, N, a, LA, tau, (float *)q, -1); break;
    case XP_FLOAT64: LAPACKE_dgelqf_work(COL, M, N, a, LA, tau, q, -1); break;
    case XP_COMPLEX64: LAPACKE_cgelqf_work(COL, M, N, a, LA, tau, (void *)q, -1); break;
    default: LAPACKE_zgelqf_work(COL, M, N, a, LA, tau, (void *)q, -1); break;
    }
    size_t lw = qsize(dt, q);
    void *w = ws_take(&wk, lw * esize(dt));
    if (!w) return XP_ERR_NOMEM;
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgelqf_work(COL, M, N, a, LA, tau, w, L); break;
    case XP_FLOAT64: r = LAPACKE_dgelqf_work(COL, M, N, a, LA, tau, w, L); break;
    case XP_COMPLEX64: r = LAPACKE_cgelqf_work(COL, M, N, a, LA, tau, w, L); break;
    default: r = LAPACKE_zgelqf_work(COL, M, N, a, LA, tau, w, L); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

static xp_status orglq(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !FITS2(k, lda)) return XP_ERR_NOT_IMPLEMENTED;
    int M = (int)m, N = (int)n, K = (int)k, LA = (int)lda;
    double q[2] = {0, 0};
    switch (dt) {
    case XP_FLOAT32: LAPACKE_sorglq_work(COL, M, N, K, a, LA, tau, (float *)q, -1); break;
    case XP_FLOAT64: LAPACKE_dorglq_work(COL, M, N, K, a, LA, tau, q, -1); break;
    case XP_COMPLEX64: LAPACKE_cunglq_work(COL, M, N, K, a, LA, tau, (void *)q, -1); break;
    default: LAPACKE_zunglq_work(COL, M, N, K, a, LA, tau, (void *)q, -1); break;
    }
    size_t lw = qsize(dt, q);
    void *w = ws_take(&wk, lw * esize(dt));
    if (!w) return XP_ERR_NOMEM;
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sorglq_work(COL, M, N, K, a, LA, tau, w, L); break;
    case XP_FLOAT64: r = LAPACKE_dorglq_work(COL, M, N, K, a, LA, tau, w, L); break;
    case XP_COMPLEX64: r = LAPACKE_cunglq_work(COL, M, N, K, a, LA, tau, w, L); break;
    default: r = LAPACKE_zunglq_work(COL, M, N, K, a, LA, tau, w, L); break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

/* ---- eigensolvers ------------------------------------------------------------------ */

static xp_status syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                       void *w, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(n, lda)) return XP_ERR_NOT_IMPLEMENTED;
    int N = (int)n, LA = (int)lda;
    double q[2] = {0, 0}, rq = 0;
    lapack_int iq = 0, r;
    switch (dt) {
    case XP_FLOAT32: {
        float fq = 0;
        LAPACKE_ssyevd_work(COL, jobz, uplo, N, a, LA, w, &fq, -1, &iq, -1);
        q[0] = fq;
        break;
    }
    case XP_FLOAT64: LAPACKE_dsyevd_work(COL, jobz, uplo, N, a, LA, w, q, -1, &iq, -1); break;
    case XP_COMPLEX64: {
        float fq[2] = {0, 0}, frq = 0;
        LAPACKE_cheevd_work(COL, jobz, uplo, N, a, LA, w, (void *)fq, -1, &frq, -1, &iq, -1);
        q[0] = fq[0];
        rq = frq;
        break;
    }
    default: LAPACKE_zheevd_work(COL, jobz, uplo, N, a, LA, w, (void *)q, -1, &rq, -1, &iq, -1); break;
    }
    size_t lw = (size_t)q[0] + 1, lrw = (size_t)rq + 1, liw = (size_t)(iq > 0 ? iq : 1);
    size_t b1 = (lw * esize(dt) + 63) & ~(size_t)63, b2 = (lrw * rsize(dt) + 63) & ~(size_t)63;
    char *ws = ws_take(&wk, b1 + b2 + liw * sizeof(lapack_int));
    if (!ws) return XP_ERR_NOMEM;
    void *work = ws, *rwork = ws + b1;
    lapack_int *iwork = (lapack_int *)(void *)(ws + b1 + b2);
    int L = (int)lw, LR = (int)lrw, LI = (int)liw;
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_ssyevd_work(COL, jobz, uplo, N, a, LA, w, work, L, iwork, LI); break;
    case XP_FLOAT64: r = LAPACKE_dsyevd_work(COL, jobz, uplo, N, a, LA, w, work, L, iwork, LI); break;
    case XP_COMPLEX64:
        r = LAPACKE_cheevd_work(COL, jobz, uplo, N, a, LA, w, work, L, rwork, LR, iwork, LI);
        break;
    default:
        r = LAPACKE_zheevd_work(COL, jobz, uplo, N, a, LA, w, work, L, rwork, LR, iwork, LI);
        break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

#define XP_T float
#define XP_C xp_c64_t
#define XP_SUF f32
#define XP_GEEV LAPACKE_sgeev_work
#include "geev_real_impl.h"
#undef XP_T
#undef XP_C
#undef XP_SUF
#undef XP_GEEV
#define XP_T double
#define XP_C xp_c128_t
#define XP_SUF f64
#define XP_GEEV LAPACKE_dgeev_work
#include "geev_real_impl.h"
#undef XP_T
#undef XP_C
#undef XP_SUF
#undef XP_GEEV

static xp_status geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                      int64_t ldvr, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(n, lda) || !fits(ldvr)) return XP_ERR_NOT_IMPLEMENTED;
    int N = (int)n, LA = (int)lda, LV = (int)ldvr;
    lapack_int r = 0;
    switch (dt) {
    case XP_FLOAT32: return geev_f32(N, a, LA, w, vr, ldvr, info);
    case XP_FLOAT64: return geev_f64(N, a, LA, w, vr, ldvr, info);
    case XP_COMPLEX64: {
        xp_c64_t q = 0, vl[1] = {0}; /* never NULL: the query writes rwork(1) */
        float rq[2] = {0, 0};
        LAPACKE_cgeev_work(COL, 'N', vr ? 'V' : 'N', N, a, LA, w, vl, 1, vr, LV, &q, -1, rq);
        size_t lw = (size_t)crealf(q) + 1;
        xp_c64_t *ws = ws_take(&wk, lw * sizeof(xp_c64_t) + 2 * (size_t)N * sizeof(float) + 8);
        if (!ws) return XP_ERR_NOMEM;
        r = LAPACKE_cgeev_work(COL, 'N', vr ? 'V' : 'N', N, a, LA, w, vl, 1, vr, LV, ws,
                               (int)lw, (float *)(void *)(ws + lw));
        break;
    }
    default: {
        xp_c128_t q = 0, vl[1] = {0};
        double rq[2] = {0, 0};
        LAPACKE_zgeev_work(COL, 'N', vr ? 'V' : 'N', N, a, LA, w, vl, 1, vr, LV, &q, -1, rq);
        size_t lw = (size_t)creal(q) + 1;
        xp_c128_t *ws = ws_take(&wk, lw * sizeof(xp_c128_t) + 2 * (size_t)N * sizeof(double) + 8);
        if (!ws) return XP_ERR_NOMEM;
        r = LAPACKE_zgeev_work(COL, 'N', vr ? 'V' : 'N', N, a, LA, w, vl, 1, vr, LV, ws,
                               (int)lw, (double *)(void *)(ws + lw));
        break;
    }
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

/* ---- SVD ------------------------------------------------------------------------ */

static xp_status gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                       void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info) {
    ws_block wk = {0};
    if (!is_float(dt) || !FITS2(m, n) || !fits(lda) || !FITS2(ldu, ldvt))
        return XP_ERR_NOT_IMPLEMENTED;
    int M = (int)m, N = (int)n, LA = (int)lda, LU = (int)(ldu ? ldu : 1),
        LV = (int)(ldvt ? ldvt : 1);
    int64_t mn = m < n ? m : n, mx = m > n ? m : n;
    double q[2] = {0, 0};
    lapack_int r;
    switch (dt) {
    case XP_FLOAT32: {
        float fq = 0;
        LAPACKE_sgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, &fq, -1, NULL);
        q[0] = fq;
        break;
    }
    case XP_FLOAT64: LAPACKE_dgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, q, -1, NULL); break;
    case XP_COMPLEX64: {
        float fq[2] = {0, 0};
        LAPACKE_cgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, (void *)fq, -1, NULL, NULL);
        q[0] = fq[0];
        break;
    }
    default:
        LAPACKE_zgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, (void *)q, -1, NULL, NULL);
        break;
    }
    size_t lw = (size_t)q[0] + 1;
    size_t lrw = jobz == 'N' ? (size_t)(7 * mn)
                             : (size_t)(mn * (mn > 0 ? mn : 1)) * 5 + 5 * (size_t)mn;
    size_t alt = (size_t)(2 * mx * mn + 2 * mn * mn + mn);
    if (lrw < alt) lrw = alt;
    lrw += 1;
    size_t b1 = (lw * esize(dt) + 63) & ~(size_t)63, b2 = (lrw * rsize(dt) + 63) & ~(size_t)63;
    size_t liw = (size_t)(8 * (mn ? mn : 1));
    bool cx = dt == XP_COMPLEX64 || dt == XP_COMPLEX128;
    char *ws = ws_take(&wk, b1 + (cx ? b2 : 0) + liw * sizeof(lapack_int));
    if (!ws) return XP_ERR_NOMEM;
    void *work = ws, *rwork = ws + b1;
    lapack_int *iwork = (lapack_int *)(void *)(ws + b1 + (cx ? b2 : 0));
    int L = (int)(lw > INT_MAX ? INT_MAX : lw);
    switch (dt) {
    case XP_FLOAT32: r = LAPACKE_sgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, work, L, iwork); break;
    case XP_FLOAT64: r = LAPACKE_dgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, work, L, iwork); break;
    case XP_COMPLEX64:
        r = LAPACKE_cgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, work, L, rwork, iwork);
        break;
    default:
        r = LAPACKE_zgesdd_work(COL, jobz, M, N, a, LA, s, u, LU, vt, LV, work, L, rwork, iwork);
        break;
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

/* ---- the adapter -------------------------------------------------------------------- */

static const char *routine(const char *f) {
    static const char *const map[][2] = {
        {"linalg.cholesky", "potrf"},      {"linalg.det", "getrf"},
        {"linalg.slogdet", "getrf"},       {"linalg.eig", "geev"},
        {"linalg.eigvals", "geev"},        {"linalg.eigh", "syevd/heevd"},
        {"linalg.eigvalsh", "syevd/heevd"}, {"linalg.inv", "getrf+getri"},
        {"linalg.matrix_power", "getrf+getri"}, {"linalg.matrix_rank", "gesdd"},
        {"linalg.pinv", "gesdd"},          {"linalg.qr", "gelqf+orglq/unglq"},
        {"linalg.solve", "getrf+getrs"},   {"linalg.svd", "gesdd"},
        {"linalg.svdvals", "gesdd"},       {"linalg.matrix_norm", "gesdd"},
    };
    if (!f) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(f, map[i][0])) return map[i][1];
    return NULL;
}

const xp_adapter xp_adapter_lapacke = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "lapacke",
    .library = "LAPACKE (reference LAPACKE over OpenBLAS's LAPACK)",
    .routine = routine,
    .linalg =
        {
            .getrf = getrf,
            .getrs = getrs,
            .getri = getri,
            .potrf = potrf,
            .geqrf = geqrf,
            .orgqr = orgqr,
            .gelqf = gelqf,
            .orglq = orglq,
            .syevd = syevd,
            .geev = geev,
            .gesdd = gesdd,
        },
};
