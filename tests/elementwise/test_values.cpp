// Values of every elementwise function against simple reference formulas, on a
// few points, for every dtype the function accepts (and integer inputs of the
// floating-point-only functions, computed in float64).
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {

using Un = xp_array *(*)(const xp_array *);
using Bin = xp_array *(*)(const xp_array *, const xp_array *);

struct UCase {
    const char *name;
    Un f;
    unsigned kinds;
    Out out;
    bool to_float;
    std::function<cd(cd, bool)> ref;  // (value, is_complex_dtype)
    std::vector<double> pts;
};

struct BCase {
    const char *name;
    Bin f;
    unsigned kinds;
    Out out;
    bool to_float;
    std::function<cd(cd, cd, bool)> ref;
    std::vector<double> a, b;
};

const std::vector<double> kGen = {-3, -1.5, -1, -0.25, 0, 0.5, 1, 2, 2.5, 7};
const std::vector<double> kUnit = {-0.9, -0.5, 0, 0.25, 0.75};
const std::vector<double> kPos = {0.5, 1, 2, 3.5, 10};
const std::vector<double> kGe1 = {1, 1.5, 2, 5, 10};

double rnd_even(double x) { return std::nearbyint(x); }
cd cx(double r) { return {r, 0}; }

// Inputs for dtype d: the real points that fit; complex dtypes get an imaginary part.
std::vector<cd> inputs(const std::vector<double> &pts, xp_dtype d) {
    std::vector<cd> v;
    bool c = xp_dtype_kind(d) == KC;
    for (size_t i = 0; i < pts.size(); i++) {
        double r = pts[i];
        if (is_int(d)) r = std::trunc(r);
        if (!fits(r, d)) continue;
        v.push_back(c ? cd(r, pts[(i + 3) % pts.size()] / 2) : cd(r, 0));
    }
    return v;
}

std::vector<UCase> unary_cases() {
    auto R = [](double (*g)(double), cd (*h)(const cd &)) {
        return [g, h](cd z, bool c) { return c ? h(z) : cx(g(z.real())); };
    };
    return {
        {"abs", xp_abs, KI | KF | KC, REALO, false,
         [](cd z, bool c) { return c ? cx(std::abs(z)) : cx(std::fabs(z.real())); }, kGen},
        {"acos", xp_acos, KF | KC, SAME, true, R(std::acos, std::acos), kUnit},
        {"acosh", xp_acosh, KF | KC, SAME, true, R(std::acosh, std::acosh), kGe1},
        {"asin", xp_asin, KF | KC, SAME, true, R(std::asin, std::asin), kUnit},
        {"asinh", xp_asinh, KF | KC, SAME, true, R(std::asinh, std::asinh), kGen},
        {"atan", xp_atan, KF | KC, SAME, true, R(std::atan, std::atan), kGen},
        {"atanh", xp_atanh, KF | KC, SAME, true, R(std::atanh, std::atanh), kUnit},
        {"bitwise_invert", xp_bitwise_invert, KB | KI, SAME, false,
         [](cd z, bool) { return cx(-z.real() - 1); }, {-3, -1, 0, 1, 5}},
        {"ceil", xp_ceil, KI | KF, SAME, false, [](cd z, bool) { return cx(std::ceil(z.real())); }, kGen},
        {"conj", xp_conj, KI | KF | KC, SAME, false, [](cd z, bool) { return std::conj(z); }, kGen},
        {"cos", xp_cos, KF | KC, SAME, true, R(std::cos, std::cos), kGen},
        {"cosh", xp_cosh, KF | KC, SAME, true, R(std::cosh, std::cosh), kGen},
        {"exp", xp_exp, KF | KC, SAME, true, R(std::exp, std::exp), kGen},
        {"expm1", xp_expm1, KF | KC, SAME, true,
         [](cd z, bool c) { return c ? std::exp(z) - 1.0 : cx(std::expm1(z.real())); }, kGen},
        {"floor", xp_floor, KI | KF, SAME, false, [](cd z, bool) { return cx(std::floor(z.real())); }, kGen},
        {"imag", xp_imag, KC, REALO, false, [](cd z, bool) { return cx(z.imag()); }, kGen},
        {"isfinite", xp_isfinite, KI | KF | KC, BOOLO, false, [](cd, bool) { return cx(1); }, kGen},
        {"isinf", xp_isinf, KI | KF | KC, BOOLO, false, [](cd, bool) { return cx(0); }, kGen},
        {"isnan", xp_isnan, KI | KF | KC, BOOLO, false, [](cd, bool) { return cx(0); }, kGen},
        {"log", xp_log, KF | KC, SAME, true, R(std::log, std::log), kPos},
        {"log1p", xp_log1p, KF | KC, SAME, true,
         [](cd z, bool c) { return c ? std::log(1.0 + z) : cx(std::log1p(z.real())); }, kPos},
        {"log2", xp_log2, KF | KC, SAME, true,
         [](cd z, bool c) { return c ? std::log(z) / std::log(2.0) : cx(std::log2(z.real())); }, kPos},
        {"log10", xp_log10, KF | KC, SAME, true, R(std::log10, std::log10), kPos},
        {"logical_not", xp_logical_not, KB, BOOLO, false, [](cd z, bool) { return cx(z.real() == 0); },
         {0, 1}},
        {"negative", xp_negative, KI | KF | KC, SAME, false, [](cd z, bool) { return -z; }, kGen},
        {"positive", xp_positive, KI | KF | KC, SAME, false, [](cd z, bool) { return z; }, kGen},
        {"real", xp_real, KI | KF | KC, REALO, false, [](cd z, bool) { return cx(z.real()); }, kGen},
        {"reciprocal", xp_reciprocal, KF | KC, SAME, true, [](cd z, bool c) { return c ? 1.0 / z : cx(1 / z.real()); }, kPos},
        {"round", xp_round, KI | KF | KC, SAME, false,
         [](cd z, bool) { return cd(rnd_even(z.real()), rnd_even(z.imag())); },
         {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.7, -3.2}},
        {"sign", xp_sign, KI | KF | KC, SAME, false,
         [](cd z, bool c) {
             if (c) return z == 0.0 ? cd(0) : z / std::abs(z);
             return cx(z.real() > 0 ? 1 : z.real() < 0 ? -1 : 0);
         },
         kGen},
        {"signbit", xp_signbit, KF, BOOLO, false, [](cd z, bool) { return cx(std::signbit(z.real())); }, kGen},
        {"sin", xp_sin, KF | KC, SAME, true, R(std::sin, std::sin), kGen},
        {"sinh", xp_sinh, KF | KC, SAME, true, R(std::sinh, std::sinh), kGen},
        {"square", xp_square, KI | KF | KC, SAME, false, [](cd z, bool) { return z * z; }, kGen},
        {"sqrt", xp_sqrt, KF | KC, SAME, true, R(std::sqrt, std::sqrt), kPos},
        {"tan", xp_tan, KF | KC, SAME, true, R(std::tan, std::tan), kGen},
        {"tanh", xp_tanh, KF | KC, SAME, true, R(std::tanh, std::tanh), kGen},
        {"trunc", xp_trunc, KI | KF, SAME, false, [](cd z, bool) { return cx(std::trunc(z.real())); }, kGen},
    };
}

double pyfloordiv(double a, double b) { return std::floor(a / b); }
double pymod(double a, double b) {
    double m = std::fmod(a, b);
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

std::vector<BCase> binary_cases() {
    const std::vector<double> A = {-7, -3, -1, 0, 1, 2, 5, 7.5, 100};
    const std::vector<double> B = {2, -2, 3, 5, -4, 1, 3, 2, -7};
    const std::vector<double> P = {0.5, 1, 2, 3.5, 10};
    auto RR = [](double (*g)(double, double)) {
        return [g](cd a, cd b, bool) { return cx(g(a.real(), b.real())); };
    };
    return {
        {"add", xp_add, KI | KF | KC, SAME, false, [](cd a, cd b, bool) { return a + b; }, A, B},
        {"atan2", xp_atan2, KF, SAME, true, RR(std::atan2), A, B},
        {"bitwise_and", xp_bitwise_and, KB | KI, SAME, false,
         [](cd a, cd b, bool) { return cx(double((int64_t)a.real() & (int64_t)b.real())); }, A, B},
        {"bitwise_or", xp_bitwise_or, KB | KI, SAME, false,
         [](cd a, cd b, bool) { return cx(double((int64_t)a.real() | (int64_t)b.real())); }, A, B},
        {"bitwise_xor", xp_bitwise_xor, KB | KI, SAME, false,
         [](cd a, cd b, bool) { return cx(double((int64_t)a.real() ^ (int64_t)b.real())); }, A, B},
        {"bitwise_left_shift", xp_bitwise_left_shift, KI, SAME, false,
         [](cd a, cd b, bool) { return cx(a.real() * std::ldexp(1.0, (int)b.real())); },
         {-3, -1, 0, 1, 5, 7}, {1, 2, 0, 3, 4, 1}},
        {"bitwise_right_shift", xp_bitwise_right_shift, KI, SAME, false,
         [](cd a, cd b, bool) { return cx(std::floor(a.real() / std::ldexp(1.0, (int)b.real()))); },
         {-3, -1, 0, 1, 5, 100}, {1, 2, 0, 3, 1, 3}},
        {"copysign", xp_copysign, KF, SAME, true, RR(std::copysign), A, B},
        {"divide", xp_divide, KF | KC, SAME, true, [](cd a, cd b, bool) { return a / b; }, A, B},
        {"equal", xp_equal, KB | KI | KF | KC, BOOLO, false, [](cd a, cd b, bool) { return cx(a == b); },
         {1, 2, 0, 3}, {1, 3, 0, 2}},
        {"floor_divide", xp_floor_divide, KI | KF, SAME, false,
         [](cd a, cd b, bool) { return cx(pyfloordiv(a.real(), b.real())); }, A, B},
        {"greater", xp_greater, KI | KF, BOOLO, false, [](cd a, cd b, bool) { return cx(a.real() > b.real()); }, A, B},
        {"greater_equal", xp_greater_equal, KI | KF, BOOLO, false,
         [](cd a, cd b, bool) { return cx(a.real() >= b.real()); }, A, A},
        {"hypot", xp_hypot, KF, SAME, true, RR(std::hypot), A, B},
        {"less", xp_less, KI | KF, BOOLO, false, [](cd a, cd b, bool) { return cx(a.real() < b.real()); }, A, B},
        {"less_equal", xp_less_equal, KI | KF, BOOLO, false,
         [](cd a, cd b, bool) { return cx(a.real() <= b.real()); }, A, A},
        {"logaddexp", xp_logaddexp, KF, SAME, true,
         [](cd a, cd b, bool) { return cx(std::log(std::exp(a.real()) + std::exp(b.real()))); },
         {-3, -1, 0, 1, 5}, {2, -2, 3, 5, -4}},
        {"logical_and", xp_logical_and, KB, BOOLO, false,
         [](cd a, cd b, bool) { return cx(a.real() != 0 && b.real() != 0); }, {0, 0, 1, 1}, {0, 1, 0, 1}},
        {"logical_or", xp_logical_or, KB, BOOLO, false,
         [](cd a, cd b, bool) { return cx(a.real() != 0 || b.real() != 0); }, {0, 0, 1, 1}, {0, 1, 0, 1}},
        {"logical_xor", xp_logical_xor, KB, BOOLO, false,
         [](cd a, cd b, bool) { return cx((a.real() != 0) != (b.real() != 0)); }, {0, 0, 1, 1}, {0, 1, 0, 1}},
        {"maximum", xp_maximum, KI | KF, SAME, false, RR(std::fmax), A, B},
        {"minimum", xp_minimum, KI | KF, SAME, false, RR(std::fmin), A, B},
        {"multiply", xp_multiply, KI | KF | KC, SAME, false, [](cd a, cd b, bool) { return a * b; }, A, B},
        {"nextafter", xp_nextafter, KF, SAME, false, RR(std::nextafter), A, B},
        {"not_equal", xp_not_equal, KB | KI | KF | KC, BOOLO, false,
         [](cd a, cd b, bool) { return cx(a != b); }, {1, 2, 0, 3}, {1, 3, 0, 2}},
        {"pow", xp_pow, KI | KF | KC, SAME, false,
         [](cd a, cd b, bool c) { return c ? std::pow(a, b) : cx(std::pow(a.real(), b.real())); },
         {2, 3, 1.5, 0, 5}, {3, 2, 2, 4, 1}},
        {"remainder", xp_remainder, KI | KF, SAME, false,
         [](cd a, cd b, bool) { return cx(pymod(a.real(), b.real())); }, A, B},
        {"subtract", xp_subtract, KI | KF | KC, SAME, false, [](cd a, cd b, bool) { return a - b; }, A, B},
    };
}

// The complex operand values used for a complex dtype.
std::vector<cd> pair_inputs(const std::vector<double> &pts, xp_dtype d, double im) {
    std::vector<cd> v;
    for (double r : pts) v.push_back(xp_dtype_kind(d) == KC ? cd(r, im) : cd(r, 0));
    return v;
}

}  // namespace

TEST(ElementwiseValues, UnaryEveryDtype) {
    for (const UCase &c : unary_cases()) {
        for (xp_dtype d : all_dtypes()) {
            SCOPED_TRACE(std::string(c.name) + " " + dtype_str(d));
            xp_dtype od = out_dtype(c.kinds, c.out, c.to_float, d);
            std::vector<cd> in0 = inputs(c.pts, d);
            Arr x = make(in0, d, {(int64_t)in0.size()});
            std::vector<cd> in = values(x);  // the values as stored in d
            Arr r(c.f(x));
            if (!od) {
                EXPECT_XP_ERR(r, XP_ERR_TYPE, std::string("xp_") + c.name);
                continue;
            }
            ASSERT_XP_OK(r);
            EXPECT_EQ(r.dtype(), od);
            EXPECT_EQ(r.shape(), x.shape());
            std::vector<cd> got = values(r);
            bool cplx = xp_dtype_kind(d) == KC;
            for (size_t i = 0; i < in.size(); i++) {
                cd want = c.ref(in[i], cplx);
                if (d == XP_BOOL && c.f == xp_bitwise_invert) want = cx(1 - in[i].real());
                if (is_int(od) && !fits(want.real(), od)) continue;  // wraps: tested elsewhere
                EXPECT_TRUE(close(got[i], want, tol(od, cplx ? 8 : 2))) << "at " << in[i];
            }
        }
    }
}

TEST(ElementwiseValues, BinaryEveryDtype) {
    for (const BCase &c : binary_cases()) {
        for (xp_dtype d : all_dtypes()) {
            SCOPED_TRACE(std::string(c.name) + " " + dtype_str(d));
            xp_dtype od = out_dtype(c.kinds, c.out, c.to_float, d);
            std::vector<cd> a, b;
            std::vector<cd> A = pair_inputs(c.a, d, 0.5), B = pair_inputs(c.b, d, -0.25);
            for (size_t i = 0; i < A.size(); i++) {
                double ar = A[i].real(), br = B[i].real();
                if (xp_dtype_kind(d) == KB) ar = ar != 0, br = br != 0;
                if (!fits(ar, d) || !fits(br, d)) continue;
                a.push_back(cd(ar, A[i].imag()));
                b.push_back(cd(br, B[i].imag()));
            }
            Arr x = make(a, d, {(int64_t)a.size()}), y = make(b, d, {(int64_t)b.size()});
            a = values(x);
            b = values(y);
            Arr r(c.f(x, y));
            if (!od) {
                EXPECT_XP_ERR(r, XP_ERR_TYPE, std::string("xp_") + c.name);
                continue;
            }
            ASSERT_XP_OK(r);
            EXPECT_EQ(r.dtype(), od);
            std::vector<cd> got = values(r);
            bool cplx = xp_dtype_kind(d) == KC;
            for (size_t i = 0; i < a.size(); i++) {
                cd want = c.ref(a[i], b[i], cplx);
                if (is_int(od) && !fits(want.real(), od)) continue;
                if (c.f == xp_nextafter && d == XP_FLOAT32)
                    want = cx(std::nextafter((float)a[i].real(), (float)b[i].real()));
                EXPECT_TRUE(close(got[i], want, tol(od, cplx ? 8 : 2))) << "at " << a[i] << ", " << b[i];
            }
        }
    }
}

TEST(ElementwiseValues, ClipEveryDtype) {
    for (xp_dtype d : all_dtypes()) {
        SCOPED_TRACE(dtype_str(d));
        Arr x = make_real({0, 1, 2, 3, 4, 5}, d);
        Arr lo(xp_int(1)), hi(xp_int(4));
        Arr r(xp_clip(x, lo, hi));
        if (!(xp_dtype_kind(d) & (KI | KF))) {
            EXPECT_TRUE(r.failed());
            continue;
        }
        ASSERT_XP_OK(r);
        EXPECT_EQ(r.dtype(), d);
        EXPECT_EQ(reals(r), (std::vector<double>{1, 1, 2, 3, 4, 4}));
        Arr only_max(xp_clip(x, nullptr, hi));
        EXPECT_EQ(reals(only_max), (std::vector<double>{0, 1, 2, 3, 4, 4}));
        Arr only_min(xp_clip(x, lo, nullptr));
        EXPECT_EQ(reals(only_min), (std::vector<double>{1, 1, 2, 3, 4, 5}));
        Arr none(xp_clip(x, nullptr, nullptr));
        EXPECT_EQ(reals(none), reals(x));
    }
}

TEST(ElementwiseValues, ClipArrayBoundsBroadcastAndNaN) {
    Arr x = make_real({-1, 5, NAN, 2}, XP_FLOAT64);
    Arr lo = make_real({0, 0, 0, NAN}, XP_FLOAT64);
    Arr hi = make_real({3}, XP_FLOAT32, {1});
    Arr r(xp_clip(x, lo, hi));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_FLOAT64);
    std::vector<double> v = reals(r);
    EXPECT_EQ(v[0], 0);
    EXPECT_EQ(v[1], 3);
    EXPECT_TRUE(std::isnan(v[2]));
    EXPECT_TRUE(std::isnan(v[3]));
}
