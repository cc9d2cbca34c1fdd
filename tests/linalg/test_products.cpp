// matmul, matrix_transpose, tensordot, vecdot and linalg.outer against a plain
// complex<double> reference product.
#include "la_test.h"

using namespace xpt;
using namespace lat;

namespace {

void check_matmul(xp_dtype dt, int64_t nb, int64_t m, int64_t k, int64_t n, unsigned seed) {
    auto a = rand_vals(dt, {nb, m, k}, seed), b = rand_vals(dt, {nb, k, n}, seed + 1);
    Arr A = make(a, dt, {nb, m, k}), B = make(b, dt, {nb, k, n});
    Arr C(xp_matmul(A, B));
    ASSERT_XP_OK(C);
    EXPECT_EQ(C.dtype(), dt);
    EXPECT_EQ(C.shape(), (std::vector<int64_t>{nb, m, n}));
    EXPECT_TRUE(close(values(C), mm(a, b, nb, m, k, n), 8 * k * eps(dt)))
        << dtype_str(dt) << " " << m << "x" << k << "x" << n;
}

}  // namespace

TEST(Matmul, FloatDtypesSmallAndLarge) {
    for (xp_dtype dt : float_dtypes()) {
        check_matmul(dt, 3, 3, 3, 3, 1);
        check_matmul(dt, 2, 7, 5, 9, 2);
        check_matmul(dt, 1, 70, 65, 40, 3); /* BLAS-sized */
        check_matmul(dt, 1, 1, 300, 1, 4); /* a dot */
        check_matmul(dt, 1, 1, 64, 80, 5);  /* vector-matrix */
    }
}

TEST(Matmul, BlockedKernelBeyondOneBlock) {
    check_matmul(XP_FLOAT64, 1, 20, 300, 600, 9);
    check_matmul(XP_INT32, 1, 5, 300, 300, 10);
}

TEST(Matmul, IntegerDtypesExact) {
    for (xp_dtype dt : dtypes_of(XP_KIND_INTEGRAL)) {
        std::vector<cd> a, b;
        for (int i = 0; i < 12; i++) a.push_back(double(i % 5));
        for (int i = 0; i < 20; i++) b.push_back(double((i * 3) % 7));
        Arr A = make(a, dt, {3, 4}), B = make(b, dt, {4, 5});
        Arr C(xp_matmul(A, B));
        ASSERT_XP_OK(C);
        EXPECT_EQ(C.dtype(), dt);
        EXPECT_EQ(values(C), mm(a, b, 1, 3, 4, 5)) << dtype_str(dt);
    }
}

TEST(Matmul, Int8Wraps) {
    Arr A = make({100, 100}, XP_INT8, {1, 2}), B = make({2, 1}, XP_INT8, {2, 1});
    Arr C(xp_matmul(A, B));
    ASSERT_XP_OK(C);
    EXPECT_EQ(reals(C), std::vector<double>{44}); /* 300 mod 256 */
}

TEST(Matmul, MixedDtypesPromote) {
    Arr A = make({1, 2, 3, 4}, XP_FLOAT32, {2, 2}), B = make({1, 0, 0, 1}, XP_FLOAT64, {2, 2});
    Arr C(xp_matmul(A, B));
    ASSERT_XP_OK(C);
    EXPECT_EQ(C.dtype(), XP_FLOAT64);
    Arr D(xp_matmul(Arr(make({1, 2}, XP_INT8, {1, 2})), Arr(make({3, 4}, XP_UINT8, {2, 1}))));
    ASSERT_XP_OK(D);
    EXPECT_EQ(D.dtype(), XP_INT16);
    EXPECT_EQ(reals(D), std::vector<double>{11});
    EXPECT_LA_ERR((xp_matmul(Arr(make({1, 2}, XP_INT16, {1, 2})), Arr(make({1, 2}, XP_FLOAT32, {2, 1})))), XP_ERR_TYPE,
                  "xp_matmul");
    EXPECT_EQ(reals(C), (std::vector<double>{1, 2, 3, 4}));
}

TEST(Matmul, OneDimensionalOperands) {
    Arr M = make({1, 2, 3, 4, 5, 6}, XP_FLOAT64, {2, 3});
    Arr v3 = make({1, 1, 1}, XP_FLOAT64), v2 = make({1, -1}, XP_FLOAT64);
    Arr mv(xp_matmul(M, v3));
    ASSERT_XP_OK(mv);
    EXPECT_EQ(mv.shape(), (std::vector<int64_t>{2}));
    EXPECT_EQ(reals(mv), (std::vector<double>{6, 15}));
    Arr vm(xp_matmul(v2, M));
    ASSERT_XP_OK(vm);
    EXPECT_EQ(vm.shape(), (std::vector<int64_t>{3}));
    EXPECT_EQ(reals(vm), (std::vector<double>{-3, -3, -3}));
    Arr vv(xp_matmul(v3, v3));
    ASSERT_XP_OK(vv);
    EXPECT_EQ(vv.ndim(), 0);
    EXPECT_EQ(reals(vv), std::vector<double>{3});
}

TEST(Matmul, BatchDimensionsBroadcast) {
    auto a = rand_vals(XP_FLOAT64, {2, 1, 3, 4}, 11), b = rand_vals(XP_FLOAT64, {5, 4, 2}, 12);
    Arr A = make(a, XP_FLOAT64, {2, 1, 3, 4}), B = make(b, XP_FLOAT64, {5, 4, 2});
    Arr C(xp_matmul(A, B));
    ASSERT_XP_OK(C);
    EXPECT_EQ(C.shape(), (std::vector<int64_t>{2, 5, 3, 2}));
    auto c = values(C);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 5; j++) {
            std::vector<cd> ai(a.begin() + i * 12, a.begin() + i * 12 + 12);
            std::vector<cd> bj(b.begin() + j * 8, b.begin() + j * 8 + 8);
            std::vector<cd> ci(c.begin() + (i * 5 + j) * 6, c.begin() + (i * 5 + j) * 6 + 6);
            EXPECT_TRUE(close(ci, mm(ai, bj, 1, 3, 4, 2), 1e-14));
        }
}

TEST(Matmul, TransposedAndStridedInputsEqualContiguous) {
    for (xp_dtype dt : {XP_FLOAT64, XP_COMPLEX64, XP_INT64}) {
        for (int64_t n : {4, 40}) {
            auto a = rand_vals(dt, {n, n + 1}, 21), b = rand_vals(dt, {n + 1, n - 1}, 22);
            Arr A = make(a, dt, {n, n + 1}), B = make(b, dt, {n + 1, n - 1});
            Arr ref(xp_matmul(A, B));
            ASSERT_XP_OK(ref);
            Arr At = transposed_input(a, dt, n, n + 1), Bt = transposed_input(b, dt, n + 1, n - 1);
            Arr As = strided_copy(A, {true, false}), Bs = strided_copy(B, {false, true});
            Arr c1(xp_matmul(At, Bt)), c2(xp_matmul(As, Bs)), c3(xp_matmul(At, Bs));
            double tol = dt == XP_INT64 ? 0 : 8 * (double)n * eps(dt);
            for (Arr *c : {&c1, &c2, &c3}) {
                ASSERT_XP_OK(*c);
                EXPECT_TRUE(close(values(*c), values(ref), tol)) << dtype_str(dt) << " n=" << n;
            }
        }
    }
}

TEST(Matmul, EmptyAndZeroInner) {
    Arr A(xp_zeros(XP_SHAPE_CXX(2, 0), nullptr)), B(xp_zeros(XP_SHAPE_CXX(0, 3), nullptr));
    Arr C(xp_matmul(A, B));
    ASSERT_XP_OK(C);
    EXPECT_EQ(C.shape(), (std::vector<int64_t>{2, 3}));
    for (double v : reals(C)) EXPECT_EQ(v, 0.0);
    Arr D(xp_matmul(B, Arr(xp_zeros(XP_SHAPE_CXX(3, 0), nullptr))));
    ASSERT_XP_OK(D);
    EXPECT_EQ(D.shape(), (std::vector<int64_t>{0, 0}));
}

TEST(Matmul, BadInput) {
    Arr A = make({1, 2, 3, 4, 5, 6}, XP_FLOAT64, {2, 3});
    Arr s = make({1}, XP_FLOAT64, {});
    EXPECT_LA_ERR((xp_matmul(A, A)), XP_ERR_VALUE, "xp_matmul");
    EXPECT_LA_ERR((xp_matmul(A, s)), XP_ERR_VALUE, "xp_matmul");
    EXPECT_LA_ERR((xp_matmul(nullptr, A)), XP_ERR_TYPE, "xp_matmul");
    Arr b = make({1, 0, 1, 1, 0, 1}, XP_BOOL, {3, 2});
    EXPECT_LA_ERR((xp_matmul(A, b)), XP_ERR_TYPE, "xp_matmul");
    Arr u = make({1, 2, 3}, XP_UINT64, {3, 1}), i = make({1, 2}, XP_INT64, {1, 2});
    EXPECT_LA_ERR((xp_matmul(u, i)), XP_ERR_TYPE, "xp_matmul");
    Arr b1 = rand_arr(XP_FLOAT64, {2, 2, 3}, 1), b2 = rand_arr(XP_FLOAT64, {3, 3, 2}, 2);
    EXPECT_LA_ERR((xp_matmul(b1, b2)), XP_ERR_VALUE, "xp_matmul");
    Arr e(xp_error_new(XP_ERR_INDEX, "upstream"));
    Arr r(xp_matmul(e, A));
    EXPECT_EQ(r.get(), e.get());
}

TEST(Matmul, LinalgAliasSameResult) {
    Arr A = rand_arr(XP_FLOAT32, {3, 4}, 5), B = rand_arr(XP_FLOAT32, {4, 2}, 6);
    Arr c1(xp_matmul(A, B)), c2(xp_linalg_matmul(A, B));
    ASSERT_XP_OK(c2);
    EXPECT_EQ(values(c1), values(c2));
    EXPECT_LA_ERR((xp_linalg_matmul(A, A)), XP_ERR_VALUE, "xp_linalg_matmul");
}

TEST(MatrixTranspose, IsASwappedView) {
    Arr A = make({1, 2, 3, 4, 5, 6}, XP_INT32, {1, 2, 3});
    Arr T(xp_matrix_transpose(A));
    ASSERT_XP_OK(T);
    EXPECT_EQ(T.shape(), (std::vector<int64_t>{1, 3, 2}));
    EXPECT_EQ(reals(T), (std::vector<double>{1, 4, 2, 5, 3, 6}));
    EXPECT_TRUE(xp_array_shares_memory(A, T));
    Arr T2(xp_linalg_matrix_transpose(A));
    EXPECT_EQ(values(T2), values(T));
    EXPECT_LA_ERR((xp_matrix_transpose(Arr(make({1, 2}, XP_INT32)))), XP_ERR_VALUE,
                  "xp_matrix_transpose");
}

TEST(Tensordot, DefaultIntAndPairAxes) {
    auto a = rand_vals(XP_FLOAT64, {2, 3, 4}, 31), b = rand_vals(XP_FLOAT64, {3, 4, 5}, 32);
    Arr A = make(a, XP_FLOAT64, {2, 3, 4}), B = make(b, XP_FLOAT64, {3, 4, 5});
    Arr C(xp_tensordot(A, B, nullptr)); /* axes=2 */
    ASSERT_XP_OK(C);
    EXPECT_EQ(C.shape(), (std::vector<int64_t>{2, 5}));
    EXPECT_TRUE(close(values(C), mm(a, b, 1, 2, 12, 5), 1e-13));
    xp_tensordot_opts o1 = {true, 1, {}, {}};
    Arr D(xp_tensordot(Arr(make(a, XP_FLOAT64, {6, 4})), Arr(make(b, XP_FLOAT64, {4, 15})), &o1));
    ASSERT_XP_OK(D);
    EXPECT_TRUE(close(values(D), mm(a, b, 1, 6, 4, 15), 1e-13));
    /* a nonzero n is read without the flag (zero needs has_n: axes=0 is an outer product) */
    xp_tensordot_opts o1b = {};
    o1b.n = 1;
    Arr D2(xp_tensordot(Arr(make(a, XP_FLOAT64, {6, 4})), Arr(make(b, XP_FLOAT64, {4, 15})), &o1b));
    ASSERT_XP_OK(D2);
    EXPECT_EQ(D2.shape(), (std::vector<int64_t>{6, 15}));
    /* axes=([0], [1]) on (3,2) and (4,3): sum_i a[i,p] b[q,i] */
    auto p = rand_vals(XP_FLOAT64, {3, 2}, 33), q = rand_vals(XP_FLOAT64, {4, 3}, 34);
    xp_tensordot_opts o2 = {};
    o2.x1_axes = XP_AXES(0);
    o2.x2_axes = XP_AXES(-1);
    Arr E(xp_tensordot(Arr(make(p, XP_FLOAT64, {3, 2})), Arr(make(q, XP_FLOAT64, {4, 3})), &o2));
    ASSERT_XP_OK(E);
    EXPECT_EQ(E.shape(), (std::vector<int64_t>{2, 4}));
    auto e = values(E);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 4; j++) {
            cd s = 0;
            for (int k = 0; k < 3; k++) s += p[k * 2 + i] * q[j * 3 + k];
            EXPECT_NEAR(std::abs(e[i * 4 + j] - s), 0, 1e-14);
        }
    xp_tensordot_opts o0 = {true, 0, {}, {}};
    Arr F(xp_linalg_tensordot(Arr(make({1, 2}, XP_INT8)), Arr(make({3, 4, 5}, XP_INT8)), &o0));
    ASSERT_XP_OK(F);
    EXPECT_EQ(F.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(reals(F), (std::vector<double>{3, 4, 5, 6, 8, 10}));
}

TEST(Tensordot, BadAxes) {
    Arr A = rand_arr(XP_FLOAT64, {2, 3}, 1), B = rand_arr(XP_FLOAT64, {3, 2}, 2);
    xp_tensordot_opts neg = {true, -1, {}, {}}, big = {true, 3, {}, {}};
    EXPECT_LA_ERR((xp_tensordot(A, B, &neg)), XP_ERR_VALUE, "xp_tensordot");
    EXPECT_LA_ERR((xp_tensordot(A, B, &big)), XP_ERR_VALUE, "xp_tensordot");
    EXPECT_LA_ERR((xp_tensordot(A, B, nullptr)), XP_ERR_VALUE, "xp_tensordot");
    xp_tensordot_opts oob = {};
    oob.x1_axes = XP_AXES(2);
    oob.x2_axes = XP_AXES(0);
    EXPECT_LA_ERR((xp_tensordot(A, B, &oob)), XP_ERR_INDEX, "xp_tensordot");
    xp_tensordot_opts len = {};
    len.x1_axes = XP_AXES(0, 1);
    len.x2_axes = XP_AXES(0);
    EXPECT_LA_ERR((xp_tensordot(A, B, &len)), XP_ERR_VALUE, "xp_tensordot");
}

TEST(Vecdot, ConjugatesFirstArgument) {
    Arr a = make({cd(1, 2), cd(3, -1)}, XP_COMPLEX128), b = make({cd(2, 0), cd(0, 1)}, XP_COMPLEX128);
    Arr r(xp_vecdot(a, b, nullptr));
    ASSERT_XP_OK(r);
    /* conj(1+2i)*2 + conj(3-i)*i = 2-4i + (3+i)i = 2-4i+3i-1 = 1 - i */
    EXPECT_EQ(values(r), std::vector<cd>{cd(1, -1)});
}

TEST(Vecdot, AxisAndBroadcast) {
    for (xp_dtype dt : float_dtypes()) {
        for (int64_t k : {3, 100}) {
            auto a = rand_vals(dt, {2, k, 3}, 41), b = rand_vals(dt, {k, 3}, 42);
            Arr A = make(a, dt, {2, k, 3}), B = make(b, dt, {k, 3});
            xp_axis_opts o = {-2, false};
            Arr r(xp_vecdot(A, B, &o));
            ASSERT_XP_OK(r);
            EXPECT_EQ(r.shape(), (std::vector<int64_t>{2, 3}));
            std::vector<cd> want;
            for (int t = 0; t < 2; t++)
                for (int j = 0; j < 3; j++) {
                    cd s = 0;
                    for (int i = 0; i < k; i++) s += std::conj(a[t * k * 3 + i * 3 + j]) * b[i * 3 + j];
                    want.push_back(s);
                }
            EXPECT_TRUE(close(values(r), want, 8 * k * eps(dt))) << dtype_str(dt);
            Arr rs(xp_linalg_vecdot(strided_copy(A, {false, true, true}), B, &o));
            EXPECT_TRUE(close(values(rs), want, 8 * k * eps(dt))) << dtype_str(dt);
        }
    }
}

TEST(Vecdot, BadInput) {
    Arr A = rand_arr(XP_FLOAT64, {2, 3}, 1), B = rand_arr(XP_FLOAT64, {2, 4}, 2);
    EXPECT_LA_ERR((xp_vecdot(A, B, nullptr)), XP_ERR_VALUE, "xp_vecdot");
    xp_axis_opts pos = {1, false}, far = {-3, false};
    EXPECT_LA_ERR((xp_vecdot(A, A, &pos)), XP_ERR_INDEX, "xp_vecdot");
    EXPECT_LA_ERR((xp_vecdot(A, A, &far)), XP_ERR_INDEX, "xp_vecdot");
    xp_axis_opts zero = {};
    zero.has_axis = true;  // axis = 0 given: non-negative, refused (unset means -1)
    EXPECT_LA_ERR((xp_vecdot(A, A, &zero)), XP_ERR_INDEX, "xp_vecdot");
    EXPECT_LA_ERR((xp_vecdot(A, nullptr, nullptr)), XP_ERR_TYPE, "xp_vecdot");
}

TEST(Outer, OneDimensionalOnly) {
    Arr a = make({1, 2}, XP_INT32), b = make({1, 2, 3}, XP_INT64);
    Arr r(xp_linalg_outer(a, b));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_INT64);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(reals(r), (std::vector<double>{1, 2, 3, 2, 4, 6}));
    EXPECT_LA_ERR((xp_linalg_outer(Arr(make({1, 2, 3, 4}, XP_INT32, {2, 2})), b)),
                  XP_ERR_VALUE, "xp_linalg_outer");
}

// outer multiplies each pair exactly, as xp_multiply does: signed zeros survive
// (a gemm with beta = 0 would add +0 and turn -0 into +0).
TEST(LinalgOuter, KeepsSignedZeros) {
    for (xp_dtype d : {XP_FLOAT32, XP_FLOAT64}) {
        xpt::Arr a = xpt::make_real({-0.0, 2.0}, d, {2}), b = xpt::make_real({0.0, -3.0}, d, {2});
        auto v = xpt::reals(xpt::Arr(xp_linalg_outer(a, b)));
        ASSERT_EQ(v.size(), 4u);
        EXPECT_TRUE(std::signbit(v[0]));   // -0 * 0
        EXPECT_EQ(v[1], 0.0);              // -0 * -3 = +0
        EXPECT_FALSE(std::signbit(v[1]));
        EXPECT_EQ(v[3], -6.0);
    }
}
