// Special values of the kernels the project writes itself (not the full
// special-cases table, which has its own tests): Python-style float floor
// division and remainder, round half to even, logaddexp, and the complex
// functions C lacks (expm1, log1p, log2, log10, sign, pow with a zero exponent).
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {
const double inf = INFINITY;
bool same(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}
void expect_bin(xp_array *(*f)(const xp_array *, const xp_array *), std::vector<double> a,
                std::vector<double> b, std::vector<double> want) {
    for (xp_dtype d : {XP_FLOAT32, XP_FLOAT64}) {
        Arr x = make_real(a, d), y = make_real(b, d);
        std::vector<double> got = reals(Arr(f(x, y)));
        ASSERT_EQ(got.size(), want.size());
        for (size_t i = 0; i < want.size(); i++)
            EXPECT_TRUE(same(got[i], d == XP_FLOAT32 ? (double)(float)want[i] : want[i])) << dtype_str(d) << " at (" << a[i] << ", " << b[i]
                                               << "): got " << got[i] << " want " << want[i];
    }
}
void expect_c(xp_array *(*f)(const xp_array *), cd in, cd want) {
    for (xp_dtype d : {XP_COMPLEX64, XP_COMPLEX128}) {
        std::vector<cd> got = values(Arr(f(Arr(make({in}, d)))));
        ASSERT_EQ(got.size(), 1u);
        // exact (and signed zeros) in complex128; float rounding allowed in complex64
        bool ok = d == XP_COMPLEX128
                      ? same(got[0].real(), want.real()) && same(got[0].imag(), want.imag())
                      : close(got[0], want, 1e-6) && std::signbit(got[0].real()) == std::signbit(want.real()) &&
                            std::signbit(got[0].imag()) == std::signbit(want.imag());
        EXPECT_TRUE(ok) << dtype_str(d) << " at " << in << ": got " << got[0] << " want " << want;
    }
}
}  // namespace

TEST(ElementwiseSpecial, FloorDivide) {
    expect_bin(xp_floor_divide, {NAN, inf, 0, 0, -0.0, 1, -1, inf, 1, -1, 7, -7, 1e308},
               {1, -inf, -0.0, 2, 2, 0, 0, 3, -inf, inf, -2, 2, 1e-10},
               {NAN, NAN, NAN, 0, -0.0, inf, -inf, inf, -0.0, -0.0, -4, -4, inf});
}

TEST(ElementwiseSpecial, Remainder) {
    expect_bin(xp_remainder, {NAN, inf, 1, -0.0, 0, 1, -1, 1, -1, 7, -7, 5.5},
               {1, 2, 0, 2, -2, inf, inf, -inf, -inf, -2, 2, 2},
               {NAN, NAN, NAN, 0, -0.0, 1, inf, -inf, -1, -1, 1, 1.5});
}

TEST(ElementwiseSpecial, RoundHalfToEven) {
    for (xp_dtype d : {XP_FLOAT32, XP_FLOAT64}) {
        Arr x = make_real({0.5, 1.5, 2.5, -0.5, -2.5, -0.0, inf, NAN}, d);
        std::vector<double> r = reals(Arr(xp_round(x)));
        std::vector<double> want = {0, 2, 2, -0.0, -2, -0.0, inf, NAN};
        for (size_t i = 0; i < want.size(); i++) EXPECT_TRUE(same(r[i], want[i])) << i;
    }
}

TEST(ElementwiseSpecial, LogaddexpMaximumSign) {
    expect_bin(xp_logaddexp, {NAN, inf, -inf, -inf, 1000}, {1, -inf, 3, -inf, 1000},
               {NAN, inf, 3, -inf, 1000 + std::log(2.0)});
    expect_bin(xp_maximum, {NAN, 1, 2}, {1, NAN, 1}, {NAN, NAN, 2});
    expect_bin(xp_minimum, {NAN, 1, 2}, {1, NAN, 1}, {NAN, NAN, 1});
    for (xp_dtype d : {XP_FLOAT32, XP_FLOAT64}) {
        std::vector<double> s = reals(Arr(xp_sign(Arr(make_real({-0.0, 0, -3, inf, NAN}, d)))));
        EXPECT_TRUE(same(s[0], 0) && same(s[1], 0) && s[2] == -1 && s[3] == 1 && std::isnan(s[4]));
    }
}

TEST(ElementwiseSpecial, ComplexOwnCode) {
    const double nan = NAN, pi = M_PI;
    expect_c(xp_sign, {-0.0, 0.0}, {0, 0});
    expect_c(xp_sign, {nan, 1}, {nan, nan});
    expect_c(xp_sign, {3, -4}, {0.6, -0.8});
    expect_c(xp_sign, {inf, 0}, {1, 0});
    expect_c(xp_expm1, {0, 0}, {0, 0});
    expect_c(xp_expm1, {inf, 0}, {inf, 0});
    expect_c(xp_expm1, {nan, 0}, {nan, 0});
    expect_c(xp_expm1, {1, inf}, {nan, nan});
    expect_c(xp_expm1, {-inf, 0}, {-1, 0});
    expect_c(xp_log1p, {-1, 0}, {-inf, 0});
    expect_c(xp_log1p, {0, 0}, {0, 0});
    expect_c(xp_log1p, {nan, inf}, {inf, nan});
    expect_c(xp_log1p, {1, nan}, {nan, nan});
    expect_c(xp_log2, {0, 0}, {-inf, 0});
    expect_c(xp_log10, {inf, nan}, {inf, nan});
    // tanh(±inf + iy): the zero takes y's sign (C99 allows sin(2y)'s); tan = -i tanh(iz)
    expect_c(xp_tanh, {inf, 3}, {1, 0});
    expect_c(xp_tanh, {-inf, -3}, {-1, -0.0});
    expect_c(xp_tan, {3, inf}, {0, 1});
    for (xp_dtype d : {XP_COMPLEX64, XP_COMPLEX128}) {
        // log1p keeps accuracy near zero; log of -0 lies on the branch cut
        cd tiny = values(Arr(xp_log1p(Arr(make({cd(1e-20, 1e-20)}, d)))))[0];
        EXPECT_NEAR(tiny.real() / 1e-20, 1, 1e-6);
        cd l = values(Arr(xp_log(Arr(make({cd(-0.0, 0)}, d)))))[0];
        EXPECT_EQ(l.real(), -inf);
        EXPECT_NEAR(l.imag(), pi, 1e-6);
        Arr zero = make({cd(0, 0)}, d);
        cd p = values(Arr(xp_pow(zero, zero)))[0];
        EXPECT_EQ(p, cd(1, 0));
        cd q = values(Arr(xp_pow(zero, Arr(xp_float(2)))))[0];
        EXPECT_EQ(q, cd(0, 0));
    }
}

TEST(ElementwiseSpecial, RealPowAndHypot) {
    expect_bin(xp_pow, {NAN, 1, -inf, -0.0, -2, 2}, {0, NAN, 3, -1, 0.5, -inf},
               {1, 1, -inf, -inf, NAN, 0});
    expect_bin(xp_hypot, {inf, NAN, 0, 3}, {NAN, 2, -2, 4}, {inf, NAN, 2, 5});
}

// expm1(±0 + 0j) is +0 + 0j (the standard's special case), expm1(±0 - 0j) its conjugate.
TEST(ElementwiseSpecial, ComplexExpm1OfSignedZeros) {
    for (xp_dtype d : {XP_COMPLEX64, XP_COMPLEX128}) {
        xpt::Arr x = xpt::make({{-0.0, 0.0}, {0.0, 0.0}, {-0.0, -0.0}}, d, {3});
        auto v = xpt::values(xpt::Arr(xp_expm1(x)));
        ASSERT_EQ(v.size(), 3u);
        EXPECT_FALSE(std::signbit(v[0].real()));
        EXPECT_FALSE(std::signbit(v[1].real()));
        EXPECT_FALSE(std::signbit(v[0].imag()));
        EXPECT_TRUE(std::signbit(v[2].imag()));
    }
}
