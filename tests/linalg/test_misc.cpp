// diagonal, trace, cross, vector_norm and matrix_norm.
#include "la_test.h"

using namespace xpt;
using namespace lat;

TEST(LinalgDiagonal, OffsetsAndBatch) {
    std::vector<cd> v;
    for (int i = 0; i < 24; i++) v.push_back(i);
    Arr A = make(v, XP_INT16, {2, 3, 4});
    Arr D0(xp_linalg_diagonal(A, nullptr));
    ASSERT_XP_OK(D0);
    EXPECT_EQ(D0.dtype(), XP_INT16);
    EXPECT_EQ(D0.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(reals(D0), (std::vector<double>{0, 5, 10, 12, 17, 22}));
    xp_diagonal_opts up = {2}, dn = {-1}, far = {9};
    EXPECT_EQ(reals(Arr(xp_linalg_diagonal(A, &up))), (std::vector<double>{2, 7, 14, 19}));
    EXPECT_EQ(reals(Arr(xp_linalg_diagonal(A, &dn))), (std::vector<double>{4, 9, 16, 21}));
    Arr E(xp_linalg_diagonal(A, &far));
    ASSERT_XP_OK(E);
    EXPECT_EQ(E.shape(), (std::vector<int64_t>{2, 0}));
    Arr S = strided_copy(A, {false, true, true});
    EXPECT_EQ(reals(Arr(xp_linalg_diagonal(S, nullptr))), reals(D0));
    EXPECT_LA_ERR((xp_linalg_diagonal(Arr(make({1, 2}, XP_INT8)), nullptr)), XP_ERR_VALUE,
                  "xp_linalg_diagonal");
}

TEST(LinalgTrace, DtypeRulesAndOffset) {
    Arr A = make({1, 2, 3, 4, 5, 6, 7, 8, 9}, XP_INT8, {3, 3});
    Arr T(xp_linalg_trace(A, nullptr));
    ASSERT_XP_OK(T);
    EXPECT_EQ(T.dtype(), XP_INT64);
    EXPECT_EQ(reals(T), std::vector<double>{15});
    Arr U(xp_linalg_trace(Arr(make({1, 2, 3, 4}, XP_UINT16, {2, 2})), nullptr));
    EXPECT_EQ(U.dtype(), XP_UINT64);
    xp_trace_opts o = {1, XP_FLOAT32};
    Arr F(xp_linalg_trace(A, &o));
    EXPECT_EQ(F.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(F), std::vector<double>{8});
    Arr C(xp_linalg_trace(Arr(make({cd(1, 1), 0, 0, cd(2, -3)}, XP_COMPLEX64, {2, 2})), nullptr));
    EXPECT_EQ(values(C), std::vector<cd>{cd(3, -2)});
    xp_trace_opts off = {5, XP_DTYPE_DEFAULT};
    EXPECT_EQ(reals(Arr(xp_linalg_trace(A, &off))), std::vector<double>{0});
    EXPECT_LA_ERR((xp_linalg_trace(Arr(make({1, 0, 0, 1}, XP_BOOL, {2, 2})), nullptr)), XP_ERR_TYPE,
                  "xp_linalg_trace");
}

TEST(LinalgCross, RightHandedAndBroadcast) {
    Arr e1 = make({1, 0, 0}, XP_FLOAT64), e2 = make({0, 1, 0}, XP_FLOAT64);
    EXPECT_EQ(reals(Arr(xp_linalg_cross(e1, e2, nullptr))), (std::vector<double>{0, 0, 1}));
    Arr B = make({1, 2, 3, 4, 5, 6}, XP_INT32, {2, 3});
    Arr r(xp_linalg_cross(B, Arr(make({1, 1, 1}, XP_INT32)), nullptr));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_INT32);
    EXPECT_EQ(reals(r), (std::vector<double>{-1, 2, -1, -1, 2, -1}));
    /* axis -2: vectors along the columns */
    Arr Bt(xp_matrix_transpose(B));
    xp_axis_opts o = {-2, false};
    Arr rt(xp_linalg_cross(Bt, Arr(make({1, 1, 1, 1, 1, 1}, XP_INT32, {3, 2})), &o));
    ASSERT_XP_OK(rt);
    EXPECT_EQ(rt.shape(), (std::vector<int64_t>{3, 2}));
    EXPECT_EQ(reals(rt), (std::vector<double>{-1, -1, 2, 2, -1, -1}));
}

TEST(LinalgCross, BadInput) {
    Arr a = make({1, 2}, XP_FLOAT64), b = make({1, 2, 3}, XP_FLOAT64);
    EXPECT_LA_ERR((xp_linalg_cross(a, a, nullptr)), XP_ERR_VALUE, "xp_linalg_cross");
    xp_axis_opts pos = {1, false};
    EXPECT_LA_ERR((xp_linalg_cross(b, b, &pos)), XP_ERR_INDEX, "xp_linalg_cross");
    EXPECT_LA_ERR((xp_linalg_cross(b, Arr(make({1, 0, 1}, XP_BOOL)), nullptr)), XP_ERR_TYPE,
                  "xp_linalg_cross");
}

TEST(LinalgVectorNorm, EveryOrder) {
    for (xp_dtype dt : float_dtypes()) {
        Arr x = make({3, -4, 0, 12}, dt);
        auto nrm = [&](xp_norm_ord ord, double p) {
            xp_vector_norm_opts o = {};
            o.ord = ord;
            o.p = p;
            Arr r(xp_linalg_vector_norm(x, &o));
            EXPECT_EQ(r.dtype(), dt == XP_COMPLEX64 ? XP_FLOAT32 : dt == XP_COMPLEX128 ? XP_FLOAT64 : dt);
            return reals(r).at(0);
        };
        double e = 10 * eps(dt);
        EXPECT_NEAR(nrm(XP_ORD_DEFAULT, 0), 13, 13 * e);
        EXPECT_NEAR(nrm(XP_ORD_P, 2), 13, 13 * e);
        EXPECT_NEAR(nrm(XP_ORD_P, 1), 19, 19 * e);
        EXPECT_EQ(nrm(XP_ORD_P, 0), 3);
        EXPECT_EQ(nrm(XP_ORD_INF, 0), 12);
        EXPECT_EQ(nrm(XP_ORD_NEG_INF, 0), 0);
        EXPECT_NEAR(nrm(XP_ORD_P, 3), std::cbrt(27 + 64 + 1728), 13 * e);
        EXPECT_EQ(nrm(XP_ORD_P, -1), 0);
    }
    Arr big = make({1e200, 1e200}, XP_FLOAT64);
    EXPECT_NEAR(reals(Arr(xp_linalg_vector_norm(big, nullptr)))[0] / 1e200, std::sqrt(2.0), 1e-15);
}

TEST(LinalgVectorNorm, AxesAndKeepdims) {
    Arr x = make({3, 4, 6, 8, 0, 0}, XP_FLOAT64, {3, 2});
    xp_vector_norm_opts o = {};
    o.axes = XP_AXES(-1);
    EXPECT_EQ(reals(Arr(xp_linalg_vector_norm(x, &o))), (std::vector<double>{5, 10, 0}));
    o.axes = XP_AXES(0);
    o.keepdims = true;
    o.ord = XP_ORD_P;
    o.p = 1;
    Arr r(xp_linalg_vector_norm(x, &o));
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(reals(r), (std::vector<double>{9, 12}));
    o.axes = XP_AXES(0, 1);
    EXPECT_EQ(Arr(xp_linalg_vector_norm(x, &o)).shape(), (std::vector<int64_t>{1, 1}));
    o.axes = XP_AXES(2);
    EXPECT_LA_ERR((xp_linalg_vector_norm(x, &o)), XP_ERR_INDEX, "xp_linalg_vector_norm");
    xp_vector_norm_opts fro = {};
    fro.ord = XP_ORD_FRO;
    EXPECT_LA_ERR((xp_linalg_vector_norm(x, &fro)), XP_ERR_VALUE, "xp_linalg_vector_norm");
    EXPECT_LA_ERR((xp_linalg_vector_norm(Arr(make({1, 2}, XP_INT32)), nullptr)), XP_ERR_TYPE,
                  "xp_linalg_vector_norm");
}

TEST(LinalgMatrixNorm, ElementwiseOrders) {
    for (xp_dtype dt : float_dtypes()) {
        Arr A = make({1, -2, 3, -4, 5, -6}, dt, {2, 3});
        auto nrm = [&](xp_norm_ord ord, double p) {
            xp_matrix_norm_opts o = {false, ord, p};
            return reals(Arr(xp_linalg_matrix_norm(A, &o))).at(0);
        };
        double e = 20 * eps(dt);
        EXPECT_NEAR(nrm(XP_ORD_DEFAULT, 0), std::sqrt(91.0), 10 * e);
        EXPECT_NEAR(nrm(XP_ORD_FRO, 0), std::sqrt(91.0), 10 * e);
        EXPECT_EQ(nrm(XP_ORD_P, 1), 9);
        EXPECT_EQ(nrm(XP_ORD_P, -1), 5);
        EXPECT_EQ(nrm(XP_ORD_INF, 0), 15);
        EXPECT_EQ(nrm(XP_ORD_NEG_INF, 0), 6);
    }
    Arr B = rand_arr(XP_FLOAT64, {2, 2, 3}, 3);
    xp_matrix_norm_opts k = {true, XP_ORD_FRO, 0};
    EXPECT_EQ(Arr(xp_linalg_matrix_norm(B, &k)).shape(), (std::vector<int64_t>{2, 1, 1}));
    xp_matrix_norm_opts bad = {false, XP_ORD_P, 3};
    EXPECT_LA_ERR((xp_linalg_matrix_norm(B, &bad)), XP_ERR_VALUE, "xp_linalg_matrix_norm");
    EXPECT_LA_ERR((xp_linalg_matrix_norm(Arr(make({1, 2}, XP_FLOAT64)), nullptr)), XP_ERR_VALUE,
                  "xp_linalg_matrix_norm");
}

TEST(LinalgMatrixNorm, SpectralAndNuclear) {
    /* diag(3, -2, 1) rotated has singular values 3, 2, 1 */
    double c = std::cos(0.4), s = std::sin(0.4);
    Arr A = make({3 * c, -3 * s, 0, -2 * s, -2 * c, 0, 0, 0, 1}, XP_FLOAT64, {3, 3});
    auto nrm = [&](xp_norm_ord ord, double p) {
        xp_matrix_norm_opts o = {false, ord, p};
        Arr r(xp_linalg_matrix_norm(A, &o));
        EXPECT_XP_OK(r);
        return reals(r).at(0);
    };
    EXPECT_NEAR(nrm(XP_ORD_P, 2), 3, 1e-14);
    EXPECT_NEAR(nrm(XP_ORD_P, -2), 1, 1e-14);
    EXPECT_NEAR(nrm(XP_ORD_NUC, 0), 6, 1e-14);
}
