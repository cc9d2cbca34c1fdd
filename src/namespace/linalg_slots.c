/* Dispatch of the product and LAPACK-level slots down the adapter stack, and the
 * small helpers shared by the linear-algebra core. */
#include "linalg_core.h"

#include <math.h>
#include <string.h>

/* Calls slot `s` of each adapter in turn until one takes the call. */
#define XP__LA_DISPATCH(s, ...)                                        \
    const xp_adapter *const *ad = xp_adapters();                       \
    for (int i = 0; ad[i]; i++) {                                      \
        if (!ad[i]->linalg.s) continue;                                \
        xp_status st = ad[i]->linalg.s(__VA_ARGS__);                   \
        if (st != XP_ERR_NOT_IMPLEMENTED) return st;                   \
    }                                                                  \
    return XP_ERR_NOT_IMPLEMENTED

xp_status xp__la_gemm(const xp_gemm_args *g) { XP__LA_DISPATCH(gemm, g); }
xp_status xp__la_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                       int64_t *info) {
    XP__LA_DISPATCH(getrf, dt, m, n, a, lda, ipiv, info);
}
xp_status xp__la_getrs(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                       int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info) {
    XP__LA_DISPATCH(getrs, dt, trans, n, nrhs, a, lda, ipiv, b, ldb, info);
}
xp_status xp__la_getri(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                       int64_t *info) {
    XP__LA_DISPATCH(getri, dt, n, a, lda, ipiv, info);
}
xp_status xp__la_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info) {
    XP__LA_DISPATCH(potrf, dt, uplo, n, a, lda, info);
}
xp_status xp__la_geqrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info) {
    XP__LA_DISPATCH(geqrf, dt, m, n, a, lda, tau, info);
}
xp_status xp__la_orgqr(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info) {
    XP__LA_DISPATCH(orgqr, dt, m, n, k, a, lda, tau, info);
}
xp_status xp__la_gelqf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                       int64_t *info) {
    XP__LA_DISPATCH(gelqf, dt, m, n, a, lda, tau, info);
}
xp_status xp__la_orglq(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                       const void *tau, int64_t *info) {
    XP__LA_DISPATCH(orglq, dt, m, n, k, a, lda, tau, info);
}
xp_status xp__la_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                       void *w, int64_t *info) {
    XP__LA_DISPATCH(syevd, dt, jobz, uplo, n, a, lda, w, info);
}
xp_status xp__la_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                      int64_t ldvr, int64_t *info) {
    XP__LA_DISPATCH(geev, dt, n, a, lda, w, vr, ldvr, info);
}
xp_status xp__la_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                       void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info) {
    XP__LA_DISPATCH(gesdd, dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
}

XP_API const char *xp_adapter_linalg_owner(const char *slot) {
    if (!slot) return NULL;
    const xp_adapter *const *ad = xp_adapters();
#define XP__LA_OWNER(s)                                                      \
    if (!strcmp(slot, #s)) {                                                 \
        for (int i = 0; ad[i]; i++)                                          \
            if (ad[i]->linalg.s) return ad[i]->name;                         \
        return NULL;                                                         \
    }
    XP_LINALG_SLOTS(XP__LA_OWNER)
#undef XP__LA_OWNER
    return NULL;
}

xp_array *xp__la_fail(const char *fn, const char *routine, xp_status st, int64_t info,
                      xp_status numeric_status, const char *what) {
    xp_array *refused = st == XP_ERR_NOT_IMPLEMENTED ? xp__adapters_error(fn) : NULL;
    if (refused) return refused;
    if (st == XP_ERR_NOT_IMPLEMENTED)
        return xp__error(st, fn, "no adapter of flavor '%s' provides %s", xp__flavor_name,
                         routine);
    if (st == XP_ERR_NOMEM) return xp__oom();
    if (st != XP_OK) return xp__error(st, fn, "%s failed", routine);
    return xp__error(numeric_status, fn, "argument 'x': %s (%s info=%lld)", what, routine,
                     (long long)info);
}

bool xp__la_finite(const void *p, int64_t count, xp_dtype dt) {
    int64_t nr = (dt == XP_COMPLEX64 || dt == XP_COMPLEX128) ? 2 * count : count;
    if (dt == XP_FLOAT32 || dt == XP_COMPLEX64) {
        float z = 0; /* 0 * v stays 0 unless v is a NaN or an infinity */
        for (int64_t i = 0; i < nr; i++) z += ((const float *)p)[i] * 0.0f;
        return z == z;
    }
    double z = 0;
    for (int64_t i = 0; i < nr; i++) z += ((const double *)p)[i] * 0.0;
    return z == z;
}

void xp__la_fill_nan(void *p, int64_t count, xp_dtype dt) {
    int64_t nr = (dt == XP_COMPLEX64 || dt == XP_COMPLEX128) ? 2 * count : count;
    for (int64_t i = 0; i < nr; i++) {
        if (dt == XP_FLOAT32 || dt == XP_COMPLEX64) ((float *)p)[i] = NAN;
        else ((double *)p)[i] = NAN;
    }
}

int xp__la_scale_pow2(void *p, int64_t count, xp_dtype dt) {
    int64_t nr = (dt == XP_COMPLEX64 || dt == XP_COMPLEX128) ? 2 * count : count;
    bool single = dt == XP_FLOAT32 || dt == XP_COMPLEX64;
    double amax = 0.0;
    for (int64_t i = 0; i < nr; i++) {
        double v = fabs(single ? (double)((const float *)p)[i] : ((const double *)p)[i]);
        if (v > amax) amax = v;
    }
    int e = 0;
    if (!(amax > 0.0) || !isfinite(amax)) return 0;
    (void)frexp(amax, &e);
    if (e == 0) return 0;
    for (int64_t i = 0; i < nr; i++) {
        if (single) ((float *)p)[i] = ldexpf(((float *)p)[i], -e);
        else ((double *)p)[i] = ldexp(((double *)p)[i], -e);
    }
    return e;
}

xp_array *xp__la_check(const char *fn, const char *arg, const xp_array *x, bool square) {
    xp_array *err = xp__check(fn, arg, x);
    if (err) return err;
    if (!xp_isdtype(x->dtype, XP_KIND_FLOATING))
        return xp__error(XP_ERR_TYPE, fn, "argument '%s': needs a floating-point dtype, not %s",
                         arg, xp_dtype_name(x->dtype));
    if (x->ndim < 2)
        return xp__error(XP_ERR_VALUE, fn, "argument '%s': needs ndim >= 2, not %d", arg,
                         x->ndim);
    if (square && x->shape[x->ndim - 1] != x->shape[x->ndim - 2])
        return xp__error(XP_ERR_VALUE, fn, "argument '%s': matrices must be square, not %lldx%lld",
                         arg, (long long)x->shape[x->ndim - 2], (long long)x->shape[x->ndim - 1]);
    return NULL;
}

xp_dtype xp__la_real(xp_dtype dt) {
    return dt == XP_COMPLEX64 ? XP_FLOAT32 : dt == XP_COMPLEX128 ? XP_FLOAT64 : dt;
}
xp_dtype xp__la_complex(xp_dtype dt) {
    return dt == XP_FLOAT32 ? XP_COMPLEX64 : dt == XP_FLOAT64 ? XP_COMPLEX128 : dt;
}

int64_t xp__la_batch(const xp_array *x) {
    int64_t b = 1;
    for (int d = 0; d < x->ndim - 2; d++) b *= x->shape[d];
    return b;
}
