// The array object: attributes, reference counting, views, wrapping memory.
#include "xp_test.h"

using namespace xpt;

TEST(Array, AttributesOfANewArray) {
    xp_create_opts o = {XP_INT16, XP_DEVICE_DEFAULT};
    Arr a(xp_zeros(XP_SHAPE_CXX(2, 3, 4), &o));
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_array_dtype(a), XP_INT16);
    EXPECT_EQ(xp_array_ndim(a), 3);
    EXPECT_EQ(a.shape(), (std::vector<int64_t>{2, 3, 4}));
    const int64_t *st = xp_array_strides(a);
    EXPECT_EQ(st[0], 24);
    EXPECT_EQ(st[1], 8);
    EXPECT_EQ(st[2], 2);
    EXPECT_EQ(xp_array_size(a), 24);
    EXPECT_EQ(xp_array_itemsize(a), 2u);
    EXPECT_EQ(xp_array_offset(a), 0);
    EXPECT_EQ(xp_array_device(a), XP_DEVICE_CPU);
    EXPECT_NE(xp_array_data(a), nullptr);
    EXPECT_EQ((uintptr_t)xp_array_data(a) % 64, 0u);
    EXPECT_FALSE(xp_array_is_readonly(a));
    EXPECT_TRUE(xp_array_is_c_contiguous(a));
    EXPECT_FALSE(xp_array_is_weak(a));
}

TEST(Array, AccessorsOnNullAndErrorArrays) {
    Arr e(xp_error_new(XP_ERR_VALUE, "boom"));
    for (const xp_array *x : {(const xp_array *)nullptr, (const xp_array *)e.get()}) {
        EXPECT_EQ(xp_array_dtype(x), XP_DTYPE_DEFAULT);
        EXPECT_EQ(xp_array_ndim(x), -1);
        EXPECT_EQ(xp_array_shape(x), nullptr);
        EXPECT_EQ(xp_array_strides(x), nullptr);
        EXPECT_EQ(xp_array_size(x), -1);
        EXPECT_EQ(xp_array_itemsize(x), 0u);
        EXPECT_EQ(xp_array_data(x), nullptr);
        EXPECT_EQ(xp_array_device(x), XP_DEVICE_DEFAULT);
        EXPECT_TRUE(xp_array_is_readonly(x));
        EXPECT_FALSE(xp_array_is_c_contiguous(x));
    }
}

TEST(Array, ZeroDimensionalArray) {
    Arr a(xp_zeros(0, nullptr, nullptr));
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_array_ndim(a), 0);
    EXPECT_EQ(xp_array_size(a), 1);
    EXPECT_EQ(xp_array_shape(a), nullptr);
    EXPECT_NE(xp_array_data(a), nullptr);
}

TEST(Array, ZeroSizeArray) {
    Arr a(xp_zeros(XP_SHAPE_CXX(3, 0, 2), nullptr));
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_array_size(a), 0);
    EXPECT_EQ(a.shape(), (std::vector<int64_t>{3, 0, 2}));
}

TEST(Array, SixtyFourDimensionsAllowedSixtyFiveRefused) {
    std::vector<int64_t> shape(64, 1);
    Arr a(xp_zeros(64, shape.data(), nullptr));
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_array_ndim(a), 64);
    shape.push_back(1);
    Arr b(xp_zeros(65, shape.data(), nullptr));
    EXPECT_XP_ERR(b, XP_ERR_VALUE, "xp_zeros");
    EXPECT_NE(std::string(xp_error_message(b)).find("'shape'"), std::string::npos);
    Arr c(xp_zeros(-1, shape.data(), nullptr));
    EXPECT_XP_ERR(c, XP_ERR_VALUE, "xp_zeros");
}

TEST(Array, NegativeAndOverflowingShapes) {
    Arr a(xp_empty(XP_SHAPE_CXX(3, -1), nullptr));
    EXPECT_XP_ERR(a, XP_ERR_VALUE, "xp_empty");
    Arr b(xp_empty(XP_SHAPE_CXX(INT64_C(1) << 32, INT64_C(1) << 32), nullptr));
    EXPECT_XP_ERR(b, XP_ERR_OVERFLOW, "xp_empty");
    // elements fit int64 but bytes do not
    Arr c(xp_empty(XP_SHAPE_CXX(INT64_C(1) << 61), nullptr));
    EXPECT_XP_ERR(c, XP_ERR_OVERFLOW, "xp_empty");
    // NumPy's rule: the other extents must still fit when one is zero (NumPy:
    // "array is too big"), so no loop over the shape can overflow
    Arr d(xp_empty(XP_SHAPE_CXX(INT64_C(1) << 62, 0, INT64_C(1) << 62), nullptr));
    EXPECT_XP_ERR(d, XP_ERR_OVERFLOW, "xp_empty");
    Arr d2(xp_empty(XP_SHAPE_CXX(INT64_C(1) << 40, 0, INT64_C(1) << 10), nullptr));
    EXPECT_XP_OK(d2);
    Arr e(xp_empty(2, nullptr, nullptr));
    EXPECT_XP_ERR(e, XP_ERR_TYPE, "xp_empty");
}

TEST(Array, RetainAndRelease) {
    xp_array *a = xp_ones(XP_SHAPE_CXX(4), nullptr);
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_retain(a), a);
    xp_release(a);
    EXPECT_EQ(reals(a), (std::vector<double>{1, 1, 1, 1}));  // still alive
    xp_release(a);
    xp_release(nullptr);
    EXPECT_EQ(xp_retain(nullptr), nullptr);
}

namespace {
struct DeleterLog {
    int calls = 0;
    void *seen = nullptr;
};
void log_deleter(void *data, void *ctx) {
    auto *log = static_cast<DeleterLog *>(ctx);
    log->calls++;
    log->seen = data;
}
}  // namespace

TEST(Array, WrapCallsDeleterOnceWhenLastViewDies) {
    double data[6] = {1, 2, 3, 4, 5, 6};
    DeleterLog log;
    xp_array *a = xp_array_wrap(data, XP_FLOAT64, XP_SHAPE_CXX(2, 3), nullptr, log_deleter, &log, false);
    ASSERT_XP_OK(a);
    EXPECT_EQ(xp_array_data(a), (void *)data);
    xp_array *v = xp_broadcast_to(a, XP_SHAPE_CXX(4, 2, 3));
    ASSERT_XP_OK(v);
    EXPECT_TRUE(xp_array_shares_memory(a, v));
    xp_release(a);
    EXPECT_EQ(log.calls, 0);
    EXPECT_EQ(reals(v)[11], 6);
    xp_release(v);
    EXPECT_EQ(log.calls, 1);
    EXPECT_EQ(log.seen, (void *)data);
}

TEST(Array, WrapWithCustomStridesAndReadOnly) {
    double data[6] = {1, 2, 3, 4, 5, 6};
    int64_t strides[2] = {8, 16};  // the transpose of a 3x2 C array
    Arr a(xp_array_wrap(data, XP_FLOAT64, XP_SHAPE_CXX(2, 3), strides, nullptr, nullptr, true));
    ASSERT_XP_OK(a);
    EXPECT_EQ(reals(a), (std::vector<double>{1, 3, 5, 2, 4, 6}));
    EXPECT_TRUE(xp_array_is_readonly(a));
    EXPECT_FALSE(xp_array_is_c_contiguous(a));
}

TEST(Array, WrapFailureStillCallsDeleter) {
    DeleterLog log;
    int dummy;
    Arr a(xp_array_wrap(&dummy, (xp_dtype)99, XP_SHAPE_CXX(1), nullptr, log_deleter, &log, false));
    EXPECT_XP_ERR(a, XP_ERR_TYPE, "xp_array_wrap");
    EXPECT_EQ(log.calls, 1);
    Arr b(xp_array_wrap(nullptr, XP_FLOAT64, XP_SHAPE_CXX(3), nullptr, nullptr, nullptr, false));
    EXPECT_XP_ERR(b, XP_ERR_TYPE, "xp_array_wrap");
    Arr c(xp_array_wrap(nullptr, XP_FLOAT64, XP_SHAPE_CXX(0), nullptr, nullptr, nullptr, false));
    EXPECT_XP_OK(c);
}

TEST(Array, WeakScalars) {
    Arr i(xp_int(-7)), f(xp_float(2.5)), c(xp_complex(1, -2)), b(xp_bool(true));
    for (const Arr *s : {&i, &f, &c, &b}) {
        ASSERT_XP_OK(*s);
        EXPECT_TRUE(xp_array_is_weak(*s));
        EXPECT_EQ(xp_array_ndim(*s), 0);
    }
    EXPECT_EQ(xp_array_dtype(i), XP_INT64);
    EXPECT_EQ(values(i)[0], std::complex<double>(-7));
    EXPECT_EQ(xp_array_dtype(f), XP_FLOAT64);
    EXPECT_EQ(xp_array_dtype(c), XP_COMPLEX128);
    EXPECT_EQ(values(c)[0], std::complex<double>(1, -2));
    EXPECT_EQ(xp_array_dtype(b), XP_BOOL);
}

TEST(Array, ThreadsShareArraysSafely) {
    // atomic reference counts: many threads retain/release one array
    xp_array *a = xp_ones(XP_SHAPE_CXX(16), nullptr);
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++)
        ts.emplace_back([a] {
            for (int k = 0; k < 20000; k++) xp_release(xp_retain(a));
        });
    for (auto &t : ts) t.join();
    EXPECT_EQ(reals(a)[15], 1.0);
    xp_release(a);
}
