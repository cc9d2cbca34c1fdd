// Broadcasting: broadcast_shapes, broadcast_to, broadcast_arrays, and the shared
// iterator (exercised through copies of broadcast and strided views).
#include "xp_test.h"

#include <random>

using namespace xpt;

static xp_status bshapes(std::vector<std::vector<int64_t>> shapes, std::vector<int64_t> *out) {
    std::vector<int> nd;
    std::vector<const int64_t *> ptrs;
    for (auto &s : shapes) {
        nd.push_back((int)s.size());
        ptrs.push_back(s.data());
    }
    int ond = -1;
    int64_t os[XP_MAX_NDIM];
    xp_status st = xp_broadcast_shapes((int)shapes.size(), nd.data(), ptrs.data(), &ond, os);
    if (st == XP_OK) out->assign(os, os + ond);
    return st;
}

TEST(Broadcast, Shapes) {
    std::vector<int64_t> r;
    ASSERT_EQ(bshapes({{8, 1, 6, 1}, {7, 1, 5}}, &r), XP_OK);
    EXPECT_EQ(r, (std::vector<int64_t>{8, 7, 6, 5}));
    ASSERT_EQ(bshapes({}, &r), XP_OK);
    EXPECT_TRUE(r.empty());
    ASSERT_EQ(bshapes({{0, 1}, {1, 3}}, &r), XP_OK);
    EXPECT_EQ(r, (std::vector<int64_t>{0, 3}));
    ASSERT_EQ(bshapes({{}, {2, 1}, {3}}, &r), XP_OK);
    EXPECT_EQ(r, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(bshapes({{2, 3}, {3, 2}}, &r), XP_ERR_VALUE);
    EXPECT_EQ(bshapes({{0}, {2}}, &r), XP_ERR_VALUE);  // zero broadcasts only with 0 or 1
    EXPECT_EQ(bshapes({{-1}}, &r), XP_ERR_VALUE);
    int ond;
    int64_t os[XP_MAX_NDIM];
    EXPECT_EQ(xp_broadcast_shapes(1, nullptr, nullptr, &ond, os), XP_ERR_VALUE);
    int big = 65;
    int64_t ones[65] = {};
    const int64_t *p = ones;
    EXPECT_EQ(xp_broadcast_shapes(1, &big, &p, &ond, os), XP_ERR_VALUE);
}

TEST(Broadcast, ToIsAReadOnlyViewWithZeroStrides) {
    Arr x = make_real({1, 2, 3}, XP_INT32);
    Arr b(xp_broadcast_to(x, XP_SHAPE_CXX(2, 3)));
    ASSERT_XP_OK(b);
    EXPECT_TRUE(xp_array_shares_memory(b, x));
    EXPECT_EQ(xp_array_strides(b)[0], 0);
    EXPECT_TRUE(xp_array_is_readonly(b));
    EXPECT_EQ(reals(b), (std::vector<double>{1, 2, 3, 1, 2, 3}));
    Arr same(xp_broadcast_to(x, XP_SHAPE_CXX(3)));
    EXPECT_FALSE(xp_array_is_readonly(same));  // nothing repeated
    Arr zero(xp_broadcast_to(x, XP_SHAPE_CXX(0, 3)));
    EXPECT_EQ(zero.size(), 0);
    Arr err(xp_broadcast_to(x, XP_SHAPE_CXX(2, 4)));
    EXPECT_XP_ERR(err, XP_ERR_VALUE, "xp_broadcast_to");
    EXPECT_NE(std::string(xp_error_message(err)).find("'shape'"), std::string::npos);
    EXPECT_XP_ERR(Arr(xp_broadcast_to(x, XP_SHAPE_CXX(1))), XP_ERR_VALUE, "xp_broadcast_to");
    EXPECT_XP_ERR(Arr(xp_broadcast_to(x, 0, nullptr)), XP_ERR_VALUE, "xp_broadcast_to");
    EXPECT_XP_ERR(Arr(xp_broadcast_to(x, XP_SHAPE_CXX(-1, 3))), XP_ERR_VALUE, "xp_broadcast_to");
    EXPECT_XP_ERR(Arr(xp_broadcast_to(nullptr, XP_SHAPE_CXX(3))), XP_ERR_TYPE, "xp_broadcast_to");
}

TEST(Broadcast, Arrays) {
    Arr a = make_real({1, 2, 3}, XP_FLOAT64), b = make_real({10, 20}, XP_INT8, {2, 1});
    const xp_array *in[2] = {a, b};
    xp_array *out[2];
    ASSERT_EQ(xp_broadcast_arrays(2, in, out), XP_OK);
    Arr oa(out[0]), ob(out[1]);
    EXPECT_EQ(oa.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(ob.dtype(), XP_INT8);  // dtypes are kept
    EXPECT_EQ(reals(ob), (std::vector<double>{10, 10, 10, 20, 20, 20}));
    Arr c = make_real({1, 2}, XP_FLOAT64);
    const xp_array *bad[2] = {a, c};
    EXPECT_EQ(xp_broadcast_arrays(2, bad, out), XP_ERR_VALUE);
    Arr e0(out[0]), e1(out[1]);
    EXPECT_XP_ERR(e0, XP_ERR_VALUE, "xp_broadcast_arrays");
    EXPECT_EQ(e0.get(), e1.get());
    xp_create_opts cpu1 = {XP_FLOAT64, XP_DEVICE_CPU1};
    Arr d(xp_ones(XP_SHAPE_CXX(3), &cpu1));
    const xp_array *devs[2] = {a, d};
    EXPECT_EQ(xp_broadcast_arrays(2, devs, out), XP_ERR_DEVICE);
    Arr f0(out[0]), f1(out[1]);
    EXPECT_XP_ERR(f0, XP_ERR_DEVICE, "xp_broadcast_arrays");
    const xp_array *withnull[2] = {a, nullptr};
    EXPECT_EQ(xp_broadcast_arrays(2, withnull, out), XP_ERR_TYPE);
    Arr g0(out[0]), g1(out[1]);
    EXPECT_EQ(xp_broadcast_arrays(0, nullptr, nullptr), XP_OK);
}

// The iterator against a nested-loop reference: copies of random broadcast,
// strided and negative-stride views, for random shapes.
TEST(Broadcast, IteratorMatchesNestedLoops) {
    std::mt19937 rng(1234);
    for (int trial = 0; trial < 200; trial++) {
        int nd = rng() % 5;
        std::vector<int64_t> shape(nd), src_shape(nd);
        for (int d = 0; d < nd; d++) {
            shape[d] = rng() % 4;  // zero-size included
            src_shape[d] = (rng() % 3 == 0) ? 1 : shape[d];
        }
        int64_t n = 1;
        for (auto s : src_shape) n *= s;
        std::vector<double> v(n);
        for (auto &e : v) e = (double)(rng() % 1000);
        xp_dtype dt = all_dtypes()[1 + rng() % 10];  // real dtypes: astype to float64 below
        Arr src = make_real(v, dt, src_shape.empty() ? std::vector<int64_t>{} : src_shape);
        if (nd == 0) src = make_real({v.empty() ? 0.0 : v[0]}, dt, {});
        std::vector<bool> flip(nd);
        for (int d = 0; d < nd; d++) flip[d] = rng() % 2;
        Arr s = nd ? strided_copy(src, flip) : src;
        Arr b(xp_broadcast_to(s, nd, shape.data()));
        ASSERT_XP_OK(b);
        xp_create_opts o = {XP_FLOAT64, XP_DEVICE_DEFAULT};
        Arr dst(xp_zeros(nd, shape.data(), &o));
        Arr c(xp_astype(b, XP_FLOAT64, nullptr));
        ASSERT_XP_OK(c);
        // reference: nested loops over the broadcast shape
        std::vector<double> want, got = reals(c);
        int64_t total = 1;
        for (auto e : shape) total *= e;
        std::vector<int64_t> idx(nd, 0);
        auto sv = reals(src);
        for (int64_t i = 0; i < total; i++) {
            int64_t flat = 0;
            for (int d = 0; d < nd; d++) flat = flat * src_shape[d] + (src_shape[d] == 1 ? 0 : idx[d]);
            want.push_back(sv[flat]);
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        EXPECT_EQ(got, want) << "trial " << trial;
    }
}
