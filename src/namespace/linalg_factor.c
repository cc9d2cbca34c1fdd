/* The factorization-based functions of the linalg extension: solve, inv, det,
 * slogdet, cholesky, qr, eigh, eigvalsh, eig, eigvals, svd, svdvals, pinv,
 * matrix_rank, matrix_power. Validation, batching, layouts and dtype rules here;
 * LAPACK-level work in the adapters' slots.
 *
 * Layout trick: a C-order M×N matrix is the column-major N×M transpose, so
 * LAPACK runs on the C-order copy directly wherever the transpose is harmless
 * (solve with trans='T', inv, det, cholesky with the other triangle, svd with U
 * and Vh exchanged); only qr and eig need a transposed copy. */
#include "linalg_core.h"
#include "dtype_traits.h"

#include <math.h>
#include <string.h>

/* dst (cols×rows, C order) = src (rows×cols, C order) transposed, conjugated
 * when `conj` (complex dtypes). Tiled so both sides stay in cache. */
static void transpose(char *dst, const char *src, int64_t rows, int64_t cols, xp_dtype dt,
                      bool conj) {
    enum { TB = 32 };
    size_t is = xp_dtype_size(dt);
    for (int64_t i0 = 0; i0 < rows; i0 += TB)
        for (int64_t j0 = 0; j0 < cols; j0 += TB) {
            int64_t i1 = i0 + TB < rows ? i0 + TB : rows, j1 = j0 + TB < cols ? j0 + TB : cols;
            if (is == 8) /* constant-size copies: complex64 is only 4-byte aligned */
                for (int64_t i = i0; i < i1; i++)
                    for (int64_t j = j0; j < j1; j++)
                        memcpy(dst + (size_t)(j * rows + i) * 8, src + (size_t)(i * cols + j) * 8, 8);
            else
                for (int64_t i = i0; i < i1; i++)
                    for (int64_t j = j0; j < j1; j++)
                        memcpy(dst + (size_t)(j * rows + i) * is, src + (size_t)(i * cols + j) * is,
                               is);
        }
    if (conj && (dt == XP_COMPLEX64 || dt == XP_COMPLEX128)) {
        if (dt == XP_COMPLEX64)
            for (int64_t i = 0; i < rows * cols; i++) ((float *)(void *)dst)[2 * i + 1] *= -1;
        else
            for (int64_t i = 0; i < rows * cols; i++) ((double *)(void *)dst)[2 * i + 1] *= -1;
    }
}

/* Conjugates n elements in place (complex dtypes; no-op otherwise). */
static void conj_inplace(char *p, int64_t n, xp_dtype dt) {
    if (dt == XP_COMPLEX64)
        for (int64_t i = 0; i < n; i++) ((float *)(void *)p)[2 * i + 1] *= -1;
    else if (dt == XP_COMPLEX128)
        for (int64_t i = 0; i < n; i++) ((double *)(void *)p)[2 * i + 1] *= -1;
}

/* Byte offset of batch b (C order over bshape) for broadcast strides st. */
static int64_t boff(int64_t b, int bnd, const int64_t *bshape, const int64_t *st) {
    int64_t off = 0;
    for (int d = bnd - 1; d >= 0; d--) {
        if (bshape[d] == 0) return 0;
        off += (b % bshape[d]) * st[d];
        b /= bshape[d];
    }
    return off;
}

/* Element i of a float/complex buffer as complex double. */
static xp_c128_t ld(const char *p, xp_dtype dt, int64_t i) {
    switch (dt) {
    case XP_FLOAT32: return ((const float *)(const void *)p)[i];
    case XP_FLOAT64: return ((const double *)(const void *)p)[i];
    case XP_COMPLEX64: return ((const xp_c64_t *)(const void *)p)[i];
    default: return ((const xp_c128_t *)(const void *)p)[i];
    }
}
static void st(char *p, xp_dtype dt, int64_t i, xp_c128_t v) {
    switch (dt) {
    case XP_FLOAT32: ((float *)(void *)p)[i] = (float)creal(v); break;
    case XP_FLOAT64: ((double *)(void *)p)[i] = creal(v); break;
    case XP_COMPLEX64: ((xp_c64_t *)(void *)p)[i] = (xp_c64_t)v; break;
    default: ((xp_c128_t *)(void *)p)[i] = v; break;
    }
}

/* Validated square float input as a fresh C-contiguous copy (the working copy). */
static xp_array *square_copy(const char *fn, const xp_array *x) {
    xp_array *err = xp__la_check(fn, "x", x, true);
    return err ? err : xp__copy_as(fn, x, x->dtype);
}

/* Shape of x without its last `drop` axes, plus `extra` trailing extents. */
static xp_array *new_batch(const char *fn, const xp_array *x, int drop, xp_dtype dt, int nextra,
                           int64_t e0, int64_t e1) {
    int64_t sh[XP_MAX_NDIM];
    int nd = x->ndim - drop;
    memcpy(sh, x->shape, sizeof(int64_t) * (size_t)nd);
    if (nextra > 0) sh[nd++] = e0;
    if (nextra > 1) sh[nd++] = e1;
    return xp__new(fn, dt, nd, sh, x->device);
}

/* ---- solve ------------------------------------------------------------------ */

static xp_array *solve_impl(const char *fn, const xp_array *x1, const xp_array *x2) {
    xp_array *err = xp__la_check(fn, "x1", x1, true);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) return err;
    if (!xp_isdtype(x2->dtype, XP_KIND_FLOATING))
        return xp__error(XP_ERR_TYPE, fn, "argument 'x2': needs a floating-point dtype, not %s",
                         xp_dtype_name(x2->dtype));
    if (x2->ndim < 1) return xp__error(XP_ERR_VALUE, fn, "argument 'x2': is 0-D");
    xp_dtype dt = xp_promote_types(x1->dtype, x2->dtype);
    int64_t n = x1->shape[x1->ndim - 1];
    bool vec = x2->ndim == 1;
    int64_t k = vec ? 1 : x2->shape[x2->ndim - 1];
    if (x2->shape[vec ? 0 : x2->ndim - 2] != n)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x2': has %lld rows, x1 is %lldx%lld",
                         (long long)x2->shape[vec ? 0 : x2->ndim - 2], (long long)n, (long long)n);
    int nds[2] = {x1->ndim - 2, vec ? 0 : x2->ndim - 2}, bnd;
    const int64_t *shs[2] = {x1->shape, x2->shape};
    int64_t osh[XP_MAX_NDIM + 2];
    if ((err = xp__bcast_shapes(fn, 2, nds, shs, &bnd, osh))) return err;
    osh[bnd] = n;
    if (!vec) osh[bnd + 1] = k;
    xp_array *r = xp__new(fn, dt, bnd + (vec ? 1 : 2), osh, x1->device);
    if (xp_failed(r) || r->size == 0) return r;
    if (n <= XP__LA_SMALL_N) return xp__la_solve_small(fn, x1, x2, r, bnd, osh, vec, n, k);
    xp_array *a = xp__copy_as(fn, x1, dt);
    if (xp_failed(a)) {
        xp_release(r);
        return a;
    }
    xp_array *b = xp__copy_as(fn, x2, dt);
    if (xp_failed(b)) {
        xp_release(r);
        xp_release(a);
        return b;
    }
    size_t is = xp_dtype_size(dt), mb = (size_t)(n * n) * is, bb = (size_t)(n * k) * is;
    int64_t nbatch = r->size / (n * k);
    int64_t sa[XP_MAX_NDIM], sb[XP_MAX_NDIM];
    /* batch strides of a and b over osh (in units of matrices, then bytes) */
    {
        int off = bnd - (x1->ndim - 2);
        int64_t s = (int64_t)mb;
        for (int d = bnd - 1; d >= 0; d--) {
            int xd = d - off;
            sa[d] = (xd >= 0 && x1->shape[xd] != 1) ? s : 0;
            if (xd >= 0) s *= x1->shape[xd];
        }
        int nb2 = vec ? 0 : x2->ndim - 2;
        off = bnd - nb2;
        s = (int64_t)bb;
        for (int d = bnd - 1; d >= 0; d--) {
            int xd = d - off;
            sb[d] = (xd >= 0 && x2->shape[xd] != 1) ? s : 0;
            if (xd >= 0) s *= x2->shape[xd];
        }
    }
    bool inplace = xp__la_batch(x1) == nbatch;
    size_t scratch = (inplace ? 0 : mb) + bb + (size_t)n * sizeof(int64_t);
    char *ws = xp__scratch(scratch);
    xp_array *res = r;
    if (!ws) {
        xp_release(r);
        res = xp__oom();
        goto out;
    }
    int64_t *ipiv = (int64_t *)(void *)ws;
    char *bt = ws + (size_t)n * sizeof(int64_t), *am = bt + bb;
    for (int64_t t = 0; t < nbatch; t++) {
        char *A = xp__data(a) + boff(t, bnd, osh, sa);
        if (!inplace) {
            memcpy(am, A, mb);
            A = am;
        }
        const char *B = xp__data(b) + boff(t, bnd, osh, sb);
        char *X = xp__data(r) + (size_t)t * bb;
        if (!xp__la_finite(A, n * n, dt)) {
            xp__la_fill_nan(X, n * k, dt);
            continue;
        }
        int64_t info = 0;
        xp_status s = xp__la_getrf(dt, n, n, A, n, ipiv, &info);
        if (s == XP_OK && info == 0) {
            if (k == 1) memcpy(bt, B, bb);
            else transpose(bt, B, n, k, dt, false);
            s = xp__la_getrs(dt, 'T', n, k, A, n, ipiv, bt, n, &info);
            if (k == 1) memcpy(X, bt, bb);
            else transpose(X, bt, k, n, dt, false);
        }
        if (s != XP_OK || info != 0) {
            res = xp__la_fail(fn, s == XP_OK && info > 0 ? "getrf" : "getrf/getrs", s, info,
                              XP_ERR_VALUE, "singular matrix");
            xp_release(r);
            break;
        }
    }
    xp__scratch_free(ws, scratch);
out:
    xp_release(a);
    xp_release(b);
    return res;
}

XP_API xp_array *xp_linalg_solve(const xp_array *x1, const xp_array *x2) {
    XP_ENTER;
    XP_LEAVE(solve_impl("xp_linalg_solve", x1, x2));
}

/* ---- inv --------------------------------------------------------------------- */

static xp_array *inv_impl(const char *fn, const xp_array *x) {
    xp_array *a = square_copy(fn, x);
    if (xp_failed(a) || a->size == 0) return a;
    int64_t n = a->shape[a->ndim - 1], nb = xp__la_batch(a);
    size_t mb = (size_t)(n * n) * xp_dtype_size(a->dtype);
    int64_t *ipiv = xp__scratch((size_t)n * sizeof(int64_t));
    if (!ipiv) {
        xp_release(a);
        return xp__oom();
    }
    for (int64_t t = 0; t < nb; t++) {
        char *A = xp__data(a) + (size_t)t * mb;
        if (!xp__la_finite(A, n * n, a->dtype)) {
            xp__la_fill_nan(A, n * n, a->dtype);
            continue;
        }
        int64_t info = 0;
        xp_status s = xp__la_getrf(a->dtype, n, n, A, n, ipiv, &info);
        if (s == XP_OK && info == 0) s = xp__la_getri(a->dtype, n, A, n, ipiv, &info);
        if (s != XP_OK || info != 0) {
            xp_release(a);
            a = xp__la_fail(fn, "getrf/getri", s, info, XP_ERR_VALUE, "singular matrix");
            break;
        }
    }
    xp__scratch_free(ipiv, (size_t)n * sizeof(int64_t));
    return a;
}

XP_API xp_array *xp_linalg_inv(const xp_array *x) {
    XP_ENTER;
    XP_LEAVE(inv_impl("xp_linalg_inv", x));
}

/* ---- det, slogdet --------------------------------------------------------------- */

/* LU of every matrix; writes sign (x's dtype) and log|det| (real) per matrix. */
static xp_array *lu_logdet(const char *fn, const xp_array *x, xp_array **sign_out,
                           xp_array **logabs_out) {
    xp_array *a = square_copy(fn, x);
    if (xp_failed(a)) return a;
    xp_dtype dt = a->dtype, rt = xp__la_real(dt);
    xp_array *sg = new_batch(fn, a, 2, dt, 0, 0, 0);
    xp_array *la = xp_failed(sg) ? xp_retain(sg) : new_batch(fn, a, 2, rt, 0, 0, 0);
    xp_array *err = NULL;
    int64_t n = a->shape[a->ndim - 1], nb = xp__la_batch(a);
    size_t mb = (size_t)(n * n) * xp_dtype_size(dt);
    int64_t *ipiv = NULL;
    if (xp_failed(la)) {
        err = xp_retain(la);
        goto out;
    }
    ipiv = xp__scratch((size_t)(n ? n : 1) * sizeof(int64_t));
    if (!ipiv) {
        err = xp__oom();
        goto out;
    }
    for (int64_t t = 0; t < nb; t++) {
        char *A = xp__data(a) + (size_t)t * mb;
        if (!xp__la_finite(A, n * n, dt)) {
            st(xp__data(sg), dt, t, xp_cmplx(NAN, NAN));
            st(xp__data(la), rt, t, NAN);
            continue;
        }
        int64_t info = 0;
        xp_status s = n ? xp__la_getrf(dt, n, n, A, n, ipiv, &info) : XP_OK;
        if (s != XP_OK) {
            err = xp__la_fail(fn, "getrf", s, 0, s, "");
            break;
        }
        xp_c128_t sgn = 1;
        double lg = 0;
        for (int64_t i = 0; i < n; i++) {
            xp_c128_t u = ld(A, dt, i * n + i);
            double au = cabs(u);
            if (ipiv[i] != i + 1) sgn = -sgn;
            if (au == 0) {
                sgn = 0;
                lg = -INFINITY;
                break;
            }
            sgn *= u / au;
            lg += log(au);
        }
        if (info > 0) sgn = 0, lg = -INFINITY;
        st(xp__data(sg), dt, t, sgn);
        st(xp__data(la), rt, t, lg);
    }
out:
    if (ipiv) xp__scratch_free(ipiv, (size_t)(n ? n : 1) * sizeof(int64_t));
    xp_release(a);
    if (err) {
        xp_release(sg);
        xp_release(la);
        return err;
    }
    *sign_out = sg;
    *logabs_out = la;
    return NULL;
}

XP_API xp_slogdet_result xp_linalg_slogdet(const xp_array *x) {
    XP_ENTER;
    xp_array *out[2];
    xp_array *err = lu_logdet("xp_linalg_slogdet", x, &out[0], &out[1]);
    xp_status s = err ? xp__fail_all(err, 2, out) : XP_OK;
    xp__leave_n(s, 2, out);
    return (xp_slogdet_result){out[0], out[1]};
}

XP_API xp_array *xp_linalg_det(const xp_array *x) {
    XP_ENTER;
    xp_array *sg, *la;
    xp_array *err = lu_logdet("xp_linalg_det", x, &sg, &la);
    if (err) XP_LEAVE(err);
    xp_dtype dt = sg->dtype, rt = la->dtype;
    for (int64_t t = 0; t < sg->size; t++)
        st(xp__data(sg), dt, t, ld(xp__data(sg), dt, t) * exp(creal(ld(xp__data(la), rt, t))));
    xp_release(la);
    XP_LEAVE(sg);
}

/* ---- cholesky ------------------------------------------------------------------ */

XP_API xp_array *xp_linalg_cholesky(const xp_array *x, const xp_cholesky_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_cholesky";
    bool upper = opts && opts->upper;
    xp_array *a = square_copy(fn, x);
    if (xp_failed(a) || a->size == 0) XP_LEAVE(a);
    xp_dtype dt = a->dtype;
    int64_t n = a->shape[a->ndim - 1], nb = xp__la_batch(a);
    size_t is = xp_dtype_size(dt), mb = (size_t)(n * n) * is;
    for (int64_t t = 0; t < nb; t++) {
        char *A = xp__data(a) + (size_t)t * mb;
        if (!xp__la_finite(A, n * n, dt)) {
            xp__la_fill_nan(A, n * n, dt);
            continue;
        }
        int64_t info = 0;
        /* the column-major view is the transpose: its 'U' factor is C-order L */
        xp_status s = xp__la_potrf(dt, upper ? 'L' : 'U', n, A, n, &info);
        if (s != XP_OK || info != 0) {
            xp_release(a);
            XP_LEAVE(xp__la_fail(fn, "potrf", s, info, XP_ERR_BACKEND,
                                 "not positive definite"));
        }
        for (int64_t i = 0; i < n; i++) {
            if (upper) memset(A + (size_t)(i * n) * is, 0, (size_t)i * is);
            else memset(A + (size_t)(i * n + i + 1) * is, 0, (size_t)(n - i - 1) * is);
        }
    }
    XP_LEAVE(a);
}

/* ---- qr ---------------------------------------------------------------------- */

static xp_array *qr_impl(const char *fn, const xp_array *x, bool complete, xp_array **qo,
                         xp_array **ro) {
    xp_array *err = xp__la_check(fn, "x", x, false);
    if (err) return err;
    xp_dtype dt = x->dtype;
    int64_t m = x->shape[x->ndim - 2], n = x->shape[x->ndim - 1], k = m < n ? m : n;
    int64_t qc = complete ? m : k, rr = complete ? m : k;
    xp_array *xc = xp__copy_as(fn, x, dt);
    if (xp_failed(xc)) return xc;
    xp_array *q = new_batch(fn, x, 2, dt, 2, m, qc);
    xp_array *r = xp_failed(q) ? xp_retain(q) : new_batch(fn, x, 2, dt, 2, rr, n);
    size_t is = xp_dtype_size(dt);
    int64_t nb = xp__la_batch(x);
    size_t ab = (size_t)(m * n) * is, qb = (size_t)(m * (qc > n ? qc : n)) * is,
           tb = (size_t)(k ? k : 1) * is;
    size_t scratch = ab + qb + tb + 64;
    char *ws = NULL;
    if (xp_failed(r)) {
        err = xp_retain(r);
        goto out;
    }
    ws = xp__scratch(scratch);
    if (!ws) {
        err = xp__oom();
        goto out;
    }
    memset(xp__data(r), 0, (size_t)r->size * is);
    char *A = ws, *Q = ws + ab, *tau = Q + qb;
    for (int64_t t = 0; t < nb && m > 0; t++) {
        int64_t info = 0;
        char *X = xp__data(xc) + (size_t)t * ab;
        char *R = xp__data(r) + (size_t)(t * rr * n) * is;
        char *QO = xp__data(q) + (size_t)(t * m * qc) * is;
        if (!xp__la_finite(X, m * n, dt)) {
            xp__la_fill_nan(R, rr * n, dt);
            xp__la_fill_nan(QO, m * qc, dt);
            continue;
        }
        /* QR of the C-order matrix = LQ of its column-major view (n×m): Aᵀ = L Q'
         * gives A = Q'ᵀ Lᵀ, and Q'ᵀ, Lᵀ read in C order straight from the buffers */
        xp_status s = k ? xp__la_gelqf(dt, n, m, X, n, tau, &info) : XP_ERR_NOT_IMPLEMENTED;
        if (s == XP_OK) {
            for (int64_t i = 0; i < k; i++)
                memcpy(R + (size_t)(i * n + i) * is, X + (size_t)(i * n + i) * is,
                       (size_t)(n - i) * is);
            for (int64_t j = 0; j < m; j++)
                memcpy(QO + (size_t)(j * qc) * is, X + (size_t)(j * n) * is, (size_t)k * is);
            s = xp__la_orglq(dt, qc, m, k, QO, qc, tau, &info);
            if (s == XP_OK) continue;
            err = xp__la_fail(fn, "orglq", s, info, XP_ERR_BACKEND, "");
            break;
        }
        transpose(A, X, m, n, dt, false); /* column-major m×n */
        s = k ? xp__la_geqrf(dt, m, n, A, m, tau, &info) : XP_OK;
        if (s != XP_OK) {
            err = xp__la_fail(fn, "geqrf", s, info, XP_ERR_BACKEND, "");
            break;
        }
        for (int64_t i = 0; i < rr && i < m; i++)
            for (int64_t j = i; j < n; j++)
                memcpy(R + (size_t)(i * n + j) * is, A + (size_t)(i + j * m) * is, is);
        memcpy(Q, A, (size_t)(m * k) * is);
        s = xp__la_orgqr(dt, m, qc, k, Q, m, tau, &info);
        if (s != XP_OK) {
            err = xp__la_fail(fn, "orgqr", s, info, XP_ERR_BACKEND, "");
            break;
        }
        transpose(QO, Q, qc, m, dt, false);
    }
out:
    if (ws) xp__scratch_free(ws, scratch);
    xp_release(xc);
    if (err) {
        xp_release(q);
        xp_release(r);
        return err;
    }
    *qo = q;
    *ro = r;
    return NULL;
}

XP_API xp_qr_result xp_linalg_qr(const xp_array *x, const xp_qr_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_qr";
    xp_array *out[2], *err;
    if (opts && opts->mode != XP_QR_REDUCED && opts->mode != XP_QR_COMPLETE)
        err = xp__error(XP_ERR_VALUE, fn, "argument 'mode': %d is not 'reduced' or 'complete'",
                        (int)opts->mode);
    else
        err = qr_impl(fn, x, opts && opts->mode == XP_QR_COMPLETE, &out[0], &out[1]);
    xp_status s = err ? xp__fail_all(err, 2, out) : XP_OK;
    xp__leave_n(s, 2, out);
    return (xp_qr_result){out[0], out[1]};
}

/* ---- eigh, eigvalsh ------------------------------------------------------------ */

static xp_array *eigh_impl(const char *fn, const xp_array *x, bool vectors, xp_array **wo,
                           xp_array **vo) {
    xp_array *a = square_copy(fn, x);
    if (xp_failed(a)) return a;
    xp_dtype dt = a->dtype, rt = xp__la_real(dt);
    int64_t n = a->shape[a->ndim - 1], nb = xp__la_batch(a);
    size_t is = xp_dtype_size(dt), mb = (size_t)(n * n) * is;
    xp_array *w = new_batch(fn, a, 2, rt, 1, n, 0), *v = NULL, *err = NULL;
    if (xp_failed(w)) {
        xp_release(a);
        return w;
    }
    if (vectors) {
        v = xp__new(fn, dt, a->ndim, a->shape, a->device);
        if (xp_failed(v)) {
            xp_release(a);
            xp_release(w);
            return v;
        }
    }
    for (int64_t t = 0; t < nb && n > 0; t++) {
        char *A = xp__data(a) + (size_t)t * mb;
        if (!xp__la_finite(A, n * n, dt)) {
            xp__la_fill_nan(xp__data(w) + (size_t)(t * n) * xp_dtype_size(rt), n, rt);
            if (vectors) xp__la_fill_nan(xp__data(v) + (size_t)t * mb, n * n, dt);
            continue;
        }
        int64_t info = 0;
        /* column-major 'U' is C-order's lower triangle; the column-major matrix is
         * conj(x), whose eigenvectors are the conjugates */
        xp_status s = xp__la_syevd(dt, vectors ? 'V' : 'N', 'U', n, A, n,
                                   xp__data(w) + (size_t)(t * n) * xp_dtype_size(rt), &info);
        if (s != XP_OK || info != 0) {
            err = xp__la_fail(fn, "syevd", s, info, XP_ERR_BACKEND, "no convergence");
            break;
        }
        if (vectors) {
            char *V = xp__data(v) + (size_t)t * mb;
            transpose(V, A, n, n, dt, false);
            conj_inplace(V, n * n, dt);
        }
    }
    xp_release(a);
    if (err) {
        xp_release(w);
        xp_release(v);
        return err;
    }
    *wo = w;
    if (vo) *vo = v;
    return NULL;
}

XP_API xp_eigh_result xp_linalg_eigh(const xp_array *x) {
    XP_ENTER;
    xp_array *out[2];
    xp_array *err = eigh_impl("xp_linalg_eigh", x, true, &out[0], &out[1]);
    xp_status s = err ? xp__fail_all(err, 2, out) : XP_OK;
    xp__leave_n(s, 2, out);
    return (xp_eigh_result){out[0], out[1]};
}

XP_API xp_array *xp_linalg_eigvalsh(const xp_array *x) {
    XP_ENTER;
    xp_array *w;
    xp_array *err = eigh_impl("xp_linalg_eigvalsh", x, false, &w, NULL);
    XP_LEAVE(err ? err : w);
}

/* ---- eig, eigvals ------------------------------------------------------------- */

static xp_array *eig_impl(const char *fn, const xp_array *x, bool vectors, xp_array **wo,
                          xp_array **vo) {
    xp_array *a = square_copy(fn, x);
    if (xp_failed(a)) return a;
    xp_dtype dt = a->dtype, ct = xp__la_complex(dt);
    int64_t n = a->shape[a->ndim - 1], nb = xp__la_batch(a);
    size_t is = xp_dtype_size(dt), cs = xp_dtype_size(ct), mb = (size_t)(n * n) * is;
    xp_array *w = new_batch(fn, a, 2, ct, 1, n, 0), *v = NULL, *err = NULL;
    char *ws = NULL;
    size_t scratch = mb + (size_t)(n * n) * cs + 64;
    if (xp_failed(w)) {
        err = xp_retain(w);
        goto out;
    }
    if (vectors) {
        v = xp__new(fn, ct, a->ndim, a->shape, a->device);
        if (xp_failed(v)) {
            err = xp_retain(v);
            goto out;
        }
    }
    ws = xp__scratch(scratch);
    if (!ws) {
        err = xp__oom();
        goto out;
    }
    for (int64_t t = 0; t < nb && n > 0; t++) {
        char *A = ws, *VR = ws + mb;
        char *W = xp__data(w) + (size_t)(t * n) * cs;
        if (!xp__la_finite(xp__data(a) + (size_t)t * mb, n * n, dt)) {
            xp__la_fill_nan(W, n, ct);
            if (vectors) xp__la_fill_nan(xp__data(v) + (size_t)(t * n * n) * cs, n * n, ct);
            continue;
        }
        transpose(A, xp__data(a) + (size_t)t * mb, n, n, dt, false);
        /* scaled by a power of two, as the SVD is: eigenvalues scale with it, the
         * eigenvectors do not (the portable QR iteration stalled on subnormal entries) */
        int ex = xp__la_scale_pow2(A, n * n, dt);
        int64_t info = 0;
        xp_status s = xp__la_geev(dt, n, A, n, W, vectors ? VR : NULL, n, &info);
        if (s != XP_OK || info != 0) {
            err = xp__la_fail(fn, "geev", s, info, XP_ERR_BACKEND, "no convergence");
            break;
        }
        for (int64_t i = 0; ex && i < 2 * n; i++) {
            if (ct == XP_COMPLEX64) ((float *)(void *)W)[i] = ldexpf(((float *)(void *)W)[i], ex);
            else ((double *)(void *)W)[i] = ldexp(((double *)(void *)W)[i], ex);
        }
        if (vectors) transpose(xp__data(v) + (size_t)(t * n * n) * cs, VR, n, n, ct, false);
    }
out:
    if (ws) xp__scratch_free(ws, scratch);
    xp_release(a);
    if (err) {
        xp_release(w);
        xp_release(v);
        return err;
    }
    *wo = w;
    if (vo) *vo = v;
    return NULL;
}

XP_API xp_eig_result xp_linalg_eig(const xp_array *x) {
    XP_ENTER;
    xp_array *out[2];
    xp_array *err = eig_impl("xp_linalg_eig", x, true, &out[0], &out[1]);
    xp_status s = err ? xp__fail_all(err, 2, out) : XP_OK;
    xp__leave_n(s, 2, out);
    return (xp_eig_result){out[0], out[1]};
}

XP_API xp_array *xp_linalg_eigvals(const xp_array *x) {
    XP_ENTER;
    xp_array *w;
    xp_array *err = eig_impl("xp_linalg_eigvals", x, false, &w, NULL);
    XP_LEAVE(err ? err : w);
}

/* ---- svd, svdvals --------------------------------------------------------------- */

/* jobz 'A', 'S' or 'N'. The C-order matrix is the column-major n×m transpose
 * Aᵀ = Vhᵀ S Uᵀ: LAPACK's u buffer read in C order is Vh, its vt buffer is U. */
xp_array *xp__la_svd(const char *fn, const xp_array *x, char jobz, xp_array **uo, xp_array **so,
                     xp_array **vo) {
    xp_array *err = xp__la_check(fn, "x", x, false);
    if (err) return err;
    xp_array *a = xp__copy_as(fn, x, x->dtype);
    if (xp_failed(a)) return a;
    xp_dtype dt = a->dtype, rt = xp__la_real(dt);
    int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n;
    int64_t nb = xp__la_batch(a);
    int64_t uc = jobz == 'A' ? m : k, vr = jobz == 'A' ? n : k;
    size_t is = xp_dtype_size(dt), rs = xp_dtype_size(rt), mb = (size_t)(m * n) * is;
    xp_array *s = new_batch(fn, a, 2, rt, 1, k, 0), *u = NULL, *vh = NULL;
    if (xp_failed(s)) {
        err = xp_retain(s);
        goto out;
    }
    if (jobz != 'N') {
        u = new_batch(fn, a, 2, dt, 2, m, uc);
        vh = xp_failed(u) ? xp_retain(u) : new_batch(fn, a, 2, dt, 2, vr, n);
        if (xp_failed(vh)) {
            err = xp_retain(vh);
            goto out;
        }
    }
    for (int64_t t = 0; t < nb; t++) {
        if (k == 0) {
            /* empty: U and Vh are identities (complete) or empty */
            if (jobz == 'A') {
                memset(xp__data(u) + (size_t)(t * m * m) * is, 0, (size_t)(m * m) * is);
                memset(xp__data(vh) + (size_t)(t * n * n) * is, 0, (size_t)(n * n) * is);
                for (int64_t i = 0; i < m; i++) st(xp__data(u), dt, t * m * m + i * m + i, 1);
                for (int64_t i = 0; i < n; i++) st(xp__data(vh), dt, t * n * n + i * n + i, 1);
            }
            continue;
        }
        char *S = xp__data(s) + (size_t)(t * k) * rs;
        if (!xp__la_finite(xp__data(a) + (size_t)t * mb, m * n, dt)) {
            xp__la_fill_nan(S, k, rt);
            if (jobz != 'N') {
                xp__la_fill_nan(xp__data(u) + (size_t)(t * m * uc) * is, m * uc, dt);
                xp__la_fill_nan(xp__data(vh) + (size_t)(t * vr * n) * is, vr * n, dt);
            }
            continue;
        }
        int ex = xp__la_scale_pow2(xp__data(a) + (size_t)t * mb, m * n, dt);
        int64_t info = 0;
        xp_status sst = xp__la_gesdd(
            dt, jobz, n, m, xp__data(a) + (size_t)t * mb, n, S,
            jobz == 'N' ? NULL : xp__data(vh) + (size_t)(t * vr * n) * is, n,
            jobz == 'N' ? NULL : xp__data(u) + (size_t)(t * m * uc) * is, uc, &info);
        if (sst != XP_OK || info != 0) {
            err = xp__la_fail(fn, "gesdd", sst, info, XP_ERR_BACKEND, "no convergence");
            break;
        }
        for (int64_t i = 0; ex && i < k; i++) {
            if (rt == XP_FLOAT32) ((float *)S)[i] = ldexpf(((float *)S)[i], ex);
            else ((double *)S)[i] = ldexp(((double *)S)[i], ex);
        }
    }
out:
    xp_release(a);
    if (err) {
        xp_release(s);
        xp_release(u);
        xp_release(vh);
        return err;
    }
    *so = s;
    if (uo) *uo = u;
    if (vo) *vo = vh;
    return NULL;
}

XP_API xp_svd_result xp_linalg_svd(const xp_array *x, const xp_svd_opts *opts) {
    XP_ENTER;
    xp_array *out[3];
    xp_array *err =
        xp__la_svd("xp_linalg_svd", x, opts && opts->reduced ? 'S' : 'A', &out[0], &out[1], &out[2]);
    xp_status s = err ? xp__fail_all(err, 3, out) : XP_OK;
    xp__leave_n(s, 3, out);
    return (xp_svd_result){out[0], out[1], out[2]};
}

XP_API xp_array *xp_linalg_svdvals(const xp_array *x) {
    XP_ENTER;
    xp_array *s;
    xp_array *err = xp__la_svd("xp_linalg_svdvals", x, 'N', NULL, &s, NULL);
    XP_LEAVE(err ? err : s);
}

/* ---- rtol, matrix_rank, pinv -------------------------------------------------------- */

/* Per-matrix rtol (nb values over the batch shape of x), the default when None. */
static xp_array *rtol_values(const char *fn, const xp_array *x, const xp_rtol_opts *o,
                             double *out) {
    int bnd = x->ndim - 2;
    int64_t nb = xp__la_batch(x), m = x->shape[bnd], n = x->shape[bnd + 1];
    if (!o || !o->rtol) {
        double eps = xp__la_real(x->dtype) == XP_FLOAT32 ? 1.1920928955078125e-07
                                                         : 2.220446049250313e-16;
        for (int64_t t = 0; t < nb; t++) out[t] = (double)(m > n ? m : n) * eps;
        return NULL;
    }
    xp_array *err = xp__check(fn, "rtol", o->rtol);
    if (err) return err;
    if (!xp_isdtype(o->rtol->dtype, XP_KIND_REAL_FLOATING | XP_KIND_INTEGRAL))
        return xp__error(XP_ERR_TYPE, fn, "argument 'rtol': needs a real dtype");
    int nds[2] = {bnd, o->rtol->ndim}, nd;
    const int64_t *shs[2] = {x->shape, o->rtol->shape};
    int64_t bsh[XP_MAX_NDIM];
    if ((err = xp__bcast_shapes(fn, 2, nds, shs, &nd, bsh))) return err;
    if (nd != bnd || memcmp(bsh, x->shape, sizeof(int64_t) * (size_t)bnd))
        return xp__error(XP_ERR_VALUE, fn, "argument 'rtol': does not broadcast to the batch shape");
    xp_array *rd = xp__copy_as(fn, o->rtol, XP_FLOAT64);
    if (xp_failed(rd)) return rd;
    int64_t sd[XP_MAX_NDIM];
    xp__bcast_strides(rd, bnd, x->shape, sd);
    for (int64_t t = 0; t < nb; t++)
        out[t] = *(const double *)(const void *)(xp__data(rd) + boff(t, bnd, x->shape, sd));
    xp_release(rd);
    return NULL;
}

XP_API xp_array *xp_linalg_matrix_rank(const xp_array *x, const xp_rtol_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_matrix_rank";
    xp_array *err = xp__la_check(fn, "x", x, false);
    if (err) XP_LEAVE(err);
    int64_t nb = xp__la_batch(x);
    double *tol = xp__scratch((size_t)(nb ? nb : 1) * sizeof(double));
    if (!tol) XP_LEAVE(xp__oom());
    xp_array *s = NULL, *r = NULL;
    if ((err = rtol_values(fn, x, opts, tol)) || (err = xp__la_svd(fn, x, 'N', NULL, &s, NULL)))
        goto out;
    r = new_batch(fn, x, 2, XP_INT64, 0, 0, 0);
    if (xp_failed(r)) {
        err = r;
        r = NULL;
        goto out;
    }
    int64_t k = s->shape[s->ndim - 1];
    for (int64_t t = 0; t < nb; t++) {
        double smax = k ? creal(ld(xp__data(s), s->dtype, t * k)) : 0, cut = tol[t] * smax;
        if (isnan(smax)) { /* NaN singular values: a NaN or an infinity in the matrix */
            err = xp__error(XP_ERR_VALUE, fn,
                            "argument 'x': has a NaN or an infinity (an integer rank has no "
                            "NaN to answer with)");
            xp_release(r);
            r = NULL;
            goto out;
        }
        int64_t cnt = 0;
        for (int64_t i = 0; i < k; i++) cnt += creal(ld(xp__data(s), s->dtype, t * k + i)) > cut;
        ((int64_t *)(void *)xp__data(r))[t] = cnt;
    }
out:
    xp__scratch_free(tol, (size_t)(nb ? nb : 1) * sizeof(double));
    xp_release(s);
    XP_LEAVE(err ? err : r);
}

XP_API xp_array *xp_linalg_pinv(const xp_array *x, const xp_rtol_opts *opts) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_pinv";
    xp_array *err = xp__la_check(fn, "x", x, false);
    if (err) XP_LEAVE(err);
    int64_t nb = xp__la_batch(x);
    double *tol = xp__scratch((size_t)(nb ? nb : 1) * sizeof(double));
    if (!tol) XP_LEAVE(xp__oom());
    xp_array *u = NULL, *s = NULL, *vh = NULL, *bm = NULL, *vt = NULL, *r = NULL;
    if ((err = rtol_values(fn, x, opts, tol)) || (err = xp__la_svd(fn, x, 'S', &u, &s, &vh)))
        goto out;
    xp_dtype dt = x->dtype;
    int64_t m = u->shape[u->ndim - 2], k = u->shape[u->ndim - 1];
    /* bm = diag(1/s masked) Uᴴ, (k, m); result = (Vh)ᴴ bm, conj applied by gemm */
    bm = new_batch(fn, x, 2, dt, 2, k, m);
    if (xp_failed(bm)) {
        err = xp_retain(bm);
        goto out;
    }
    for (int64_t t = 0; t < nb; t++) {
        double smax = k ? creal(ld(xp__data(s), s->dtype, t * k)) : 0;
        for (int64_t i = 0; i < k; i++) {
            double sv = creal(ld(xp__data(s), s->dtype, t * k + i));
            double inv = sv > tol[t] * smax ? 1.0 / sv : 0.0;
            for (int64_t j = 0; j < m; j++)
                st(xp__data(bm), dt, t * k * m + i * m + j,
                   conj(ld(xp__data(u), dt, t * m * k + j * k + i)) * inv);
        }
    }
    {
        int nd = vh->ndim;
        int64_t sh[XP_MAX_NDIM], sd[XP_MAX_NDIM];
        memcpy(sh, vh->shape, sizeof(int64_t) * (size_t)nd);
        memcpy(sd, vh->strides, sizeof(int64_t) * (size_t)nd);
        sh[nd - 2] = vh->shape[nd - 1], sh[nd - 1] = vh->shape[nd - 2];
        sd[nd - 2] = vh->strides[nd - 1], sd[nd - 1] = vh->strides[nd - 2];
        vt = xp__la_view(fn, vh, nd, sh, sd);
    }
    r = xp_failed(vt) ? xp_retain(vt) : xp__la_matmul_raw(fn, vt, bm, dt, true);
out:
    xp__scratch_free(tol, (size_t)(nb ? nb : 1) * sizeof(double));
    xp_release(u);
    xp_release(s);
    xp_release(vh);
    xp_release(bm);
    xp_release(vt);
    XP_LEAVE(err ? err : r);
}

/* ---- matrix_power -------------------------------------------------------------- */

XP_API xp_array *xp_linalg_matrix_power(const xp_array *x, int64_t n) {
    XP_ENTER;
    static const char fn[] = "xp_linalg_matrix_power";
    xp_array *base = n < 0 ? inv_impl(fn, x) : square_copy(fn, x);
    if (xp_failed(base)) XP_LEAVE(base);
    uint64_t p = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    xp_dtype dt = base->dtype;
    int64_t m = base->shape[base->ndim - 1];
    xp_array *acc = NULL;
    if (p == 0) {
        acc = xp__new_zeroed(fn, dt, base->ndim, base->shape, base->device);
        if (!xp_failed(acc))
            for (int64_t t = 0; t < xp__la_batch(base); t++)
                for (int64_t i = 0; i < m; i++) st(xp__data(acc), dt, t * m * m + i * m + i, 1);
        xp_release(base);
        XP_LEAVE(acc);
    }
    while (p) {
        if (p & 1) {
            if (!acc) acc = xp_retain(base);
            else {
                xp_array *t = xp__la_matmul_raw(fn, acc, base, dt, false);
                xp_release(acc);
                acc = t;
                if (xp_failed(acc)) break;
            }
        }
        p >>= 1;
        if (p) {
            xp_array *t = xp__la_matmul_raw(fn, base, base, dt, false);
            xp_release(base);
            base = t;
            if (xp_failed(base)) {
                xp_release(acc);
                acc = xp_retain(base);
                break;
            }
        }
    }
    xp_release(base);
    XP_LEAVE(acc);
}

XP_API void xp_eigh_result_release(xp_eigh_result r) {
    xp_release(r.eigenvalues);
    xp_release(r.eigenvectors);
}
XP_API void xp_eig_result_release(xp_eig_result r) {
    xp_release(r.eigenvalues);
    xp_release(r.eigenvectors);
}
XP_API void xp_qr_result_release(xp_qr_result r) {
    xp_release(r.Q);
    xp_release(r.R);
}
XP_API void xp_slogdet_result_release(xp_slogdet_result r) {
    xp_release(r.sign);
    xp_release(r.logabsdet);
}
XP_API void xp_svd_result_release(xp_svd_result r) {
    xp_release(r.U);
    xp_release(r.S);
    xp_release(r.Vh);
}
