// Contracts at the API's edges: the whole uint64 range for Python ints
// (xp_uint, xp_array_uint), the copy keyword's values, x1 @= x2, and complex
// sign of subnormal components.
#include "xp_test.h"

#include <cmath>

using namespace xpt;

namespace {
const uint64_t kTwo63 = (uint64_t)1 << 63;

Arr u64(std::vector<uint64_t> v) {
    int64_t n = (int64_t)v.size();
    xp_asarray_opts o{};
    return Arr(xp_asarray_buffer(v.data(), XP_UINT64, 1, &n, &o));
}

std::vector<uint64_t> u64_values(const xp_array *x) {
    const uint64_t *p = (const uint64_t *)xp_array_data(x);
    return std::vector<uint64_t>(p, p + xp_array_size(x));
}
}  // namespace

// ---- Python ints beyond int64 ---------------------------------------------------

TEST(WeakUint, AddToUint64ArrayKeepsTheWholeRange) {
    Arr x = u64({0, 1, kTwo63 - 1});
    Arr s(xp_uint(kTwo63));
    ASSERT_XP_OK(s);
    EXPECT_TRUE(xp_array_is_weak(s));
    Arr r(xp_add(x, s));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_UINT64);
    EXPECT_EQ(u64_values(r), (std::vector<uint64_t>{kTwo63, kTwo63 + 1, UINT64_MAX}));
    Arr q(xp_subtract(Arr(xp_uint(UINT64_MAX)), x));  // scalar on the left
    ASSERT_XP_OK(q);
    EXPECT_EQ(u64_values(q), (std::vector<uint64_t>{UINT64_MAX, UINT64_MAX - 1, kTwo63}));
    // a float array takes it as a float
    Arr f = make_real({1.0}, XP_FLOAT64, {1});
    Arr g(xp_multiply(f, s));
    ASSERT_XP_OK(g);
    EXPECT_EQ(reals(g), std::vector<double>{0x1p63});
}

TEST(WeakUint, FullWithUint64AndErrorsWhereItDoesNotFit) {
    xp_create_opts o = {XP_UINT64, XP_DEVICE_DEFAULT};
    Arr s(xp_uint(kTwo63));
    Arr a(xp_full(XP_SHAPE_CXX(2), s, &o));
    ASSERT_XP_OK(a);
    EXPECT_EQ(u64_values(a), (std::vector<uint64_t>{kTwo63, kTwo63}));
    // no dtype: the default int64 cannot hold it
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), s, nullptr)), XP_ERR_VALUE, "xp_full");
    xp_create_opts i64 = {XP_INT64, XP_DEVICE_DEFAULT};
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), s, &i64)), XP_ERR_VALUE, "9223372036854775808");
    // an int64 array, and two Python ints (both int64 by default)
    Arr x = make_real({1}, XP_INT64, {1});
    EXPECT_XP_ERR(Arr(xp_add(x, s)), XP_ERR_VALUE, "xp_add");
    EXPECT_XP_ERR(Arr(xp_add(s, Arr(xp_int(1)))), XP_ERR_VALUE, "xp_add");
    EXPECT_XP_ERR(Arr(xp_asarray(s, nullptr)), XP_ERR_VALUE, "xp_asarray");
    xp_asarray_opts ao{};
    ao.dtype = XP_UINT64;
    Arr b(xp_asarray(s, &ao));
    ASSERT_XP_OK(b);
    EXPECT_EQ(u64_values(b), std::vector<uint64_t>{kTwo63});
    // values up to INT64_MAX are plain Python ints
    Arr small(xp_uint(5));
    EXPECT_EQ(reals(Arr(xp_add(x, small))), std::vector<double>{6});
}

TEST(WeakUint, ArrayUintReadsTheWholeRange) {
    Arr x = u64({UINT64_MAX});
    Arr e(xp_reshape(x, 0, nullptr, nullptr));
    uint64_t u = 0;
    ASSERT_EQ(xp_array_uint(e, &u), XP_OK);
    EXPECT_EQ(u, UINT64_MAX);
    int64_t i;
    EXPECT_EQ(xp_array_int(e, &i), XP_ERR_VALUE);  // beyond int64
    ASSERT_EQ(xp_array_uint(Arr(xp_uint(kTwo63 + 7)), &u), XP_OK);
    EXPECT_EQ(u, kTwo63 + 7);
    ASSERT_EQ(xp_array_uint(Arr(xp_float(1.5e19)), &u), XP_OK);
    EXPECT_EQ(u, (uint64_t)1.5e19);
    ASSERT_EQ(xp_array_uint(Arr(xp_int(42)), &u), XP_OK);
    EXPECT_EQ(u, 42u);
    EXPECT_EQ(xp_array_uint(Arr(xp_int(-1)), &u), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_uint(Arr(xp_float(0x1p64)), &u), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_uint(Arr(xp_float(NAN)), &u), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_uint(Arr(xp_complex(1, 0)), &u), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_uint(nullptr, &u), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_uint(Arr(xp_int(1)), nullptr), XP_ERR_VALUE);
}

// ---- copy keyword -------------------------------------------------------------------

TEST(CopyKeyword, ValuesOutsideTheEnumAreRefused) {
    Arr x = make_real({1, 2}, XP_FLOAT64, {2});
    xp_asarray_opts ao{};
    ao.copy = (xp_copy)99;
    EXPECT_XP_ERR(Arr(xp_asarray(x, &ao)), XP_ERR_VALUE, "'copy'");
    double buf[2] = {1, 2};
    int64_t n = 2;
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(buf, XP_FLOAT64, 1, &n, &ao)), XP_ERR_VALUE, "'copy'");
    xp_astype_opts to{};
    to.copy = (xp_copy)-1;
    EXPECT_XP_ERR(Arr(xp_astype(x, XP_FLOAT32, &to)), XP_ERR_VALUE, "xp_astype");
    xp_reshape_opts ro{};
    ro.copy = (xp_copy)4;
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(2, 1), &ro)), XP_ERR_VALUE, "xp_reshape");
    xp_to_dlpack_opts dl{};
    dl.copy = (xp_copy)7;
    xp_dl_managed_tensor_versioned *t = nullptr;
    EXPECT_EQ(xp_array_to_dlpack(x, &dl, &t), XP_ERR_VALUE);
    EXPECT_EQ(t, nullptr);
}

// ---- x1 @= x2 -----------------------------------------------------------------------

TEST(Imatmul, InPlaceWhenTheProductKeepsTheShape) {
    Arr a = make_real({1, 2, 3, 4, 5, 6}, XP_FLOAT64, {3, 2});
    Arr b = make_real({0, 1, 1, 0}, XP_FLOAT64, {2, 2});  // swaps the columns
    const void *before = xp_array_data(a);
    ASSERT_EQ(xp_array_imatmul(a, b), XP_OK);
    EXPECT_EQ(xp_array_data(a), before);
    EXPECT_EQ(reals(a), (std::vector<double>{2, 1, 4, 3, 6, 5}));
    // x @= x on a square matrix reads x before writing it
    Arr s = make_real({1, 1, 0, 1}, XP_FLOAT64, {2, 2});
    ASSERT_EQ(xp_array_imatmul(s, s), XP_OK);
    EXPECT_EQ(reals(s), (std::vector<double>{1, 2, 0, 1}));
}

TEST(Imatmul, RefusedWhenShapeOrDtypeWouldChange) {
    Arr a = make_real({1, 2, 3, 4, 5, 6}, XP_FLOAT64, {3, 2});
    Arr c = make_real({1, 2, 3}, XP_FLOAT64, {2, 1});  // (3,2) @ (2,1) is (3,1)
    EXPECT_EQ(xp_array_imatmul(a, c), XP_ERR_VALUE);
    Arr batch = make_real({1, 0, 0, 1, 1, 0, 0, 1}, XP_FLOAT64, {2, 2, 2});  // grows a batch axis
    EXPECT_EQ(xp_array_imatmul(a, batch), XP_ERR_VALUE);
    Arr i = make_real({1, 2, 3, 4}, XP_INT32, {2, 2});
    Arr f = make_real({1, 0, 0, 1}, XP_FLOAT64, {2, 2});
    EXPECT_EQ(xp_array_imatmul(i, f), XP_ERR_TYPE);  // int32 @ float64 is float64
    EXPECT_EQ(reals(a), (std::vector<double>{1, 2, 3, 4, 5, 6}));  // untouched
    EXPECT_EQ(xp_array_imatmul(a, Arr(make_real({1, 2, 3}, XP_FLOAT64, {3}))), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_imatmul(nullptr, f), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_imatmul(f, Arr(xp_error_new(XP_ERR_INDEX, "x"))), XP_ERR_INDEX);
    const xp_namespace *ns = xp_array_namespace(a.get(), (const xp_array *)nullptr);
    ASSERT_NE(ns, nullptr);
    EXPECT_NE(ns->array_imatmul, nullptr);  // in the function table
}

// ---- complex sign -------------------------------------------------------------------

TEST(ComplexSign, SubnormalComponentsAreScaledFirst) {
    // |(2^-149, 2 * 2^-149)| = sqrt(5) * 2^-149 rounds to a subnormal multiple of 2^-149
    float t = std::ldexp(1.0f, -149);
    std::vector<std::complex<double>> in = {{t, 2 * t}, {-3 * t, t}, {t, 0}};
    for (xp_dtype dt : {XP_COMPLEX64, XP_COMPLEX128}) {
        Arr z = make(in, dt, {3});
        Arr s(xp_sign(z));
        ASSERT_XP_OK(s);
        auto got = values(s);
        for (size_t i = 0; i < in.size(); i++) {
            std::complex<long double> w(in[i].real(), in[i].imag());
            w /= std::abs(w);
            double tol = dt == XP_COMPLEX64 ? 2 * 0x1p-24 : 2 * 0x1p-53;
            EXPECT_NEAR(got[i].real(), (double)w.real(), tol) << dtype_str(dt) << " " << in[i];
            EXPECT_NEAR(got[i].imag(), (double)w.imag(), tol) << dtype_str(dt) << " " << in[i];
        }
    }
}
