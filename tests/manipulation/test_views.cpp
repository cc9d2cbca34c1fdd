// Manipulation functions returning views: expand_dims, flip, moveaxis,
// permute_dims, squeeze, reshape, T, mT — against a reference permutation of
// the elements; views share the buffer; bad axes.
#include "../indexing/ix_ref.h"

using namespace ixt;

namespace {

int64_t rint(std::mt19937 &g, int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(g);
}

// Reference of a transposition: out axis d is x axis perm[d].
Ref permute_ref(const Ref &x, const std::vector<int> &perm) {
    Ref r;
    for (int p : perm) r.shape.push_back(x.shape[p]);
    for (int64_t i = 0; i < prod(r.shape); i++) {
        Shape o = unravel(r.shape, i), s(x.shape.size());
        for (size_t d = 0; d < perm.size(); d++) s[perm[d]] = o[d];
        r.v.push_back(x.v[ravel(x.shape, s)]);
    }
    return r;
}

struct Case {
    Ref ref;
    Arr x;
    xp_dtype dt;
};

// Random input of every dtype in turn and every layout.
template <class F>
void each_case(uint32_t seed, int reps, int lo, int hi, F f) {
    std::mt19937 g(seed);
    for (xp_dtype dt : all_dtypes())
        for (int rep = 0; rep < reps; rep++) {
            Shape s = rand_shape(g, lo, hi);
            Ref r{s, rand_vals(g, dt, prod(s))};
            Arr x = layout(make_ref(r, dt), rep % 3, g);
            SCOPED_TRACE(dtype_str(dt) + " rep " + std::to_string(rep));
            f(g, Case{r, x, dt});
        }
}

void expect_view_of(const Arr &v, const Arr &x) { EXPECT_TRUE(xp_array_shares_memory(v, x)); }

}  // namespace

TEST(PermuteDims, RandomAllDtypes) {
    each_case(21, 12, 0, 4, [](std::mt19937 &g, const Case &c) {
        int nd = (int)c.ref.shape.size();
        std::vector<int> perm(nd);
        std::iota(perm.begin(), perm.end(), 0);
        std::shuffle(perm.begin(), perm.end(), g);
        std::vector<int64_t> axes;
        for (int p : perm) axes.push_back(g() % 2 ? p : p - nd);  // negative axes too
        Arr r(xp_permute_dims(c.x, nd, axes.data()));
        EXPECT_REF(r, permute_ref(c.ref, perm));
        expect_view_of(r, c.x);
    });
}

TEST(PermuteDims, BadAxes) {
    Arr x(xp_zeros(XP_SHAPE_CXX(2, 3, 4), nullptr));
    auto p = [&](std::vector<int64_t> a) { return Arr(xp_permute_dims(x, (int)a.size(), a.data())); };
    EXPECT_XP_ERR(p({0, 1}), XP_ERR_VALUE, "xp_permute_dims");
    EXPECT_XP_ERR(p({0, 1, 1}), XP_ERR_VALUE, "repeated");
    EXPECT_XP_ERR(p({0, 1, 3}), XP_ERR_INDEX, "axes");
    EXPECT_XP_ERR(p({0, 1, -4}), XP_ERR_INDEX, "axes");
    EXPECT_XP_ERR(p({0, 1, -3}), XP_ERR_VALUE, "repeated");
}

TEST(MatrixAttributes, TAndmT) {
    each_case(22, 8, 2, 4, [](std::mt19937 &, const Case &c) {
        int nd = (int)c.ref.shape.size();
        std::vector<int> perm(nd);
        std::iota(perm.begin(), perm.end(), 0);
        std::swap(perm[nd - 1], perm[nd - 2]);
        Arr m(xp_array_mT(c.x));
        EXPECT_REF(m, permute_ref(c.ref, perm));
        expect_view_of(m, c.x);
        Arr t(xp_array_T(c.x));
        if (nd == 2) {
            EXPECT_REF(t, permute_ref(c.ref, perm));
        } else {
            EXPECT_XP_ERR(t, XP_ERR_VALUE, "xp_array_T");
        }
    });
    EXPECT_XP_ERR(Arr(xp_array_mT(make_real({1, 2}, XP_FLOAT64))), XP_ERR_VALUE, "xp_array_mT");
    EXPECT_XP_ERR(Arr(xp_array_T(make_real({1, 2}, XP_FLOAT64))), XP_ERR_VALUE, "xp_array_T");
}

TEST(Moveaxis, RandomAllDtypes) {
    each_case(23, 10, 1, 4, [](std::mt19937 &g, const Case &c) {
        int nd = (int)c.ref.shape.size();
        int k = (int)rint(g, 1, nd);
        std::vector<int> all(nd);
        std::iota(all.begin(), all.end(), 0);
        std::vector<int> src = all, dst = all;
        std::shuffle(src.begin(), src.end(), g);
        std::shuffle(dst.begin(), dst.end(), g);
        src.resize(k);
        dst.resize(k);
        // reference: NumPy's rule — the others keep their order, sources land at dst
        std::vector<int> perm(nd, -1), rest;
        for (int a = 0; a < nd; a++)
            if (std::find(src.begin(), src.end(), a) == src.end()) rest.push_back(a);
        for (int i = 0; i < k; i++) perm[dst[i]] = src[i];
        for (int d = 0, j = 0; d < nd; d++)
            if (perm[d] < 0) perm[d] = rest[j++];
        std::vector<int64_t> s64(src.begin(), src.end()), d64;
        for (int d : dst) d64.push_back(g() % 2 ? d : d - nd);
        Arr r(xp_moveaxis(c.x, k, s64.data(), k, d64.data()));
        EXPECT_REF(r, permute_ref(c.ref, perm));
        expect_view_of(r, c.x);
    });
    Arr x(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    int64_t a0[] = {0}, a01[] = {0, 1}, a00[] = {0, 0}, a5[] = {5};
    EXPECT_XP_ERR(Arr(xp_moveaxis(x, 1, a0, 2, a01)), XP_ERR_VALUE, "xp_moveaxis");
    EXPECT_XP_ERR(Arr(xp_moveaxis(x, 2, a00, 2, a01)), XP_ERR_VALUE, "repeated");
    EXPECT_XP_ERR(Arr(xp_moveaxis(x, 1, a5, 1, a0)), XP_ERR_INDEX, "source");
    EXPECT_XP_ERR(Arr(xp_moveaxis(x, 1, a0, 1, a5)), XP_ERR_INDEX, "destination");
}

TEST(ExpandDims, RandomAndTuple) {
    each_case(24, 8, 0, 3, [](std::mt19937 &g, const Case &c) {
        int nd = (int)c.ref.shape.size();
        int k = (int)rint(g, 0, 3), out = nd + k;
        std::vector<int> pos(out);
        std::iota(pos.begin(), pos.end(), 0);
        std::shuffle(pos.begin(), pos.end(), g);
        pos.resize(k);
        std::vector<int64_t> ax;
        for (int p : pos) ax.push_back(g() % 2 ? p : p - out);
        Ref want{{}, c.ref.v};
        for (int d = 0, s = 0; d < out; d++)
            want.shape.push_back(std::find(pos.begin(), pos.end(), d) != pos.end() ? 1 : c.ref.shape[s++]);
        Arr r(xp_expand_dims(c.x, k, ax.data()));
        EXPECT_REF(r, want);
        expect_view_of(r, c.x);
    });
    Arr x(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    int64_t a3[] = {2}, a4[] = {-3}, a00[] = {0, 0}, a3m[] = {3}, a4m[] = {-4};
    EXPECT_EQ(Arr(xp_expand_dims(x, 1, a3)).shape(), (Shape{2, 3, 1}));
    EXPECT_EQ(Arr(xp_expand_dims(x, 1, a4)).shape(), (Shape{1, 2, 3}));
    EXPECT_XP_ERR(Arr(xp_expand_dims(x, 1, a3m)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_expand_dims(x, 1, a4m)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_expand_dims(x, 2, a00)), XP_ERR_VALUE, "repeated");
}

TEST(Squeeze, RandomAndErrors) {
    each_case(25, 8, 0, 4, [](std::mt19937 &g, const Case &c) {
        Shape s = c.ref.shape;
        std::vector<int64_t> ax;
        Ref want{{}, c.ref.v};
        for (int d = 0; d < (int)s.size(); d++)
            if (s[d] == 1 && g() % 2) ax.push_back(g() % 2 ? d : d - (int64_t)s.size());
            else want.shape.push_back(s[d]);
        Arr r(xp_squeeze(c.x, (int)ax.size(), ax.data()));
        EXPECT_REF(r, want);
        expect_view_of(r, c.x);
    });
    Arr x(xp_zeros(XP_SHAPE_CXX(1, 3, 1), nullptr));
    int64_t a1[] = {1}, a3[] = {3}, a00[] = {0, -3}, a02[] = {0, 2};
    EXPECT_XP_ERR(Arr(xp_squeeze(x, 1, a1)), XP_ERR_VALUE, "extent");
    EXPECT_XP_ERR(Arr(xp_squeeze(x, 1, a3)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_squeeze(x, 2, a00)), XP_ERR_VALUE, "repeated");
    EXPECT_EQ(Arr(xp_squeeze(x, 2, a02)).shape(), (Shape{3}));
}

TEST(Flip, RandomAllDtypes) {
    each_case(26, 10, 0, 4, [](std::mt19937 &g, const Case &c) {
        Shape s = c.ref.shape;
        int nd = (int)s.size();
        xp_flip_opts o = {};
        std::vector<bool> fl(nd, true);
        if (g() % 3) {  // a tuple of axes (possibly empty), else None = all
            o.axes.tuple = true;
            for (int d = 0; d < nd; d++) {
                fl[d] = g() % 2;
                if (fl[d]) o.axes.v[o.axes.n++] = g() % 2 ? d : d - nd;
            }
        }
        Ref want{s, {}};
        for (int64_t i = 0; i < prod(s); i++) {
            Shape idx = unravel(s, i);
            for (int d = 0; d < nd; d++)
                if (fl[d]) idx[d] = s[d] - 1 - idx[d];
            want.v.push_back(c.ref.v[ravel(s, idx)]);
        }
        Arr r(xp_flip(c.x, g() % 2 || o.axes.tuple ? &o : nullptr));
        EXPECT_REF(r, want);
        expect_view_of(r, c.x);
    });
    Arr x(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    xp_flip_opts o = {XP_AXES(2)};
    EXPECT_XP_ERR(Arr(xp_flip(x, &o)), XP_ERR_INDEX, "axis");
    xp_flip_opts d = {XP_AXES(1, -1)};
    EXPECT_XP_ERR(Arr(xp_flip(x, &d)), XP_ERR_VALUE, "repeated");
}

TEST(Reshape, RandomValuesKeepCOrder) {
    each_case(27, 12, 0, 4, [](std::mt19937 &g, const Case &c) {
        int64_t n = prod(c.ref.shape);
        // a random factorisation of n (or a shape with a zero when n == 0)
        Shape ns;
        int64_t left = n;
        if (n == 0) {
            ns = {0, rint(g, 1, 3)};
        } else {
            for (int64_t f = 2; f <= left;)
                if (left % f == 0 && g() % 2) {
                    ns.push_back(f);
                    left /= f;
                } else {
                    f++;
                }
            if (left > 1) ns.push_back(left);
            if (g() % 3 == 0) ns.insert(ns.begin() + rint(g, 0, (int64_t)ns.size()), 1);
        }
        Shape req = ns;
        if (!req.empty() && n > 0 && g() % 2) req[rint(g, 0, (int64_t)req.size() - 1)] = -1;
        xp_reshape_opts o = {g() % 2 ? XP_COPY_TRUE : XP_COPY_DEFAULT};
        Arr r(xp_reshape(c.x, (int)req.size(), req.data(), &o));
        EXPECT_REF(r, (Ref{ns, c.ref.v}));
        if (o.copy == XP_COPY_TRUE) {
            EXPECT_FALSE(xp_array_shares_memory(r, c.x));
        }
        // copy=False: a view when possible (then the same values), else VALUE
        xp_reshape_opts nf = {XP_COPY_FALSE};
        Arr v(xp_reshape(c.x, (int)req.size(), req.data(), &nf));
        if (!v.failed()) {
            EXPECT_REF(v, (Ref{ns, c.ref.v}));
            expect_view_of(v, c.x);
        } else {
            EXPECT_XP_ERR(v, XP_ERR_VALUE, "copy");
        }
        if (c.ref.shape.size() <= 1 || c.x.size() == 0) {
            EXPECT_FALSE(v.failed());
        }
    });
}

TEST(Reshape, ViewWhenStridesAllowCopyOtherwise) {
    Arr x(xp_arange_int(0, 24, 1, nullptr));
    Arr a(xp_reshape(x, XP_SHAPE_CXX(2, 3, 4), nullptr));
    expect_view_of(a, x);
    Arr b(xp_reshape(a, XP_SHAPE_CXX(6, -1), nullptr));
    expect_view_of(b, x);
    Arr t(xp_permute_dims(a, XP_SHAPE_CXX(0, 2, 1)));  // (2, 4, 3)
    xp_reshape_opts nf = {XP_COPY_FALSE};
    EXPECT_XP_ERR(Arr(xp_reshape(t, XP_SHAPE_CXX(2, 12), &nf)), XP_ERR_VALUE, "xp_reshape");
    Arr c(xp_reshape(t, XP_SHAPE_CXX(2, 12), nullptr));
    ASSERT_XP_OK(c);
    EXPECT_FALSE(xp_array_shares_memory(c, x));
    EXPECT_EQ(reals(c)[1], 4);
    Arr m(xp_reshape(Arr(xp_array_getitem(a, 3, std::vector<xp_index>{XP_ALL, XP_ALL, XP_SLICE(XP_END, XP_END, 2)}.data())),
                     XP_SHAPE_CXX(6, 2), &nf));  // merging strided leading axes is fine
    EXPECT_XP_OK(m);
    // a write through a reshape view reaches the base
    std::vector<xp_index> k{XP_I(5), XP_I(3)};
    ASSERT_EQ(xp_array_setitem(b, 2, k.data(), Arr(xp_int(-1))), XP_OK);
    EXPECT_EQ(reals(x)[23], -1);
}

TEST(Reshape, BadShapes) {
    const char *fn = "xp_reshape";
    Arr x(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(4, 2), nullptr)), XP_ERR_VALUE, fn);
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(-1, -1), nullptr)), XP_ERR_VALUE, "-1");
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(-1, 4), nullptr)), XP_ERR_VALUE, fn);
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(-2, 3), nullptr)), XP_ERR_VALUE, "negative");
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(0, -1), nullptr)), XP_ERR_VALUE, fn);
    EXPECT_XP_ERR(Arr(xp_reshape(x, XP_SHAPE_CXX(INT64_MAX, 4), nullptr)), XP_ERR_VALUE, fn);
    Arr s(xp_reshape(make_real({3}, XP_INT8, {1, 1}), 0, nullptr, nullptr));
    EXPECT_EQ(s.ndim(), 0);
    EXPECT_EQ(reals(s), std::vector<double>{3});
}

TEST(Views, WritesReachTheBaseAndCopiesNeverAlias) {
    Arr x(xp_reshape(Arr(xp_arange_int(0, 6, 1, nullptr)), XP_SHAPE_CXX(2, 3), nullptr));
    std::vector<xp_index> k00{XP_I(0), XP_I(0)};
    xp_flip_opts all = {};
    Arr f(xp_flip(x, &all));  // f[0, 0] is x[1, 2]
    ASSERT_EQ(xp_array_setitem(f, 2, k00.data(), Arr(xp_int(50))), XP_OK);
    Arr t(xp_array_T(x));  // t[2, 0] is x[0, 2]
    std::vector<xp_index> k20{XP_I(2), XP_I(0)};
    ASSERT_EQ(xp_array_setitem(t, 2, k20.data(), Arr(xp_int(20))), XP_OK);
    int64_t a0[] = {0};
    Arr e(xp_expand_dims(x, 1, a0));  // (1, 2, 3)
    std::vector<xp_index> k011{XP_I(0), XP_I(1), XP_I(1)};
    ASSERT_EQ(xp_array_setitem(e, 3, k011.data(), Arr(xp_int(40))), XP_OK);
    Arr s(xp_squeeze(e, 1, a0));
    std::vector<xp_index> k01{XP_I(0), XP_I(1)};
    ASSERT_EQ(xp_array_setitem(s, 2, k01.data(), Arr(xp_int(10))), XP_OK);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 10, 20, 3, 40, 50}));
    // copies: tile, repeat, concat, stack, roll, take, reshape(copy=True)
    std::vector<const xp_array *> one{x};
    int64_t r1[] = {1}, sh[] = {1};
    xp_reshape_opts ct = {XP_COPY_TRUE};
    xp_take_opts tk = {XP_AXES(1)};
    Arr copies[] = {Arr(xp_tile(x, 1, r1)), Arr(xp_repeat(x, Arr(xp_int(1)), nullptr)),
                    Arr(xp_concat(1, one.data(), nullptr)), Arr(xp_stack(1, one.data(), nullptr)),
                    Arr(xp_roll(x, 1, sh, nullptr)), Arr(xp_take(x, make_real({0}, XP_INT64, {1}), &tk)),
                    Arr(xp_reshape(x, XP_SHAPE_CXX(6), &ct))};
    for (auto &c : copies) {
        ASSERT_XP_OK(c);
        EXPECT_FALSE(xp_array_shares_memory(c, x));
    }
}

// NumPy's size rule: the extents other than 0 must multiply without overflow even
// when another extent is 0 (an empty array), so no loop over a shape overflows.
// The fuzz target fuzz_shapes found tile making such a shape (and a sum over it
// then overflowing int64 inside the reduction).
TEST(Shapes, EmptyArraysWithOverflowingExtentsAreRefused) {
    const int64_t big = INT64_C(1) << 62;
    Arr e(xp_zeros(XP_SHAPE_CXX(0), nullptr));
    EXPECT_XP_ERR(Arr(xp_zeros(XP_SHAPE_CXX(big, 8, 0), nullptr)), XP_ERR_OVERFLOW, "xp_zeros");
    EXPECT_XP_ERR(Arr(xp_reshape(e, XP_SHAPE_CXX(big, 8, 0), nullptr)), XP_ERR_VALUE, "overflows");
    Arr t(xp_reshape(e, XP_SHAPE_CXX(1, 1, 4, 0), nullptr));
    ASSERT_FALSE(t.failed());
    EXPECT_XP_ERR(Arr(xp_tile(t, XP_SHAPE_CXX(4, big, 1, 1))), XP_ERR_OVERFLOW, "xp_tile");
    EXPECT_XP_ERR(Arr(xp_broadcast_to(e, XP_SHAPE_CXX(big, 8, 0))), XP_ERR_OVERFLOW,
                  "xp_broadcast_to");
    // within the limit an empty array with large extents is fine
    Arr ok(xp_zeros(XP_SHAPE_CXX(big / 64, 0, 7), nullptr));
    ASSERT_FALSE(ok.failed());
    EXPECT_EQ(ok.size(), 0);
}
