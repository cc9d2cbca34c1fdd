// argmax, argmin, count_nonzero, nonzero, searchsorted, where, isin against
// naive references.
#include "../statistical/ref_util.h"

using namespace xpt;
using namespace xpt5;

namespace {

bool is_nan(cd v) { return std::isnan(v.real()) || std::isnan(v.imag()); }

// first extreme, first NaN wins
int64_t ref_arg(const std::vector<cd> &g, bool ismax) {
    int64_t best = 0;
    for (size_t i = 0; i < g.size(); i++) {
        if (is_nan(g[i])) return (int64_t)i;
        if (ismax ? order_less(g[best], g[i]) : order_less(g[i], g[best])) best = (int64_t)i;
    }
    return best;
}

void check_arg(bool ismax) {
    std::mt19937 g(21);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            auto vals = random_values(d, prod(shape), g, 0.03, 5);
            Arr a = make(vals, d, shape);
            auto exact = values(a);
            int nd = (int)shape.size();
            for (int axis = -1; axis < nd; axis++) {
                std::vector<bool> red(nd, axis < 0);
                if (axis >= 0) red[axis] = true;
                auto grp = groups(exact, shape, red);
                bool empty = prod(shape) == 0 && (axis < 0 || shape[axis] == 0);
                for (bool keep : {false, true})
                    for (Arr &in : layouts(a)) {
                        xp_arg_opts o = {};
                        if (axis >= 0) o.axis = one_axis(axis);
                        o.keepdims = keep;
                        Arr r(ismax ? xp_argmax(in, &o) : xp_argmin(in, &o));
                        if (empty) {
                            EXPECT_XP_ERR(r, XP_ERR_VALUE, ismax ? "xp_argmax" : "xp_argmin");
                            continue;
                        }
                        ASSERT_XP_OK(r);
                        EXPECT_EQ(r.dtype(), XP_INT64);
                        EXPECT_EQ(r.shape(), out_shape(shape, red, keep));
                        auto got = reals(r);
                        ASSERT_EQ(got.size(), grp.size());
                        for (size_t i = 0; i < grp.size(); i++)
                            EXPECT_EQ(got[i], ref_arg(grp[i], ismax)) << dtype_str(d) << " axis " << axis;
                    }
            }
        }
}

}  // namespace

TEST(Searching, ArgmaxMatchesReference) { check_arg(true); }
TEST(Searching, ArgminMatchesReference) { check_arg(false); }

TEST(Searching, ArgmaxLongFloat64) {
    std::vector<double> v(5000);
    for (size_t i = 0; i < v.size(); i++) v[i] = double((i * 7919) % 1000);
    Arr a = make_real(v, XP_FLOAT64);
    EXPECT_EQ(reals(Arr(xp_argmax(a, nullptr)))[0], ref_arg(values(a), true));
    EXPECT_EQ(reals(Arr(xp_argmin(a, nullptr)))[0], 0);
    v[3001] = NAN;
    v[4000] = NAN;
    Arr b = make_real(v, XP_FLOAT64);
    EXPECT_EQ(reals(Arr(xp_argmax(b, nullptr)))[0], 3001);
    EXPECT_EQ(reals(Arr(xp_argmin(b, nullptr)))[0], 3001);
    xp_arg_opts o = {};
    o.axis = XP_AXES(0, 1);
    EXPECT_XP_ERR(Arr(xp_argmax(b, &o)), XP_ERR_INDEX, "xp_argmax");
    o.axis = one_axis(1);
    EXPECT_XP_ERR(Arr(xp_argmin(b, &o)), XP_ERR_INDEX, "xp_argmin");
}

TEST(Searching, CountNonzeroMatchesReference) {
    std::mt19937 g(5);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            Arr a = make(random_values(d, prod(shape), g, 0.3, 1), d, shape);
            auto exact = values(a);
            int nd = (int)shape.size();
            for (auto &ax : axis_choices(nd))
                for (Arr &in : layouts(a)) {
                    xp_reduce_opts o = {};
                    o.axes = ax;
                    o.keepdims = true;
                    Arr r(xp_count_nonzero(in, &o));
                    ASSERT_XP_OK(r);
                    EXPECT_EQ(r.dtype(), XP_INT64);
                    auto red = mask_of(nd, ax);
                    EXPECT_EQ(r.shape(), out_shape(shape, red, true));
                    auto grp = groups(exact, shape, red);
                    auto got = reals(r);
                    for (size_t i = 0; i < grp.size(); i++) {
                        int64_t c = 0;
                        for (auto v : grp[i]) c += v != cd(0, 0);
                        EXPECT_EQ(got[i], c);
                    }
                }
        }
    EXPECT_XP_ERR(Arr(xp_count_nonzero(nullptr, nullptr)), XP_ERR_TYPE, "xp_count_nonzero");
}

TEST(Searching, NonzeroMatchesReference) {
    std::mt19937 g(6);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            if (shape.empty()) continue;
            Arr a = make(random_values(d, prod(shape), g, 0.3, 1), d, shape);
            auto exact = values(a);
            int nd = (int)shape.size();
            for (Arr &in : layouts(a)) {
                std::vector<xp_array *> out(nd, nullptr);
                ASSERT_EQ(xp_nonzero(in, out.data()), XP_OK);
                std::vector<Arr> o;
                for (auto p : out) o.emplace_back(p);
                std::vector<std::vector<double>> got;
                for (auto &x : o) {
                    EXPECT_EQ(x.dtype(), XP_INT64);
                    got.push_back(reals(x));
                }
                size_t k = 0;
                std::vector<int64_t> idx(nd, 0);
                for (size_t i = 0; i < exact.size(); i++) {
                    if (exact[i] != cd(0, 0)) {
                        for (int dd = 0; dd < nd; dd++) {
                            ASSERT_LT(k, got[dd].size());
                            EXPECT_EQ(got[dd][k], idx[dd]);
                        }
                        k++;
                    }
                    for (int dd = nd - 1; dd >= 0; dd--) {
                        if (++idx[dd] < shape[dd]) break;
                        idx[dd] = 0;
                    }
                }
                for (int dd = 0; dd < nd; dd++) EXPECT_EQ(got[dd].size(), k);
            }
        }
    Arr z = make({cd(1)}, XP_FLOAT64);
    xp_array *o1[1] = {nullptr};
    EXPECT_EQ(xp_nonzero(z, o1), XP_ERR_VALUE);
    EXPECT_XP_ERR(o1[0], XP_ERR_VALUE, "xp_nonzero");
    xp_release(o1[0]);
    EXPECT_EQ(xp_nonzero(z, nullptr), XP_ERR_TYPE);
}

TEST(Searching, SearchsortedMatchesReference) {
    std::mt19937 g(8);
    for (xp_dtype d : all_dtypes()) {
        if (is_complex(d)) continue;
        for (int64_t n : {0, 1, 7, 100}) {
            Arr x1 = make(random_values(d, n, g, 0.1, 6), d, {n});
            Arr s1(xp_sort(x1, nullptr));
            auto sorted = values(s1);
            Arr x2 = make(random_values(d, 30, g, 0.1, 6), d, {5, 6});
            auto q = values(x2);
            for (xp_side side : {XP_SIDE_LEFT, XP_SIDE_RIGHT})
                for (int use_sorter = 0; use_sorter < 2; use_sorter++) {
                    xp_searchsorted_opts o = {};
                    o.side = side;
                    Arr perm(xp_argsort(x1, nullptr));
                    if (use_sorter) o.sorter = perm;
                    Arr r(xp_searchsorted(use_sorter ? x1 : s1, x2, &o));
                    ASSERT_XP_OK(r);
                    EXPECT_EQ(r.dtype(), XP_INT64);
                    EXPECT_EQ(r.shape(), (std::vector<int64_t>{5, 6}));
                    auto got = reals(r);
                    for (size_t j = 0; j < q.size(); j++) {
                        auto it = side == XP_SIDE_LEFT
                                      ? std::lower_bound(sorted.begin(), sorted.end(), q[j], order_less)
                                      : std::upper_bound(sorted.begin(), sorted.end(), q[j], order_less);
                        EXPECT_EQ(got[j], double(it - sorted.begin())) << dtype_str(d) << " q=" << q[j];
                    }
                }
        }
    }
    // a weak scalar x2
    Arr x1 = make_real({1, 2, 2, 3}, XP_INT32);
    Arr r(xp_searchsorted(x1, Arr(xp_int(2)), nullptr));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.ndim(), 0);
    EXPECT_EQ(reals(r)[0], 1);
    xp_searchsorted_opts o = {XP_SIDE_RIGHT, nullptr};
    EXPECT_EQ(reals(Arr(xp_searchsorted(make_real({0.5, 1.5}, XP_FLOAT32), Arr(xp_float(1.0)), &o)))[0], 1);
}

TEST(Searching, SearchsortedBadInput) {
    Arr x2 = make_real({1}, XP_FLOAT64);
    Arr m2 = make({}, XP_FLOAT64, {2, 2});
    EXPECT_XP_ERR(Arr(xp_searchsorted(m2, x2, nullptr)), XP_ERR_VALUE, "x1");
    Arr x1 = make_real({1, 2, 3}, XP_FLOAT64);
    xp_searchsorted_opts o = {};
    Arr fs = make_real({0, 1, 2}, XP_FLOAT64);
    o.sorter = fs;
    EXPECT_XP_ERR(Arr(xp_searchsorted(x1, x2, &o)), XP_ERR_TYPE, "sorter");
    Arr short_s = make_real({0, 1}, XP_INT64);
    o.sorter = short_s;
    EXPECT_XP_ERR(Arr(xp_searchsorted(x1, x2, &o)), XP_ERR_VALUE, "sorter");
    Arr bad_s = make_real({0, 1, 3}, XP_INT64);
    o.sorter = bad_s;
    EXPECT_XP_ERR(Arr(xp_searchsorted(x1, x2, &o)), XP_ERR_INDEX, "sorter");
    o.sorter = nullptr;
    o.side = (xp_side)7;
    EXPECT_XP_ERR(Arr(xp_searchsorted(x1, x2, &o)), XP_ERR_VALUE, "side");
    Arr u = make_real({1, 2}, XP_UINT64);
    Arr i = make_real({1}, XP_INT64);
    EXPECT_XP_ERR(Arr(xp_searchsorted(u, i, nullptr)), XP_ERR_TYPE, "xp_searchsorted");
}

TEST(Searching, WhereMatchesReference) {
    std::mt19937 g(9);
    for (xp_dtype d : all_dtypes()) {
        Arr c = make(random_values(XP_BOOL, 12, g), XP_BOOL, {3, 1, 4});
        Arr x1 = make(random_values(d, 8, g), d, {2, 4});
        Arr x2 = make(random_values(d, 3, g), d, {3, 1, 1});
        auto cv = values(c), v1 = values(x1), v2 = values(x2);
        for (Arr &cc : layouts(c))
            for (Arr &a : layouts(x1)) {
                Arr r(xp_where(cc, a, x2));
                ASSERT_XP_OK(r);
                EXPECT_EQ(r.dtype(), d);
                ASSERT_EQ(r.shape(), (std::vector<int64_t>{3, 2, 4}));
                auto got = values(r);
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 2; j++)
                        for (int k = 0; k < 4; k++) {
                            cd w = cv[i * 4 + k].real() != 0 ? v1[j * 4 + k] : v2[i];
                            EXPECT_TRUE(same_bits_value(got[(i * 2 + j) * 4 + k], w));
                        }
            }
    }
    // weak scalar branches take the array's dtype
    Arr c = make_real({1, 0, 1}, XP_BOOL);
    Arr f = make_real({1, 2, 3}, XP_FLOAT32);
    Arr r(xp_where(c, f, Arr(xp_float(-1.0))));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(r), (std::vector<double>{1, -1, 3}));
    Arr ri(xp_where(c, Arr(xp_int(7)), make_real({1, 2, 3}, XP_INT16)));
    EXPECT_EQ(ri.dtype(), XP_INT16);
    EXPECT_EQ(reals(ri), (std::vector<double>{7, 2, 7}));
    Arr mixed(xp_where(c, make_real({1}, XP_INT8), make_real({1}, XP_FLOAT64)));
    EXPECT_EQ(mixed.dtype() == XP_FLOAT64 || mixed.failed(), true);
    EXPECT_XP_ERR(Arr(xp_where(f, f, f)), XP_ERR_TYPE, "condition");
    EXPECT_XP_ERR(Arr(xp_where(c, Arr(xp_int(1)), Arr(xp_int(2)))), XP_ERR_TYPE, "xp_where");
    EXPECT_XP_ERR(Arr(xp_where(c, make_real({1, 2}, XP_FLOAT32), f)), XP_ERR_VALUE, "xp_where");
}

TEST(Searching, IsinMatchesReference) {
    std::mt19937 g(10);
    for (xp_dtype d : all_dtypes()) {
        Arr x1 = make(random_values(d, 24, g, 0.2, 6), d, {4, 6});
        Arr x2 = make(random_values(d, 7, g, 0.2, 6), d, {7});
        auto v1 = values(x1), v2 = values(x2);
        for (bool inv : {false, true})
            for (Arr &a : layouts(x1)) {
                xp_isin_opts o = {inv};
                Arr r(xp_isin(a, x2, &o));
                ASSERT_XP_OK(r);
                EXPECT_EQ(r.dtype(), XP_BOOL);
                EXPECT_EQ(r.shape(), (std::vector<int64_t>{4, 6}));
                auto got = reals(r);
                for (size_t i = 0; i < v1.size(); i++) {
                    bool f = false;
                    for (auto w : v2) f |= v1[i] == w;  // == : NaN never, -0 == +0
                    EXPECT_EQ(got[i] != 0, f != inv) << dtype_str(d) << " " << v1[i];
                }
            }
    }
    Arr x = make_real({1, 5, 9}, XP_INT64);
    Arr r(xp_isin(Arr(xp_int(5)), x, nullptr));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.ndim(), 0);
    EXPECT_EQ(reals(r)[0], 1);
    EXPECT_EQ(reals(Arr(xp_isin(x, Arr(xp_int(9)), nullptr))), (std::vector<double>{0, 0, 1}));
    EXPECT_XP_ERR(Arr(xp_isin(x, make_real({1}, XP_UINT64), nullptr)), XP_ERR_TYPE, "xp_isin");
}
