// The SLEEF adapter's vector loops over the whole finite range, on every ISA this
// CPU runs (AVX-512F and AVX2+FMA tables called directly, not through the run-time
// choice), for every function it serves, float32 and float64.
//
// Points: in every binade of the type (subnormal ones included), both signs, the
// binade's two ends, 64 evenly spaced and 16 random mantissas; then, wherever
// libm's result changes class between two neighbouring points (finite <-> inf,
// number <-> NaN, as at cosh's overflow or acosh's domain edge), the 512 floats
// around the change, found by bisection.
//
// Rule: each result is within the adapter's stated bound (XP_SLEEF_OPS: 1 ULP for
// the u10 routines and the own exp, 3.5 for sin/cos) of the long double function
// (float64) or the double function (float32), or it is bit for bit libm's own
// result for that input (the lanes the adapter hands back to libm). ULPs of the
// result's dtype; a result beyond the type's range must be the infinity.
#include <gtest/gtest.h>

extern "C" {
#include "../../src/adapters/sleef/sleef_ops.h"
}

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <iomanip>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

struct Op {
    const char *name;
    xp_op op;
    double ulp; // the adapter's stated bound
    long double (*ref64)(long double);
    double (*ref32)(double);
    double (*lib64)(double);
    float (*lib32)(float);
};

long double sqrt_l(long double x) { return sqrtl(x); }

std::vector<Op> ops() {
    std::vector<Op> v;
#define OP(op, u, ulp, max64, max32) \
    v.push_back({#op, XP_OP_##op, ulp, op##l, static_cast<double (*)(double)>(op), \
                 static_cast<double (*)(double)>(op), op##f});
    XP_SLEEF_OPS(OP)
#undef OP
    v.push_back({"sqrt", XP_OP_sqrt, 0.5, sqrt_l, static_cast<double (*)(double)>(sqrt),
                 static_cast<double (*)(double)>(sqrt), sqrtf});
    return v;
}

template <typename T> struct Bits;
template <> struct Bits<double> {
    using U = uint64_t;
    static constexpr int mant = 52, exps = 2047;
};
template <> struct Bits<float> {
    using U = uint32_t;
    static constexpr int mant = 23, exps = 255;
};

template <typename T> T from_bits(typename Bits<T>::U u) {
    T x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}
template <typename T> typename Bits<T>::U to_bits(T x) {
    typename Bits<T>::U u;
    std::memcpy(&u, &x, sizeof u);
    return u;
}

// Error of got in ULPs of T against the more precise ref.
template <typename T> double ulp_err(T got, long double ref) {
    if (std::isnan(ref)) return std::isnan(got) ? 0 : INFINITY;
    if (std::isnan(got)) return INFINITY;
    const long double big = std::numeric_limits<T>::max();
    if (std::isinf(ref) || std::fabs(ref) > big) {
        // beyond the range: the infinity of its sign, or max when ref rounds to it
        if (std::isinf(got)) return (got > 0) == (ref > 0) ? 0 : INFINITY;
        if (std::fabs(got) == (T)big && !std::isinf(ref)) return 0.5;
        return INFINITY;
    }
    T r = (T)ref;
    if (std::isinf(r)) r = std::copysign(std::numeric_limits<T>::max(), (T)ref);
    T a = std::fabs(r);
    int e;
    std::frexp(a, &e);
    long double u = std::ldexp((long double)1, std::max(e - 1 - Bits<T>::mant, std::numeric_limits<T>::min_exponent - 1 - Bits<T>::mant));
    if (std::isinf(got)) return INFINITY;
    return (double)(std::fabs((long double)got - ref) / u);
}

// Class of libm's result: 0 finite, 1 infinite, 2 NaN.
template <typename T> int cls(T y) { return std::isnan(y) ? 2 : std::isinf(y) ? 1 : 0; }

template <typename T> std::vector<T> points(T (*lib)(T)) {
    using U = typename Bits<T>::U;
    std::mt19937_64 rng(12345);
    std::vector<U> pos; // positive bit patterns, increasing
    for (int e = 0; e < Bits<T>::exps; e++) {
        U base = (U)e << Bits<T>::mant, span = (U)1 << Bits<T>::mant;
        pos.push_back(base);
        for (int k = 1; k < 64; k++) pos.push_back(base + (U)((span / 64) * k));
        for (int k = 0; k < 16; k++) pos.push_back(base + (U)(rng() % span));
        pos.push_back(base + span - 1);
    }
    std::sort(pos.begin(), pos.end());
    pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
    std::vector<T> out;
    const U sign = (U)1 << (8 * sizeof(T) - 1);
    for (U s : {(U)0, sign}) {
        for (size_t i = 0; i < pos.size(); i++) {
            out.push_back(from_bits<T>(pos[i] | s));
            if (i + 1 == pos.size()) break;
            U a = pos[i], b = pos[i + 1];
            if (cls(lib(from_bits<T>(a | s))) == cls(lib(from_bits<T>(b | s)))) continue;
            while (b - a > 1) { // bisection to the change of class
                U m = a + (b - a) / 2;
                if (cls(lib(from_bits<T>(m | s))) == cls(lib(from_bits<T>(a | s)))) a = m;
                else b = m;
            }
            for (U k = (a > 256 ? a - 256 : 0); k < a + 256; k++)
                if ((k & ~sign) < ((U)Bits<T>::exps << Bits<T>::mant)) out.push_back(from_bits<T>(k | s));
        }
    }
    return out;
}

struct Isa {
    const char *name;
    const xp_sleef_isa *table;
    bool available;
};

std::vector<Isa> isas() {
    __builtin_cpu_init();
    return {{"avx512f", &xp__sleef_avx512, (bool)__builtin_cpu_supports("avx512f")},
            {"avx2+fma", &xp__sleef_avx2,
             __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")}};
}

template <typename T> void check(bool f64) {
    int ran = 0;
    for (const Isa &isa : isas()) {
        if (!isa.available) continue;
        ran++;
        for (const Op &op : ops()) {
            std::vector<T> x, y;
            if constexpr (sizeof(T) == 8) {
                x = points<double>(op.lib64);
                y.resize(x.size());
                isa.table->f64[op.op]((int64_t)x.size(), x.data(), y.data(), op.lib64);
            } else {
                x = points<float>(op.lib32);
                y.resize(x.size());
                isa.table->f32[op.op]((int64_t)x.size(), x.data(), y.data(), op.lib32);
            }
            int bad = 0;
            double worst = 0;
            for (size_t i = 0; i < x.size(); i++) {
                long double ref = sizeof(T) == 8 ? op.ref64((long double)x[i]) : (long double)op.ref32((double)x[i]);
                T lib = sizeof(T) == 8 ? (T)op.lib64((double)x[i]) : (T)op.lib32((float)x[i]);
                double err = ulp_err<T>(y[i], ref);
                if (err <= op.ulp + 1.0 / 1024) {
                    if (err > worst) worst = err;
                    continue;
                }
                if (to_bits<T>(y[i]) == to_bits<T>(lib)) continue; // handed to libm
                if (++bad <= 5)
                    ADD_FAILURE() << isa.name << " " << op.name << (f64 ? " float64(" : " float32(")
                                  << std::hexfloat << (double)x[i] << " = " << std::defaultfloat
                                  << std::setprecision(17) << (double)x[i] << ") = " << (double)y[i]
                                  << ", libm " << (double)lib << ", reference " << (double)ref
                                  << " (" << err << " ULP, bound " << op.ulp << ")";
            }
            if (bad > 5) ADD_FAILURE() << isa.name << " " << op.name << ": " << bad << " bad points of " << x.size();
            ::testing::Test::RecordProperty(std::string(isa.name) + "_" + op.name + (f64 ? "_f64" : "_f32") + "_max_ulp", std::to_string(worst));
        }
    }
    if (ran == 0) GTEST_SKIP() << "this CPU has neither AVX-512F nor AVX2+FMA";
}

TEST(SleefRange, Float64EveryBinade) { check<double>(true); }
TEST(SleefRange, Float32EveryBinade) { check<float>(false); }

} // namespace
