// The factorization-based functions of the linalg extension, checked by the
// identities they must satisfy, at tolerances scaled by size and conditioning.
#include "la_test.h"

using namespace xpt;
using namespace lat;

namespace {

const int64_t NB = 2, N = 10; /* above the lapacke adapter's small-matrix cutoff */

// Tolerance for a well-conditioned (diagonally dominant) n×n problem.
double tol(xp_dtype dt, int64_t n) { return 50.0 * (double)n * eps(dt); }

}  // namespace

TEST(LinalgInv, TimesMatrixIsIdentity) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = rand_vals(dt, {NB, N, N}, 1, true);
        Arr A = make(a, dt, {NB, N, N});
        Arr X(xp_linalg_inv(A));
        ASSERT_XP_OK(X);
        EXPECT_EQ(X.dtype(), dt);
        EXPECT_TRUE(close(mm(a, values(X), NB, N, N, N), eye(NB, N), tol(dt, N))) << dtype_str(dt);
        /* transposed and strided inputs give the inverse of the same matrices */
        Arr As = strided_copy(A, {true, false, true});
        Arr Xs(xp_linalg_inv(As));
        EXPECT_TRUE(close(values(Xs), values(X), tol(dt, N))) << dtype_str(dt);
    }
}

TEST(LinalgInv, HilbertMatrix) {
    const int64_t n = 5; /* cond ~ 4.8e5 */
    std::vector<cd> h;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) h.push_back(1.0 / (i + j + 1));
    Arr X(xp_linalg_inv(Arr(make(h, XP_FLOAT64, {n, n}))));
    ASSERT_XP_OK(X);
    /* the exact inverse has integer entries; (0,0) is n^2 = 25 */
    auto x = values(X);
    EXPECT_NEAR(x[0].real(), 25.0, 25.0 * 4.8e5 * 1e-14);
    EXPECT_TRUE(close(mm(h, x, 1, n, n, n), eye(1, n), 4.8e5 * n * eps(XP_FLOAT64) * 10));
}

TEST(LinalgInv, SingularIsValueErrorWithInfo) {
    Arr A = make({1, 2, 2, 4}, XP_FLOAT64, {2, 2});
    Arr X(xp_linalg_inv(A));
    EXPECT_XP_ERR(X.get(), XP_ERR_VALUE, "xp_linalg_inv");
    EXPECT_NE(std::string(xp_error_message(X)).find("info="), std::string::npos);
    Arr S(xp_linalg_solve(A, Arr(make({1, 1}, XP_FLOAT64))));
    EXPECT_XP_ERR(S.get(), XP_ERR_VALUE, "xp_linalg_solve");
}

TEST(LinalgSolve, ResidualsBatchedAndVector) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = rand_vals(dt, {NB, N, N}, 3, true), b = rand_vals(dt, {NB, N, 3}, 4);
        Arr A = make(a, dt, {NB, N, N}), B = make(b, dt, {NB, N, 3});
        Arr X(xp_linalg_solve(A, B));
        ASSERT_XP_OK(X);
        EXPECT_EQ(X.shape(), (std::vector<int64_t>{NB, N, 3}));
        EXPECT_TRUE(close(mm(a, values(X), NB, N, N, 3), b, tol(dt, N))) << dtype_str(dt);
        /* x2 of shape (M,) is one vector for every matrix of the batch */
        auto v = rand_vals(dt, {N}, 5);
        Arr V(xp_linalg_solve(A, Arr(make(v, dt, {N}))));
        ASSERT_XP_OK(V);
        EXPECT_EQ(V.shape(), (std::vector<int64_t>{NB, N}));
        auto x = values(V);
        for (int t = 0; t < NB; t++) {
            std::vector<cd> at(a.begin() + t * N * N, a.begin() + (t + 1) * N * N),
                xt(x.begin() + t * N, x.begin() + (t + 1) * N);
            EXPECT_TRUE(close(mm(at, xt, 1, N, N, 1), v, tol(dt, N)));
        }
        /* one matrix against a batch of right-hand sides (broadcast) */
        Arr A1 = make(std::vector<cd>(a.begin(), a.begin() + N * N), dt, {N, N});
        Arr Y(xp_linalg_solve(A1, B));
        ASSERT_XP_OK(Y);
        EXPECT_EQ(Y.shape(), (std::vector<int64_t>{NB, N, 3}));
        /* transposed view input equals the contiguous one */
        Arr At = transposed_input(std::vector<cd>(a.begin(), a.begin() + N * N), dt, N, N);
        Arr Z1(xp_linalg_solve(At, Arr(make(v, dt, {N})))), Z2(xp_linalg_solve(A1, Arr(make(v, dt, {N}))));
        EXPECT_TRUE(close(values(Z1), values(Z2), tol(dt, N)));
    }
}

TEST(LinalgSolve, BadInput) {
    Arr A = rand_arr(XP_FLOAT64, {3, 3}, 1, true);
    EXPECT_LA_ERR((xp_linalg_solve(A, Arr(make({1, 2}, XP_FLOAT64)))), XP_ERR_VALUE, "xp_linalg_solve");
    EXPECT_LA_ERR((xp_linalg_solve(Arr(rand_arr(XP_FLOAT64, {3, 2}, 2)), A)), XP_ERR_VALUE,
                  "xp_linalg_solve");
    EXPECT_LA_ERR((xp_linalg_solve(Arr(make({1, 0, 0, 1}, XP_INT64, {2, 2})), A)), XP_ERR_TYPE,
                  "xp_linalg_solve");
}

TEST(LinalgDet, ClosedForms) {
    for (xp_dtype dt : float_dtypes()) {
        double c = std::cos(0.3), s = std::sin(0.3);
        Arr R = make({c, -s, s, c}, dt, {2, 2});
        Arr D(xp_linalg_det(R));
        ASSERT_XP_OK(D);
        EXPECT_EQ(D.ndim(), 0);
        EXPECT_NEAR(values(D)[0].real(), 1.0, 10 * eps(dt));
        Arr G = make({2, 0, 0, 0, -3, 0, 0, 0, 0.5}, dt, {3, 3});
        Arr DG(xp_linalg_det(G));
        EXPECT_NEAR(values(DG)[0].real(), -3.0, 30 * eps(dt));
        auto sl = xp_linalg_slogdet(G);
        ASSERT_XP_OK(sl.sign);
        EXPECT_EQ(xp_array_dtype(sl.logabsdet), is_complex(dt) ? (dt == XP_COMPLEX64 ? XP_FLOAT32 : XP_FLOAT64) : dt);
        EXPECT_NEAR(values(sl.sign)[0].real(), -1.0, 10 * eps(dt));
        EXPECT_NEAR(values(sl.logabsdet)[0].real(), std::log(3.0), 30 * eps(dt));
        xp_slogdet_result_release(sl);
    }
    auto z = xp_linalg_slogdet(Arr(make({1, 2, 2, 4}, XP_FLOAT64, {2, 2})));
    ASSERT_XP_OK(z.sign);
    EXPECT_EQ(reals(z.sign)[0], 0.0);
    EXPECT_EQ(reals(z.logabsdet)[0], -INFINITY);
    xp_slogdet_result_release(z);
}

TEST(LinalgDet, BatchedMatchesLaplace3x3) {
    auto a = rand_vals(XP_FLOAT64, {4, 3, 3}, 7);
    Arr D(xp_linalg_det(Arr(make(a, XP_FLOAT64, {4, 3, 3}))));
    ASSERT_XP_OK(D);
    auto d = reals(D);
    for (int t = 0; t < 4; t++) {
        auto m = [&](int i, int j) { return a[t * 9 + i * 3 + j].real(); };
        double want = m(0, 0) * (m(1, 1) * m(2, 2) - m(1, 2) * m(2, 1)) -
                      m(0, 1) * (m(1, 0) * m(2, 2) - m(1, 2) * m(2, 0)) +
                      m(0, 2) * (m(1, 0) * m(2, 1) - m(1, 1) * m(2, 0));
        EXPECT_NEAR(d[t], want, 1e-13);
    }
}

TEST(LinalgCholesky, LowerAndUpperFactors) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = hpd_vals(dt, N, 11);
        Arr A = make(a, dt, {N, N});
        Arr L(xp_linalg_cholesky(A, nullptr));
        ASSERT_XP_OK(L);
        auto l = values(L);
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++) EXPECT_EQ(l[i * N + j], cd(0)) << "upper part of L";
        EXPECT_TRUE(close(mm(l, ct(l, 1, N, N), 1, N, N, N), a, tol(dt, N))) << dtype_str(dt);
        xp_cholesky_opts up = {true};
        Arr U(xp_linalg_cholesky(A, &up));
        ASSERT_XP_OK(U);
        auto u = values(U);
        EXPECT_TRUE(close(mm(ct(u, 1, N, N), u, 1, N, N, N), a, tol(dt, N))) << dtype_str(dt);
        EXPECT_TRUE(close(u, ct(l, 1, N, N), tol(dt, N)));
    }
}

TEST(LinalgCholesky, NotPositiveDefinite) {
    Arr A = make({1, 2, 2, 1}, XP_FLOAT64, {2, 2});
    Arr L(xp_linalg_cholesky(A, nullptr));
    EXPECT_XP_ERR(L.get(), XP_ERR_BACKEND, "xp_linalg_cholesky");
    EXPECT_NE(std::string(xp_error_message(L)).find("info=2"), std::string::npos)
        << xp_error_message(L);
}

TEST(LinalgQr, ReducedAndComplete) {
    for (xp_dtype dt : float_dtypes())
        for (auto mn : std::vector<std::pair<int64_t, int64_t>>{{6, 4}, {4, 6}, {5, 5}}) {
            int64_t m = mn.first, n = mn.second, k = std::min(m, n);
            auto a = rand_vals(dt, {NB, m, n}, 13);
            Arr A = make(a, dt, {NB, m, n});
            for (bool complete : {false, true}) {
                xp_qr_opts o = {complete ? XP_QR_COMPLETE : XP_QR_REDUCED};
                auto r = xp_linalg_qr(A, &o);
                Arr Q(r.Q), R(r.R);
                ASSERT_XP_OK(Q);
                int64_t qc = complete ? m : k;
                EXPECT_EQ(Q.shape(), (std::vector<int64_t>{NB, m, qc}));
                EXPECT_EQ(R.shape(), (std::vector<int64_t>{NB, qc, n}));
                auto q = values(Q), rr = values(R);
                EXPECT_TRUE(close(mm(q, rr, NB, m, qc, n), a, tol(dt, m))) << dtype_str(dt);
                EXPECT_TRUE(close(mm(ct(q, NB, m, qc), q, NB, qc, m, qc), eye(NB, qc), tol(dt, m)));
                for (int t = 0; t < NB; t++)
                    for (int i = 0; i < qc; i++)
                        for (int j = 0; j < std::min<int64_t>(i, n); j++)
                            EXPECT_EQ(rr[t * qc * n + i * n + j], cd(0));
            }
        }
}

TEST(LinalgEigh, EigenpairsOfHermitian) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = hpd_vals(dt, N, 17);
        Arr A = make(a, dt, {N, N});
        auto r = xp_linalg_eigh(A);
        Arr W(r.eigenvalues), V(r.eigenvectors);
        ASSERT_XP_OK(W);
        EXPECT_EQ(W.dtype(), dt == XP_COMPLEX64 ? XP_FLOAT32 : dt == XP_COMPLEX128 ? XP_FLOAT64 : dt);
        EXPECT_EQ(V.dtype(), dt);
        auto w = values(W), v = values(V);
        for (int i = 1; i < N; i++) EXPECT_LE(w[i - 1].real(), w[i].real());
        std::vector<cd> vl(v);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) vl[i * N + j] *= w[j];
        EXPECT_TRUE(close(mm(a, v, 1, N, N, N), vl, tol(dt, N) * N)) << dtype_str(dt);
        EXPECT_TRUE(close(mm(ct(v, 1, N, N), v, 1, N, N, N), eye(1, N), tol(dt, N)));
        Arr W2(xp_linalg_eigvalsh(A));
        EXPECT_TRUE(close(values(W2), w, tol(dt, N) * N));
        /* det is the product of the eigenvalues */
        cd p = 1;
        for (auto x : w) p *= x;
        Arr D(xp_linalg_det(A));
        EXPECT_NEAR(std::abs(values(D)[0] - p) / std::abs(p), 0, tol(dt, N) * N);
    }
}

TEST(LinalgEig, EigenpairsOfGeneral) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = rand_vals(dt, {NB, N, N}, 19);
        Arr A = make(a, dt, {NB, N, N});
        auto r = xp_linalg_eig(A);
        Arr W(r.eigenvalues), V(r.eigenvectors);
        ASSERT_XP_OK(W);
        xp_dtype ct_ = (dt == XP_FLOAT32 || dt == XP_COMPLEX64) ? XP_COMPLEX64 : XP_COMPLEX128;
        EXPECT_EQ(W.dtype(), ct_);
        EXPECT_EQ(V.dtype(), ct_);
        auto w = values(W), v = values(V);
        std::vector<cd> vl(v);
        for (int t = 0; t < NB; t++)
            for (int i = 0; i < N; i++)
                for (int j = 0; j < N; j++) vl[t * N * N + i * N + j] *= w[t * N + j];
        EXPECT_TRUE(close(mm(a, v, NB, N, N, N), vl, 1e3 * N * eps(dt))) << dtype_str(dt);
        Arr W2(xp_linalg_eigvals(A));
        EXPECT_TRUE(close(values(W2), w, 1e3 * N * eps(dt)));
    }
    double c = std::cos(0.5), s = std::sin(0.5);
    Arr W(xp_linalg_eigvals(Arr(make({c, -s, s, c}, XP_FLOAT64, {2, 2}))));
    auto w = values(W);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NEAR(std::abs(w[0] - cd(c, s)) * std::abs(w[0] - cd(c, -s)), 0, 1e-14);
    EXPECT_NEAR(std::abs(w[0] - std::conj(w[1])), 0, 1e-14);
}

TEST(LinalgSvd, FactorsReproduceMatrix) {
    for (xp_dtype dt : float_dtypes())
        for (auto mn : std::vector<std::pair<int64_t, int64_t>>{{6, 4}, {4, 6}}) {
            int64_t m = mn.first, n = mn.second, k = std::min(m, n);
            auto a = rand_vals(dt, {NB, m, n}, 23);
            Arr A = make(a, dt, {NB, m, n});
            for (bool reduced : {false, true}) {
                xp_svd_opts o = {reduced};
                auto r = xp_linalg_svd(A, &o);
                Arr U(r.U), S(r.S), Vh(r.Vh);
                ASSERT_XP_OK(U);
                int64_t uc = reduced ? k : m, vr = reduced ? k : n;
                EXPECT_EQ(U.shape(), (std::vector<int64_t>{NB, m, uc}));
                EXPECT_EQ(S.shape(), (std::vector<int64_t>{NB, k}));
                EXPECT_EQ(Vh.shape(), (std::vector<int64_t>{NB, vr, n}));
                auto u = values(U), s = values(S), vh = values(Vh);
                std::vector<cd> us((size_t)(NB * m * k));
                for (int t = 0; t < NB; t++) {
                    for (int i = 1; i < k; i++) EXPECT_GE(s[t * k + i - 1].real(), s[t * k + i].real());
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < k; j++) us[t * m * k + i * k + j] = u[t * m * uc + i * uc + j] * s[t * k + j];
                }
                std::vector<cd> vk;
                for (int t = 0; t < NB; t++) vk.insert(vk.end(), vh.begin() + t * vr * n, vh.begin() + t * vr * n + k * n);
                EXPECT_TRUE(close(mm(us, vk, NB, m, k, n), a, tol(dt, m))) << dtype_str(dt);
                EXPECT_TRUE(close(mm(ct(u, NB, m, uc), u, NB, uc, m, uc), eye(NB, uc), tol(dt, m)));
                EXPECT_TRUE(close(mm(vh, ct(vh, NB, vr, n), NB, vr, n, vr), eye(NB, vr), tol(dt, m)));
                Arr S2(xp_linalg_svdvals(A));
                EXPECT_TRUE(close(values(S2), s, tol(dt, m)));
            }
        }
}

// Zero and rank-one matrices: the singular vectors of the zero singular values
// are not determined by A, yet U and Vh must still be unitary (full_matrices).
TEST(LinalgSvd, RankDeficientStaysUnitary) {
    for (xp_dtype dt : float_dtypes())
        for (auto mn : std::vector<std::pair<int64_t, int64_t>>{{5, 3}, {3, 5}, {4, 4}})
            for (int rank : {0, 1}) {
                int64_t m = mn.first, n = mn.second, k = std::min(m, n);
                auto x = rand_vals(dt, {m}, 31), y = rand_vals(dt, {n}, 37);
                std::vector<cd> a((size_t)(m * n));
                for (int64_t i = 0; i < m; i++)
                    for (int64_t j = 0; j < n; j++)
                        a[(size_t)(i * n + j)] = rank ? x[(size_t)i] * std::conj(y[(size_t)j]) : cd(0);
                Arr A = make(a, dt, {m, n});
                auto r = xp_linalg_svd(A, nullptr);
                Arr U(r.U), S(r.S), Vh(r.Vh);
                ASSERT_XP_OK(U);
                auto u = values(U), s = values(S), vh = values(Vh);
                for (int64_t i = rank; i < k; i++) EXPECT_LE(s[(size_t)i].real(), tol(dt, m)) << dtype_str(dt);
                std::vector<cd> us((size_t)(m * k)), vk(vh.begin(), vh.begin() + k * n);
                for (int64_t i = 0; i < m; i++)
                    for (int64_t j = 0; j < k; j++) us[(size_t)(i * k + j)] = u[(size_t)(i * m + j)] * s[(size_t)j];
                EXPECT_TRUE(close(mm(us, vk, 1, m, k, n), a, tol(dt, m))) << dtype_str(dt);
                EXPECT_TRUE(close(mm(ct(u, 1, m, m), u, 1, m, m, m), eye(1, m), tol(dt, m))) << dtype_str(dt);
                EXPECT_TRUE(close(mm(vh, ct(vh, 1, n, n), 1, n, n, n), eye(1, n), tol(dt, n))) << dtype_str(dt);
            }
}

// Finite entries near the overflow or underflow threshold (array-api-tests draws
// them): the SVD must scale, as LAPACK does, instead of squaring its way to inf or
// failing to converge. svdvals(2^e B) = 2^e svdvals(B), exactly up to rounding.
TEST(LinalgSvd, ExtremeMagnitudesScale) {
    for (xp_dtype dt : float_dtypes()) {
        bool single = dt == XP_FLOAT32 || dt == XP_COMPLEX64;
        for (int e : {single ? 100 : 1000, single ? -100 : -1000})
            for (auto mn : std::vector<std::pair<int64_t, int64_t>>{{4, 5}, {5, 4}}) {
                auto b = rand_vals(dt, {mn.first, mn.second}, 43);
                std::vector<cd> big(b.size());
                for (size_t i = 0; i < b.size(); i++)
                    big[i] = cd(std::ldexp(b[i].real(), e), std::ldexp(b[i].imag(), e));
                Arr B = make(b, dt, {mn.first, mn.second}), A = make(big, dt, {mn.first, mn.second});
                Arr sb(xp_linalg_svdvals(B)), sa(xp_linalg_svdvals(A));
                ASSERT_XP_OK(sb);
                ASSERT_XP_OK(sa);
                auto vb = values(sb), va = values(sa);
                ASSERT_EQ(va.size(), vb.size());
                for (size_t i = 0; i < va.size(); i++)
                    EXPECT_NEAR(std::ldexp(va[i].real(), -e), vb[i].real(), tol(dt, 5) * vb[0].real())
                        << dtype_str(dt) << " e=" << e << " i=" << i;
            }
    }
}

// Every entry subnormal: eig must scale (as LAPACK's geev does with its
// ilo/ihi balancing and anrm scaling) instead of reporting no convergence; the
// eigenpairs of A scaled by 2^-e (exact) satisfy the scaled matrix's equation.
TEST(LinalgEig, AllSubnormalMatrixConverges) {
    for (xp_dtype dt : float_dtypes()) {
        bool single = dt == XP_FLOAT32 || dt == XP_COMPLEX64;
        const int e = single ? -130 : -1030; /* entries ~2^e: subnormal, with ~19 / ~44 bits */
        for (int64_t n = 3; n <= 20; n++) {
            auto b = rand_vals(dt, {n, n}, (unsigned)(60 + n));
            for (auto &x : b) x = cd(std::ldexp(x.real(), e), std::ldexp(x.imag(), e));
            Arr A = make(b, dt, {n, n});
            auto a = values(A); /* as stored: every entry subnormal */
            for (auto &x : a) {
                ASSERT_LT(std::abs(x.real()), single ? 1.1754944e-38 : 2.2250738585072014e-308);
                x = cd(std::ldexp(x.real(), -e), std::ldexp(x.imag(), -e));
            }
            auto r = xp_linalg_eig(A);
            Arr W(r.eigenvalues), V(r.eigenvectors);
            ASSERT_XP_OK(W) << dtype_str(dt) << " n=" << n;
            auto w = values(W), v = values(V);
            std::vector<cd> vl(v);
            for (int64_t i = 0; i < n; i++)
                for (int64_t j = 0; j < n; j++) {
                    cd wj = cd(std::ldexp(w[(size_t)j].real(), -e), std::ldexp(w[(size_t)j].imag(), -e));
                    vl[(size_t)(i * n + j)] *= wj;
                }
            EXPECT_TRUE(close(mm(a, v, 1, n, n, n), vl, 1e3 * (double)n * eps(dt))) << dtype_str(dt) << " n=" << n;
            Arr W2(xp_linalg_eigvals(A));
            ASSERT_XP_OK(W2) << dtype_str(dt) << " n=" << n;
        }
    }
}

// A finite matrix with a huge dynamic range (array-api-tests drew it): GSL's
// one-sided Jacobi SVD converged on it as given but not after the core's
// power-of-two scaling; every flavor must answer svd, svdvals, pinv,
// matrix_rank and matrix_norm(ord=2). Singular values 2.5e153, ~7e16 and ~1e-180
// (below 2.5e153 * eps: not resolvable by a normwise-stable SVD).
TEST(LinalgSvd, HugeDynamicRangeConverges) {
    const std::vector<cd> a = {5e-324, 1e-05, 5e-324, 1e-05, 7e+16, 5e-324, -2.5e+153, 5e-324, 2.0};
    Arr A = make(a, XP_FLOAT64, {3, 3});
    Arr S(xp_linalg_svdvals(A));
    ASSERT_XP_OK(S);
    auto s = values(S);
    EXPECT_NEAR(s[0].real() / 2.5e153, 1.0, 1e-14);
    EXPECT_GE(s[1].real(), s[2].real());
    EXPECT_GE(s[2].real(), 0.0);
    EXPECT_LE(s[1].real(), 1e-14 * s[0].real());
    auto r = xp_linalg_svd(A, nullptr);
    Arr U(r.U), S2(r.S), Vh(r.Vh);
    ASSERT_XP_OK(U);
    auto u = values(U), s2 = values(S2), vh = values(Vh);
    std::vector<cd> us(9);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) us[(size_t)(i * 3 + j)] = u[(size_t)(i * 3 + j)] * s2[(size_t)j];
    auto back = mm(us, vh, 1, 3, 3, 3);
    for (size_t i = 0; i < 9; i++) EXPECT_LE(std::abs(back[i] - a[i]), 1e-14 * 2.5e153) << i;
    Arr P(xp_linalg_pinv(A, nullptr));
    ASSERT_XP_OK(P);
    for (auto x : values(P)) EXPECT_TRUE(std::isfinite(x.real()));
    Arr R(xp_linalg_matrix_rank(A, nullptr));
    ASSERT_XP_OK(R);
    EXPECT_EQ(values(R)[0].real(), 1.0);
    xp_matrix_norm_opts o2 = {false, XP_ORD_P, 2.0};
    Arr N2(xp_linalg_matrix_norm(A, &o2));
    ASSERT_XP_OK(N2);
    EXPECT_NEAR(values(N2)[0].real() / 2.5e153, 1.0, 1e-14);
}

// Finite entries near the overflow threshold (array-api-tests' generators draw
// them): gsl_eigen_hermv has no iteration cap and looped forever on this matrix
// before the gsl adapter scaled its input; complex moduli of finite entries can
// overflow too. Eigenvalues ±sqrt(2)·8.988e307 and ~0 (relative to them).
TEST(LinalgSpectral, ExtremeFiniteEntriesConverge) {
    const double big = 8.988465674311579e+307;
    std::vector<cd> h = {{-3.4028234663852886e+38, 0}, {-3.2629171787851377, big},
                         {-0.6755066597640322, 4.379961024447088},
                         {-3.2629171787851377, -big}, {-5.8519513338611, 0}, {big, 0},
                         {-0.6755066597640322, -4.379961024447088}, {big, 0},
                         {2.2250738585072014e-308, 0}};
    Arr H = make(h, XP_COMPLEX128, {3, 3});
    Arr w(xp_linalg_eigvalsh(H));
    ASSERT_XP_OK(w);
    auto v = values(w);
    const double e = std::sqrt(2.0) * big;
    EXPECT_NEAR(v[0].real() / e, -1.0, 1e-12);
    EXPECT_NEAR(v[1].real() / e, 0.0, 1e-12);
    EXPECT_NEAR(v[2].real() / e, 1.0, 1e-12);
    /* complex64 entries whose modulus exceeds FLT_MAX: the SVD still converges */
    std::vector<cd> a = {{3.4e38, 3.4e38}, {1, 2}, {-3, 0.5}, {3.4e38, -3.4e38}};
    Arr A = make(a, XP_COMPLEX64, {2, 2});
    Arr s(xp_linalg_svdvals(A));
    ASSERT_XP_OK(s);
    for (auto x : values(s)) EXPECT_TRUE(std::isfinite(x.real()) || std::isinf(x.real()));
}

// One rule for non-finite input (include/xparray/linalg.h): a matrix with a NaN
// or an infinity anywhere is not factored and every floating-point output for it
// is NaN, on every flavor, with nothing printed (OpenBLAS's xerbla prints on a NaN)
// and the other matrices of the batch computed as usual; matrix_rank refuses it
// (XP_ERR_VALUE). solve's x2 and the norms that need no factorization propagate.
TEST(LinalgNonFinite, EveryFactorizationGivesNaN) {
    ::testing::internal::CaptureStdout(); /* OpenBLAS's xerbla prints to stdout */
    ::testing::internal::CaptureStderr();
    using F = std::function<std::vector<Arr>(const xp_array *)>;
    struct Case {
        const char *name;
        F f;
    };
    const xp_matrix_norm_opts ord2 = {false, XP_ORD_P, 2.0}, ordm2 = {false, XP_ORD_P, -2.0},
                              nuc = {false, XP_ORD_NUC, 0};
    auto one = [](xp_array *a) { return std::vector<Arr>{Arr(a)}; };
    std::vector<Case> cases = {
        {"cholesky", [&](const xp_array *x) { return one(xp_linalg_cholesky(x, nullptr)); }},
        {"eigh", [](const xp_array *x) { auto r = xp_linalg_eigh(x); return std::vector<Arr>{Arr(r.eigenvalues), Arr(r.eigenvectors)}; }},
        {"eigvalsh", [&](const xp_array *x) { return one(xp_linalg_eigvalsh(x)); }},
        {"eig", [](const xp_array *x) { auto r = xp_linalg_eig(x); return std::vector<Arr>{Arr(r.eigenvalues), Arr(r.eigenvectors)}; }},
        {"eigvals", [&](const xp_array *x) { return one(xp_linalg_eigvals(x)); }},
        {"svd", [](const xp_array *x) { auto r = xp_linalg_svd(x, nullptr); return std::vector<Arr>{Arr(r.U), Arr(r.S), Arr(r.Vh)}; }},
        {"svdvals", [&](const xp_array *x) { return one(xp_linalg_svdvals(x)); }},
        {"qr", [](const xp_array *x) { auto r = xp_linalg_qr(x, nullptr); return std::vector<Arr>{Arr(r.Q), Arr(r.R)}; }},
        {"solve", [&](const xp_array *x) { return one(xp_linalg_solve(x, Arr(xp_ones_like(x, nullptr)))); }},
        {"solve (vector)", [&](const xp_array *x) {
             int64_t n = xp_array_shape(x)[xp_array_ndim(x) - 1];
             xp_create_opts o = {};
             o.dtype = xp_array_dtype(x);
             return one(xp_linalg_solve(x, Arr(xp_ones(1, &n, &o))));
         }},
        {"inv", [&](const xp_array *x) { return one(xp_linalg_inv(x)); }},
        {"det", [&](const xp_array *x) { return one(xp_linalg_det(x)); }},
        {"slogdet", [](const xp_array *x) { auto r = xp_linalg_slogdet(x); return std::vector<Arr>{Arr(r.sign), Arr(r.logabsdet)}; }},
        {"pinv", [&](const xp_array *x) { return one(xp_linalg_pinv(x, nullptr)); }},
        {"matrix_norm(2)", [&](const xp_array *x) { return one(xp_linalg_matrix_norm(x, &ord2)); }},
        {"matrix_norm(-2)", [&](const xp_array *x) { return one(xp_linalg_matrix_norm(x, &ordm2)); }},
        {"matrix_norm(nuc)", [&](const xp_array *x) { return one(xp_linalg_matrix_norm(x, &nuc)); }},
        {"matrix_power(-1)", [&](const xp_array *x) { return one(xp_linalg_matrix_power(x, -1)); }},
    };
    for (int64_t n : {int64_t(3), N}) /* 3: solve's unrolled small-matrix path */
        for (xp_dtype dt : float_dtypes())
            for (double bad : {NAN, INFINITY, -INFINITY})
                for (int64_t where : {n + 1, n - 1, n * (n - 1)}) { /* diagonal, upper, lower triangle */
                    /* a batch of two: the first matrix finite, the second with the bad entry */
                    auto good = hpd_vals(dt, n, 41), a = good;
                    a.insert(a.end(), good.begin(), good.end());
                    a[(size_t)(n * n + where)] = bad;
                    Arr A = make(a, dt, {2, n, n}), G = make(good, dt, {n, n});
                    std::string at = std::string(dtype_str(dt)) + " n=" + std::to_string(n) + " bad=" +
                                     std::to_string(bad) + " at " + std::to_string(where);
                    for (const Case &c : cases) {
                        auto rs = c.f(A), gs = c.f(G);
                        for (size_t o = 0; o < rs.size(); o++) {
                            /* no ASSERT while stdout is captured: it would swallow the report */
                            if (rs[o].failed() || gs[o].failed()) {
                                ADD_FAILURE() << c.name << " " << at << ": "
                                              << xpt::err_text(rs[o].failed() ? rs[o].get() : gs[o].get());
                                continue;
                            }
                            auto v = values(rs[o]), g = values(gs[o]);
                            if (v.size() != 2 * g.size()) {
                                ADD_FAILURE() << c.name << ": " << v.size() << " values for 2 matrices";
                                continue;
                            }
                            for (size_t i = 0; i < g.size(); i++) {
                                /* the finite matrix: as computed alone */
                                EXPECT_TRUE(v[i] == g[i] || std::abs(v[i] - g[i]) <= 1e-4 * (1 + std::abs(g[i])))
                                    << c.name << " output " << o << " " << at << " i=" << i;
                                /* the bad one: NaN everywhere (both parts when complex) */
                                cd b = v[g.size() + i];
                                EXPECT_TRUE(std::isnan(b.real())) << c.name << " output " << o << " " << at;
                                if (is_complex(rs[o].dtype())) {
                                    EXPECT_TRUE(std::isnan(b.imag())) << c.name << " " << at;
                                }
                            }
                        }
                    }
                    Arr R(xp_linalg_matrix_rank(A, nullptr));
                    EXPECT_XP_ERR(R.get(), XP_ERR_VALUE, "xp_linalg_matrix_rank");
                }
    /* operands that are not factored propagate: solve's x2, the Frobenius norm */
    for (xp_dtype dt : float_dtypes()) {
        Arr A = make(hpd_vals(dt, N, 41), dt, {N, N});
        std::vector<cd> b(N, cd(1, 0));
        b[2] = NAN;
        Arr X(xp_linalg_solve(A, Arr(make(b, dt, {N}))));
        bool nan = false;
        if (!X.failed())
            for (auto v : values(X)) nan = nan || std::isnan(v.real());
        EXPECT_TRUE(nan) << dtype_str(dt);
        auto a = hpd_vals(dt, N, 41);
        a[5] = NAN;
        Arr F(xp_linalg_matrix_norm(Arr(make(a, dt, {N, N})), nullptr));
        EXPECT_TRUE(!F.failed() && std::isnan(values(F)[0].real())) << dtype_str(dt);
    }
    std::string err = ::testing::internal::GetCapturedStderr();
    std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(out + err, "");
}

TEST(LinalgPinv, MoorePenroseConditions) {
    for (xp_dtype dt : float_dtypes()) {
        const int64_t m = 5, n = 3;
        auto a = rand_vals(dt, {m, n}, 29);
        Arr P(xp_linalg_pinv(Arr(make(a, dt, {m, n})), nullptr));
        ASSERT_XP_OK(P);
        EXPECT_EQ(P.shape(), (std::vector<int64_t>{n, m}));
        auto p = values(P);
        auto ap = mm(a, p, 1, m, n, m), pa = mm(p, a, 1, n, m, n);
        double t = tol(dt, m) * 10;
        EXPECT_TRUE(close(mm(ap, a, 1, m, m, n), a, t)) << dtype_str(dt);
        EXPECT_TRUE(close(mm(pa, p, 1, n, n, m), p, t));
        EXPECT_TRUE(close(ct(ap, 1, m, m), ap, t));
        EXPECT_TRUE(close(ct(pa, 1, n, n), pa, t));
    }
}

TEST(LinalgMatrixRank, DefaultAndRtol) {
    /* rank 2: third row = first + second */
    Arr A = make({1, 2, 3, 4, 5, 6, 5, 7, 9}, XP_FLOAT64, {3, 3});
    Arr R(xp_linalg_matrix_rank(A, nullptr));
    ASSERT_XP_OK(R);
    EXPECT_EQ(R.dtype(), XP_INT64);
    EXPECT_EQ(reals(R), std::vector<double>{2});
    Arr D = make({1, 0, 0, 0, 1e-3, 0, 0, 0, 1e-9}, XP_FLOAT64, {3, 3});
    Arr f(xp_float(1e-6));
    xp_rtol_opts o = {f};
    Arr R2(xp_linalg_matrix_rank(D, &o));
    EXPECT_EQ(reals(R2), std::vector<double>{2});
}

TEST(LinalgMatrixPower, PositiveZeroNegative) {
    Arr A = make({1, 1, 0, 1}, XP_FLOAT64, {2, 2});
    Arr P3(xp_linalg_matrix_power(A, 3)), P0(xp_linalg_matrix_power(A, 0)), Pm2(xp_linalg_matrix_power(A, -2));
    ASSERT_XP_OK(P3);
    EXPECT_EQ(reals(P3), (std::vector<double>{1, 3, 0, 1}));
    EXPECT_EQ(reals(P0), (std::vector<double>{1, 0, 0, 1}));
    EXPECT_TRUE(close(values(Pm2), {1, -2, 0, 1}, 1e-15));
    EXPECT_LA_ERR((xp_linalg_matrix_power(Arr(make({1, 2, 2, 4}, XP_FLOAT64, {2, 2})), -1)), XP_ERR_VALUE,
                  "xp_linalg_matrix_power");
}

TEST(LinalgFactor, BadInput) {
    Arr ns = rand_arr(XP_FLOAT64, {2, 3}, 1), v = rand_arr(XP_FLOAT64, {3}, 2);
    Arr in = make({1, 0, 0, 1}, XP_INT32, {2, 2});
    EXPECT_LA_ERR((xp_linalg_inv(ns)), XP_ERR_VALUE, "xp_linalg_inv");
    EXPECT_LA_ERR((xp_linalg_det(v)), XP_ERR_VALUE, "xp_linalg_det");
    EXPECT_LA_ERR((xp_linalg_inv(in)), XP_ERR_TYPE, "xp_linalg_inv");
    EXPECT_LA_ERR((xp_linalg_cholesky(ns, nullptr)), XP_ERR_VALUE, "xp_linalg_cholesky");
    EXPECT_LA_ERR((xp_linalg_svdvals(in)), XP_ERR_TYPE, "xp_linalg_svdvals");
    EXPECT_LA_ERR((xp_linalg_eigvalsh(ns)), XP_ERR_VALUE, "xp_linalg_eigvalsh");
    EXPECT_LA_ERR((xp_linalg_matrix_power(ns, 2)), XP_ERR_VALUE, "xp_linalg_matrix_power");
    auto q = xp_linalg_qr(v, nullptr);
    EXPECT_XP_ERR(q.Q, XP_ERR_VALUE, "xp_linalg_qr");
    EXPECT_XP_ERR(q.R, XP_ERR_VALUE, "xp_linalg_qr");
    xp_qr_result_release(q);
    auto s = xp_linalg_svd(in, nullptr);
    EXPECT_XP_ERR(s.U, XP_ERR_TYPE, "xp_linalg_svd");
    EXPECT_XP_ERR(s.Vh, XP_ERR_TYPE, "xp_linalg_svd");
    xp_svd_result_release(s);
    auto e = xp_linalg_eigh(ns);
    EXPECT_XP_ERR(e.eigenvectors, XP_ERR_VALUE, "xp_linalg_eigh");
    xp_eigh_result_release(e);
    auto sl = xp_linalg_slogdet(nullptr);
    EXPECT_XP_ERR(sl.sign, XP_ERR_TYPE, "xp_linalg_slogdet");
    xp_slogdet_result_release(sl);
}

TEST(LinalgSolve, SmallBatchPortablePath) {
    for (xp_dtype dt : float_dtypes()) {
        auto a = rand_vals(dt, {50, 3, 3}, 37, true), b = rand_vals(dt, {50, 3, 1}, 38);
        Arr X(xp_linalg_solve(Arr(make(a, dt, {50, 3, 3})), Arr(make(b, dt, {50, 3, 1}))));
        ASSERT_XP_OK(X);
        EXPECT_TRUE(close(mm(a, values(X), 50, 3, 3, 1), b, tol(dt, 3))) << dtype_str(dt);
        Arr I(xp_linalg_inv(Arr(make(a, dt, {50, 3, 3}))));
        EXPECT_TRUE(close(mm(a, values(I), 50, 3, 3, 3), eye(50, 3), tol(dt, 3))) << dtype_str(dt);
    }
}

// ---- solve of tiny systems (n <= 4: linalg_small.c) ------------------------------
namespace {

// The same systems through the general path: each n×n matrix embedded as the
// leading block of block-diag(A, I) of order 8 (> XP__LA_SMALL_N), right-hand
// sides padded with zeros; returns the leading n rows of each solution, or the
// error's message.
std::vector<cd> solve_embedded(const std::vector<cd> &a, const std::vector<cd> &b, xp_dtype dt,
                               int64_t nb, int64_t n, int64_t k, std::string *err = nullptr) {
    const int64_t E = 8;
    std::vector<cd> ae((size_t)(nb * E * E)), be((size_t)(nb * E * k));
    for (int64_t t = 0; t < nb; t++) {
        for (int64_t i = 0; i < E; i++)
            for (int64_t j = 0; j < E; j++)
                ae[(size_t)(t * E * E + i * E + j)] =
                    i < n && j < n ? a[(size_t)(t * n * n + i * n + j)] : cd(i == j ? 1 : 0, 0);
        for (int64_t i = 0; i < n; i++)
            for (int64_t c = 0; c < k; c++)
                be[(size_t)(t * E * k + i * k + c)] = b[(size_t)(t * n * k + i * k + c)];
    }
    Arr X(xp_linalg_solve(Arr(make(ae, dt, {nb, E, E})), Arr(make(be, dt, {nb, E, k}))));
    if (xp_failed(X)) {
        if (err) *err = xp_error_message(X);
        return {};
    }
    auto x = values(X);
    std::vector<cd> r;
    for (int64_t t = 0; t < nb; t++)
        for (int64_t i = 0; i < n; i++)
            for (int64_t c = 0; c < k; c++) r.push_back(x[(size_t)(t * E * k + i * k + c)]);
    return r;
}

}  // namespace

TEST(LinalgSolveSmall, MatchesGeneralPathEveryDtypeAndSize) {
    for (xp_dtype dt : float_dtypes())
        for (int64_t n = 1; n <= 4; n++)
            for (int64_t k : {1, 2, 3}) {
                const int64_t nb = 7;
                /* not diagonally dominant: pivoting does real work */
                auto a = rand_vals(dt, {nb, n, n}, 100 + (unsigned)n), b = rand_vals(dt, {nb, n, k}, 200);
                Arr X(xp_linalg_solve(Arr(make(a, dt, {nb, n, n})), Arr(make(b, dt, {nb, n, k}))));
                ASSERT_XP_OK(X);
                EXPECT_EQ(X.dtype(), dt);
                EXPECT_EQ(X.shape(), (std::vector<int64_t>{nb, n, k}));
                auto want = solve_embedded(a, b, dt, nb, n, k);
                EXPECT_TRUE(close(values(X), want, 1e3 * eps(dt)))
                    << dtype_str(dt) << " n=" << n << " k=" << k;
                /* vector right-hand side, one for the whole batch */
                auto v = rand_vals(dt, {n}, 300);
                Arr V(xp_linalg_solve(Arr(make(a, dt, {nb, n, n})), Arr(make(v, dt, {n}))));
                ASSERT_XP_OK(V);
                EXPECT_EQ(V.shape(), (std::vector<int64_t>{nb, n}));
                std::vector<cd> vb;
                for (int64_t t = 0; t < nb; t++) vb.insert(vb.end(), v.begin(), v.end());
                EXPECT_TRUE(close(values(V), solve_embedded(a, vb, dt, nb, n, 1), 1e3 * eps(dt)))
                    << dtype_str(dt) << " n=" << n;
            }
}

TEST(LinalgSolveSmall, NonContiguousAndBroadcastBatches) {
    for (xp_dtype dt : float_dtypes()) {
        const int64_t n = 3;
        auto a = rand_vals(dt, {5, 1, n, n}, 11), b = rand_vals(dt, {4, n, 2}, 12);
        Arr A = make(a, dt, {5, 1, n, n}), B = make(b, dt, {4, n, 2});
        /* gaps and negative strides on every axis, both operands */
        Arr As = strided_copy(A, {true, false, true, false}), Bs = strided_copy(B, {false, true, true});
        Arr X(xp_linalg_solve(As, Bs));
        ASSERT_XP_OK(X);
        EXPECT_EQ(X.shape(), (std::vector<int64_t>{5, 4, n, 2}));
        std::vector<cd> ab, bb;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 4; j++) {
                ab.insert(ab.end(), a.begin() + i * n * n, a.begin() + (i + 1) * n * n);
                bb.insert(bb.end(), b.begin() + j * n * 2, b.begin() + (j + 1) * n * 2);
            }
        EXPECT_TRUE(close(values(X), solve_embedded(ab, bb, dt, 20, n, 2), 1e3 * eps(dt)))
            << dtype_str(dt);
        /* a transposed matrix view solves the transposed systems */
        Arr At(xp_matrix_transpose(A));
        Arr Y(xp_linalg_solve(At, B));
        ASSERT_XP_OK(Y);
        std::vector<cd> atb;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 4; j++) {
                for (int r = 0; r < n; r++)
                    for (int c = 0; c < n; c++) atb.push_back(a[(size_t)(i * n * n + c * n + r)]);
            }
        EXPECT_TRUE(close(values(Y), solve_embedded(atb, bb, dt, 20, n, 2), 1e3 * eps(dt)))
            << dtype_str(dt);
    }
    /* mixed dtypes promote (float32 matrices, float64 right-hand sides) */
    auto a = rand_vals(XP_FLOAT32, {3, 2, 2}, 13), b = rand_vals(XP_FLOAT64, {3, 2, 1}, 14);
    for (auto &v : a) v = cd((double)(float)v.real(), 0); /* the float32 values */
    Arr X(xp_linalg_solve(Arr(make(a, XP_FLOAT32, {3, 2, 2})), Arr(make(b, XP_FLOAT64, {3, 2, 1}))));
    ASSERT_XP_OK(X);
    EXPECT_EQ(X.dtype(), XP_FLOAT64);
    EXPECT_TRUE(close(values(X), solve_embedded(a, b, XP_FLOAT64, 3, 2, 1), 1e3 * eps(XP_FLOAT64)));
}

TEST(LinalgSolveSmall, SingularReportsGetrfInfoLikeGeneralPath) {
    /* exact zero pivots at LU step 1, 2 and 3 (LU of the column-major view, A^T) */
    const std::vector<std::vector<cd>> mats = {
        {0, 0, 0, 1, 2, 3, 4, 5, 6},  /* zero row: info=1 */
        {2, 0, 0, 0, 0, 0, 0, 0, 1},  /* info=2 */
        {1, 0, 0, 0, 1, 0, 1, 1, 0},  /* third row = first + second: info=3 */
    };
    for (xp_dtype dt : float_dtypes())
        for (size_t m = 0; m < mats.size(); m++) {
            /* the singular matrix is entry 6 of a batch of otherwise regular ones */
            const int64_t nb = 9;
            auto a = rand_vals(dt, {nb, 3, 3}, 21, true);
            std::copy(mats[m].begin(), mats[m].end(), a.begin() + 6 * 9);
            auto b = rand_vals(dt, {nb, 3, 1}, 22);
            Arr X(xp_linalg_solve(Arr(make(a, dt, {nb, 3, 3})), Arr(make(b, dt, {nb, 3, 1}))));
            EXPECT_XP_ERR(X.get(), XP_ERR_VALUE, "xp_linalg_solve");
            std::string want;
            EXPECT_TRUE(solve_embedded(a, b, dt, nb, 3, 1, &want).empty());
            EXPECT_EQ(std::string(xp_error_message(X)), want) << dtype_str(dt);
            EXPECT_NE(want.find("singular matrix (getrf info=" + std::to_string(m + 1) + ")"),
                      std::string::npos)
                << want;
        }
}

TEST(LinalgSolveSmall, NearlySingularMatchesGeneralPath) {
    for (xp_dtype dt : {XP_FLOAT64, XP_COMPLEX128}) {
        const double d = 1e-9; /* cond ~ 1e10 */
        std::vector<cd> a = {1, 1, 1, 1, 1 + d, 1, 1, 1, 1 + d}, b = {1, 2, 3};
        Arr X(xp_linalg_solve(Arr(make(a, dt, {3, 3})), Arr(make(b, dt, {3, 1}))));
        ASSERT_XP_OK(X);
        auto want = solve_embedded(a, b, dt, 1, 3, 1);
        EXPECT_TRUE(close(values(X), want, 1e-5)) << dtype_str(dt);
        /* exact answer: x = (1 - 3/d, 1/d, 2/d) */
        EXPECT_NEAR(values(X)[1].real() * d, 1.0, 1e-5);
        EXPECT_NEAR(values(X)[2].real() * d, 2.0, 1e-5);
    }
}
