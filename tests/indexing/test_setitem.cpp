// xp_array_setitem: basic keys, masks and integer arrays against a reference,
// value promotion and broadcasting, read-only arrays, aliasing, bad input.
#include "ix_ref.h"

using namespace ixt;

namespace {

xp_status set(xp_array *x, const std::vector<xp_index> &key, const xp_array *v) {
    return xp_array_setitem(x, (int)key.size(), key.data(), v);
}

int64_t rint(std::mt19937 &g, int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(g);
}

}  // namespace

TEST(Setitem, SliceAssignRandomAllDtypes) {
    // x[a:b:c, ...] = value (broadcast), checked element by element
    std::mt19937 g(7);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 20; rep++) {
            Shape s = rand_shape(g, 1, 3);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            int64_t n = s[0], step = rint(g, 1, 2) * (g() % 2 ? 1 : -1);
            int64_t a = rint(g, -n, n), b = rint(g, -n, n);
            std::vector<int64_t> rows;
            Arr probe = Arr(xp_arange_int(0, n, 1, nullptr));
            Arr sel = Arr(xp_array_getitem(probe, 1, std::vector<xp_index>{XP_SLICE(a, b, step)}.data()));
            for (double v : reals(sel)) rows.push_back((int64_t)v);
            // value: the trailing shape, or a column of extent 1 (broadcast)
            Shape vs(s.begin() + 1, s.end());
            if (!vs.empty() && g() % 2) vs[0] = 1;
            Ref vr{vs, rand_vals(g, dt, prod(vs))};
            Arr v = layout(make_ref(vr, dt), rep % 2, g);
            ASSERT_EQ(set(x, {XP_SLICE(a, b, step), XP_ELLIPSIS}, v), XP_OK);
            Shape rest(s.begin() + 1, s.end());
            for (int64_t r : rows)
                for (int64_t j = 0; j < prod(rest); j++) {
                    Shape post = unravel(rest, j), vi = post;
                    if (!vs.empty() && vs[0] == 1) vi[0] = 0;
                    Shape full{r};
                    full.insert(full.end(), post.begin(), post.end());
                    xr.v[ravel(s, full)] = vr.v[ravel(vs, vi)];
                }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_EQ(values(x), xr.v);
        }
}

TEST(Setitem, WeakScalarsAndPromotion) {
    Arr x = make_real({0, 0, 0}, XP_FLOAT32);
    EXPECT_EQ(set(x, {XP_I(0)}, Arr(xp_float(1.5))), XP_OK);
    EXPECT_EQ(set(x, {XP_I(1)}, Arr(xp_int(2))), XP_OK);
    EXPECT_EQ(set(x, {XP_I(2)}, make_real({3}, XP_INT8)), XP_ERR_TYPE);  // int8 → float32 is mixed kind
    EXPECT_EQ(reals(x), (std::vector<double>{1.5, 2, 0}));
    Arr i = make_real({0, 0}, XP_INT64);
    EXPECT_EQ(set(i, {XP_ALL}, make_real({7, 8}, XP_INT8)), XP_OK);  // int8 promotes to int64
    EXPECT_EQ(reals(i), (std::vector<double>{7, 8}));
    EXPECT_EQ(set(i, {XP_ALL}, Arr(xp_float(1.0))), XP_ERR_TYPE);
    Arr s = make_real({0, 0}, XP_INT8);
    EXPECT_EQ(set(s, {XP_ALL}, make_real({1, 2}, XP_INT64)), XP_ERR_TYPE);  // would narrow
    EXPECT_EQ(set(s, {XP_ALL}, Arr(xp_int(300))), XP_ERR_VALUE);           // out of range
    EXPECT_EQ(set(s, {XP_ALL}, make_real({1, 2}, XP_UINT8)), XP_ERR_TYPE);  // int16 ≠ int8
    Arr c = make({0, 0}, XP_COMPLEX64);
    EXPECT_EQ(set(c, {XP_I(0)}, Arr(xp_complex(1, 2))), XP_OK);
    EXPECT_EQ(set(c, {XP_I(1)}, make_real({3}, XP_FLOAT32)), XP_OK);
    EXPECT_EQ(values(c), (std::vector<cd>{cd(1, 2), cd(3, 0)}));
    EXPECT_EQ(set(c, {XP_I(1)}, make_real({3}, XP_FLOAT64)), XP_ERR_TYPE);
    Arr b = make_real({0, 0}, XP_BOOL);
    EXPECT_EQ(set(b, {XP_I(1)}, Arr(xp_bool(true))), XP_OK);
    EXPECT_EQ(set(b, {XP_I(1)}, Arr(xp_int(1))), XP_ERR_TYPE);
    EXPECT_EQ(reals(b), (std::vector<double>{0, 1}));
}

TEST(Setitem, ZeroDTarget) {
    Arr z = make_real({1}, XP_FLOAT64);
    EXPECT_EQ(xp_array_setitem(z, XP_KEY_EMPTY, Arr(xp_float(4))), XP_OK);
    EXPECT_EQ(reals(z), std::vector<double>{4});
    EXPECT_EQ(set(z, {XP_ELLIPSIS}, Arr(xp_float(5))), XP_OK);
    EXPECT_EQ(reals(z), std::vector<double>{5});
}

TEST(Setitem, MaskAssign) {
    std::mt19937 g(9);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 12; rep++) {
            Shape s = rand_shape(g, 1, 3);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            int m = (int)rint(g, 0, (int64_t)s.size());
            Shape ms(s.begin(), s.begin() + m), rest(s.begin() + m, s.end());
            Ref mr{ms, rand_vals(g, XP_BOOL, prod(ms))};
            Arr mask = layout(make_ref(mr, XP_BOOL), rep % 2, g);
            int64_t cnt = 0;
            for (auto &e : mr.v) cnt += e != cd(0);
            // value: (cnt, *rest) or just rest (broadcast over the selection)
            Shape vs = rest;
            if (g() % 2) vs.insert(vs.begin(), cnt);
            Ref vr{vs, rand_vals(g, dt, prod(vs))};
            ASSERT_EQ(set(x, {XP_IDX(mask)}, make_ref(vr, dt)), XP_OK);
            int64_t k = 0;
            for (int64_t i = 0; i < prod(ms); i++) {
                if (mr.v[i] == cd(0)) continue;
                Shape pre = unravel(ms, i);
                for (int64_t j = 0; j < prod(rest); j++) {
                    Shape post = unravel(rest, j), full = pre;
                    full.insert(full.end(), post.begin(), post.end());
                    Shape vi = post;
                    if (vs.size() > rest.size()) vi.insert(vi.begin(), k);
                    xr.v[ravel(s, full)] = vr.v[ravel(vs, vi)];
                }
                k++;
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_EQ(values(x), xr.v);
        }
    Arr x = make_real({1, 2, 3}, XP_INT32);
    EXPECT_EQ(set(x, {XP_IDX(make_real({0}, XP_BOOL))}, Arr(xp_int(9))), XP_OK);  // 0-D false
    EXPECT_EQ(reals(x), (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(set(x, {XP_IDX(make_real({1}, XP_BOOL))}, Arr(xp_int(9))), XP_OK);  // 0-D true
    EXPECT_EQ(reals(x), (std::vector<double>{9, 9, 9}));
    EXPECT_EQ(set(x, {XP_IDX(make_real({1, 0, 1}, XP_BOOL))}, make_real({1, 2, 3}, XP_INT32)),
              XP_ERR_VALUE);  // 3 values for 2 places
    EXPECT_EQ(set(x, {XP_IDX(make_real({1, 0}, XP_BOOL))}, Arr(xp_int(1))), XP_ERR_INDEX);
}

TEST(Setitem, IntegerArraysLastWriteWins) {
    Arr x = make_real({0, 0, 0, 0}, XP_FLOAT64);
    Arr idx = make_real({1, 3, 1, -1}, XP_INT64);
    EXPECT_EQ(set(x, {XP_IDX(idx)}, make_real({5, 6, 7, 8}, XP_FLOAT64)), XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 7, 0, 8}));
    Arr y = make_real({0, 1, 2, 3, 4, 5}, XP_INT16, {2, 3});
    EXPECT_EQ(set(y, {XP_IDX(make_real({0, 1}, XP_INT64)), XP_IDX(make_real({2, 0}, XP_INT8))},
                  Arr(xp_int(-1))),
              XP_OK);
    EXPECT_EQ(reals(y), (std::vector<double>{0, 1, -1, -1, 4, 5}));
    EXPECT_EQ(set(y, {XP_IDX(make_real({0, 2}, XP_INT64)), XP_I(0)}, Arr(xp_int(1))), XP_ERR_INDEX);
    EXPECT_EQ(set(y, {XP_IDX(make_real({0, 1}, XP_INT64)), XP_I(0)}, make_real({1, 2, 3}, XP_INT16)),
              XP_ERR_VALUE);
}

TEST(Setitem, AliasingValueIsCopiedFirst) {
    Arr x = make_real({0, 1, 2, 3, 4}, XP_INT64);
    Arr src = Arr(xp_array_getitem(x, 1, std::vector<xp_index>{XP_SLICE(XP_END, -1, 1)}.data()));
    EXPECT_EQ(set(x, {XP_SLICE(1, XP_END, 1)}, src), XP_OK);  // x[1:] = x[:-1]
    EXPECT_EQ(reals(x), (std::vector<double>{0, 0, 1, 2, 3}));
    Arr y = make_real({0, 1, 2, 3}, XP_FLOAT64, {2, 2});
    Arr t = Arr(xp_array_T(y));
    EXPECT_EQ(set(y, {XP_ELLIPSIS}, t), XP_OK);  // y[...] = y.T
    EXPECT_EQ(reals(y), (std::vector<double>{0, 2, 1, 3}));
}

TEST(Setitem, BadInput) {
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    EXPECT_EQ(set(x, {XP_ALL, XP_ALL}, make_real({1, 2}, XP_FLOAT64)), XP_ERR_VALUE);  // no broadcast
    EXPECT_EQ(set(x, {XP_I(0), XP_I(0), XP_I(0)}, Arr(xp_float(1))), XP_ERR_INDEX);
    EXPECT_EQ(set(x, {XP_ELLIPSIS, XP_ELLIPSIS}, Arr(xp_float(1))), XP_ERR_INDEX);
    EXPECT_EQ(set(x, {XP_I(5), XP_ALL}, Arr(xp_float(1))), XP_ERR_INDEX);
    EXPECT_EQ(set(x, {XP_ALL, XP_SLICE(0, 1, 0)}, Arr(xp_float(1))), XP_ERR_INDEX);
    EXPECT_EQ(set(x, {XP_ELLIPSIS}, nullptr), XP_ERR_TYPE);
    EXPECT_EQ(set(nullptr, {XP_ELLIPSIS}, Arr(xp_float(1))), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_DEVICE, "upstream"));
    EXPECT_EQ(set(x, {XP_ELLIPSIS}, e), XP_ERR_DEVICE);
    const int64_t sh[2] = {4, 3};
    Arr ro(xp_broadcast_to(make_real({1, 2, 3}, XP_FLOAT64), 2, sh));
    ASSERT_TRUE(xp_array_is_readonly(ro));
    EXPECT_EQ(set(ro, {XP_ELLIPSIS}, Arr(xp_float(1))), XP_ERR_VALUE);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3, 4, 5}));  // untouched throughout
}
