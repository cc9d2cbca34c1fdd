// concat, stack, unstack, tile, repeat, roll against nested-loop references;
// dtype promotion; copies never alias; bad input.
#include "../indexing/ix_ref.h"

using namespace ixt;

namespace {

int64_t rint(std::mt19937 &g, int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(g);
}

std::vector<const xp_array *> ptrs(const std::vector<Arr> &v) {
    std::vector<const xp_array *> p;
    for (auto &a : v) p.push_back(a.get());
    return p;
}

}  // namespace

TEST(Concat, RandomAllDtypes) {
    std::mt19937 g(31);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 12; rep++) {
            Shape s = rand_shape(g, 1, 3);
            int nd = (int)s.size(), ax = (int)rint(g, 0, nd - 1), n = (int)rint(g, 1, 4);
            std::vector<Arr> arrs;
            std::vector<Ref> refs;
            for (int i = 0; i < n; i++) {
                Shape si = s;
                si[ax] = rint(g, 0, 3);
                refs.push_back({si, rand_vals(g, dt, prod(si))});
                arrs.push_back(layout(make_ref(refs.back(), dt), (rep + i) % 3, g));
            }
            xp_concat_opts o = {g() % 2 ? ax : ax - nd, false};
            auto p = ptrs(arrs);
            Arr r(xp_concat(n, p.data(), &o));
            Ref want{s, {}};
            want.shape[ax] = 0;
            for (auto &rf : refs) want.shape[ax] += rf.shape[ax];
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o2 = unravel(want.shape, i);
                int k = 0;
                while (o2[ax] >= refs[k].shape[ax]) o2[ax] -= refs[k++].shape[ax];
                want.v.push_back(refs[k].v[ravel(refs[k].shape, o2)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
            for (auto &a : arrs) EXPECT_FALSE(xp_array_shares_memory(r, a));
            // axis None: everything flattened, in C order, one after the other
            xp_concat_opts none = {0, true};
            Arr f(xp_concat(n, p.data(), &none));
            Ref fw{{0}, {}};
            for (auto &rf : refs) fw.v.insert(fw.v.end(), rf.v.begin(), rf.v.end());
            fw.shape[0] = (int64_t)fw.v.size();
            EXPECT_REF(f, fw);
        }
}

TEST(Concat, PromotesAndRejects) {
    const char *fn = "xp_concat";
    Arr a = make_real({1, 2}, XP_INT8), b = make_real({3}, XP_INT32, {1}),
        c = make_real({4}, XP_FLOAT32, {1});
    std::vector<const xp_array *> ab{a, b}, ac{a, c};
    Arr r(xp_concat(2, ab.data(), nullptr));
    EXPECT_EQ(r.dtype(), XP_INT32);
    EXPECT_EQ(reals(r), (std::vector<double>{1, 2, 3}));
    EXPECT_XP_ERR(Arr(xp_concat(2, ac.data(), nullptr)), XP_ERR_TYPE, "arrays[1]");  // mixed kinds
    EXPECT_XP_ERR(Arr(xp_concat(0, ab.data(), nullptr)), XP_ERR_VALUE, fn);
    Arr m = make_real({1, 2, 3, 4}, XP_INT8, {2, 2}), z = make_real({1}, XP_INT8);
    std::vector<const xp_array *> am{a, m}, zz{z, z}, mm{m, m};
    EXPECT_XP_ERR(Arr(xp_concat(2, am.data(), nullptr)), XP_ERR_VALUE, "arrays[1]");
    EXPECT_XP_ERR(Arr(xp_concat(2, zz.data(), nullptr)), XP_ERR_VALUE, "0-D");
    xp_concat_opts none = {0, true};
    EXPECT_EQ(Arr(xp_concat(2, zz.data(), &none)).shape(), (Shape{2}));
    xp_concat_opts bad = {2, false};
    EXPECT_XP_ERR(Arr(xp_concat(2, mm.data(), &bad)), XP_ERR_INDEX, "axis");
    Arr m3 = make_real({1, 2, 3, 4, 5, 6}, XP_INT8, {2, 3});
    std::vector<const xp_array *> m23{m, m3};
    xp_concat_opts a1 = {1, false};
    EXPECT_EQ(Arr(xp_concat(2, m23.data(), &a1)).shape(), (Shape{2, 5}));
    EXPECT_XP_ERR(Arr(xp_concat(2, m23.data(), nullptr)), XP_ERR_VALUE, "arrays[1]");
    std::vector<const xp_array *> withnull{a, nullptr};
    EXPECT_XP_ERR(Arr(xp_concat(2, withnull.data(), nullptr)), XP_ERR_TYPE, "arrays[1]");
}

TEST(Stack, RandomAllDtypes) {
    std::mt19937 g(32);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 10; rep++) {
            Shape s = rand_shape(g, 0, 3);
            int nd = (int)s.size(), ax = (int)rint(g, 0, nd), n = (int)rint(g, 1, 3);
            std::vector<Arr> arrs;
            std::vector<Ref> refs;
            for (int i = 0; i < n; i++) {
                refs.push_back({s, rand_vals(g, dt, prod(s))});
                arrs.push_back(layout(make_ref(refs.back(), dt), (rep + i) % 3, g));
            }
            xp_stack_opts o = {g() % 2 ? ax : ax - nd - 1};
            auto p = ptrs(arrs);
            Arr r(xp_stack(n, p.data(), &o));
            Ref want{s, {}};
            want.shape.insert(want.shape.begin() + ax, n);
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o2 = unravel(want.shape, i);
                int k = (int)o2[ax];
                o2.erase(o2.begin() + ax);
                want.v.push_back(refs[k].v[ravel(s, o2)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
            // unstack is the inverse: views, one per index along the axis
            std::vector<xp_array *> out(n, nullptr);
            xp_stack_opts uo = {ax};
            ASSERT_EQ(xp_unstack(r, &uo, out.data()), XP_OK);
            for (int i = 0; i < n; i++) {
                Arr u(out[i]);
                EXPECT_REF(u, refs[i]);
                EXPECT_TRUE(xp_array_shares_memory(u, r));
            }
        }
}

TEST(Stack, BadInput) {
    Arr a = make_real({1, 2}, XP_INT8), b = make_real({3}, XP_INT8), c = make_real({1, 2}, XP_COMPLEX64);
    std::vector<const xp_array *> ab{a, b}, aa{a, a}, ac{a, c};
    EXPECT_XP_ERR(Arr(xp_stack(2, ab.data(), nullptr)), XP_ERR_VALUE, "arrays[1]");
    xp_stack_opts o = {2};
    EXPECT_XP_ERR(Arr(xp_stack(2, aa.data(), &o)), XP_ERR_INDEX, "axis");
    xp_stack_opts m = {-3};
    EXPECT_XP_ERR(Arr(xp_stack(2, aa.data(), &m)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_stack(2, ac.data(), nullptr)), XP_ERR_TYPE, "xp_stack");
    EXPECT_EQ(Arr(xp_stack(2, aa.data(), nullptr)).shape(), (Shape{2, 2}));
}

TEST(Unstack, BadInputAndSizing) {
    Arr x = make_real({1, 2, 3, 4, 5, 6}, XP_INT8, {2, 3});
    xp_stack_opts o = {-1};
    std::vector<xp_array *> out(xp_array_shape(x)[1], nullptr);
    ASSERT_EQ(xp_unstack(x, &o, out.data()), XP_OK);
    std::vector<Arr> own;
    for (auto *p : out) own.emplace_back(p);
    EXPECT_EQ(reals(own[2]), (std::vector<double>{3, 6}));
    xp_array *e[1] = {nullptr};
    xp_stack_opts bad = {2};
    EXPECT_EQ(xp_unstack(x, &bad, e), XP_ERR_INDEX);
    EXPECT_XP_ERR(Arr(e[0]), XP_ERR_INDEX, "xp_unstack");
    EXPECT_EQ(xp_unstack(make_real({1}, XP_INT8), nullptr, e), XP_ERR_INDEX);
    EXPECT_XP_ERR(Arr(e[0]), XP_ERR_INDEX, "0-D");
    EXPECT_EQ(xp_unstack(x, nullptr, nullptr), XP_ERR_TYPE);
}

TEST(Tile, RandomAllDtypes) {
    std::mt19937 g(33);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 10; rep++) {
            Shape s = rand_shape(g, 0, 3, 3);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            Shape reps = rand_shape(g, 0, 3, 3);
            Arr r(xp_tile(x, (int)reps.size(), reps.data()));
            size_t nd = std::max(s.size(), reps.size());
            Shape sp(nd - s.size(), 1), rp(nd - reps.size(), 1);
            sp.insert(sp.end(), s.begin(), s.end());
            rp.insert(rp.end(), reps.begin(), reps.end());
            Ref want{Shape(nd), {}};
            for (size_t d = 0; d < nd; d++) want.shape[d] = sp[d] * rp[d];
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o = unravel(want.shape, i);
                for (size_t d = 0; d < nd; d++) o[d] %= sp[d];
                want.v.push_back(xr.v[ravel(sp, o)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
        }
    int64_t neg[] = {-1};
    EXPECT_XP_ERR(Arr(xp_tile(make_real({1}, XP_INT8, {1}), 1, neg)), XP_ERR_VALUE, "xp_tile");
}

TEST(Repeat, RandomIntAndArrayRepeats) {
    std::mt19937 g(34);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 10; rep++) {
            Shape s = rand_shape(g, 0, 3);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            bool none = s.empty() || g() % 3 == 0;
            int ax = none ? 0 : (int)rint(g, 0, (int64_t)s.size() - 1);
            Shape base = none ? Shape{prod(s)} : s;
            Ref flat{base, xr.v};
            int64_t ext = base[ax];
            std::vector<int64_t> rv;
            Arr reps;
            int kind = (int)(g() % 3);
            if (kind == 0) {  // a Python int
                int64_t k = rint(g, 0, 3);
                rv.assign(ext, k);
                reps = Arr(xp_int(k));
            } else if (kind == 1) {  // one entry per element along the axis
                Ref rr{{ext}, {}};
                for (int64_t j = 0; j < ext; j++) {
                    rv.push_back(rint(g, 0, 3));
                    rr.v.push_back(double(rv.back()));
                }
                reps = make_ref(rr, XP_INT32);
            } else {  // a 1-element array broadcasts
                int64_t k = rint(g, 0, 2);
                rv.assign(ext, k);
                reps = make_real({double(k)}, XP_UINT8, {1});
            }
            xp_repeat_opts o = {};
            if (!none) o.axis = xp_axes XP_AXES(0), o.axis.v[0] = g() % 2 ? ax : ax - (int64_t)s.size();
            Arr r(xp_repeat(x, reps, none && g() % 2 ? nullptr : &o));
            Ref want{base, {}};
            int64_t total = 0;
            for (auto k : rv) total += k;
            want.shape[ax] = total;
            std::vector<int64_t> src;
            for (int64_t j = 0; j < ext; j++)
                for (int64_t t = 0; t < rv[j]; t++) src.push_back(j);
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o2 = unravel(want.shape, i);
                o2[ax] = src[o2[ax]];
                want.v.push_back(flat.v[ravel(base, o2)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep) + " kind " + std::to_string(kind));
            EXPECT_REF(r, want);
        }
}

TEST(Repeat, BadInput) {
    const char *fn = "xp_repeat";
    Arr x = make_real({1, 2, 3}, XP_INT8);
    EXPECT_XP_ERR(Arr(xp_repeat(x, Arr(xp_int(-1)), nullptr)), XP_ERR_VALUE, "negative");
    EXPECT_XP_ERR(Arr(xp_repeat(x, Arr(xp_float(1)), nullptr)), XP_ERR_TYPE, "repeats");
    EXPECT_XP_ERR(Arr(xp_repeat(x, make_real({1, 2}, XP_INT64), nullptr)), XP_ERR_VALUE, "repeats");
    EXPECT_XP_ERR(Arr(xp_repeat(x, make_real({1, 2, 3, 4}, XP_INT64, {2, 2}), nullptr)), XP_ERR_VALUE,
                  "1-D");
    xp_repeat_opts o = {XP_AXES(1)};
    EXPECT_XP_ERR(Arr(xp_repeat(x, Arr(xp_int(2)), &o)), XP_ERR_INDEX, "axis");
    xp_repeat_opts two = {XP_AXES(0, 0)};
    EXPECT_XP_ERR(Arr(xp_repeat(x, Arr(xp_int(2)), &two)), XP_ERR_INDEX, fn);
}

TEST(Roll, RandomAllDtypes) {
    std::mt19937 g(35);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 10; rep++) {
            Shape s = rand_shape(g, 0, 3);
            int nd = (int)s.size();
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            Ref want{s, std::vector<cd>(xr.v.size())};
            if (nd == 0 || g() % 3 == 0) {  // axis None: roll the flattened array
                int64_t sh = rint(g, -7, 7), n = prod(s);
                Arr r(xp_roll(x, 1, &sh, nullptr));
                for (int64_t i = 0; i < n; i++) want.v[((i + sh) % n + n) % n] = xr.v[i];
                SCOPED_TRACE(dtype_str(dt) + " flat rep " + std::to_string(rep));
                EXPECT_REF(r, want);
                continue;
            }
            xp_roll_opts o = {};
            o.axes.tuple = true;
            std::vector<int64_t> shifts, per(nd, 0);
            int k = (int)rint(g, 1, 3);
            bool one = g() % 2;
            int64_t common = rint(g, -5, 5);
            for (int i = 0; i < k; i++) {  // repeated axes add up
                int a = (int)rint(g, 0, nd - 1);
                o.axes.v[o.axes.n++] = g() % 2 ? a : a - nd;
                int64_t sh = one ? common : rint(g, -5, 5);
                if (!one) shifts.push_back(sh);
                per[a] += sh;
            }
            if (one) shifts.push_back(common);
            Arr r(xp_roll(x, (int)shifts.size(), shifts.data(), &o));
            for (int64_t i = 0; i < prod(s); i++) {
                Shape idx = unravel(s, i);
                for (int d = 0; d < nd; d++)
                    idx[d] = s[d] ? ((idx[d] + per[d]) % s[d] + s[d]) % s[d] : 0;
                want.v[ravel(s, idx)] = xr.v[i];
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
        }
}

TEST(Roll, BadInput) {
    Arr x = make_real({1, 2, 3, 4, 5, 6}, XP_INT8, {2, 3});
    int64_t sh2[] = {1, 2};
    EXPECT_XP_ERR(Arr(xp_roll(x, 2, sh2, nullptr)), XP_ERR_VALUE, "shift");
    xp_roll_opts o = {XP_AXES(0, 1, 0)};
    EXPECT_XP_ERR(Arr(xp_roll(x, 2, sh2, &o)), XP_ERR_VALUE, "shift");
    xp_roll_opts b = {XP_AXES(2)};
    EXPECT_XP_ERR(Arr(xp_roll(x, 1, sh2, &b)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_roll(x, 0, sh2, nullptr)), XP_ERR_VALUE, "xp_roll");
}
