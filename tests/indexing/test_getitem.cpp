// xp_array_getitem: every clause of the standard's indexing rules (spec-notes
// §5) against a nested-loop reference, all dtypes and layouts, and bad keys.
#include "ix_ref.h"

using namespace ixt;

namespace {

// Python's slice.indices, written as a plain enumeration.
std::vector<int64_t> slice_list(int64_t n, int64_t start, int64_t stop, int64_t step) {
    if (step == XP_END) step = 1;
    std::vector<int64_t> r;
    auto norm = [&](int64_t v, int64_t lo, int64_t hi) {
        if (v < 0) v += n;
        return std::min(std::max(v, lo), hi);
    };
    if (step > 0) {
        int64_t a = start == XP_END ? 0 : norm(start, 0, n);
        int64_t b = stop == XP_END ? n : norm(stop, 0, n);
        for (int64_t i = a; i < b; i += step) r.push_back(i);
    } else {
        int64_t a = start == XP_END ? n - 1 : norm(start, -1, n - 1);
        int64_t b = stop == XP_END ? -1 : norm(stop, -1, n - 1);
        for (int64_t i = a; i > b; i += step) r.push_back(i);
    }
    return r;
}

// Reference of a basic key (ints, slices, ellipsis, newaxis).
Ref basic_ref(const Ref &x, const std::vector<xp_index> &key) {
    int consumed = 0;
    for (auto &k : key) consumed += k.kind == XP_INDEX_INT || k.kind == XP_INDEX_SLICE;
    // per output axis: a list of source indices for source axis `src` (-1: new axis)
    std::vector<std::vector<int64_t>> lists;
    std::vector<int> src;
    Shape fixed(x.shape.size(), 0);
    int ax = 0;
    for (auto &k : key) {
        if (k.kind == XP_INDEX_ELLIPSIS) {
            for (int r = (int)x.shape.size() - consumed; r > 0; r--, ax++) {
                std::vector<int64_t> l(x.shape[ax]);
                std::iota(l.begin(), l.end(), 0);
                lists.push_back(l);
                src.push_back(ax);
            }
        } else if (k.kind == XP_INDEX_NEWAXIS) {
            lists.push_back({0});
            src.push_back(-1);
        } else if (k.kind == XP_INDEX_INT) {
            fixed[ax] = k.i < 0 ? k.i + x.shape[ax] : k.i;
            ax++;
        } else {
            lists.push_back(slice_list(x.shape[ax], k.start, k.stop, k.step));
            src.push_back(ax++);
        }
    }
    Ref r;
    for (auto &l : lists) r.shape.push_back((int64_t)l.size());
    for (int64_t i = 0; i < prod(r.shape); i++) {
        Shape o = unravel(r.shape, i), s = fixed;
        for (size_t d = 0; d < o.size(); d++)
            if (src[d] >= 0) s[src[d]] = lists[d][o[d]];
        r.v.push_back(x.v[ravel(x.shape, s)]);
    }
    return r;
}

int64_t rint(std::mt19937 &g, int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(g);
}

// A random valid basic key for shape s.
std::vector<xp_index> rand_basic_key(std::mt19937 &g, const Shape &s) {
    std::vector<xp_index> key;
    bool ell = g() % 2;
    int nd = (int)s.size();
    int skip_from = ell ? (int)rint(g, 0, nd) : nd, skip_n = ell ? (int)rint(g, 0, nd - skip_from) : 0;
    for (int d = 0; d <= nd; d++) {
        if (ell && d == skip_from) {
            key.push_back(XP_ELLIPSIS);
            d += skip_n;
            if (d >= nd) break;
        }
        if (d == nd) break;
        if (g() % 6 == 0) key.push_back(XP_NEWAXIS);
        int64_t n = s[d];
        if (n > 0 && g() % 3 == 0) {
            key.push_back(XP_I(rint(g, -n, n - 1)));
        } else {
            auto b = [&]() { return g() % 3 == 0 ? (int64_t)XP_END : rint(g, -n - 2, n + 2); };
            int64_t step = g() % 3 == 0 ? (int64_t)XP_END : rint(g, 1, 3) * (g() % 2 ? 1 : -1);
            key.push_back(XP_SLICE(b(), b(), step));
        }
    }
    if (g() % 6 == 0) key.push_back(XP_NEWAXIS);
    return key;
}

Arr get(const xp_array *x, const std::vector<xp_index> &key) {
    return Arr(xp_array_getitem(x, (int)key.size(), key.data()));
}

}  // namespace

TEST(Getitem, BasicRandomAllDtypesAndLayouts) {
    std::mt19937 g(4);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 40; rep++) {
            Shape s = rand_shape(g, 0, 4);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            auto key = rand_basic_key(g, s);
            Arr r = get(x, key);
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, basic_ref(xr, key));
            EXPECT_EQ(r.dtype(), dt);
            EXPECT_TRUE(xp_array_shares_memory(r, x));  // a view
        }
}

TEST(Getitem, SliceClauses) {
    Arr x = make_real({0, 1, 2, 3, 4}, XP_INT64);
    auto r = [&](int64_t a, int64_t b, int64_t c) {
        return reals(get(x, {XP_SLICE(a, b, c)}));
    };
    using V = std::vector<double>;
    EXPECT_EQ(r(XP_END, XP_END, -1), (V{4, 3, 2, 1, 0}));
    EXPECT_EQ(r(1, XP_END, XP_END), (V{1, 2, 3, 4}));
    EXPECT_EQ(r(-2, XP_END, 1), (V{3, 4}));
    EXPECT_EQ(r(-10, 10, 2), (V{0, 2, 4}));            // clipped
    EXPECT_EQ(r(3, XP_END, -2), (V{3, 1}));
    EXPECT_EQ(r(XP_END, -6, -1), (V{4, 3, 2, 1, 0}));  // j = -n-1
    EXPECT_EQ(r(4, 0, -1), (V{4, 3, 2, 1}));
    EXPECT_EQ(r(2, 2, 1), (V{}));
    EXPECT_EQ(r(3, 1, 1), (V{}));
    EXPECT_EQ(r(1, 3, -1), (V{}));
    EXPECT_EQ(r(0, 5, INT64_MAX), (V{0}));
    EXPECT_EQ(r(XP_END, XP_END, INT64_MIN + 1), (V{4}));
}

TEST(Getitem, ZeroDResults) {
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT32, {2, 3});
    Arr e = get(x, {XP_I(1), XP_I(-1)});
    ASSERT_XP_OK(e);
    EXPECT_EQ(e.ndim(), 0);
    EXPECT_EQ(reals(e), std::vector<double>{5});
    Arr z = make_real({7}, XP_INT8);
    ASSERT_EQ(z.ndim(), 0);
    Arr a = Arr(xp_array_getitem(z, XP_KEY_EMPTY));  // z[()]
    EXPECT_EQ(a.ndim(), 0);
    EXPECT_EQ(reals(a), std::vector<double>{7});
    Arr b = get(z, {XP_ELLIPSIS});  // z[...]
    EXPECT_EQ(b.ndim(), 0);
    Arr c = get(z, {XP_NEWAXIS, XP_ELLIPSIS, XP_NEWAXIS});
    EXPECT_EQ(c.shape(), (Shape{1, 1}));
    Arr d = get(x, {XP_ELLIPSIS, XP_I(0)});  // x[..., 0]
    EXPECT_EQ(reals(d), (std::vector<double>{0, 3}));
    Arr f = get(x, {XP_SLICE(1, XP_END, 1), XP_SLICE(XP_END, XP_END, -1), XP_NEWAXIS});
    EXPECT_EQ(f.shape(), (Shape{1, 3, 1}));
    EXPECT_EQ(reals(f), (std::vector<double>{5, 4, 3}));
}

TEST(Getitem, ViewsShareTheBuffer) {
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    Arr v = get(x, {XP_ALL, XP_SLICE(XP_END, XP_END, -2)});
    ASSERT_XP_OK(v);
    ASSERT_EQ(xp_array_setitem(v, 2, std::vector<xp_index>{XP_I(1), XP_I(0)}.data(),
                               Arr(xp_float(9.5))),
              XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3, 4, 9.5}));
    Arr c = get(x, {XP_IDX(make_real({1}, XP_INT64, {1})), XP_IDX(make_real({0}, XP_INT64, {1}))});
    ASSERT_XP_OK(c);
    EXPECT_FALSE(xp_array_shares_memory(c, x));  // integer arrays copy
}

TEST(Getitem, BadBasicKeys) {
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    const char *fn = "xp_array_getitem";
    EXPECT_XP_ERR(get(x, {XP_I(0), XP_I(0), XP_I(0)}), XP_ERR_INDEX, fn);      // too many
    EXPECT_XP_ERR(get(x, {XP_I(0)}), XP_ERR_INDEX, fn);                        // too few
    EXPECT_XP_ERR(get(x, {XP_ELLIPSIS, XP_ELLIPSIS}), XP_ERR_INDEX, "ellipsis");
    EXPECT_XP_ERR(get(x, {XP_I(2), XP_ALL}), XP_ERR_INDEX, "key[0]");
    EXPECT_XP_ERR(get(x, {XP_I(-3), XP_ALL}), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(get(x, {XP_ALL, XP_I(3)}), XP_ERR_INDEX, "key[1]");
    EXPECT_XP_ERR(get(x, {XP_ALL, XP_SLICE(0, 2, 0)}), XP_ERR_INDEX, "step");
    EXPECT_XP_ERR(Arr(xp_array_getitem(x, 2, nullptr)), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(Arr(xp_array_getitem(x, -1, nullptr)), XP_ERR_INDEX, fn);
    xp_index bad = XP_I(0);
    bad.kind = (xp_index_kind)99;
    EXPECT_XP_ERR(Arr(xp_array_getitem(x, 1, &bad)), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(Arr(xp_array_getitem(nullptr, 0, nullptr)), XP_ERR_TYPE, fn);
    Arr e(xp_error_new(XP_ERR_NOMEM, "upstream"));
    Arr r = get(e, {XP_I(0)});
    EXPECT_EQ(r.get(), e.get());  // error arrays pass through untouched
    std::vector<xp_index> many(65, XP_NEWAXIS);
    EXPECT_XP_ERR(get(x, many), XP_ERR_INDEX, fn);  // more than 64 dimensions
}

// ---- integer arrays ------------------------------------------------------------

TEST(Getitem, IntegerArraysRandom) {
    std::mt19937 g(41);
    const xp_dtype idx_dts[] = {XP_INT64, XP_INT32, XP_UINT8, XP_INT8, XP_UINT64};
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 20; rep++) {
            Shape s = rand_shape(g, 1, 3);
            for (auto &e : s) e = std::max<int64_t>(e, 1);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            // index shapes that broadcast: each a suffix of a common shape with 1s
            Shape common = rand_shape(g, 0, 3);
            std::vector<Arr> idx;
            std::vector<Ref> iref;
            std::vector<xp_index> key;
            bool uns = false;
            for (size_t d = 0; d < s.size(); d++) {
                if (g() % 4 == 0) {  // a plain integer
                    int64_t v = rint(g, -s[d], s[d] - 1);
                    key.push_back(XP_I(v));
                    iref.push_back({{}, {cd(double(v))}});
                    idx.emplace_back();
                    continue;
                }
                Shape is(common.begin() + rint(g, 0, (int64_t)common.size()), common.end());
                for (auto &e : is)
                    if (g() % 3 == 0) e = 1;
                xp_dtype idt = idx_dts[g() % 5];
                Ref r{is, {}};
                for (int64_t i = 0; i < prod(is); i++) {
                    bool u = !xp_isdtype(idt, XP_KIND_SIGNED);
                    int64_t v = rint(g, u ? 0 : -s[d], s[d] - 1);
                    r.v.push_back(double(v));
                }
                uns |= idt == XP_UINT64;
                idx.push_back(layout(make_ref(r, idt), rep % 2, g));
                iref.push_back(r);
                key.push_back(XP_IDX(idx.back()));
            }
            (void)uns;
            Arr res = get(x, key);
            // reference: broadcast every index to the common result shape
            Shape rs;
            for (auto &r : iref)
                if (r.shape.size() > rs.size()) rs.resize(r.shape.size(), 1);
            for (auto &r : iref)
                for (size_t d = 0; d < r.shape.size(); d++) {
                    int64_t &t = rs[rs.size() - r.shape.size() + d];
                    if (r.shape[d] != 1) t = r.shape[d];
                }
            Ref want{rs, {}};
            bool all_ints = true;
            for (auto &k : key) all_ints &= k.kind == XP_INDEX_INT;
            if (all_ints) want.shape = {};
            for (int64_t i = 0; i < prod(want.shape); i++) {
                Shape o = unravel(want.shape, i), src(s.size());
                for (size_t d = 0; d < s.size(); d++) {
                    const Ref &r = iref[d];
                    Shape ii(r.shape.size());
                    for (size_t k = 0; k < ii.size(); k++)
                        ii[k] = r.shape[k] == 1 ? 0 : o[o.size() - ii.size() + k];
                    int64_t v = (int64_t)r.v[ravel(r.shape, ii)].real();
                    src[d] = v < 0 ? v + s[d] : v;
                }
                want.v.push_back(xr.v[ravel(s, src)]);
            }
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(res, want);
        }
}

TEST(Getitem, ZeroDIntegerArrayActsAsInteger) {
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_INT16, {2, 3});
    Arr i0 = make_real({-1}, XP_INT64);  // 0-D
    Arr r = get(x, {XP_IDX(i0), XP_SLICE(XP_END, XP_END, -1)});
    ASSERT_XP_OK(r);
    EXPECT_TRUE(xp_array_shares_memory(r, x));
    EXPECT_EQ(reals(r), (std::vector<double>{5, 4, 3}));
    Arr u = make_real({1}, XP_UINT8);
    Arr e = get(x, {XP_IDX(u), XP_IDX(i0)});
    EXPECT_EQ(e.ndim(), 0);
    EXPECT_EQ(reals(e), std::vector<double>{5});
}

TEST(Getitem, DuplicateIndicesAllowed) {
    Arr x = make_real({10, 11, 12}, XP_FLOAT64);
    Arr r = get(x, {XP_IDX(make_real({2, 2, 0, -1}, XP_INT64))});
    EXPECT_EQ(reals(r), (std::vector<double>{12, 12, 10, 12}));
}

TEST(Getitem, BadIntegerArrays) {
    const char *fn = "xp_array_getitem";
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    Arr i2 = make_real({0, 1}, XP_INT64, {2});
    Arr i3 = make_real({0, 1, 2}, XP_INT64, {3});
    EXPECT_XP_ERR(get(x, {XP_IDX(i2), XP_IDX(i3)}), XP_ERR_INDEX, "broadcast");
    EXPECT_XP_ERR(get(x, {XP_IDX(i2), XP_ALL}), XP_ERR_INDEX, fn);        // mixed with a slice
    EXPECT_XP_ERR(get(x, {XP_IDX(i2), XP_ELLIPSIS}), XP_ERR_INDEX, fn);   // with an ellipsis
    EXPECT_XP_ERR(get(x, {XP_IDX(i2)}), XP_ERR_INDEX, fn);                // too few
    EXPECT_XP_ERR(get(x, {XP_IDX(i2), XP_I(0), XP_I(0)}), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(get(x, {XP_IDX(make_real({0, 2}, XP_INT64)), XP_I(0)}), XP_ERR_INDEX, "key[0]");
    EXPECT_XP_ERR(get(x, {XP_I(0), XP_IDX(make_real({-4}, XP_INT32))}), XP_ERR_INDEX, "key[1]");
    EXPECT_XP_ERR(get(x, {XP_I(0), XP_IDX(make_real({3}, XP_UINT64))}), XP_ERR_INDEX, "key[1]");
    Arr big = make_real({0}, XP_UINT64, {1});
    *(uint64_t *)xp_array_data(big) = UINT64_MAX;  // would wrap to -1
    EXPECT_XP_ERR(get(x, {XP_I(0), XP_IDX(big)}), XP_ERR_INDEX, "key[1]");
    Arr big0 = make_real({0}, XP_UINT64);
    *(uint64_t *)xp_array_data(big0) = UINT64_MAX;
    EXPECT_XP_ERR(get(x, {XP_I(0), XP_IDX(big0)}), XP_ERR_INDEX, "key[1]");
    EXPECT_XP_ERR(get(x, {XP_IDX(make_real({0}, XP_FLOAT64, {1})), XP_I(0)}), XP_ERR_INDEX,
                  "integer or boolean");
    EXPECT_XP_ERR(get(x, {XP_IDX(make_real({0}, XP_COMPLEX64, {1})), XP_I(0)}), XP_ERR_INDEX, fn);
    EXPECT_XP_ERR(get(x, {XP_IDX(nullptr), XP_I(0)}), XP_ERR_TYPE, "key[0]");
}

// ---- boolean masks ---------------------------------------------------------------

TEST(Getitem, MasksRandom) {
    std::mt19937 g(44);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < 24; rep++) {
            Shape s = rand_shape(g, 0, 4);
            Ref xr{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(xr, dt), rep % 3, g);
            int m = (int)rint(g, 0, (int64_t)s.size());
            Shape ms(s.begin(), s.begin() + m);
            Ref mr{ms, rand_vals(g, XP_BOOL, prod(ms))};
            Arr mask = layout(make_ref(mr, XP_BOOL), (rep / 3) % 3, g);
            Arr r = get(x, {XP_IDX(mask)});
            Shape rest(s.begin() + m, s.end());
            Ref want;
            int64_t cnt = 0;
            for (int64_t i = 0; i < prod(ms); i++) {
                if (mr.v[i] == cd(0)) continue;
                cnt++;
                Shape pre = unravel(ms, i);
                for (int64_t j = 0; j < prod(rest); j++) {
                    Shape post = unravel(rest, j), full = pre;
                    full.insert(full.end(), post.begin(), post.end());
                    want.v.push_back(xr.v[ravel(s, full)]);
                }
            }
            want.shape = {cnt};
            want.shape.insert(want.shape.end(), rest.begin(), rest.end());
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            EXPECT_REF(r, want);
        }
}

TEST(Getitem, LargeContiguousMask) {
    // the branch-free path: true and false runs, last element false
    int64_t n = 1000;
    std::vector<double> xv(n), mv(n);
    std::vector<double> want;
    for (int64_t i = 0; i < n; i++) {
        xv[i] = double(i);
        mv[i] = (i % 7 == 0 || (i / 50) % 2) && i < n - 3;
        if (mv[i] != 0) want.push_back(xv[i]);
    }
    for (xp_dtype dt : {XP_FLOAT64, XP_INT16, XP_UINT8, XP_COMPLEX128, XP_FLOAT32}) {
        Arr r = get(make_real(xv, dt), {XP_IDX(make_real(mv, XP_BOOL))});
        std::vector<double> w = want;
        if (dt == XP_UINT8)
            for (auto &e : w) e = double(uint8_t(int64_t(e)));
        EXPECT_EQ(reals(r), w) << dtype_str(dt);
    }
}

TEST(Getitem, ZeroDMask) {
    Arr x = make_real({1, 2, 3}, XP_INT32);
    Arr t = get(x, {XP_IDX(Arr(make_real({1}, XP_BOOL)))});
    EXPECT_EQ(t.shape(), (Shape{1, 3}));
    EXPECT_EQ(reals(t), (std::vector<double>{1, 2, 3}));
    Arr f = get(x, {XP_IDX(Arr(make_real({0}, XP_BOOL)))});
    EXPECT_EQ(f.shape(), (Shape{0, 3}));
    Arr z = make_real({5}, XP_INT32);
    Arr zt = get(z, {XP_IDX(Arr(make_real({1}, XP_BOOL)))});
    EXPECT_EQ(zt.shape(), (Shape{1}));
    EXPECT_EQ(reals(zt), std::vector<double>{5});
}

TEST(Getitem, BadMasks) {
    const char *fn = "xp_array_getitem";
    Arr x = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64, {2, 3});
    Arr m3 = make_real({1, 0, 1}, XP_BOOL, {3});
    EXPECT_XP_ERR(get(x, {XP_IDX(m3)}), XP_ERR_INDEX, "mask extent");
    Arr m222 = make_real({1, 0, 1, 0, 1, 0, 1, 0}, XP_BOOL, {2, 2, 2});
    EXPECT_XP_ERR(get(x, {XP_IDX(m222)}), XP_ERR_INDEX, fn);
    Arr m2 = make_real({1, 0}, XP_BOOL, {2});
    EXPECT_XP_ERR(get(x, {XP_IDX(m2), XP_ALL}), XP_ERR_INDEX, "sole");
    EXPECT_XP_ERR(get(x, {XP_NEWAXIS, XP_IDX(m2)}), XP_ERR_INDEX, "sole");
    EXPECT_XP_ERR(get(x, {XP_IDX(m2), XP_ELLIPSIS}), XP_ERR_INDEX, "sole");
}

// A mask extent of 0 selects nothing whatever the array's extent (spec-notes §5).
TEST(GetitemMask, ZeroExtentMaskSelectsNothing) {
    Arr x = xpt::make_real({7}, XP_FLOAT64, {1});
    Arr m(xp_zeros(XP_SHAPE_CXX(0), &(const xp_create_opts &)xp_create_opts{XP_BOOL, XP_DEVICE_DEFAULT}));
    xp_index key[1] = {xp_index_array(m)};
    Arr r(xp_array_getitem(x, 1, key));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{0}));
    Arr m2 = xpt::make_real({1, 0}, XP_BOOL, {2});  // a nonzero extent must match
    xp_index key2[1] = {xp_index_array(m2)};
    EXPECT_XP_ERR(Arr(xp_array_getitem(x, 1, key2)), XP_ERR_INDEX, "xp_array_getitem");
}
