/* The reference LAPACK-level slots: LU (getrf/getrs/getri), Cholesky (potrf)
 * and Householder QR (geqrf/orgqr) for the four float dtypes, in portable C.
 * Eigen- and singular-value slots are not provided (see tests/xfails/reference.txt). */
#include "reference.h"
#include "../../namespace/core.h"
#include "../../namespace/dtype_traits.h"

#include <math.h>
#include <string.h>

#define XP_T float
#define XP_R float
#define XP_SUF f32
#define XP_ABS(x) fabsf(x)
#define XP_RE(x) (x)
#define XP_CONJ(x) (x)
#define XP_SQRT(x) sqrtf(x)
#include "factor_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_SQRT

#define XP_T double
#define XP_R double
#define XP_SUF f64
#define XP_ABS(x) fabs(x)
#define XP_SQRT(x) sqrt(x)
#include "factor_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_RE
#undef XP_CONJ
#undef XP_SQRT

#define XP_T xp_c64_t
#define XP_R float
#define XP_SUF c64
#define XP_ABS(x) cabsf(x)
#define XP_RE(x) crealf(x)
#define XP_CONJ(x) conjf(x)
#define XP_SQRT(x) sqrtf(x)
#include "factor_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_RE
#undef XP_CONJ
#undef XP_SQRT

#define XP_T xp_c128_t
#define XP_R double
#define XP_SUF c128
#define XP_ABS(x) cabs(x)
#define XP_RE(x) creal(x)
#define XP_CONJ(x) conj(x)
#define XP_SQRT(x) sqrt(x)
#include "factor_impl.h"
#undef XP_T
#undef XP_R
#undef XP_SUF
#undef XP_ABS
#undef XP_RE
#undef XP_CONJ
#undef XP_SQRT

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
    void *lu = xp__scratch(bytes ? bytes : 1);
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
    xp__scratch_free(lu, bytes ? bytes : 1);
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
    char *v = xp__scratch(bytes ? bytes : 1);
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
    xp__scratch_free(v, bytes ? bytes : 1);
    return XP_OK;
}
