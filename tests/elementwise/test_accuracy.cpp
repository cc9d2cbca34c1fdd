// Values against independent references at many points.
//
// - Transcendental functions (Accuracy.*): float32 and float64 results against the
//   long double functions of <cmath> (64-bit mantissa: 11 bits beyond float64), as
//   an error in units in the last place of the result's dtype. Bounds (ULP):
//       float64: 2 for every function here (glibc and SLEEF u10 are within 1),
//       except sin/cos where the SLEEF adapter serves them: 3.5 (its u35 routines);
//       float32: 2 (same, sin/cos 3.5 with SLEEF).
//   Points: a fixed random sample (seeded) over each function's natural domain,
//   plus small and large magnitudes; results that overflow/underflow in the
//   target type are compared as values (inf == inf, subnormals by absolute ULP).
// - Complex exp/log/sqrt: against std::complex<long double>, error relative to
//   the modulus <= 8 eps for complex128 and 32 eps for complex64 (glibc's cexpf
//   works in float and is off by up to ~20 eps for |Im z| ~ 20: NumPy shares it).
// - Correct rounding (CorrectRounding.*): + - * / sqrt reciprocal must equal the
//   hardware's IEEE 754 operation in the target type bit for bit (SSE arithmetic is
//   correctly rounded to nearest even), over wide exponent ranges, subnormals included.
// - Integers and booleans (ExactIntegers.*): exact, with NumPy's wrapping and
//   Python-style floor division/remainder.
#include "xp_test.h"

#include <cmath>
#include <complex>
#include <functional>
#include <iomanip>
#include <limits>
#include <type_traits>

using namespace xpt;

namespace {

using Unary = xp_array *(*)(const xp_array *);
using Binary = xp_array *(*)(const xp_array *, const xp_array *);

template <typename T>
double ulp_err(double got, long double ref) {
    T r = (T)ref;
    if (std::isnan((double)r)) return std::isnan(got) ? 0 : 1e9;
    if (std::isinf((double)r) || std::isinf(got)) {
        if ((double)r == got) return 0;
        // ref rounds to inf but the exact value is near the overflow threshold
        T big = std::numeric_limits<T>::max();
        if (std::isinf(got) && std::fabs((double)ref) >= (double)big) return 1;
        return 1e9;
    }
    T a = std::fabs(r);
    T next = std::nextafter(a, std::numeric_limits<T>::infinity());
    double u = (double)(next - a);
    if (a == 0) u = (double)std::numeric_limits<T>::denorm_min();
    return (double)(std::fabs((long double)got - ref) / (long double)u);
}

struct Fn1 {
    const char *name;
    Unary f;
    long double (*ref)(long double);
    double lo, hi;
};

std::vector<Fn1> fns1() {
    return {
        {"exp", xp_exp, expl, -700, 700},        {"exp_small", xp_exp, expl, -1, 1},
        {"expm1", xp_expm1, expm1l, -30, 30},    {"expm1_small", xp_expm1, expm1l, -1e-3, 1e-3},
        {"log", xp_log, logl, 1e-300, 1e300},    {"log_near1", xp_log, logl, 0.5, 2},
        {"log1p", xp_log1p, log1pl, -0.999, 10}, {"log2", xp_log2, log2l, 1e-300, 1e300},
        {"log10", xp_log10, log10l, 1e-300, 1e300},
        {"sin", xp_sin, sinl, -10, 10},          {"sin_big", xp_sin, sinl, -1e5, 1e5},
        {"cos", xp_cos, cosl, -10, 10},          {"cos_big", xp_cos, cosl, -1e5, 1e5},
        {"tan", xp_tan, tanl, -1.5, 1.5},        {"asin", xp_asin, asinl, -1, 1},
        {"acos", xp_acos, acosl, -1, 1},         {"atan", xp_atan, atanl, -100, 100},
        {"sinh", xp_sinh, sinhl, -80, 80},       {"cosh", xp_cosh, coshl, -80, 80},
        {"tanh", xp_tanh, tanhl, -20, 20},       {"asinh", xp_asinh, asinhl, -1e6, 1e6},
        {"acosh", xp_acosh, acoshl, 1, 1e6},     {"atanh", xp_atanh, atanhl, -0.999, 0.999},
        {"sqrt", xp_sqrt, sqrtl, 0, 1e300},
    };
}

// log-uniform for domains spanning many decades, uniform otherwise.
std::vector<double> sample(double lo, double hi, int n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> v;
    bool logs = lo > 0 && hi / lo > 1e6;
    std::uniform_real_distribution<double> u(logs ? std::log(lo) : lo, logs ? std::log(hi) : hi);
    for (int i = 0; i < n; i++) v.push_back(logs ? std::exp(u(rng)) : u(rng));
    return v;
}

// sin and cos: the SLEEF adapter serves them with its 3.5-ULP u35 routines.
double stated_bound(const Fn1 &f, xp_dtype dt, double bound) {
    std::string n = f.name;
    xp_op op = n.rfind("sin", 0) == 0 && n.rfind("sinh", 0) != 0 ? XP_OP_sin
               : n.rfind("cos", 0) == 0 && n.rfind("cosh", 0) != 0 ? XP_OP_cos : XP_OP_COUNT;
    if (op == XP_OP_COUNT) return bound;
    const char *owner = xp_adapter_loop_owner(op, dt);
    return owner && std::string(owner) == "sleef" ? 3.5 : bound;
}

template <typename T>
void check_unary(const Fn1 &f, xp_dtype dt, double bound) {
    bound = stated_bound(f, dt, bound);
    auto xs = sample(f.lo, f.hi, 2000, 99);
    for (double &x : xs) x = (double)(T)x;
    Arr out(f.f(make_real(xs, dt)));
    ASSERT_XP_OK(out);
    auto r = reals(out);
    ASSERT_EQ(r.size(), xs.size());
    double worst = 0;
    int bad = 0;
    for (size_t i = 0; i < xs.size(); i++) {
        long double ref = f.ref((long double)xs[i]);
        double e = ulp_err<T>(r[i], ref);
        worst = std::max(worst, e);
        if (e > bound && bad++ < 5)
            ADD_FAILURE() << f.name << "(" << xs[i] << ") = " << r[i] << ", reference " << (double)ref << ": " << e
                          << " ULP";
    }
    testing::Test::RecordProperty(std::string("worst_ulp_") + f.name, std::to_string(worst));
}

}  // namespace

TEST(Accuracy, TranscendentalFloat64) {
    for (const Fn1 &f : fns1()) check_unary<double>(f, XP_FLOAT64, 2.0);
}
TEST(Accuracy, TranscendentalFloat32) {
    for (Fn1 f : fns1()) {
        if (std::string(f.name) == "exp") f.lo = -87, f.hi = 88;
        if (std::string(f.name) == "sinh" || std::string(f.name) == "cosh") f.lo = -88, f.hi = 88;
        if (f.hi > 1e30) f.hi = 1e30, f.lo = f.lo > 0 ? 1e-30 : f.lo;
        if (std::string(f.name).find("_big") != std::string::npos) f.lo = -1e3, f.hi = 1e3;
        check_unary<float>(f, XP_FLOAT32, 2.0);
    }
}

// Large finite arguments whose results are finite: vectorised libraries (SLEEF) can
// overflow inside the routine there (acosh(3.4e38f) came out inf). Contiguous runs of
// 40 elements, so every flavor's vector loops (not just scalar tails) see them.
TEST(Accuracy, LargeFiniteArguments) {
    struct Case {
        const char *name;
        Unary f;
        long double (*ref)(long double);
        std::vector<double> f64, f32;
    };
    std::vector<Case> cases = {
        {"asinh", xp_asinh, asinhl, {-2.1603933e279, 1.6e154, 1.3407807929942597e154, 1.7976931348623157e308},
         {-3.4028235e38, 1.9e19, 1.8446744e19, 1e30}},
        {"acosh", xp_acosh, acoshl, {1.6e154, 1e200, 1.7976931348623157e308}, {3.4028235e38, 1.9e19, 1e25}},
        {"log1p", xp_log1p, log1pl, {1.797e308, 1.0006690301479688e307, 1e307}, {3.4e38, 1.0102133e38, 1e38}},
        {"cosh", xp_cosh, coshl, {710.0, -710.0, 710.4, 710.4758600739, 709.9},
         {88.8, 89.0, -89.0, 89.4, 89.41}},
        {"sinh", xp_sinh, sinhl, {710.0, -710.0, 710.4, 710.4758600739}, {88.8, 89.0, -89.0, 89.41}},
        {"exp", xp_exp, expl, {709.78, 709.7827128933, 709.5}, {88.7, 88.72}},
    };
    for (const Case &c : cases)
        for (xp_dtype dt : {XP_FLOAT64, XP_FLOAT32}) {
            bool f32 = dt == XP_FLOAT32;
            const std::vector<double> &pts = f32 ? c.f32 : c.f64;
            std::vector<double> xs;
            for (int k = 0; k < 40; k++) xs.push_back(f32 ? (double)(float)pts[k % pts.size()] : pts[k % pts.size()]);
            Arr out(c.f(make_real(xs, dt)));
            ASSERT_XP_OK(out);
            auto r = reals(out);
            for (size_t i = 0; i < pts.size(); i++) {
                long double ref = c.ref((long double)xs[i]);
                double e = f32 ? ulp_err<float>(r[i], ref) : ulp_err<double>(r[i], ref);
                EXPECT_LE(e, 2.0) << c.name << "(" << std::setprecision(17) << xs[i] << ") " << dtype_str(dt)
                                  << " = " << r[i] << ", reference " << (double)ref;
            }
        }
}

TEST(Accuracy, BinaryTranscendental) {
    struct B {
        const char *name;
        Binary f;
        long double (*ref)(long double, long double);
        double lo1, hi1, lo2, hi2;
    };
    std::vector<B> bs = {
        {"atan2", xp_atan2, atan2l, -10, 10, -10, 10},
        {"hypot", xp_hypot, hypotl, -1e10, 1e10, -1e10, 1e10},
        {"pow", xp_pow, powl, 0.01, 100, -20, 20},
        {"logaddexp", xp_logaddexp,
         [](long double a, long double b) {
             long double m = a > b ? a : b;
             return m + log1pl(expl(-fabsl(a - b)));
         },
         -50, 50, -50, 50},
    };
    for (const B &b : bs)
        for (xp_dtype dt : {XP_FLOAT32, XP_FLOAT64}) {
            bool f32 = dt == XP_FLOAT32;
            auto x = sample(b.lo1, b.hi1, 1500, 5), y = sample(b.lo2, b.hi2, 1500, 6);
            for (size_t i = 0; i < x.size(); i++)
                if (f32) x[i] = (float)x[i], y[i] = (float)y[i];
            Arr out(b.f(make_real(x, dt), make_real(y, dt)));
            ASSERT_XP_OK(out);
            auto r = reals(out);
            int bad = 0;
            for (size_t i = 0; i < x.size(); i++) {
                long double ref = b.ref(x[i], y[i]);
                double e = f32 ? ulp_err<float>(r[i], ref) : ulp_err<double>(r[i], ref);
                if (e > 2.0 && bad++ < 5)
                    ADD_FAILURE() << b.name << "(" << x[i] << ", " << y[i] << ") " << dtype_str(dt) << " = " << r[i]
                                  << ", reference " << (double)ref << ": " << e << " ULP";
            }
        }
}

TEST(Accuracy, ComplexExpLogSqrt) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-20, 20);
    std::vector<std::complex<double>> zs;
    for (int i = 0; i < 1000; i++) zs.push_back({u(rng), u(rng)});
    using CL = std::complex<long double>;
    struct C {
        const char *name;
        Unary f;
        CL (*ref)(const CL &);
    };
    std::vector<C> cs = {{"exp", xp_exp, [](const CL &z) { return std::exp(z); }},
                         {"log", xp_log, [](const CL &z) { return std::log(z); }},
                         {"sqrt", xp_sqrt, [](const CL &z) { return std::sqrt(z); }}};
    for (const C &c : cs)
        for (xp_dtype dt : {XP_COMPLEX64, XP_COMPLEX128}) {
            bool f32 = dt == XP_COMPLEX64;
            std::vector<std::complex<double>> in = zs;
            if (f32)
                for (auto &z : in) z = {(float)z.real(), (float)z.imag()};
            Arr out(c.f(make(in, dt)));
            ASSERT_XP_OK(out);
            auto r = values(out);
            double eps = f32 ? (double)std::numeric_limits<float>::epsilon() : std::numeric_limits<double>::epsilon();
            int bad = 0;
            for (size_t i = 0; i < in.size(); i++) {
                CL w = c.ref(CL(in[i].real(), in[i].imag()));
                long double err = std::abs(CL(r[i].real(), r[i].imag()) - w);
                if (!(err <= (f32 ? 32 : 8) * eps * std::abs(w)) && bad++ < 5)
                    ADD_FAILURE() << c.name << in[i] << " " << dtype_str(dt) << " = " << r[i] << ", reference ("
                                  << (double)w.real() << "," << (double)w.imag() << ")";
            }
        }
}

// ---- correct rounding ---------------------------------------------------------------

namespace {
template <typename T>
std::vector<double> wide(int n, unsigned seed, bool positive) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> m(1, 2);
    int emax = std::numeric_limits<T>::max_exponent - 2, emin = std::numeric_limits<T>::min_exponent - 3;
    std::uniform_int_distribution<int> e(emin, emax), s(0, 1), small(-8, 8), pick(0, 3);
    std::vector<double> v;
    for (int i = 0; i < n; i++) {
        int ex = pick(rng) == 0 ? e(rng) : small(rng);  // mostly comparable magnitudes
        T x = (T)std::ldexp(m(rng), ex);
        if (!positive && s(rng)) x = -x;
        v.push_back((double)x);
    }
    v.push_back((double)std::numeric_limits<T>::denorm_min());
    v.push_back((double)std::numeric_limits<T>::min());
    v.push_back((double)std::numeric_limits<T>::max());
    return v;
}

template <typename T>
void check_rounding(xp_dtype dt) {
    auto a = wide<T>(3000, 1, false), b = wide<T>(3000, 2, false), p = wide<T>(3000, 3, true);
    Arr A = make_real(a, dt), B = make_real(b, dt), P = make_real(p, dt);
    struct Op {
        const char *name;
        xp_array *r;
        T (*ref)(T, T);
    };
    std::vector<Op> ops = {
        {"add", xp_add(A, B), [](T x, T y) { return (T)(x + y); }},
        {"subtract", xp_subtract(A, B), [](T x, T y) { return (T)(x - y); }},
        {"multiply", xp_multiply(A, B), [](T x, T y) { return (T)(x * y); }},
        {"divide", xp_divide(A, B), [](T x, T y) { return (T)(x / y); }},
        {"sqrt", xp_sqrt(P), [](T x, T) { return (T)std::sqrt(x); }},
        {"reciprocal", xp_reciprocal(A), [](T x, T) { return (T)((T)1 / x); }},
    };
    for (Op &o : ops) {
        Arr r(o.r);
        ASSERT_XP_OK(r);
        auto got = reals(r);
        const std::vector<double> &x = std::string(o.name) == "sqrt" ? p : a;
        int bad = 0;
        for (size_t i = 0; i < got.size(); i++) {
            T want = o.ref((T)x[i], (T)b[i]);
            bool ok = (std::isnan((double)want) && std::isnan(got[i])) ||
                      ((double)want == got[i] && std::signbit((double)want) == std::signbit(got[i]));
            if (!ok && bad++ < 5)
                ADD_FAILURE() << o.name << " " << dtype_str(dt) << " of " << x[i] << ", " << b[i] << " = " << got[i]
                              << ", correctly rounded " << (double)want;
        }
    }
}
}  // namespace

TEST(CorrectRounding, Float64) { check_rounding<double>(XP_FLOAT64); }
TEST(CorrectRounding, Float32) { check_rounding<float>(XP_FLOAT32); }

// ---- integers and booleans: exact -----------------------------------------------------

namespace {
template <typename T>
void check_ints(xp_dtype dt) {
    std::mt19937_64 rng(17);
    std::vector<double> a, b;
    using L = std::numeric_limits<T>;
    // values exact in a double (|v| < 2^53), including the type's extremes where they fit
    std::uniform_int_distribution<int64_t> u((int64_t)std::max<double>((double)L::min(), -(1LL << 40)),
                                             (int64_t)std::min<double>((double)L::max(), (double)(1LL << 40)));
    for (int i = 0; i < 2000; i++) {
        int64_t x = u(rng), y = u(rng);
        if (i % 7 == 0) y = (int64_t)(y % 13);
        a.push_back((double)x);
        b.push_back((double)y);
    }
    Arr A = make_real(a, dt), B = make_real(b, dt);
    auto wrap = [](long double v) -> double {  // NumPy wraps modulo 2^bits
        using U = typename std::make_unsigned<T>::type;
        __int128 w = (__int128)v;
        return (double)(T)(U)(unsigned __int128)w;
    };
    auto fdiv = [](int64_t x, int64_t y) -> int64_t {
        int64_t q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        return q;
    };
    struct Op {
        const char *name;
        xp_array *r;
        std::function<double(int64_t, int64_t)> ref;
        bool nonzero_y;
    };
    std::vector<Op> ops = {
        {"add", xp_add(A, B), [&](int64_t x, int64_t y) { return wrap((long double)x + y); }, false},
        {"subtract", xp_subtract(A, B), [&](int64_t x, int64_t y) { return wrap((long double)x - y); }, false},
        {"multiply", xp_multiply(A, B),
         [&](int64_t x, int64_t y) { return wrap((long double)((__int128)x * y % ((__int128)1 << 64))); }, false},
        {"floor_divide", xp_floor_divide(A, B), [&](int64_t x, int64_t y) { return wrap(fdiv(x, y)); }, true},
        {"remainder", xp_remainder(A, B), [&](int64_t x, int64_t y) { return (double)(x - fdiv(x, y) * y); }, true},
        {"bitwise_and", xp_bitwise_and(A, B), [](int64_t x, int64_t y) { return (double)(T)(x & y); }, false},
        {"bitwise_xor", xp_bitwise_xor(A, B), [](int64_t x, int64_t y) { return (double)(T)(x ^ y); }, false},
        {"maximum", xp_maximum(A, B), [](int64_t x, int64_t y) { return (double)std::max(x, y); }, false},
        {"less", xp_less(A, B), [](int64_t x, int64_t y) { return (double)(x < y); }, false},
        {"equal", xp_equal(A, B), [](int64_t x, int64_t y) { return (double)(x == y); }, false},
        {"abs", xp_abs(A), [&](int64_t x, int64_t) { return wrap(x < 0 ? -(long double)x : x); }, false},
        {"negative", xp_negative(A), [&](int64_t x, int64_t) { return wrap(-(long double)x); }, false},
        {"sign", xp_sign(A), [](int64_t x, int64_t) { return (double)((x > 0) - (x < 0)); }, false},
    };
    for (Op &o : ops) {
        Arr r(o.r);
        ASSERT_XP_OK(r);
        auto got = reals(r);
        ASSERT_EQ(got.size(), a.size());
        int bad = 0;
        for (size_t i = 0; i < a.size(); i++) {
            int64_t x = (int64_t)a[i], y = (int64_t)b[i];
            if (o.nonzero_y && (y == 0 || (y == -1 && x == (int64_t)L::min()))) continue;  // INT_MIN // -1: see header
            double w = o.ref(x, y);
            if (got[i] != w && std::fabs(w) < 9e15 && bad++ < 5)
                ADD_FAILURE() << o.name << " " << dtype_str(dt) << " of " << x << ", " << y << " = " << got[i]
                              << ", want " << w;
        }
    }
}
}  // namespace

TEST(ExactIntegers, Int64) { check_ints<int64_t>(XP_INT64); }
TEST(ExactIntegers, Int32) { check_ints<int32_t>(XP_INT32); }
TEST(ExactIntegers, Int8) { check_ints<int8_t>(XP_INT8); }
TEST(ExactIntegers, Uint16) { check_ints<uint16_t>(XP_UINT16); }

TEST(ExactIntegers, Booleans) {
    std::vector<double> a = {0, 0, 1, 1}, b = {0, 1, 0, 1};
    Arr A = make_real(a, XP_BOOL), B = make_real(b, XP_BOOL);
    EXPECT_EQ(reals(Arr(xp_logical_and(A, B))), (std::vector<double>{0, 0, 0, 1}));
    EXPECT_EQ(reals(Arr(xp_logical_or(A, B))), (std::vector<double>{0, 1, 1, 1}));
    EXPECT_EQ(reals(Arr(xp_logical_xor(A, B))), (std::vector<double>{0, 1, 1, 0}));
    EXPECT_EQ(reals(Arr(xp_bitwise_and(A, B))), (std::vector<double>{0, 0, 0, 1}));
    EXPECT_EQ(reals(Arr(xp_bitwise_invert(A))), (std::vector<double>{1, 1, 0, 0}));
    EXPECT_EQ(reals(Arr(xp_logical_not(A))), (std::vector<double>{1, 1, 0, 0}));
    EXPECT_EQ(reals(Arr(xp_equal(A, B))), (std::vector<double>{1, 0, 0, 1}));
}
