/* LAPACK-style factorizations in portable C for one float dtype (column-major,
 * LAPACK's conventions and info codes). Included by factor.c with
 *   XP_T, XP_R       element type and its real type
 *   XP_SUF           name suffix
 *   XP_ABS, XP_RE, XP_CONJ, XP_SQRT   scalar helpers
 * Unblocked algorithms: they make the reference flavor usable, not fast. */
#define XP__CAT2(a, b) a##b
#define XP__CAT(a, b) XP__CAT2(a, b)
#define A_(i, j) a[(i) + (j)*lda]

static void XP__CAT(getrf_, XP_SUF)(int64_t m, int64_t n, XP_T *a, int64_t lda, int64_t *ipiv,
                                    int64_t *info) {
    int64_t mn = m < n ? m : n;
    *info = 0;
    for (int64_t j = 0; j < mn; j++) {
        int64_t p = j;
        XP_R best = XP_ABS(A_(j, j));
        for (int64_t i = j + 1; i < m; i++)
            if (XP_ABS(A_(i, j)) > best) best = XP_ABS(A_(i, j)), p = i;
        ipiv[j] = p + 1;
        if (A_(p, j) != 0) {
            if (p != j)
                for (int64_t c = 0; c < n; c++) {
                    XP_T t = A_(j, c);
                    A_(j, c) = A_(p, c);
                    A_(p, c) = t;
                }
            XP_T d = A_(j, j);
            for (int64_t i = j + 1; i < m; i++) A_(i, j) /= d;
        } else if (*info == 0) {
            *info = j + 1;
        }
        for (int64_t c = j + 1; c < n; c++) {
            XP_T u = A_(j, c);
            for (int64_t i = j + 1; i < m; i++) A_(i, c) -= A_(i, j) * u;
        }
    }
}

static void XP__CAT(getrs_, XP_SUF)(char trans, int64_t n, int64_t nrhs, const XP_T *a,
                                    int64_t lda, const int64_t *ipiv, XP_T *b, int64_t ldb) {
    for (int64_t c = 0; c < nrhs; c++) {
        XP_T *x = b + c * ldb;
        if (trans == 'N') {
            for (int64_t i = 0; i < n; i++) {
                int64_t p = ipiv[i] - 1;
                if (p != i) {
                    XP_T t = x[i];
                    x[i] = x[p];
                    x[p] = t;
                }
            }
            for (int64_t j = 0; j < n; j++)
                for (int64_t i = j + 1; i < n; i++) x[i] -= A_(i, j) * x[j];
            for (int64_t j = n - 1; j >= 0; j--) {
                x[j] /= A_(j, j);
                for (int64_t i = 0; i < j; i++) x[i] -= A_(i, j) * x[j];
            }
        } else {
            bool cj = trans == 'C';
            for (int64_t j = 0; j < n; j++) { /* U^T y = b */
                XP_T s = x[j];
                for (int64_t i = 0; i < j; i++) s -= (cj ? XP_CONJ(A_(i, j)) : A_(i, j)) * x[i];
                x[j] = s / (cj ? XP_CONJ(A_(j, j)) : A_(j, j));
            }
            for (int64_t j = n - 1; j >= 0; j--) { /* L^T z = y */
                XP_T s = x[j];
                for (int64_t i = j + 1; i < n; i++)
                    s -= (cj ? XP_CONJ(A_(i, j)) : A_(i, j)) * x[i];
                x[j] = s;
            }
            for (int64_t i = n - 1; i >= 0; i--) {
                int64_t p = ipiv[i] - 1;
                if (p != i) {
                    XP_T t = x[i];
                    x[i] = x[p];
                    x[p] = t;
                }
            }
        }
    }
}

static void XP__CAT(potrf_, XP_SUF)(char uplo, int64_t n, XP_T *a, int64_t lda, int64_t *info) {
    *info = 0;
    bool up = uplo == 'U';
    for (int64_t j = 0; j < n; j++) {
        XP_R d = XP_RE(A_(j, j));
        for (int64_t k = 0; k < j; k++) {
            XP_R t = XP_ABS(up ? A_(k, j) : A_(j, k));
            d -= t * t;
        }
        if (!(d > 0)) {
            *info = j + 1;
            return;
        }
        XP_R r = XP_SQRT(d);
        A_(j, j) = r;
        for (int64_t i = j + 1; i < n; i++) {
            if (up) {
                XP_T s = A_(j, i);
                for (int64_t k = 0; k < j; k++) s -= XP_CONJ(A_(k, j)) * A_(k, i);
                A_(j, i) = s / r;
            } else {
                XP_T s = A_(i, j);
                for (int64_t k = 0; k < j; k++) s -= A_(i, k) * XP_CONJ(A_(j, k));
                A_(i, j) = s / r;
            }
        }
    }
}

/* Householder QR (LAPACK's larfg convention: H = I - tau v vᴴ, v[0] = 1). */
static void XP__CAT(geqrf_, XP_SUF)(int64_t m, int64_t n, XP_T *a, int64_t lda, XP_T *tau) {
    int64_t k = m < n ? m : n;
    for (int64_t j = 0; j < k; j++) {
        XP_T alpha = A_(j, j);
        XP_R xn = 0;
        for (int64_t i = j + 1; i < m; i++) {
            XP_R t = XP_ABS(A_(i, j));
            xn = xn > t ? xn : t;
        }
        XP_R ss = 0;
        if (xn > 0)
            for (int64_t i = j + 1; i < m; i++) {
                XP_R t = XP_ABS(A_(i, j)) / xn;
                ss += t * t;
            }
        XP_R xnorm = xn * XP_SQRT(ss);
        XP_T t;
        if (xnorm == 0 && XP_ABS(alpha - XP_RE(alpha)) == 0) {
            t = 0;
        } else {
            XP_R na = XP_ABS(alpha), big = na > xnorm ? na : xnorm;
            XP_R beta = big * XP_SQRT((na / big) * (na / big) + (xnorm / big) * (xnorm / big));
            if (XP_RE(alpha) >= 0) beta = -beta;
            t = (beta - alpha) / beta;
            XP_T scal = 1 / (alpha - beta);
            for (int64_t i = j + 1; i < m; i++) A_(i, j) *= scal;
            A_(j, j) = beta;
        }
        tau[j] = t;
        if (t == 0) continue;
        /* apply Hᴴ = I - conj(tau) v vᴴ to the trailing columns */
        for (int64_t c = j + 1; c < n; c++) {
            XP_T w = A_(j, c);
            for (int64_t i = j + 1; i < m; i++) w += XP_CONJ(A_(i, j)) * A_(i, c);
            w *= XP_CONJ(t);
            A_(j, c) -= w;
            for (int64_t i = j + 1; i < m; i++) A_(i, c) -= A_(i, j) * w;
        }
    }
}

/* Q's first n columns from k reflectors; v is a copy of the reflectors (m×k). */
static void XP__CAT(orgqr_, XP_SUF)(int64_t m, int64_t n, int64_t k, XP_T *a, int64_t lda,
                                    const XP_T *v, const XP_T *tau) {
    for (int64_t c = 0; c < n; c++)
        for (int64_t i = 0; i < m; i++) A_(i, c) = i == c ? 1 : 0;
    for (int64_t j = k - 1; j >= 0; j--) {
        XP_T t = tau[j];
        if (t == 0) continue;
        const XP_T *vj = v + j * m;
        for (int64_t c = j; c < n; c++) {
            XP_T w = A_(j, c);
            for (int64_t i = j + 1; i < m; i++) w += XP_CONJ(vj[i]) * A_(i, c);
            w *= t;
            A_(j, c) -= w;
            for (int64_t i = j + 1; i < m; i++) A_(i, c) -= vj[i] * w;
        }
    }
}

#undef A_
#undef XP__CAT
#undef XP__CAT2
