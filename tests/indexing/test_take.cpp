// take and take_along_axis against a nested-loop reference, axis rules, bad input.
#include "ix_ref.h"

using namespace ixt;

namespace {
int64_t rint(std::mt19937 &g, int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(g);
}
xp_take_opts axis(int64_t a) {
    xp_take_opts o = {};
    o.axis.n = 1;
    o.axis.tuple = true;
    o.axis.v[0] = a;
    return o;
}
}  // namespace

TEST(Take, RandomAllDtypes) {
    std::mt19937 g(11);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 20; rep++) {
            Shape s = rand_shape(g, 1, 4);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            int ax = rep % 4 == 0 ? (int)s.size() - 1 : (int)rint(g, 0, (int64_t)s.size() - 1);
            int64_t ni = s[ax] == 0 ? 0 : rint(g, 0, 6);
            Ref ir{{ni}, {}};
            for (int64_t j = 0; j < ni; j++) ir.v.push_back(double(rint(g, -s[ax], s[ax] - 1)));
            Arr idx = layout(make_ref(ir, rep % 3 ? XP_INT64 : XP_INT32), rep % 2, g);
            xp_take_opts o = axis(rep % 2 ? ax : ax - (int64_t)s.size());
            Arr r(xp_take(x, idx, &o));
            Ref want{s, {}};
            want.shape[ax] = ni;
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o2 = unravel(want.shape, i);
                int64_t v = (int64_t)ir.v[o2[ax]].real();
                o2[ax] = v < 0 ? v + s[ax] : v;
                want.v.push_back(xr.v[ravel(s, o2)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
        }
}

TEST(Take, AxisNoneFor1D) {
    Arr x = make_real({10, 11, 12}, XP_FLOAT64);
    Arr r(xp_take(x, make_real({2, 0, -1, 2}, XP_INT64), nullptr));
    EXPECT_EQ(reals(r), (std::vector<double>{12, 10, 12, 12}));
    Arr e(xp_take(x, make_real({}, XP_INT64, {0}), nullptr));
    EXPECT_EQ(e.shape(), (Shape{0}));
}

TEST(Take, BadInput) {
    const char *fn = "xp_take";
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    Arr i = make_real({0, 1}, XP_INT64);
    EXPECT_XP_ERR(Arr(xp_take(x, i, nullptr)), XP_ERR_INDEX, "axis");  // required for 2-D
    xp_take_opts o = axis(2);
    EXPECT_XP_ERR(Arr(xp_take(x, i, &o)), XP_ERR_INDEX, "axis");
    o = axis(1);
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({3}, XP_INT64, {1}), &o)), XP_ERR_INDEX, "indices");
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({-4}, XP_INT64, {1}), &o)), XP_ERR_INDEX, "indices");
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({1, 3}, XP_INT32, {2}), &o)), XP_ERR_INDEX, "indices");
    o = axis(0);
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({2}, XP_INT64, {1}), &o)), XP_ERR_INDEX, "indices");
    Arr e3(xp_zeros(XP_SHAPE_CXX(2, 0), nullptr));
    o = axis(1);
    EXPECT_XP_ERR(Arr(xp_take(e3, make_real({0}, XP_INT64, {1}), &o)), XP_ERR_INDEX, "indices");
    Arr e0(xp_zeros(XP_SHAPE_CXX(0, 0), nullptr));
    EXPECT_XP_ERR(Arr(xp_take(e0, make_real({0}, XP_INT64, {1}), &o)), XP_ERR_INDEX, "indices");
    EXPECT_EQ(Arr(xp_take(e0, make_real({}, XP_INT64, {0}), &o)).shape(), (Shape{0, 0}));
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({0}, XP_FLOAT64, {1}), &o)), XP_ERR_TYPE, "indices");
    EXPECT_XP_ERR(Arr(xp_take(x, make_real({0, 1}, XP_INT64, {1, 2}), &o)), XP_ERR_VALUE, "1-D");
    EXPECT_XP_ERR(Arr(xp_take(make_real({1}, XP_FLOAT64), i, nullptr)), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(Arr(xp_take(x, nullptr, &o)), XP_ERR_TYPE, "indices");
}

TEST(TakeAlongAxis, RandomAllDtypes) {
    std::mt19937 g(12);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 16; rep++) {
            Shape s = rand_shape(g, 1, 3);
            int nd = (int)s.size(), ax = (int)rint(g, 0, nd - 1);
            // indices: same ndim; other axes equal or 1 (and x may have 1 there)
            Shape is = s;
            for (int d = 0; d < nd; d++)
                if (d == ax) is[d] = s[d] == 0 ? 0 : rint(g, 0, 4);
                else if (g() % 4 == 0) is[d] = 1;
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Ref ir{is, {}};
            for (int64_t j = 0; j < prod(is); j++) ir.v.push_back(double(rint(g, -s[ax], s[ax] - 1)));
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            Arr r(xp_take_along_axis(x, make_ref(ir, XP_INT64), rep % 2 ? ax : ax - nd));
            Ref want{s, {}};
            want.shape[ax] = is[ax];
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o = unravel(want.shape, i), ii = o;
                for (int d = 0; d < nd; d++)
                    if (is[d] == 1 && d != ax) ii[d] = 0;
                int64_t v = (int64_t)ir.v[ravel(is, ii)].real();
                o[ax] = v < 0 ? v + s[ax] : v;
                want.v.push_back(xr.v[ravel(s, o)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
        }
}

TEST(TakeAlongAxis, BroadcastsX) {
    Arr x = make_real({1, 2, 3}, XP_FLOAT64, {1, 3});
    Arr i = make_real({2, 0, 1, 1}, XP_INT64, {2, 2});
    Arr r(xp_take_along_axis(x, i, -1));
    EXPECT_EQ(r.shape(), (Shape{2, 2}));
    EXPECT_EQ(reals(r), (std::vector<double>{3, 1, 2, 2}));
}

TEST(TakeAlongAxis, BadInput) {
    const char *fn = "xp_take_along_axis";
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    EXPECT_XP_ERR(Arr(xp_take_along_axis(x, make_real({0, 1}, XP_INT64), -1)), XP_ERR_VALUE, fn);
    EXPECT_XP_ERR(Arr(xp_take_along_axis(x, make_real({0, 3}, XP_INT64, {1, 2}), -1)), XP_ERR_INDEX,
                  "indices");
    EXPECT_XP_ERR(Arr(xp_take_along_axis(x, make_real({0, 1}, XP_INT64, {1, 2}), 2)), XP_ERR_INDEX,
                  "axis");
    EXPECT_XP_ERR(Arr(xp_take_along_axis(x, make_real({0, 1, 0}, XP_INT64, {3, 1}), 1)), XP_ERR_VALUE,
                  "broadcast");
    EXPECT_XP_ERR(Arr(xp_take_along_axis(x, make_real({0, 1}, XP_FLOAT32, {1, 2}), 1)), XP_ERR_TYPE,
                  "indices");
}
