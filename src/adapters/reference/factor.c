/* The reference LAPACK-level slots for the four float dtypes, in portable C:
 * LU (getrf/getrs/getri), Cholesky (potrf) and Householder QR (geqrf/orgqr) from
 * factor_impl.h; the Hermitian eigensolver (syevd: cyclic Jacobi), the SVD
 * (gesdd: one-sided Jacobi) and the general eigensolver (geev: Hessenberg +
 * shifted complex QR) from eigen_impl.h. */
#include "reference.h"
#include <xparray.h>
#include <xparray/adapter_util.h>

#include <complex.h>

#include <complex.h>
#include <float.h>
#include <math.h>
#include <string.h>

#define XP_T float
#define XP_R float
#define XP_SUF f32
#define XP_ABS(x) fabsf(x)
#define XP_ABS2(x) ((x) * (x))
#define XP_RE(x) (x)
#define XP_CONJ(x) (x)
#define XP_SQRT(x) sqrtf(x)
#define XP_HYPOT(x, y) hypotf(x, y)
#define XP_EPS FLT_EPSILON
#define XP_RMIN FLT_MIN
#define XP_RMAX FLT_MAX
#define XP_CPLX 0
#include "factor_impl.h"
#include "eigen_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_ABS2
#undef XP_SQRT
#undef XP_HYPOT
#undef XP_EPS
#undef XP_RMIN
#undef XP_RMAX

#define XP_T double
#define XP_R double
#define XP_SUF f64
#define XP_ABS(x) fabs(x)
#define XP_ABS2(x) ((x) * (x))
#define XP_SQRT(x) sqrt(x)
#define XP_HYPOT(x, y) hypot(x, y)
#define XP_EPS DBL_EPSILON
#define XP_RMIN DBL_MIN
#define XP_RMAX DBL_MAX
#include "factor_impl.h"
#include "eigen_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_ABS2
#undef XP_RE
#undef XP_CONJ
#undef XP_SQRT
#undef XP_HYPOT
#undef XP_EPS
#undef XP_RMIN
#undef XP_RMAX
#undef XP_CPLX

#define XP_T xp_c64_t
#define XP_R float
#define XP_SUF c64
#define XP_ABS(x) cabsf(x)
#define XP_ABS2(x) (crealf(x) * crealf(x) + cimagf(x) * cimagf(x))
#define XP_RE(x) crealf(x)
#define XP_IM(x) cimagf(x)
#define XP_CONJ(x) conjf(x)
#define XP_SQRT(x) sqrtf(x)
#define XP_CSQRT(x) csqrtf(x)
#define XP_HYPOT(x, y) hypotf(x, y)
#define XP_EPS FLT_EPSILON
#define XP_RMIN FLT_MIN
#define XP_RMAX FLT_MAX
#define XP_CPLX 1
#include "factor_impl.h"
#include "eigen_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_ABS2
#undef XP_RE
#undef XP_IM
#undef XP_CONJ
#undef XP_SQRT
#undef XP_CSQRT
#undef XP_HYPOT
#undef XP_EPS
#undef XP_RMIN
#undef XP_RMAX

#define XP_T xp_c128_t
#define XP_R double
#define XP_SUF c128
#define XP_ABS(x) cabs(x)
#define XP_ABS2(x) (creal(x) * creal(x) + cimag(x) * cimag(x))
#define XP_RE(x) creal(x)
#define XP_IM(x) cimag(x)
#define XP_CONJ(x) conj(x)
#define XP_SQRT(x) sqrt(x)
#define XP_CSQRT(x) csqrt(x)
#define XP_HYPOT(x, y) hypot(x, y)
#define XP_EPS DBL_EPSILON
#define XP_RMIN DBL_MIN
#define XP_RMAX DBL_MAX
#include "factor_impl.h"
#include "eigen_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_ABS2
#undef XP_RE
#undef XP_IM
#undef XP_CONJ
#undef XP_SQRT
#undef XP_CSQRT
#undef XP_HYPOT
#undef XP_EPS
#undef XP_RMIN
#undef XP_RMAX
#undef XP_CPLX

#define XP__SWITCH(dt, call)                             \
    switch (dt) {                                        \
    case XP_FLOAT32: call(f32, float); break;            \
    case XP_FLOAT64: call(f64, double); break;           \
    case XP_COMPLEX64: call(c64, xp_c64_t); break;       \
    case XP_COMPLEX128: call(c128, xp_c128_t); break;    \
    default: return XP_ERR_NOT_IMPLEMENTED;              \
    }

xp_status xp__ref_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                        int64_t *info) {
#define C_(s, T) getrf_##s(m, n, (T *)a, lda, ipiv, info)
    XP__SWITCH(dt, C_)
#undef C_
    return XP_OK;
}

xp_status xp__ref_getrs(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                        int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info) {
    *info = 0;
#define C_(s, T) getrs_##s(trans, n, nrhs, (const T *)a, lda, ipiv, (T *)b, ldb)
    XP__SWITCH(dt, C_)
#undef C_
    return XP_OK;
}

xp_status xp__ref_getri(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                        int64_t *info) {
    *info = 0;
    for (int64_t j = 0; j < n; j++) {
        size_t is = xp_dtype_size(dt);
        const char *d = (const char *)a + (size_t)(j + j * lda) * is;
        bool zero = true;
        for (size_t b = 0; b < is; b++) zero = zero && d[b] == 0;
        double v;
        if (dt == XP_FLOAT32 || dt == XP_COMPLEX64) {
            float f[2] = {0, 0};
            memcpy(f, d, is);
            v = fabs((double)f[0]) + fabs((double)f[1]);
        } else {
            double f[2] = {0, 0};
            memcpy(f, d, is);
            v = fabs(f[0]) + fabs(f[1]);
        }
        if (v == 0 && zero) {
            *info = j + 1;
            return XP_OK;
        }
    }
    size_t bytes = (size_t)n * (size_t)n * xp_dtype_size(dt);
    void *lu = xp_adapter_scratch(bytes ? bytes : 1);
    if (!lu) return XP_ERR_NOMEM;
#define C_(s, T)                                                            \
    do {                                                                    \
        T *A = (T *)a, *L = (T *)lu;                                        \
        for (int64_t j = 0; j < n; j++)                                     \
            for (int64_t i = 0; i < n; i++) {                               \
                L[i + j * n] = A[i + j * lda];                              \
                A[i + j * lda] = i == j ? 1 : 0;                            \
            }                                                               \
        getrs_##s('N', n, n, L, n, ipiv, A, lda);                           \
    } while (0)
    switch (dt) {
    case XP_FLOAT32: C_(f32, float); break;
    case XP_FLOAT64: C_(f64, double); break;
    case XP_COMPLEX64: C_(c64, xp_c64_t); break;
    case XP_COMPLEX128: C_(c128, xp_c128_t); break;
    default: break;
    }
#undef C_
    xp_adapter_scratch_free(lu, bytes ? bytes : 1);
    return XP_OK;
}

xp_status xp__ref_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info) {
#define C_(s, T) potrf_##s(uplo, n, (T *)a, lda, info)
    XP__SWITCH(dt, C_)
#undef C_
    return XP_OK;
}

xp_status xp__ref_geqrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                        int64_t *info) {
    *info = 0;
#define C_(s, T) geqrf_##s(m, n, (T *)a, lda, (T *)tau)
    XP__SWITCH(dt, C_)
#undef C_
    return XP_OK;
}

xp_status xp__ref_orgqr(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                        const void *tau, int64_t *info) {
    *info = 0;
    size_t is = xp_dtype_size(dt), bytes = (size_t)m * (size_t)(k ? k : 1) * is;
    char *v = xp_adapter_scratch(bytes ? bytes : 1);
    if (!v) return XP_ERR_NOMEM;
    for (int64_t j = 0; j < k; j++)
        memcpy(v + (size_t)(j * m) * is, (char *)a + (size_t)(j * lda) * is, (size_t)m * is);
#define C_(s, T) orgqr_##s(m, n, k, (T *)a, lda, (const T *)(const void *)v, (const T *)tau)
    switch (dt) {
    case XP_FLOAT32: C_(f32, float); break;
    case XP_FLOAT64: C_(f64, double); break;
    case XP_COMPLEX64: C_(c64, xp_c64_t); break;
    case XP_COMPLEX128: C_(c128, xp_c128_t); break;
    default: break;
    }
#undef C_
    xp_adapter_scratch_free(v, bytes ? bytes : 1);
    return XP_OK;
}

xp_status xp__ref_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                        void *w, int64_t *info) {
    bool v = jobz == 'V';
    switch (dt) {
    case XP_FLOAT32: return heevj_f32(v, uplo, n, a, lda, w, info);
    case XP_FLOAT64: return heevj_f64(v, uplo, n, a, lda, w, info);
    case XP_COMPLEX64: return heevj_c64(v, uplo, n, a, lda, w, info);
    case XP_COMPLEX128: return heevj_c128(v, uplo, n, a, lda, w, info);
    default: return XP_ERR_NOT_IMPLEMENTED;
    }
}

xp_status xp__ref_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                        void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info) {
    switch (dt) {
    case XP_FLOAT32: return gesvj_f32(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
    case XP_FLOAT64: return gesvj_f64(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
    case XP_COMPLEX64: return gesvj_c64(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
    case XP_COMPLEX128: return gesvj_c128(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
    default: return XP_ERR_NOT_IMPLEMENTED;
    }
}

/* Real input runs in complex arithmetic of the same precision (w and vr are
 * complex anyway): a complex copy of a is made first. */
xp_status xp__ref_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                       int64_t ldvr, int64_t *info) {
    if (dt == XP_COMPLEX64) return geevqr_c64(n, a, lda, w, vr, ldvr, info);
    if (dt == XP_COMPLEX128) return geevqr_c128(n, a, lda, w, vr, ldvr, info);
    if (dt != XP_FLOAT32 && dt != XP_FLOAT64) return XP_ERR_NOT_IMPLEMENTED;
    xp_dtype ct = dt == XP_FLOAT32 ? XP_COMPLEX64 : XP_COMPLEX128;
    size_t bytes = (size_t)(n ? n : 1) * (size_t)(n ? n : 1) * xp_dtype_size(ct);
    void *c = xp_adapter_scratch(bytes);
    if (!c) return XP_ERR_NOMEM;
    xp_status st;
    if (dt == XP_FLOAT32) {
        const float *A = a;
        xp_c64_t *C = c;
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < n; i++) C[i + j * n] = A[i + j * lda];
        st = geevqr_c64(n, C, n, w, vr, ldvr, info);
    } else {
        const double *A = a;
        xp_c128_t *C = c;
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < n; i++) C[i + j * n] = A[i + j * lda];
        st = geevqr_c128(n, C, n, w, vr, ldvr, info);
    }
    xp_adapter_scratch_free(c, bytes);
    return st;
}
