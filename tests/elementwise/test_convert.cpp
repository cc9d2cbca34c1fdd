// bool(), int(), float(), complex() and operator.index() of one-element arrays.
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

TEST(ElementwiseConvert, Bool) {
    bool b = false;
    EXPECT_EQ(xp_array_bool(Arr(make_real({2}, XP_INT8)), &b), XP_OK);
    EXPECT_TRUE(b);
    EXPECT_EQ(xp_array_bool(Arr(make_real({0}, XP_FLOAT32)), &b), XP_OK);
    EXPECT_FALSE(b);
    EXPECT_EQ(xp_array_bool(Arr(make({cd(0, 1)}, XP_COMPLEX64)), &b), XP_OK);
    EXPECT_TRUE(b);
    EXPECT_EQ(xp_array_bool(Arr(make_real({NAN}, XP_FLOAT64)), &b), XP_OK);
    EXPECT_TRUE(b);
    EXPECT_EQ(xp_array_bool(Arr(make_real({1, 0}, XP_BOOL)), &b), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_bool(Arr(make_real({1}, XP_BOOL, {1, 1})), &b), XP_OK);
    EXPECT_EQ(xp_array_bool(nullptr, &b), XP_ERR_TYPE);
}

TEST(ElementwiseConvert, Int) {
    int64_t v = 0;
    EXPECT_EQ(xp_array_int(Arr(make_real({-2.7}, XP_FLOAT64)), &v), XP_OK);
    EXPECT_EQ(v, -2);
    EXPECT_EQ(xp_array_int(Arr(make_real({200}, XP_UINT8)), &v), XP_OK);
    EXPECT_EQ(v, 200);
    EXPECT_EQ(xp_array_int(Arr(make_real({1}, XP_BOOL)), &v), XP_OK);
    EXPECT_EQ(v, 1);
    EXPECT_EQ(xp_array_int(Arr(make_real({NAN}, XP_FLOAT64)), &v), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_int(Arr(make_real({INFINITY}, XP_FLOAT32)), &v), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_int(Arr(make_real({1e19}, XP_FLOAT64)), &v), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_int(Arr(make({cd(1, 0)}, XP_COMPLEX128)), &v), XP_ERR_TYPE);
    Arr u(xp_full(XP_SHAPE_CXX(1), Arr(xp_int(1)), nullptr));
    uint64_t big = UINT64_MAX;
    Arr ub(xp_array_wrap(&big, XP_UINT64, 0, nullptr, nullptr, nullptr, nullptr, true));
    EXPECT_EQ(xp_array_int(ub, &v), XP_ERR_VALUE);
}

TEST(ElementwiseConvert, FloatComplexIndex) {
    double d = 0, re = 0, im = 0;
    int64_t i = 0;
    EXPECT_EQ(xp_array_float(Arr(make_real({3}, XP_INT16)), &d), XP_OK);
    EXPECT_EQ(d, 3);
    EXPECT_EQ(xp_array_float(Arr(make({cd(1, 2)}, XP_COMPLEX64)), &d), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_complex(Arr(make({cd(1, 2)}, XP_COMPLEX64)), &re, &im), XP_OK);
    EXPECT_EQ(re, 1);
    EXPECT_EQ(im, 2);
    EXPECT_EQ(xp_array_complex(Arr(make_real({4.5}, XP_FLOAT32)), &re, &im), XP_OK);
    EXPECT_EQ(re, 4.5);
    EXPECT_EQ(im, 0);
    EXPECT_EQ(xp_array_index(Arr(make_real({-7}, XP_INT32)), &i), XP_OK);
    EXPECT_EQ(i, -7);
    EXPECT_EQ(xp_array_index(Arr(make_real({1}, XP_BOOL)), &i), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_index(Arr(make_real({1}, XP_FLOAT64)), &i), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_DEVICE, "x"));
    EXPECT_EQ(xp_array_float(e, &d), XP_ERR_DEVICE);
}
