// In-place operators: results equal the out-of-place operation, x1 keeps its
// dtype and shape, refusals leave x1 untouched.
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {
using IOp = xp_status (*)(xp_array *, const xp_array *);
using Bin = xp_array *(*)(const xp_array *, const xp_array *);
struct Pair {
    const char *name;
    IOp iop;
    Bin op;
    unsigned kinds;
};
const std::vector<Pair> pairs = {
    {"iadd", xp_array_iadd, xp_add, KI | KF | KC},
    {"isub", xp_array_isub, xp_subtract, KI | KF | KC},
    {"imul", xp_array_imul, xp_multiply, KI | KF | KC},
    {"itruediv", xp_array_itruediv, xp_divide, KF | KC},
    {"ifloordiv", xp_array_ifloordiv, xp_floor_divide, KI | KF},
    {"ipow", xp_array_ipow, xp_pow, KI | KF | KC},
    {"imod", xp_array_imod, xp_remainder, KI | KF},
    {"iand", xp_array_iand, xp_bitwise_and, KB | KI},
    {"ior", xp_array_ior, xp_bitwise_or, KB | KI},
    {"ixor", xp_array_ixor, xp_bitwise_xor, KB | KI},
    {"ilshift", xp_array_ilshift, xp_bitwise_left_shift, KI},
    {"irshift", xp_array_irshift, xp_bitwise_right_shift, KI},
};
}  // namespace

TEST(ElementwiseInplace, EqualsOutOfPlaceForEveryDtype) {
    for (const Pair &p : pairs)
        for (xp_dtype d : all_dtypes()) {
            SCOPED_TRACE(std::string(p.name) + " " + dtype_str(d));
            bool b = d == XP_BOOL;
            Arr x = make_real(b ? std::vector<double>{0, 1, 1, 0, 1, 0} : std::vector<double>{1, 2, 3, 4, 5, 6}, d, {2, 3});
            Arr y = make_real(b ? std::vector<double>{1, 1, 0} : std::vector<double>{1, 2, 3}, d, {3});
            Arr want(p.op(x, y));
            std::vector<cd> before = values(x);
            xp_status st = p.iop(x, y);
            if (!(xp_dtype_kind(d) & p.kinds)) {
                EXPECT_EQ(st, XP_ERR_TYPE);
                EXPECT_EQ(values(x), before);
                continue;
            }
            ASSERT_EQ(st, XP_OK);
            EXPECT_EQ(x.dtype(), d);
            EXPECT_EQ(x.shape(), (std::vector<int64_t>{2, 3}));
            EXPECT_EQ(values(x), values(want));
        }
}

TEST(ElementwiseInplace, PythonScalarOperand) {
    Arr x = make_real({1, 2, 3}, XP_FLOAT32);
    ASSERT_EQ(xp_array_imul(x, Arr(xp_float(0.5))), XP_OK);
    EXPECT_EQ(x.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(x), (std::vector<double>{0.5, 1, 1.5}));
    Arr i = make_real({1, 2}, XP_INT16);
    EXPECT_EQ(xp_array_iadd(i, Arr(xp_int(40000))), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_iadd(i, Arr(xp_float(1))), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_iadd(x, Arr(xp_complex(1, 1))), XP_ERR_TYPE);  // would become complex
    EXPECT_EQ(reals(i), (std::vector<double>{1, 2}));
}

TEST(ElementwiseInplace, RefusesDtypeOrShapeChange) {
    Arr x = make_real({1, 2, 3}, XP_FLOAT32);
    Arr y64 = make_real({1, 1, 1}, XP_FLOAT64);
    EXPECT_EQ(xp_array_iadd(x, y64), XP_ERR_TYPE);
    Arr i = make_real({1, 2, 3}, XP_INT32);
    EXPECT_EQ(xp_array_itruediv(i, i), XP_ERR_TYPE);  // int / int is float64
    EXPECT_EQ(xp_array_iadd(i, x), XP_ERR_TYPE);      // mixed kinds
    Arr big = make_real({1, 2, 3, 4, 5, 6}, XP_FLOAT32, {2, 3});
    EXPECT_EQ(xp_array_iadd(x, big), XP_ERR_VALUE);  // would broadcast x to (2, 3)
    Arr two = make_real({1, 2}, XP_FLOAT32);
    EXPECT_EQ(xp_array_iadd(x, two), XP_ERR_VALUE);
    EXPECT_EQ(reals(x), (std::vector<double>{1, 2, 3}));
    Arr i8 = make_real({1}, XP_INT8), i16 = make_real({1}, XP_INT16);
    EXPECT_EQ(xp_array_iadd(i16, i8), XP_OK);
    EXPECT_EQ(xp_array_iadd(i8, i16), XP_ERR_TYPE);
}

TEST(ElementwiseInplace, ReadOnlyAndBadArguments) {
    double mem[2] = {1, 2};
    Arr ro(xp_array_wrap(mem, XP_FLOAT64, XP_SHAPE_CXX(2), nullptr, nullptr, nullptr, true));
    EXPECT_EQ(xp_array_iadd(ro, Arr(xp_float(1))), XP_ERR_VALUE);
    EXPECT_EQ(mem[0], 1);
    Arr x = make_real({1}, XP_FLOAT64);
    EXPECT_EQ(xp_array_iadd(x, nullptr), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_iadd(nullptr, x), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_INDEX, "boom"));
    EXPECT_EQ(xp_array_iadd(x, e), XP_ERR_INDEX);
    EXPECT_EQ(xp_array_iadd(Arr(xp_float(1)), x), XP_ERR_VALUE);
}

TEST(ElementwiseInplace, AliasedOperands) {
    // x += x[::-1] must read the old values of x
    Arr x = make_real({1, 2, 3, 4}, XP_INT64);
    int64_t *p = (int64_t *)xp_array_data(x);
    int64_t sh = 4, st = -8;
    Arr rev(xp_array_wrap(p + 3, XP_INT64, 1, &sh, &st, nullptr, nullptr, false));
    ASSERT_XP_OK(rev);
    ASSERT_EQ(xp_array_iadd(x, rev), XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{5, 5, 5, 5}));
    ASSERT_EQ(xp_array_imul(x, x), XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{25, 25, 25, 25}));
}

TEST(ElementwiseInplace, StridedTarget) {
    Arr base = make_real({1, 2, 3, 4, 5, 6}, XP_FLOAT64, {2, 3});
    Arr x = strided_copy(base, {true, false});
    ASSERT_EQ(xp_array_isub(x, make_real({1, 1, 1}, XP_FLOAT64)), XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3, 4, 5}));
}

TEST(ElementwiseInplace, NegativePowerLeavesTargetIntact) {
    Arr x = make_real({2, 3}, XP_INT32);
    EXPECT_EQ(xp_array_ipow(x, make_real({2, -1}, XP_INT32)), XP_ERR_VALUE);
    EXPECT_EQ(reals(x), (std::vector<double>{2, 3}));
}
