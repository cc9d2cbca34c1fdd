// all, any, diff against naive references.
#include "../statistical/ref_util.h"

using namespace xpt;
using namespace xpt5;

namespace {
void check_all_any(bool all) {
    std::mt19937 g(17);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            Arr a = make(random_values(d, prod(shape), g, 0.3, 1), d, shape);
            auto exact = values(a);
            int nd = (int)shape.size();
            for (auto &ax : axis_choices(nd))
                for (bool keep : {false, true})
                    for (Arr &in : layouts(a)) {
                        xp_reduce_opts o = {};
                        o.axes = ax;
                        o.keepdims = keep;
                        Arr r(all ? xp_all(in, &o) : xp_any(in, &o));
                        ASSERT_XP_OK(r);
                        EXPECT_EQ(r.dtype(), XP_BOOL);
                        auto red = mask_of(nd, ax);
                        EXPECT_EQ(r.shape(), out_shape(shape, red, keep));
                        auto grp = groups(exact, shape, red);
                        auto got = reals(r);
                        for (size_t i = 0; i < grp.size(); i++) {
                            bool w = all;
                            for (auto v : grp[i]) {
                                bool t = v != cd(0, 0);  // NaN is true
                                w = all ? (w && t) : (w || t);
                            }
                            EXPECT_EQ(got[i] != 0, w) << dtype_str(d);
                        }
                    }
        }
}

// Integer results wrap to the dtype's width.
cd wrap(xp_dtype d, cd v) {
    if (!xp_isdtype(d, XP_KIND_INTEGRAL)) return v;
    int bits = 8 * (int)xp_dtype_size(d);
    uint64_t u = (uint64_t)(int64_t)v.real();
    if (bits < 64) u &= (uint64_t(1) << bits) - 1;
    if (xp_isdtype(d, XP_KIND_UNSIGNED)) return double(u);
    if (bits < 64 && (u >> (bits - 1))) return double(int64_t(u) - (int64_t(1) << bits));
    return double(int64_t(u));
}

std::vector<cd> ref_diff(std::vector<cd> v, std::vector<int64_t> shape, int axis, int64_t n, xp_dtype dt) {
    bool isbool = dt == XP_BOOL;
    for (int64_t rep = 0; rep < n && shape[axis] > 0; rep++) {
        int64_t outer = 1, inner = 1, m = shape[axis];
        for (int k = 0; k < axis; k++) outer *= shape[k];
        for (size_t k = axis + 1; k < shape.size(); k++) inner *= shape[k];
        std::vector<cd> w;
        for (int64_t o = 0; o < outer; o++)
            for (int64_t k = 0; k + 1 < m; k++)
                for (int64_t j = 0; j < inner; j++) {
                    cd a = v[(o * m + k + 1) * inner + j], b = v[(o * m + k) * inner + j];
                    w.push_back(isbool ? cd(a != b) : wrap(dt, a - b));
                }
        v = w;
        shape[axis]--;
    }
    return v;
}
}  // namespace

TEST(Utility, AllMatchesReference) { check_all_any(true); }
TEST(Utility, AnyMatchesReference) { check_all_any(false); }

TEST(Utility, DiffMatchesReference) {
    std::mt19937 g(19);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            int nd = (int)shape.size();
            if (nd == 0 || d == XP_UINT64) continue;  // uint64 wraps beyond doubles: below
            Arr a = make(random_values(d, prod(shape), g, 0.1, 9), d, shape);
            for (int axis = 0; axis < nd; axis++)
                for (int64_t n : {0, 1, 2, 5})
                    for (int pa = 0; pa < 4; pa++) {
                        std::vector<int64_t> ps = shape, as = shape;
                        ps[axis] = 2;
                        as[axis] = 1;
                        Arr pre = make(random_values(d, prod(ps), g, 0.1, 9), d, ps);
                        Arr app = make(random_values(d, prod(as), g, 0.1, 9), d, as);
                        // the concatenation, built by hand
                        std::vector<int64_t> cs = shape;
                        cs[axis] = shape[axis] + (pa & 1 ? 2 : 0) + (pa & 2 ? 1 : 0);
                        int64_t outer = 1, inner = 1;
                        for (int k = 0; k < axis; k++) outer *= shape[k];
                        for (int k = axis + 1; k < nd; k++) inner *= shape[k];
                        auto vp = values(pre), vx = values(a), va = values(app);
                        std::vector<cd> cat;
                        for (int64_t o = 0; o < outer; o++) {
                            if (pa & 1) for (int64_t k = 0; k < 2 * inner; k++) cat.push_back(vp[o * 2 * inner + k]);
                            for (int64_t k = 0; k < shape[axis] * inner; k++) cat.push_back(vx[o * shape[axis] * inner + k]);
                            if (pa & 2) for (int64_t k = 0; k < inner; k++) cat.push_back(va[o * inner + k]);
                        }
                        int64_t eff = n == 0 ? 1 : n;
                        auto want = ref_diff(cat, cs, axis, eff, d);
                        for (Arr &in : layouts(a)) {
                            xp_diff_opts o = {};
                            o.axis = one_axis(axis - nd);
                            o.n = n;
                            if (pa & 1) o.prepend = pre;
                            if (pa & 2) o.append = app;
                            Arr r(xp_diff(in, &o));
                            ASSERT_XP_OK(r);
                            EXPECT_EQ(r.dtype(), d);
                            std::vector<int64_t> rs = cs;
                            rs[axis] = std::max<int64_t>(cs[axis] - eff, 0);
                            EXPECT_EQ(r.shape(), rs);
                            auto got = values(r);
                            ASSERT_EQ(got.size(), want.size());
                            for (size_t i = 0; i < got.size(); i++)
                                EXPECT_TRUE(close(got[i], want[i], 0) ||
                                            (std::isnan(got[i].real()) && std::isnan(want[i].real())))
                                    << dtype_str(d) << " got " << got[i] << " want " << want[i];
                        }
                    }
        }
}

TEST(Utility, DiffUint64Wraps) {
    Arr a = make_real({3, 5, 4}, XP_UINT64);
    Arr r(xp_diff(a, nullptr));
    ASSERT_XP_OK(r);
    const uint64_t *p = (const uint64_t *)xp_array_data(r);
    EXPECT_EQ(p[0], 2u);
    EXPECT_EQ(p[1], UINT64_MAX);
}

TEST(Utility, DiffZeroTimesIsTheInputUnchanged) {
    // n = 0 is the standard's "no difference": output length M + N1 + N2 - 0
    Arr a = make_real({3, 5, 4, 10}, XP_INT16, {2, 2});
    Arr pre = make_real({7, 8}, XP_INT16, {2, 1});
    xp_diff_opts o = {};
    o.has_n = true;
    o.prepend = pre;
    Arr r(xp_diff(a, &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_INT16);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(reals(r), (std::vector<double>{7, 3, 5, 8, 4, 10}));
    o.prepend = nullptr;
    Arr s(xp_diff(a, &o));
    EXPECT_EQ(reals(s), (std::vector<double>{3, 5, 4, 10}));
    o.has_n = false;  // unset: the default n = 1
    EXPECT_EQ(reals(Arr(xp_diff(a, &o))), (std::vector<double>{2, 6}));
}

TEST(Utility, DiffBadInput) {
    Arr a = make({}, XP_FLOAT64, {2, 3});
    xp_diff_opts o = {};
    Arr bad = make({}, XP_FLOAT64, {3, 1});
    o.prepend = bad;
    EXPECT_XP_ERR(Arr(xp_diff(a, &o)), XP_ERR_VALUE, "prepend");
    o.prepend = nullptr;
    Arr bad2 = make({}, XP_FLOAT64, {2});
    o.append = bad2;
    EXPECT_XP_ERR(Arr(xp_diff(a, &o)), XP_ERR_VALUE, "append");
    o.append = nullptr;
    o.n = -1;
    EXPECT_XP_ERR(Arr(xp_diff(a, &o)), XP_ERR_VALUE, "'n'");
    o.n = 1;
    o.axis = one_axis(2);
    EXPECT_XP_ERR(Arr(xp_diff(a, &o)), XP_ERR_INDEX, "xp_diff");
    EXPECT_XP_ERR(Arr(xp_diff(make({cd(1)}, XP_FLOAT64), nullptr)), XP_ERR_VALUE, "xp_diff");
    Arr u = make({}, XP_UINT64, {2, 1});
    o = {};
    o.append = u;
    EXPECT_XP_ERR(Arr(xp_diff(make({}, XP_INT8, {2, 3}), &o)), XP_ERR_TYPE, "xp_diff");
    // dtype of a promoted prepend
    Arr p = make({}, XP_INT32, {2, 1});
    o.append = nullptr;
    o.prepend = p;
    Arr r(xp_diff(make({}, XP_INT8, {2, 3}), &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_INT32);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{2, 3}));
}

TEST(Utility, AllAnyEmptyAndBadAxis) {
    Arr e = make({}, XP_FLOAT32, {0});
    EXPECT_EQ(reals(Arr(xp_all(e, nullptr)))[0], 1);
    EXPECT_EQ(reals(Arr(xp_any(e, nullptr)))[0], 0);
    Arr n = make_real({NAN, INFINITY}, XP_FLOAT64);
    EXPECT_EQ(reals(Arr(xp_all(n, nullptr)))[0], 1);
    xp_reduce_opts o = {};
    o.axes = one_axis(1);
    EXPECT_XP_ERR(Arr(xp_any(n, &o)), XP_ERR_INDEX, "xp_any");
}
