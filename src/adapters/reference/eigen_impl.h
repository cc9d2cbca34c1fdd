/* Eigen- and singular-value solvers in portable C for one float dtype
 * (column-major, LAPACK's conventions and info codes). Included by factor.c after
 * factor_impl.h (it uses geqrf_/orgqr_ of the same dtype) with
 *   XP_T, XP_R       element type and its real type
 *   XP_SUF           name suffix
 *   XP_ABS, XP_ABS2, XP_RE, XP_CONJ, XP_SQRT, XP_HYPOT   scalar helpers
 *   XP_EPS, XP_RMIN, XP_RMAX   the real type's epsilon, smallest normal, largest
 *   XP_CPLX          1 for the complex dtypes (then also XP_IM, XP_CSQRT)
 *
 *   heevj_   Hermitian eigensolver (syevd/heevd slot): cyclic two-sided Jacobi
 *            with complex rotations, eigenvalues sorted ascending.
 *   gesvj_   SVD (gesdd slot): one-sided (Hestenes) Jacobi on the columns of A
 *            (of Aᴴ when m < n), singular values sorted descending; the left
 *            factor is completed to a unitary basis by Householder QR of its
 *            well-defined columns (full_matrices, zero singular values).
 *   geevqr_  general eigensolver (geev slot, complex dtypes; real input is
 *            widened by factor.c): Householder reduction to Hessenberg form,
 *            single-shift complex QR (Wilkinson shifts, exceptional shifts every
 *            10 iterations) to Schur form, eigenvectors by back substitution on
 *            the triangular factor, unit 2-norm with the largest component real.
 *
 * The input is scaled by a power of two so that its largest entry lies in
 * [1/2, 1) (no overflow in squared norms; the results are scaled back exactly).
 * Iterations are capped (Jacobi sweeps, QR steps): non-convergence, and a
 * non-finite input, end with info > 0 and never loop forever. Unblocked
 * algorithms: they make the reference flavor complete, not fast. */
#define XP__CAT2(a, b) a##b
#define XP__CAT(a, b) XP__CAT2(a, b)
#define F_(name) XP__CAT(name, XP_SUF)
#define E_(M, i, j, ld) (M)[(i) + (j) * (ld)]

/* Jacobi sweeps before giving up (LAPACK's gesvj stops at 30; cyclic Jacobi
 * converges quadratically and needs about 6-12 here). */
#define XP__JACOBI_SWEEPS 60

/* Largest max(|re|, |im|) of the entries of an m×n block (the modulus of a finite
 * complex entry can overflow); -1 when an entry is NaN or infinite. */
static XP_R F_(amax_)(int64_t m, int64_t n, const XP_T *a, int64_t lda) {
    XP_R r = 0;
    for (int64_t j = 0; j < n; j++)
        for (int64_t i = 0; i < m; i++) {
#if XP_CPLX
            XP_R re = XP_RE(E_(a, i, j, lda)), im = XP_IM(E_(a, i, j, lda));
            if (re != re || im != im) return -1;
            re = re < 0 ? -re : re;
            im = im < 0 ? -im : im;
            XP_R t = re > im ? re : im;
#else
            XP_R t = XP_ABS(E_(a, i, j, lda));
#endif
            if (!(t <= XP_RMAX)) return -1;
            if (t > r) r = t;
        }
    return r;
}

/* Scales the m×n block a in place by 2^-e so that amax, its largest entry scale
 * (from amax_, >= 0), lands in [1/2, 1); returns e (0 for an all-zero block). Exact. */
static int F_(scale_)(int64_t m, int64_t n, XP_T *a, int64_t lda, XP_R amax) {
    int e = 0;
    if (amax > 0) (void)frexp((double)amax, &e);
    XP_R sc = (XP_R)ldexp(1.0, -e);
    for (int64_t j = 0; j < n; j++)
        for (int64_t i = 0; i < m; i++) E_(a, i, j, lda) *= sc;
    return e;
}

/* The Jacobi rotation that diagonalises the Hermitian 2×2 [[app, g], [conj(g), aqq]]
 * (|g| = ag > 0): J = [[c, s e], [-s conj(e), c]] with e = g/|g|, so that
 * Jᴴ [..] J = diag(app - t ag, aqq + t ag). */
static void F_(jrot_)(XP_R app, XP_R aqq, XP_R ag, XP_R *c, XP_R *s, XP_R *t) {
    XP_R theta = (aqq - app) / (2 * ag);
    XP_R tt = 1 / ((theta < 0 ? -theta : theta) + XP_HYPOT(1, theta));
    if (theta < 0) tt = -tt;
    *t = tt;
    *c = 1 / XP_SQRT(1 + tt * tt);
    *s = tt * *c;
}

/* Columns p, q of the m-row block x (ld ldx) times J. */
static void F_(jcols_)(int64_t m, XP_T *x, int64_t ldx, int64_t p, int64_t q, XP_R c, XP_T se,
                       XP_T sec) {
    XP_T *xp = x + p * ldx, *xq = x + q * ldx;
    for (int64_t i = 0; i < m; i++) {
        XP_T u = xp[i], v = xq[i];
        xp[i] = c * u - sec * v;
        xq[i] = se * u + c * v;
    }
}

/* ---- Hermitian eigensolver ------------------------------------------------------- */

/* Eigenvalues (ascending, into w) and, when wantv, orthonormal eigenvectors
 * (overwriting a) of the Hermitian matrix whose `uplo` triangle a holds. */
static xp_status F_(heevj_)(bool wantv, char uplo, int64_t n, XP_T *a, int64_t lda, XP_R *w,
                            int64_t *info) {
    *info = 0;
    if (n == 0) return XP_OK;
    size_t nn = (size_t)n * (size_t)n, bytes = (wantv ? 2 : 1) * nn * sizeof(XP_T);
    XP_T *h = xp_adapter_scratch(bytes);
    if (!h) return XP_ERR_NOMEM;
    XP_T *v = wantv ? h + nn : NULL;
    bool up = uplo == 'U';
    for (int64_t j = 0; j < n; j++)
        for (int64_t i = 0; i < n; i++) {
            bool stored = up ? i <= j : i >= j;
            XP_T x = stored ? E_(a, i, j, lda) : XP_CONJ(E_(a, j, i, lda));
            E_(h, i, j, n) = i == j ? XP_RE(x) : x;
        }
    XP_R amax = F_(amax_)(n, n, h, n);
    if (amax < 0) { /* NaN or infinity: LAPACK's drivers fail the same way */
        *info = 1;
        xp_adapter_scratch_free(h, bytes);
        return XP_OK;
    }
    int ex = F_(scale_)(n, n, h, n, amax);
    if (wantv)
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < n; i++) E_(v, i, j, n) = i == j ? 1 : 0;

    const XP_R tol = XP_EPS, small = XP_RMIN / XP_EPS;
    int64_t left = 1;
    for (int sweep = 0; sweep < XP__JACOBI_SWEEPS && left; sweep++) {
        left = 0;
        for (int64_t p = 0; p < n - 1; p++)
            for (int64_t q = p + 1; q < n; q++) {
                XP_T g = E_(h, p, q, n);
                XP_R ag = XP_ABS(g), app = XP_RE(E_(h, p, p, n)), aqq = XP_RE(E_(h, q, q, n));
                XP_R dp = app < 0 ? -app : app, dq = aqq < 0 ? -aqq : aqq;
                if (ag <= small || ag <= tol * XP_SQRT(dp) * XP_SQRT(dq)) continue;
                left++;
                XP_R c, s, t;
                F_(jrot_)(app, aqq, ag, &c, &s, &t);
                XP_T e = g / ag, se = s * e, sec = s * XP_CONJ(e);
                for (int64_t r = 0; r < n; r++) {
                    if (r == p || r == q) continue;
                    XP_T u = E_(h, r, p, n), x = E_(h, r, q, n);
                    XP_T np = c * u - sec * x, nq = se * u + c * x;
                    E_(h, r, p, n) = np;
                    E_(h, r, q, n) = nq;
                    E_(h, p, r, n) = XP_CONJ(np);
                    E_(h, q, r, n) = XP_CONJ(nq);
                }
                E_(h, p, p, n) = app - t * ag;
                E_(h, q, q, n) = aqq + t * ag;
                E_(h, p, q, n) = 0;
                E_(h, q, p, n) = 0;
                if (wantv) F_(jcols_)(n, v, n, p, q, c, se, sec);
            }
    }
    if (left) { /* LAPACK: info = how many off-diagonal elements did not converge */
        *info = left;
        xp_adapter_scratch_free(h, bytes);
        return XP_OK;
    }
    for (int64_t i = 0; i < n; i++) w[i] = (XP_R)ldexp((double)XP_RE(E_(h, i, i, n)), ex);
    /* ascending, eigenvectors along (selection sort: n swaps at most) */
    for (int64_t i = 0; i < n - 1; i++) {
        int64_t k = i;
        for (int64_t j = i + 1; j < n; j++)
            if (w[j] < w[k]) k = j;
        if (k == i) continue;
        XP_R tw = w[i];
        w[i] = w[k];
        w[k] = tw;
        if (wantv)
            for (int64_t r = 0; r < n; r++) {
                XP_T tv = E_(v, r, i, n);
                E_(v, r, i, n) = E_(v, r, k, n);
                E_(v, r, k, n) = tv;
            }
    }
    if (wantv)
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < n; i++) E_(a, i, j, lda) = E_(v, i, j, n);
    xp_adapter_scratch_free(h, bytes);
    return XP_OK;
}

/* ---- SVD -------------------------------------------------------------------------- */

/* One-sided Jacobi on the m×n (m >= n) matrix w (ld m): on return its columns are
 * mutually orthogonal (w = U diag(σ)); v (n×n, ld n) accumulates the rotations when
 * given. Returns 0, or the number of rotations still needed after the last sweep. */
static int64_t F_(svj_)(int64_t m, int64_t n, XP_T *w, XP_T *v) {
    /* a computed inner product carries about sqrt(m) eps of rounding (gesvj's CTOL) */
    const XP_R tol = XP_EPS * (m > 1 ? XP_SQRT((XP_R)m) : 1), small = XP_RMIN / XP_EPS;
    /* A column whose squared norm is below (sqrt(RMIN)/EPS)^2 is negligible next to the
     * largest (the input is scaled so its largest entry is near 1) and its left vector
     * is replaced by the unitary completion in gesvj_; its squared norm may also have
     * underflowed to 0 while its inner products have not, and then no rotation can
     * ever satisfy the test below: leave such pairs alone. */
    const XP_R tiny2 = XP_RMIN / (XP_EPS * XP_EPS);
    int64_t left = 1;
    for (int sweep = 0; sweep < XP__JACOBI_SWEEPS && left; sweep++) {
        left = 0;
        for (int64_t p = 0; p < n - 1; p++)
            for (int64_t q = p + 1; q < n; q++) {
                const XP_T *wp = w + p * m, *wq = w + q * m;
                XP_R al = 0, be = 0;
                XP_T g = 0;
                for (int64_t i = 0; i < m; i++) {
                    al += XP_ABS2(wp[i]);
                    be += XP_ABS2(wq[i]);
                    g += XP_CONJ(wp[i]) * wq[i];
                }
                XP_R ag = XP_ABS(g);
                if (ag <= small || al < tiny2 || be < tiny2 ||
                    ag <= tol * XP_SQRT(al) * XP_SQRT(be))
                    continue;
                left++;
                XP_R c, s, t;
                F_(jrot_)(al, be, ag, &c, &s, &t);
                XP_T e = g / ag, se = s * e, sec = s * XP_CONJ(e);
                F_(jcols_)(m, w, m, p, q, c, se, sec);
                if (v) F_(jcols_)(n, v, n, p, q, c, se, sec);
            }
    }
    return left;
}

/* LAPACK's gesdd contract: s[min(m,n)] descending; jobz 'A' (u m×m, vt n×n),
 * 'S' (u m×k, vt k×n) or 'N' (u, vt untouched). a is only read. */
static xp_status F_(gesvj_)(char jobz, int64_t m, int64_t n, const XP_T *a, int64_t lda,
                            XP_R *s, XP_T *u, int64_t ldu, XP_T *vt, int64_t ldvt,
                            int64_t *info) {
    *info = 0;
    bool wantv = jobz == 'A' || jobz == 'S', tr = m < n;
    int64_t M = tr ? n : m, N = tr ? m : n; /* the tall problem: A, or Aᴴ when m < n */
    if (N == 0) {
        if (jobz == 'A') {
            for (int64_t j = 0; j < m; j++)
                for (int64_t i = 0; i < m; i++) E_(u, i, j, ldu) = i == j ? 1 : 0;
            for (int64_t j = 0; j < n; j++)
                for (int64_t i = 0; i < n; i++) E_(vt, i, j, ldvt) = i == j ? 1 : 0;
        }
        return XP_OK;
    }
    int64_t lc = jobz == 'A' ? M : N; /* columns of the left factor of the tall problem */
    size_t mn = (size_t)M * (size_t)N, nn = (size_t)N * (size_t)N, ml = (size_t)M * (size_t)lc;
    size_t elems = mn + (wantv ? nn + 2 * ml + (size_t)N : 0);
    size_t bytes = elems * sizeof(XP_T);
    XP_T *w = xp_adapter_scratch(bytes);
    if (!w) return XP_ERR_NOMEM;
    XP_T *v = wantv ? w + mn : NULL, *l = wantv ? v + nn : NULL, *tq = wantv ? l + ml : NULL;
    XP_T *tau = wantv ? tq + ml : NULL;
    for (int64_t j = 0; j < N; j++)
        for (int64_t i = 0; i < M; i++)
            E_(w, i, j, M) = tr ? XP_CONJ(E_(a, j, i, lda)) : E_(a, i, j, lda);
    XP_R amax = F_(amax_)(M, N, w, M);
    if (amax < 0) { /* NaN or infinity */
        *info = 1;
        goto out;
    }
    int ex = F_(scale_)(M, N, w, M, amax);
    if (wantv)
        for (int64_t j = 0; j < N; j++)
            for (int64_t i = 0; i < N; i++) E_(v, i, j, N) = i == j ? 1 : 0;
    if ((*info = F_(svj_)(M, N, w, v)) != 0) goto out;

    /* σ_j = ‖w_j‖ (scaled), sorted descending with the columns of w and v */
    for (int64_t j = 0; j < N; j++) {
        XP_R ss = 0;
        for (int64_t i = 0; i < M; i++) ss += XP_ABS2(E_(w, i, j, M));
        s[j] = XP_SQRT(ss);
    }
    for (int64_t i = 0; i < N - 1; i++) {
        int64_t k = i;
        for (int64_t j = i + 1; j < N; j++)
            if (s[j] > s[k]) k = j;
        if (k == i) continue;
        XP_R ts = s[i];
        s[i] = s[k];
        s[k] = ts;
        for (int64_t r = 0; r < M; r++) {
            XP_T t = E_(w, r, i, M);
            E_(w, r, i, M) = E_(w, r, k, M);
            E_(w, r, k, M) = t;
        }
        if (wantv)
            for (int64_t r = 0; r < N; r++) {
                XP_T t = E_(v, r, i, N);
                E_(v, r, i, N) = E_(v, r, k, N);
                E_(v, r, k, N) = t;
            }
    }
    if (wantv) {
        /* left factor: the normalised columns whose σ is well above underflow (their
         * directions are orthogonal to working precision), then a unitary completion:
         * the trailing columns of Q from the QR of those columns */
        const XP_R good = XP_SQRT(XP_RMIN) / XP_EPS;
        int64_t r = 0;
        while (r < N && s[r] > good) r++;
        for (int64_t j = 0; j < r; j++)
            for (int64_t i = 0; i < M; i++) E_(l, i, j, M) = E_(w, i, j, M) / s[j];
        if (r < lc) {
            for (int64_t j = 0; j < r; j++)
                for (int64_t i = 0; i < M; i++) E_(w, i, j, M) = E_(l, i, j, M);
            F_(geqrf_)(M, r, w, M, tau);
            F_(orgqr_)(M, lc, r, tq, M, w, tau);
            for (int64_t j = r; j < lc; j++)
                for (int64_t i = 0; i < M; i++) E_(l, i, j, M) = E_(tq, i, j, M);
        }
        /* A = L Σ Vᴴ (m >= n), or Aᴴ = L Σ Vᴴ, i.e. A = V Σ Lᴴ (m < n) */
        if (!tr) {
            for (int64_t j = 0; j < lc; j++)
                for (int64_t i = 0; i < m; i++) E_(u, i, j, ldu) = E_(l, i, j, M);
            for (int64_t j = 0; j < n; j++)
                for (int64_t i = 0; i < n; i++) E_(vt, i, j, ldvt) = XP_CONJ(E_(v, j, i, N));
        } else {
            for (int64_t j = 0; j < m; j++)
                for (int64_t i = 0; i < m; i++) E_(u, i, j, ldu) = E_(v, i, j, N);
            for (int64_t j = 0; j < n; j++)
                for (int64_t i = 0; i < lc; i++) E_(vt, i, j, ldvt) = XP_CONJ(E_(l, j, i, M));
        }
    }
    for (int64_t j = 0; j < N; j++) s[j] = (XP_R)ldexp((double)s[j], ex);
out:
    xp_adapter_scratch_free(w, bytes);
    return XP_OK;
}

/* ---- general eigensolver (complex arithmetic) ----------------------------------------- */

#if XP_CPLX
#define RABS_(x) ((x) < 0 ? -(x) : (x))
static XP_R F_(cabs1_)(XP_T x) { return RABS_(XP_RE(x)) + RABS_(XP_IM(x)); }

/* G = [[c, s], [-conj(s), c]] with G [x; y] = [r; 0], c real. */
static void F_(givens_)(XP_T x, XP_T y, XP_R *c, XP_T *s, XP_T *r) {
    XP_R ax = XP_ABS(x), ay = XP_ABS(y);
    if (ay == 0) {
        *c = 1, *s = 0, *r = x;
    } else if (ax == 0) {
        *c = 0, *s = 1, *r = y;
    } else {
        XP_R nrm = XP_HYPOT(ax, ay);
        XP_T ph = x / ax;
        *c = ax / nrm;
        *s = ph * XP_CONJ(y) / nrm;
        *r = ph * nrm;
    }
}

/* Eigenvalues w[n] and, when vr is given, right eigenvectors (columns of unit
 * 2-norm, largest component real) of the n×n matrix a, which is destroyed. */
static xp_status F_(geevqr_)(int64_t n, XP_T *a, int64_t lda, XP_T *w, XP_T *vr, int64_t ldvr,
                             int64_t *info) {
    *info = 0;
    if (n == 0) return XP_OK;
    bool wantv = vr != NULL;
    XP_R amax = F_(amax_)(n, n, a, lda);
    if (amax < 0) { /* NaN or infinity */
        *info = n;
        return XP_OK;
    }
    size_t nn = (size_t)n * (size_t)n, bytes = ((wantv ? nn : 0) + 2 * (size_t)n) * sizeof(XP_T);
    XP_T *z = xp_adapter_scratch(bytes);
    if (!z) return XP_ERR_NOMEM;
    XP_T *x = z + (wantv ? nn : 0), *hv = x + n;
    int ex = F_(scale_)(n, n, a, lda, amax);
    if (wantv)
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < n; i++) E_(z, i, j, n) = i == j ? 1 : 0;

    /* Hessenberg form: a = P₀ P₁ … H (P₀ P₁ …)ᴴ, P = I - tau v vᴴ (larfg's convention) */
    for (int64_t k = 0; k + 2 < n; k++) {
        int64_t len = n - k - 1;
        XP_T alpha = E_(a, k + 1, k, lda);
        XP_R ss = 0;
        for (int64_t i = k + 2; i < n; i++) ss += XP_ABS2(E_(a, i, k, lda));
        XP_R xnorm = XP_SQRT(ss);
        if (xnorm == 0 && XP_IM(alpha) == 0) continue;
        XP_R beta = XP_HYPOT(XP_ABS(alpha), xnorm);
        if (XP_RE(alpha) >= 0) beta = -beta;
        XP_T tau = (beta - alpha) / beta, scal = 1 / (alpha - beta);
        hv[0] = 1;
        for (int64_t i = 1; i < len; i++) {
            hv[i] = E_(a, k + 1 + i, k, lda) * scal;
            E_(a, k + 1 + i, k, lda) = 0;
        }
        E_(a, k + 1, k, lda) = beta;
        for (int64_t j = k + 1; j < n; j++) { /* from the left: Pᴴ */
            XP_T t = 0;
            for (int64_t i = 0; i < len; i++) t += XP_CONJ(hv[i]) * E_(a, k + 1 + i, j, lda);
            t *= XP_CONJ(tau);
            for (int64_t i = 0; i < len; i++) E_(a, k + 1 + i, j, lda) -= hv[i] * t;
        }
        for (int pass = 0; pass < (wantv ? 2 : 1); pass++) { /* from the right: P */
            XP_T *mat = pass ? z : a;
            int64_t ld = pass ? n : lda;
            for (int64_t i = 0; i < n; i++) {
                XP_T t = 0;
                for (int64_t l = 0; l < len; l++) t += E_(mat, i, k + 1 + l, ld) * hv[l];
                t *= tau;
                for (int64_t l = 0; l < len; l++) E_(mat, i, k + 1 + l, ld) -= t * XP_CONJ(hv[l]);
            }
        }
    }

    /* Schur form by single-shift QR on the active block [lo, hi] (zlahqr's scheme,
     * the whole triangle kept up to date for the eigenvectors) */
    const XP_R eps = XP_EPS, small = XP_RMIN / XP_EPS;
    XP_R hnorm = 0;
    for (int64_t j = 0; j < n; j++)
        for (int64_t i = 0; i <= j + 1 && i < n; i++) {
            XP_R t = F_(cabs1_)(E_(a, i, j, lda));
            if (t > hnorm) hnorm = t;
        }
    int64_t hi = n - 1, its = 0, total = 0, maxit = 30 * (n > 10 ? n : 10);
    while (hi >= 0) {
        int64_t lo;
        for (lo = hi; lo > 0; lo--) {
            XP_R sub = F_(cabs1_)(E_(a, lo, lo - 1, lda));
            XP_R d = F_(cabs1_)(E_(a, lo - 1, lo - 1, lda)) + F_(cabs1_)(E_(a, lo, lo, lda));
            if (d == 0) d = hnorm;
            if (sub <= small || sub <= eps * d) {
                E_(a, lo, lo - 1, lda) = 0;
                break;
            }
        }
        if (lo == hi) { /* a 1×1 block deflated */
            w[hi] = E_(a, hi, hi, lda);
            hi--;
            its = 0;
            continue;
        }
        if (++total > maxit) {
            *info = hi + 1; /* zhseqr: eigenvalues hi+1.. are the converged ones */
            goto out;
        }
        its++;
        XP_T mu;
        if (its % 10 == 0) { /* exceptional shift against cycling */
            int64_t r = its % 20 == 0 ? hi : lo + 1;
            mu = E_(a, r, r, lda) + (XP_R)0.75 * RABS_(XP_RE(E_(a, r, r - 1, lda)));
        } else { /* Wilkinson: the eigenvalue of the trailing 2×2 nearer its corner */
            XP_T p = E_(a, hi - 1, hi - 1, lda), q = E_(a, hi - 1, hi, lda),
                 r = E_(a, hi, hi - 1, lda), d = E_(a, hi, hi, lda);
            XP_T half = (p - d) / 2, disc = XP_CSQRT(half * half + q * r);
            XP_T m1 = d + half + disc, m2 = d + half - disc;
            mu = F_(cabs1_)(m1 - d) <= F_(cabs1_)(m2 - d) ? m1 : m2;
        }
        for (int64_t k = lo; k < hi; k++) {
            XP_T xk, yk, rr;
            if (k == lo) {
                xk = E_(a, lo, lo, lda) - mu;
                yk = E_(a, lo + 1, lo, lda);
            } else {
                xk = E_(a, k, k - 1, lda);
                yk = E_(a, k + 1, k - 1, lda);
            }
            XP_R c;
            XP_T s;
            F_(givens_)(xk, yk, &c, &s, &rr);
            if (k > lo) {
                E_(a, k, k - 1, lda) = rr;
                E_(a, k + 1, k - 1, lda) = 0;
            }
            for (int64_t j = k; j < n; j++) { /* rows k, k+1: G */
                XP_T h1 = E_(a, k, j, lda), h2 = E_(a, k + 1, j, lda);
                E_(a, k, j, lda) = c * h1 + s * h2;
                E_(a, k + 1, j, lda) = c * h2 - XP_CONJ(s) * h1;
            }
            int64_t rmax = k + 2 < hi ? k + 2 : hi;
            for (int64_t i = 0; i <= rmax; i++) { /* columns k, k+1: Gᴴ */
                XP_T h1 = E_(a, i, k, lda), h2 = E_(a, i, k + 1, lda);
                E_(a, i, k, lda) = c * h1 + XP_CONJ(s) * h2;
                E_(a, i, k + 1, lda) = c * h2 - s * h1;
            }
            if (wantv)
                for (int64_t i = 0; i < n; i++) {
                    XP_T h1 = E_(z, i, k, n), h2 = E_(z, i, k + 1, n);
                    E_(z, i, k, n) = c * h1 + XP_CONJ(s) * h2;
                    E_(z, i, k + 1, n) = c * h2 - s * h1;
                }
        }
    }

    if (wantv) {
        /* eigenvectors of the triangular T: (T - λ_k) x = 0 with x_k = 1, then Z x */
        XP_R tnorm = 0;
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i <= j; i++) {
                XP_R t = F_(cabs1_)(E_(a, i, j, lda));
                if (t > tnorm) tnorm = t;
            }
        XP_R smin = eps * tnorm > small ? eps * tnorm : small, big = 1 / (eps * eps);
        for (int64_t k = n - 1; k >= 0; k--) {
            XP_T lam = E_(a, k, k, lda);
            x[k] = 1;
            for (int64_t i = k - 1; i >= 0; i--) {
                XP_T t = 0;
                for (int64_t j = i + 1; j <= k; j++) t += E_(a, i, j, lda) * x[j];
                XP_T d = E_(a, i, i, lda) - lam;
                if (F_(cabs1_)(d) < smin) d = smin;
                x[i] = -t / d;
                XP_R xi = F_(cabs1_)(x[i]);
                if (xi > big) /* the system is homogeneous: rescale what is there */
                    for (int64_t j = i; j <= k; j++) x[j] /= xi;
            }
            XP_T *col = vr + k * ldvr;
            for (int64_t r = 0; r < n; r++) {
                XP_T t = 0;
                for (int64_t j = 0; j <= k; j++) t += E_(z, r, j, n) * x[j];
                col[r] = t;
            }
            XP_R cm = 0;
            int64_t at = 0;
            for (int64_t r = 0; r < n; r++) {
                XP_R t = XP_ABS(col[r]);
                if (t > cm) cm = t, at = r;
            }
            XP_R ss = 0;
            for (int64_t r = 0; r < n; r++) ss += XP_ABS2(col[r] / cm);
            XP_T f = XP_CONJ(col[at] / cm) / (XP_SQRT(ss) * cm * XP_ABS(col[at] / cm));
            for (int64_t r = 0; r < n; r++) col[r] *= f;
            col[at] = XP_RE(col[at]);
        }
    }
    for (int64_t i = 0; i < n; i++) w[i] = (XP_T)ldexp(1.0, ex) * w[i];
out:
    xp_adapter_scratch_free(z, bytes);
    return XP_OK;
}
#undef RABS_
#endif

#undef E_
#undef F_
#undef XP__CAT
#undef XP__CAT2
