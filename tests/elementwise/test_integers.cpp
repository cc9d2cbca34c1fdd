// Integer semantics: Python floor division and remainder, and the
// implementation-defined answers documented in elementwise.h (NumPy's).
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {
template <class T>
Arr arr(std::vector<T> v, xp_dtype d) {
    Arr a(xp_empty(XP_SHAPE_CXX((int64_t)v.size()), nullptr));
    xp_create_opts o = {d, XP_DEVICE_DEFAULT};
    a = Arr(xp_empty(XP_SHAPE_CXX((int64_t)v.size()), &o));
    std::memcpy(xp_array_data(a), v.data(), v.size() * sizeof(T));
    return a;
}
template <class T>
std::vector<T> get(const Arr &a) {
    const T *p = (const T *)xp_array_data(a);
    return std::vector<T>(p, p + a.size());
}
}  // namespace

TEST(ElementwiseIntegers, FloorDivideAndRemainderFollowPython) {
    for (xp_dtype d : {XP_INT8, XP_INT16, XP_INT32, XP_INT64}) {
        SCOPED_TRACE(dtype_str(d));
        Arr a = make_real({7, -7, 7, -7, 0, 5}, d), b = make_real({2, 2, -2, -2, 3, 5}, d);
        EXPECT_EQ(reals(Arr(xp_floor_divide(a, b))), (std::vector<double>{3, -4, -4, 3, 0, 1}));
        EXPECT_EQ(reals(Arr(xp_remainder(a, b))), (std::vector<double>{1, 1, -1, -1, 0, 0}));
    }
}

TEST(ElementwiseIntegers, DivisionByZeroGivesZero) {
    for (xp_dtype d : dtypes_of(XP_KIND_INTEGRAL)) {
        SCOPED_TRACE(dtype_str(d));
        Arr a = make_real({5, 0, 100}, d), z = make_real({0, 0, 0}, d);
        EXPECT_EQ(reals(Arr(xp_floor_divide(a, z))), (std::vector<double>{0, 0, 0}));
        EXPECT_EQ(reals(Arr(xp_remainder(a, z))), (std::vector<double>{0, 0, 0}));
    }
}

TEST(ElementwiseIntegers, MinOverMinusOneWraps) {
    Arr a = arr<int8_t>({-128, -128}, XP_INT8), m = arr<int8_t>({-1, -1}, XP_INT8);
    EXPECT_EQ(get<int8_t>(Arr(xp_floor_divide(a, m))), (std::vector<int8_t>{-128, -128}));
    EXPECT_EQ(get<int8_t>(Arr(xp_remainder(a, m))), (std::vector<int8_t>{0, 0}));
    Arr b = arr<int64_t>({INT64_MIN}, XP_INT64), n = arr<int64_t>({-1}, XP_INT64);
    EXPECT_EQ(get<int64_t>(Arr(xp_floor_divide(b, n))), (std::vector<int64_t>{INT64_MIN}));
    EXPECT_EQ(get<int64_t>(Arr(xp_abs(b))), (std::vector<int64_t>{INT64_MIN}));
    EXPECT_EQ(get<int64_t>(Arr(xp_negative(b))), (std::vector<int64_t>{INT64_MIN}));
    EXPECT_EQ(get<int8_t>(Arr(xp_abs(a))), (std::vector<int8_t>{-128, -128}));
}

TEST(ElementwiseIntegers, OverflowWraps) {
    Arr a = arr<int8_t>({127, -128, 100}, XP_INT8), one = arr<int8_t>({1, 1, 2}, XP_INT8);
    EXPECT_EQ(get<int8_t>(Arr(xp_add(a, one))), (std::vector<int8_t>{-128, -127, 102}));
    EXPECT_EQ(get<int8_t>(Arr(xp_subtract(a, one))), (std::vector<int8_t>{126, 127, 98}));
    EXPECT_EQ(get<int8_t>(Arr(xp_multiply(a, a))), (std::vector<int8_t>{1, 0, 16}));
    Arr u = arr<uint16_t>({65535, 300}, XP_UINT16);
    EXPECT_EQ(get<uint16_t>(Arr(xp_multiply(u, u))), (std::vector<uint16_t>{1, (uint16_t)(90000 % 65536)}));
    EXPECT_EQ(get<uint16_t>(Arr(xp_square(u))), (std::vector<uint16_t>{1, (uint16_t)(90000 % 65536)}));
    Arr big = arr<int64_t>({INT64_MAX}, XP_INT64);
    EXPECT_EQ(get<int64_t>(Arr(xp_add(big, Arr(xp_int(1))))), (std::vector<int64_t>{INT64_MIN}));
    Arr u8 = arr<uint8_t>({0}, XP_UINT8);
    EXPECT_EQ(get<uint8_t>(Arr(xp_negative(u8))), (std::vector<uint8_t>{0}));
    EXPECT_EQ(get<uint8_t>(Arr(xp_subtract(u8, Arr(xp_int(1))))), (std::vector<uint8_t>{255}));
}

TEST(ElementwiseIntegers, ShiftsAtOrBeyondWidth) {
    Arr a = arr<int8_t>({1, -1, -128, 64, 5, -5}, XP_INT8);
    Arr s = arr<int8_t>({8, 8, 7, 100, -1, -1}, XP_INT8);
    EXPECT_EQ(get<int8_t>(Arr(xp_bitwise_left_shift(a, s))), (std::vector<int8_t>{0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(get<int8_t>(Arr(xp_bitwise_right_shift(a, s))), (std::vector<int8_t>{0, -1, -1, 0, 0, -1}));
    Arr w = arr<int8_t>({1, 3}, XP_INT8), k = arr<int8_t>({7, 6}, XP_INT8);
    EXPECT_EQ(get<int8_t>(Arr(xp_bitwise_left_shift(w, k))), (std::vector<int8_t>{-128, -64}));
    Arr u = arr<uint64_t>({1, UINT64_MAX}, XP_UINT64), us = arr<uint64_t>({64, 63}, XP_UINT64);
    EXPECT_EQ(get<uint64_t>(Arr(xp_bitwise_left_shift(u, us))), (std::vector<uint64_t>{0, 1ull << 63}));
    EXPECT_EQ(get<uint64_t>(Arr(xp_bitwise_right_shift(u, us))), (std::vector<uint64_t>{0, 1}));
    Arr l = arr<int64_t>({1, -8}, XP_INT64), ls = arr<int64_t>({63, 64}, XP_INT64);
    EXPECT_EQ(get<int64_t>(Arr(xp_bitwise_left_shift(l, ls))), (std::vector<int64_t>{INT64_MIN, 0}));
    EXPECT_EQ(get<int64_t>(Arr(xp_bitwise_right_shift(l, ls))), (std::vector<int64_t>{0, -1}));
}

TEST(ElementwiseIntegers, PowByRepeatedSquaring) {
    Arr a = arr<int32_t>({2, 3, -2, 0, 1, 7}, XP_INT32), b = arr<int32_t>({10, 3, 3, 0, 100, 0}, XP_INT32);
    EXPECT_EQ(get<int32_t>(Arr(xp_pow(a, b))), (std::vector<int32_t>{1024, 27, -8, 1, 1, 1}));
    Arr c = arr<int8_t>({2, 3}, XP_INT8), e = arr<int8_t>({7, 5}, XP_INT8);
    EXPECT_EQ(get<int8_t>(Arr(xp_pow(c, e))), (std::vector<int8_t>{-128, (int8_t)(243 - 256)}));
    Arr u = arr<uint64_t>({3}, XP_UINT64), ue = arr<uint64_t>({64}, XP_UINT64);
    uint64_t want = 1;
    for (int i = 0; i < 64; i++) want *= 3;
    EXPECT_EQ(get<uint64_t>(Arr(xp_pow(u, ue))), (std::vector<uint64_t>{want}));
}

TEST(ElementwiseIntegers, NegativePowerIsAnError) {
    Arr a = arr<int32_t>({2, 3}, XP_INT32), b = arr<int32_t>({1, -1}, XP_INT32);
    EXPECT_XP_ERR_T((xp_pow(a, b)), XP_ERR_VALUE, "xp_pow");
    EXPECT_XP_ERR_T((xp_pow(a, Arr(xp_int(-2)))), XP_ERR_VALUE, "negative integer powers");
}

TEST(ElementwiseIntegers, BitwiseAndLogicalOnBool) {
    Arr a = make_real({0, 0, 1, 1}, XP_BOOL), b = make_real({0, 1, 0, 1}, XP_BOOL);
    EXPECT_EQ(reals(Arr(xp_bitwise_and(a, b))), (std::vector<double>{0, 0, 0, 1}));
    EXPECT_EQ(reals(Arr(xp_bitwise_or(a, b))), (std::vector<double>{0, 1, 1, 1}));
    EXPECT_EQ(reals(Arr(xp_bitwise_xor(a, b))), (std::vector<double>{0, 1, 1, 0}));
    Arr inv(xp_bitwise_invert(a));
    EXPECT_EQ(inv.dtype(), XP_BOOL);
    EXPECT_EQ(get<uint8_t>(inv), (std::vector<uint8_t>{1, 1, 0, 0}));
    Arr ln(xp_logical_not(b));
    EXPECT_EQ(get<uint8_t>(ln), (std::vector<uint8_t>{1, 0, 1, 0}));
    EXPECT_EQ(reals(Arr(xp_bitwise_and(a, Arr(xp_bool(true))))), (std::vector<double>{0, 0, 1, 1}));
}

TEST(ElementwiseIntegers, MixedSignednessPromotes) {
    Arr a = arr<int8_t>({-1}, XP_INT8), b = arr<uint8_t>({255}, XP_UINT8);
    Arr r(xp_add(a, b));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_INT16);
    EXPECT_EQ(reals(r)[0], 254);
    Arr c(xp_less(a, b));
    EXPECT_EQ(reals(c)[0], 1);
    Arr d(xp_divide(a, b));
    ASSERT_XP_OK(d);
    EXPECT_EQ(d.dtype(), XP_FLOAT64);
    EXPECT_DOUBLE_EQ(reals(d)[0], -1.0 / 255);
}
