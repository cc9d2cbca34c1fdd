// fftfreq, rfftfreq, fftshift, ifftshift: portable core code on every flavor.
#include "fft_support.h"

using namespace xpt;

namespace {
xp_axes axes(std::initializer_list<int64_t> v) {
    xp_axes a{};
    a.tuple = true;
    for (int64_t x : v) a.v[a.n++] = x;
    return a;
}
}  // namespace

TEST(FftHelpers, Fftfreq) {
    Arr f(xp_fft_fftfreq(8, nullptr));
    ASSERT_XP_OK(f);
    EXPECT_EQ(f.dtype(), XP_FLOAT64);
    EXPECT_EQ(reals(f), (std::vector<double>{0, 0.125, 0.25, 0.375, -0.5, -0.375, -0.25, -0.125}));
    xp_fftfreq_opts o{};
    o.d = 0.5;
    Arr g(xp_fft_fftfreq(5, &o));
    EXPECT_EQ(reals(g), (std::vector<double>{0, 1 * 0.4, 2 * 0.4, -2 * 0.4, -1 * 0.4}));
    Arr one(xp_fft_fftfreq(1, nullptr));
    EXPECT_EQ(reals(one), std::vector<double>{0});
    o.dtype = XP_FLOAT32;
    Arr h(xp_fft_fftfreq(5, &o));
    EXPECT_EQ(h.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(h)[1], (double)0.4f);
}

TEST(FftHelpers, Rfftfreq) {
    Arr f(xp_fft_rfftfreq(8, nullptr));
    EXPECT_EQ(reals(f), (std::vector<double>{0, 0.125, 0.25, 0.375, 0.5}));  // Nyquist positive
    xp_fftfreq_opts o{};
    o.d = 2;
    Arr g(xp_fft_rfftfreq(7, &o));
    std::vector<double> want;
    for (int k = 0; k <= 3; k++) want.push_back(k * (1.0 / 14));
    EXPECT_EQ(reals(g), want);
}

TEST(FftHelpers, ZeroSpacingDividesByZero) {
    // d = 0.0 is a value, not "unset": the standard divides by d*n
    xp_fftfreq_opts o{};
    o.has_d = true;
    Arr f(xp_fft_fftfreq(4, &o));
    ASSERT_XP_OK(f);
    auto v = reals(f);
    ASSERT_EQ(v.size(), 4u);
    EXPECT_TRUE(std::isnan(v[0]));
    EXPECT_EQ(v[1], INFINITY);
    EXPECT_EQ(v[2], -INFINITY);
    EXPECT_EQ(v[3], -INFINITY);
    Arr r(xp_fft_rfftfreq(4, &o));
    auto w = reals(r);
    ASSERT_EQ(w.size(), 3u);
    EXPECT_TRUE(std::isnan(w[0]));
    EXPECT_EQ(w[2], INFINITY);
    o.d = 0.5;  // a nonzero spacing needs no flag
    o.has_d = false;
    EXPECT_EQ(reals(Arr(xp_fft_fftfreq(2, &o))), (std::vector<double>{0, -1}));
}

TEST(FftHelpers, FreqErrors) {
    EXPECT_XP_ERR(Arr(xp_fft_fftfreq(0, nullptr)), XP_ERR_VALUE, "xp_fft_fftfreq");
    EXPECT_XP_ERR(Arr(xp_fft_rfftfreq(-3, nullptr)), XP_ERR_VALUE, "'n'");
    xp_fftfreq_opts o{};
    o.dtype = XP_INT64;
    EXPECT_XP_ERR(Arr(xp_fft_fftfreq(4, &o)), XP_ERR_TYPE, "'dtype'");
    o.dtype = XP_COMPLEX128;
    EXPECT_XP_ERR(Arr(xp_fft_rfftfreq(4, &o)), XP_ERR_TYPE, "xp_fft_rfftfreq");
}

TEST(FftHelpers, ShiftsOneAxis) {
    Arr e = make_real({0, 1, 2, 3, 4, 5}, XP_FLOAT64), o = make_real({0, 1, 2, 3, 4}, XP_INT32);
    EXPECT_EQ(reals(Arr(xp_fft_fftshift(e, nullptr))), (std::vector<double>{3, 4, 5, 0, 1, 2}));
    EXPECT_EQ(reals(Arr(xp_fft_ifftshift(e, nullptr))), (std::vector<double>{3, 4, 5, 0, 1, 2}));
    Arr fo(xp_fft_fftshift(o, nullptr));
    EXPECT_EQ(fo.dtype(), XP_INT32);
    EXPECT_EQ(reals(fo), (std::vector<double>{3, 4, 0, 1, 2}));
    EXPECT_EQ(reals(Arr(xp_fft_ifftshift(o, nullptr))), (std::vector<double>{2, 3, 4, 0, 1}));
    EXPECT_EQ(reals(Arr(xp_fft_ifftshift(fo, nullptr))), reals(o));
    // fftshift(fftfreq(n)) is increasing.
    auto v = reals(Arr(xp_fft_fftshift(Arr(xp_fft_fftfreq(9, nullptr)), nullptr)));
    for (size_t i = 1; i < v.size(); i++) EXPECT_LT(v[i - 1], v[i]);
}

TEST(FftHelpers, ShiftsSeveralAxesAndStrided) {
    std::vector<double> v(12);
    for (int i = 0; i < 12; i++) v[i] = i;
    Arr a = make_real(v, XP_FLOAT64, {3, 4});
    Arr all(xp_fft_fftshift(a, nullptr));
    EXPECT_EQ(reals(all), (std::vector<double>{10, 11, 8, 9, 2, 3, 0, 1, 6, 7, 4, 5}));
    xp_fftshift_opts o{};
    o.axes = axes({-1});
    EXPECT_EQ(reals(Arr(xp_fft_fftshift(a, &o))), (std::vector<double>{2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9}));
    o.axes = axes({0});
    EXPECT_EQ(reals(Arr(xp_fft_ifftshift(a, &o))), (std::vector<double>{4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3}));
    Arr s = strided_copy(a, {true, true});
    EXPECT_EQ(reals(Arr(xp_fft_fftshift(s, nullptr))), reals(all));
    EXPECT_EQ(reals(Arr(xp_fft_ifftshift(Arr(xp_fft_fftshift(s, nullptr)), nullptr))), v);
    o.axes = axes({2});
    EXPECT_XP_ERR(Arr(xp_fft_fftshift(a, &o)), XP_ERR_INDEX, "'axes'");
    EXPECT_XP_ERR(Arr(xp_fft_ifftshift(nullptr, nullptr)), XP_ERR_TYPE, "xp_fft_ifftshift");
}
