// The extra module (array-api-extra's helpers), against values worked out by
// hand from NumPy's and SciPy's definitions; the suite runs it on every flavor.
#include "xp_test.h"

#include <cmath>

using namespace xpt;

TEST(Extra, SlidingWindowView) {
    Arr x(xp_arange(0, 6, 1, nullptr));
    int64_t w = 3;
    Arr v(xp_extra_sliding_window_view(x, 1, &w, nullptr));  // np: shape (4, 3)
    ASSERT_FALSE(v.failed()) << xp_error_message(v);
    EXPECT_EQ(xp_array_dim(v, 0), 4);
    EXPECT_EQ(xp_array_dim(v, 1), 3);
    EXPECT_EQ(reals(v), (std::vector<double>{0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5}));
    EXPECT_TRUE(xp_array_is_readonly(v));
    EXPECT_TRUE(xp_array_shares_memory(v, x));
    // Welch-style segments with a hop: every second window
    xp_index hop[2] = {XP_STEP(2), XP_ELLIPSIS};
    EXPECT_EQ(reals(Arr(xp_array_getitem(v, 2, hop))), (std::vector<double>{0, 1, 2, 2, 3, 4}));
    // along axis 1 of a (2, 4) array with window 2: shape (2, 3, 2)
    Arr m(xp_reshape(Arr(xp_arange(0, 8, 1, nullptr)), XP_SHAPE_CXX(2, 4), nullptr));
    xp_extra_window_opts o{};
    o.axis = xp_axes{1, true, {1}};
    int64_t w2 = 2;
    Arr mv(xp_extra_sliding_window_view(m, 1, &w2, &o));
    ASSERT_EQ(xp_array_ndim(mv), 3);
    EXPECT_EQ(xp_array_dim(mv, 1), 3);
    EXPECT_EQ(reals(mv), (std::vector<double>{0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7}));
    int64_t big = 7;
    EXPECT_XP_ERR(Arr(xp_extra_sliding_window_view(x, 1, &big, nullptr)), XP_ERR_VALUE,
                  "xp_extra_sliding_window_view");
    EXPECT_XP_ERR(Arr(xp_extra_sliding_window_view(m, 1, &w, nullptr)), XP_ERR_VALUE,
                  "window_shape");
}

TEST(Extra, Vander) {
    Arr x(make_real({1, 2, 3}, XP_FLOAT64));
    EXPECT_EQ(reals(Arr(xp_extra_vander(x, XP_EXTRA_SQUARE, false))),
              (std::vector<double>{1, 1, 1, 4, 2, 1, 9, 3, 1}));
    EXPECT_EQ(reals(Arr(xp_extra_vander(x, 3, true))),
              (std::vector<double>{1, 1, 1, 1, 2, 4, 1, 3, 9}));
    Arr v4(xp_extra_vander(x, 4, false));
    EXPECT_EQ(xp_array_dim(v4, 1), 4);
    EXPECT_EQ(reals(v4), (std::vector<double>{1, 1, 1, 1, 8, 4, 2, 1, 27, 9, 3, 1}));
    Arr xi(make_real({2, -1}, XP_INT32));
    Arr vi(xp_extra_vander(xi, 2, false));
    EXPECT_EQ(xp_array_dtype(vi), XP_INT32);
    EXPECT_EQ(reals(vi), (std::vector<double>{2, 1, -1, 1}));
    EXPECT_EQ(xp_array_dim(Arr(xp_extra_vander(x, 0, false)), 1), 0);
    EXPECT_XP_ERR(Arr(xp_extra_vander(x, -1, false)), XP_ERR_VALUE, "xp_extra_vander");
    EXPECT_XP_ERR(Arr(xp_extra_vander(Arr(xp_ones(XP_SHAPE_CXX(2, 2), nullptr)), 2, false)),
                  XP_ERR_VALUE, "xp_extra_vander");
}

TEST(Extra, Lstsq) {
    // the line through (0, 1), (1, 2), (2, 2): intercept 7/6, slope 1/2
    Arr a(make_real({1, 0, 1, 1, 1, 2}, XP_FLOAT64, {3, 2}));
    Arr b(make_real({1, 2, 2}, XP_FLOAT64));
    Arr x(xp_extra_lstsq(a, b));
    ASSERT_FALSE(x.failed()) << xp_error_message(x);
    std::vector<double> r = reals(x);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NEAR(r[0], 7.0 / 6.0, 1e-12);
    EXPECT_NEAR(r[1], 0.5, 1e-12);
    // rank-deficient: the minimum-norm solution of x0 + x1 = 2 is (1, 1)
    Arr d(make_real({1, 1, 1, 1}, XP_FLOAT64, {2, 2}));
    std::vector<double> m = reals(Arr(xp_extra_lstsq(d, Arr(make_real({2, 2}, XP_FLOAT64)))));
    ASSERT_EQ(m.size(), 2u);
    EXPECT_NEAR(m[0], 1.0, 1e-12);
    EXPECT_NEAR(m[1], 1.0, 1e-12);
    EXPECT_XP_ERR(Arr(xp_extra_lstsq(a, Arr(make_real({1, 2}, XP_FLOAT64)))), XP_ERR_VALUE,
                  "xp_extra_lstsq");
    EXPECT_XP_ERR(Arr(xp_extra_lstsq(Arr(make_real({1, 0, 0, 1}, XP_INT64, {2, 2})),
                                     Arr(make_real({1, 2}, XP_FLOAT64)))),
                  XP_ERR_TYPE, "xp_extra_lstsq");
}

TEST(Extra, NextFastLen) {
    // scipy.fft.next_fast_len
    EXPECT_EQ(xp_extra_next_fast_len(0, true), 0);
    EXPECT_EQ(xp_extra_next_fast_len(5, false), 5);
    EXPECT_EQ(xp_extra_next_fast_len(7, true), 8);
    EXPECT_EQ(xp_extra_next_fast_len(7, false), 7);
    EXPECT_EQ(xp_extra_next_fast_len(13, true), 15);
    EXPECT_EQ(xp_extra_next_fast_len(13, false), 14);
    EXPECT_EQ(xp_extra_next_fast_len(97, true), 100);
    EXPECT_EQ(xp_extra_next_fast_len(97, false), 98);
    EXPECT_EQ(xp_extra_next_fast_len(1021, true), 1024);
    EXPECT_EQ(xp_extra_next_fast_len(1000001, true), 1012500);
    EXPECT_EQ(xp_extra_next_fast_len(-1, true), -1);
    EXPECT_EQ(xp_last_error_status(), XP_ERR_VALUE);
}

TEST(Extra, AtUpdatesACopy) {
    Arr x(make_real({1, 2, 3, 4}, XP_FLOAT64));
    xp_index mid[1] = {XP_RANGE(1, 3)};
    EXPECT_EQ(reals(Arr(xp_extra_at_set(x, 1, mid, xp_float(0)))),
              (std::vector<double>{1, 0, 0, 4}));
    EXPECT_EQ(reals(x), (std::vector<double>{1, 2, 3, 4}));  // x unchanged
    // an index repeated: buffered, as NumPy's x[idx] += 10 (no accumulation)
    Arr idx(make_real({0, 0, 2}, XP_INT64));
    xp_index k[1] = {xp_index_array(idx)};
    EXPECT_EQ(reals(Arr(xp_extra_at_add(x, 1, k, xp_float(10)))),
              (std::vector<double>{11, 2, 13, 4}));
    xp_index even[1] = {XP_STEP(2)};
    EXPECT_EQ(reals(Arr(xp_extra_at_multiply(x, 1, even, xp_float(2)))),
              (std::vector<double>{2, 2, 6, 4}));
    EXPECT_EQ(reals(Arr(xp_extra_at(x, 1, even, XP_AT_MAX, xp_float(2)))),
              (std::vector<double>{2, 2, 3, 4}));
    Arr xi(make_real({1, 2}, XP_INT64));
    xp_index all[1] = {XP_ALL};
    EXPECT_XP_ERR(Arr(xp_extra_at(xi, 1, all, XP_AT_DIVIDE, xp_int(2))), XP_ERR_TYPE,
                  "xp_extra_at");
    xp_index out[1] = {xp_index_int(9)};
    EXPECT_XP_ERR(Arr(xp_extra_at_set(x, 1, out, xp_float(0))), XP_ERR_INDEX, "xp_extra_at");
}

namespace {
struct Seen {
    int64_t n1 = 0, n2 = 0;
};
xp_array *safe_sqrt(int, const xp_array *const *args, void *ctx) {
    static_cast<Seen *>(ctx)->n1 += xp_array_size(args[0]);
    return xp_sqrt(args[0]);  // only the selected (non-negative) elements arrive
}
xp_array *neg_times(int n, const xp_array *const *args, void *ctx) {
    static_cast<Seen *>(ctx)->n2 += xp_array_size(args[0]);
    EXPECT_EQ(n, 2);
    return xp_multiply(xp_negative(args[0]), args[1]);  // temporaries left to the scope
}
}  // namespace

TEST(Extra, ApplyWhere) {
    Arr x(make_real({-1, 4, 9, -16}, XP_FLOAT64));
    Arr y(make_real({2}, XP_FLOAT64));
    Arr cond(xp_greater_equal(x, xp_float(0)));
    Seen seen;
    const xp_array *args[2] = {x, y};
    Arr r(xp_extra_apply_where(cond, 2, args, safe_sqrt, neg_times, &seen, nullptr));
    ASSERT_FALSE(r.failed()) << xp_error_message(r);
    EXPECT_EQ(reals(r), (std::vector<double>{2, 2, 3, 32}));
    EXPECT_EQ(seen.n1, 2);
    EXPECT_EQ(seen.n2, 2);
    const xp_array *one[1] = {x};
    Arr f(xp_extra_apply_where(cond, 1, one, safe_sqrt, nullptr, &seen, xp_float(-1)));
    EXPECT_EQ(reals(f), (std::vector<double>{-1, 2, 3, -1}));
    EXPECT_XP_ERR(Arr(xp_extra_apply_where(x, 1, one, safe_sqrt, nullptr, &seen, xp_float(0))),
                  XP_ERR_TYPE, "xp_extra_apply_where");
    EXPECT_XP_ERR(Arr(xp_extra_apply_where(cond, 1, one, safe_sqrt, nullptr, &seen, nullptr)),
                  XP_ERR_TYPE, "xp_extra_apply_where");
}
