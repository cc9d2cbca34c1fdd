// Broadcasting, 0-D, zero-size, non-contiguous and negative-stride operands.
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {
std::vector<double> iota(int n, double start = 0) {
    std::vector<double> v;
    for (int i = 0; i < n; i++) v.push_back(start + i);
    return v;
}
}  // namespace

TEST(ElementwiseLayout, BroadcastRowAgainstColumn) {
    Arr a = make_real({1, 2, 3}, XP_INT32, {3, 1});
    Arr b = make_real({10, 20, 30, 40}, XP_INT32, {4});
    Arr r(xp_add(a, b));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{3, 4}));
    std::vector<double> v = reals(r);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) EXPECT_EQ(v[i * 4 + j], (i + 1) + 10.0 * (j + 1));
}

TEST(ElementwiseLayout, ZeroDimensional) {
    Arr a = make_real({2.5}, XP_FLOAT64);
    EXPECT_EQ(a.ndim(), 0);
    Arr b = make_real({1, 2}, XP_FLOAT64);
    Arr r(xp_multiply(a, a));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.ndim(), 0);
    EXPECT_EQ(reals(r)[0], 6.25);
    Arr s(xp_subtract(b, a));
    EXPECT_EQ(reals(s), (std::vector<double>{-1.5, -0.5}));
    Arr u(xp_sqrt(Arr(xp_float(4))));
    ASSERT_XP_OK(u);
    EXPECT_EQ(u.ndim(), 0);
    EXPECT_EQ(reals(u)[0], 2);
    EXPECT_FALSE(xp_array_is_weak(u));
}

TEST(ElementwiseLayout, ZeroSize) {
    Arr a(xp_zeros(XP_SHAPE_CXX(0, 3), nullptr));
    Arr b = make_real({1, 2, 3}, XP_FLOAT64);
    Arr r(xp_add(a, b));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{0, 3}));
    Arr u(xp_exp(a));
    ASSERT_XP_OK(u);
    EXPECT_EQ(u.size(), 0);
    Arr c(xp_zeros(XP_SHAPE_CXX(0), nullptr));
    Arr w(xp_add(c, Arr(xp_float(1))));
    ASSERT_XP_OK(w);
    EXPECT_EQ(w.shape(), (std::vector<int64_t>{0}));
    Arr bad(xp_add(a, make_real({1, 2}, XP_FLOAT64)));
    EXPECT_XP_ERR(bad, XP_ERR_VALUE, "xp_add");
}

TEST(ElementwiseLayout, StridedAndNegativeStrides) {
    for (xp_dtype d : {XP_INT16, XP_UINT32, XP_FLOAT32, XP_FLOAT64, XP_COMPLEX128}) {
        SCOPED_TRACE(dtype_str(d));
        Arr a = make_real(iota(12, 1), d, {3, 4});
        Arr b = make_real(iota(12, 2), d, {3, 4});
        Arr want(xp_multiply(a, b));
        Arr wu(xp_negative(a));
        for (auto flip : std::vector<std::vector<bool>>{{false, false}, {true, false}, {false, true}, {true, true}}) {
            Arr sa = strided_copy(a, flip), sb = strided_copy(b, {flip[1], flip[0]});
            // the flipped copies hold the same logical values
            Arr r(xp_multiply(sa, sb));
            ASSERT_XP_OK(r);
            EXPECT_EQ(values(r), values(want));
            Arr r2(xp_multiply(sa, b));
            EXPECT_EQ(values(r2), values(want));
            Arr u(xp_negative(sa));
            EXPECT_EQ(values(u), values(wu));
            Arr s(xp_multiply(Arr(xp_int(1)), sa));
            EXPECT_EQ(values(s), values(a));
        }
    }
}

TEST(ElementwiseLayout, BroadcastStridedColumn) {
    Arr col = make_real({1, 2, 3}, XP_FLOAT64, {3, 1});
    Arr row = make_real({10, 20}, XP_FLOAT64, {1, 2});
    Arr sc = strided_copy(col, {true, false}), sr = strided_copy(row, {false, true});
    Arr r(xp_subtract(sc, sr));
    ASSERT_XP_OK(r);
    EXPECT_EQ(reals(r), (std::vector<double>{-9, -19, -8, -18, -7, -17}));
}

TEST(ElementwiseLayout, ShapesThatDoNotBroadcast) {
    Arr a = make_real(iota(6), XP_FLOAT64, {2, 3});
    Arr b = make_real(iota(2), XP_FLOAT64, {2});
    EXPECT_XP_ERR_T((xp_add(a, b)), XP_ERR_VALUE, "xp_add");
    EXPECT_XP_ERR_T((xp_less(a, b)), XP_ERR_VALUE, "xp_less");
    EXPECT_XP_ERR_T((xp_clip(a, b, nullptr)), XP_ERR_VALUE, "xp_clip");
}

TEST(ElementwiseLayout, HighRankBroadcast) {
    std::vector<int64_t> s1 = {2, 1, 3, 1, 2}, s2 = {4, 2};
    Arr a = make_real(iota(12), XP_INT64, s1);
    Arr b = make_real(iota(8), XP_INT64, s2);
    Arr r(xp_add(a, b));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{2, 1, 3, 4, 2}));
    std::vector<double> v = reals(r);
    // element [i,0,j,k,l] = a[i,0,j,0,l] + b[k,0,l]
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++)
                for (int l = 0; l < 2; l++)
                    EXPECT_EQ(v[(((i * 3 + j) * 4 + k) * 2) + l], (i * 6 + j * 2 + l) + (k * 2 + l));
}
