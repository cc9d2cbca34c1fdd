// Type promotion of every binary elementwise function over every pair of the 13
// dtypes, with Python scalars on either side, and the mixed-kind error.
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

namespace {

using Bin = xp_array *(*)(const xp_array *, const xp_array *);

struct BRule {
    const char *name;
    Bin f;
    unsigned kinds;
    Out out;
    bool to_float;
};

const std::vector<BRule> &rules() {
    static const std::vector<BRule> r = {
        {"add", xp_add, KI | KF | KC, SAME, false},
        {"atan2", xp_atan2, KF, SAME, true},
        {"bitwise_and", xp_bitwise_and, KB | KI, SAME, false},
        {"bitwise_left_shift", xp_bitwise_left_shift, KI, SAME, false},
        {"bitwise_or", xp_bitwise_or, KB | KI, SAME, false},
        {"bitwise_right_shift", xp_bitwise_right_shift, KI, SAME, false},
        {"bitwise_xor", xp_bitwise_xor, KB | KI, SAME, false},
        {"copysign", xp_copysign, KF, SAME, true},
        {"divide", xp_divide, KF | KC, SAME, true},
        {"equal", xp_equal, KB | KI | KF | KC, BOOLO, false},
        {"floor_divide", xp_floor_divide, KI | KF, SAME, false},
        {"greater", xp_greater, KI | KF, BOOLO, false},
        {"greater_equal", xp_greater_equal, KI | KF, BOOLO, false},
        {"hypot", xp_hypot, KF, SAME, true},
        {"less", xp_less, KI | KF, BOOLO, false},
        {"less_equal", xp_less_equal, KI | KF, BOOLO, false},
        {"logaddexp", xp_logaddexp, KF, SAME, true},
        {"logical_and", xp_logical_and, KB, BOOLO, false},
        {"logical_or", xp_logical_or, KB, BOOLO, false},
        {"logical_xor", xp_logical_xor, KB, BOOLO, false},
        {"maximum", xp_maximum, KI | KF, SAME, false},
        {"minimum", xp_minimum, KI | KF, SAME, false},
        {"multiply", xp_multiply, KI | KF | KC, SAME, false},
        {"nextafter", xp_nextafter, KF, SAME, false},
        {"not_equal", xp_not_equal, KB | KI | KF | KC, BOOLO, false},
        {"pow", xp_pow, KI | KF | KC, SAME, false},
        {"remainder", xp_remainder, KI | KF, SAME, false},
        {"subtract", xp_subtract, KI | KF | KC, SAME, false},
    };
    return r;
}

// The standard's promotion table (spec-notes §2), written out independently.
xp_dtype table(xp_dtype a, xp_dtype b) {
    auto kind = [](xp_dtype d) { return xp_dtype_kind(d); };
    auto bits = [](xp_dtype d) { return (int)xp_dtype_size(d) * 8; };
    if (a == b) return a;
    xp_kind ka = kind(a), kb = kind(b);
    if (ka == XP_KIND_BOOL || kb == XP_KIND_BOOL) return XP_DTYPE_DEFAULT;
    bool ia = ka & KI, ib = kb & KI;
    if (ia != ib) return XP_DTYPE_DEFAULT;
    if (ia) {
        if (ka == kb) return bits(a) >= bits(b) ? a : b;
        xp_dtype s = ka == XP_KIND_SIGNED ? a : b, u = ka == XP_KIND_SIGNED ? b : a;
        if (u == XP_UINT64) return XP_DTYPE_DEFAULT;
        int need = std::max(bits(s), 2 * bits(u));
        return need == 8 ? XP_INT8 : need == 16 ? XP_INT16 : need == 32 ? XP_INT32 : XP_INT64;
    }
    bool c = ka == KC || kb == KC;
    int prec = std::max(ka == KC ? bits(a) / 2 : bits(a), kb == KC ? bits(b) / 2 : bits(b));
    if (c) return prec == 32 ? XP_COMPLEX64 : XP_COMPLEX128;
    return prec == 32 ? XP_FLOAT32 : XP_FLOAT64;
}

Arr one(xp_dtype d) { return make({d == XP_BOOL ? 1.0 : 2.0}, d, {1}); }

}  // namespace

TEST(ElementwisePromotion, EveryPairOfDtypes) {
    for (const BRule &r : rules()) {
        for (xp_dtype a : all_dtypes())
            for (xp_dtype b : all_dtypes()) {
                SCOPED_TRACE(std::string(r.name) + " " + dtype_str(a) + " " + dtype_str(b));
                Arr x = one(a), y = one(b);
                Arr z(r.f(x, y));
                xp_dtype p = table(a, b);
                xp_dtype want = p ? out_dtype(r.kinds, r.out, r.to_float, p) : XP_DTYPE_DEFAULT;
                if (r.f == xp_nextafter && a != b) want = XP_DTYPE_DEFAULT;
                if (!want) {
                    EXPECT_XP_ERR(z, XP_ERR_TYPE, std::string("xp_") + r.name);
                    continue;
                }
                ASSERT_XP_OK(z);
                EXPECT_EQ(z.dtype(), want);
                EXPECT_EQ(z.shape(), (std::vector<int64_t>{1}));
            }
    }
}

TEST(ElementwisePromotion, PythonScalarsOnEitherSide) {
    // (scalar kind, array dtype) -> the scalar takes the array's dtype, except a
    // complex scalar with a real-float array (complex of the same precision).
    struct S {
        const char *kind;
        Arr (*make)();
    };
    const std::vector<S> scalars = {
        {"bool", [] { return Arr(xp_bool(true)); }},
        {"int", [] { return Arr(xp_int(1)); }},
        {"float", [] { return Arr(xp_float(1.5)); }},
        {"complex", [] { return Arr(xp_complex(1, 1)); }},
    };
    for (const BRule &r : rules())
        for (const S &s : scalars)
            for (xp_dtype d : all_dtypes())
                for (int side = 0; side < 2; side++) {
                    SCOPED_TRACE(std::string(r.name) + " " + s.kind + " " + dtype_str(d) +
                                 (side ? " scalar on the left" : " scalar on the right"));
                    Arr x = one(d), sc = s.make();
                    Arr z(side ? r.f(sc, x) : r.f(x, sc));
                    xp_kind k = xp_dtype_kind(d);
                    std::string sk = s.kind;
                    xp_dtype sd = XP_DTYPE_DEFAULT;
                    if (sk == "bool" && k == KB) sd = d;
                    if (sk == "int" && (k & (KI | KF | KC))) sd = d;
                    if (sk == "float" && (k & (KF | KC))) sd = d;
                    if (sk == "complex" && k == KC) sd = d;
                    if (sk == "complex" && d == XP_FLOAT32) sd = XP_COMPLEX64;
                    if (sk == "complex" && d == XP_FLOAT64) sd = XP_COMPLEX128;
                    xp_dtype p = sd ? table(d, sd) : XP_DTYPE_DEFAULT;
                    xp_dtype want = p ? out_dtype(r.kinds, r.out, r.to_float, p) : XP_DTYPE_DEFAULT;
                    if (r.f == xp_nextafter && sd != d) want = XP_DTYPE_DEFAULT;
                    if (!want) {
                        EXPECT_XP_ERR(z, XP_ERR_TYPE, std::string("xp_") + r.name);
                        continue;
                    }
                    ASSERT_XP_OK(z);
                    EXPECT_EQ(z.dtype(), want);
                }
}

TEST(ElementwisePromotion, ScalarKeepsFloat32) {
    Arr x = make_real({1, 2}, XP_FLOAT32);
    Arr s(xp_float(0.1));
    Arr z(xp_add(x, s));
    ASSERT_XP_OK(z);
    EXPECT_EQ(z.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(z)[0], (double)(1.0f + 0.1f));
}

TEST(ElementwisePromotion, TwoScalarsTakeTheWiderKindsDefault) {
    Arr a(xp_int(2)), b(xp_float(0.5)), c(xp_complex(0, 1));
    Arr z(xp_add(a, b));
    ASSERT_XP_OK(z);
    EXPECT_EQ(z.dtype(), XP_FLOAT64);
    EXPECT_EQ(reals(z)[0], 2.5);
    Arr w(xp_multiply(b, c));
    ASSERT_XP_OK(w);
    EXPECT_EQ(w.dtype(), XP_COMPLEX128);
}

TEST(ElementwisePromotion, ScalarsThatDoNotFit) {
    Arr i8 = make_real({1}, XP_INT8), u8 = make_real({1}, XP_UINT8), b = make({1}, XP_BOOL);
    Arr f(xp_float(1.5)), big(xp_int(200)), neg(xp_int(-1)), c(xp_complex(1, 0)), t(xp_bool(true));
    EXPECT_XP_ERR_T((xp_add(i8, f)), XP_ERR_TYPE, "xp_add");
    EXPECT_XP_ERR_T((xp_add(f, i8)), XP_ERR_TYPE, "'x1'");
    EXPECT_XP_ERR_T((xp_add(i8, c)), XP_ERR_TYPE, "'x2'");
    EXPECT_XP_ERR_T((xp_add(i8, big)), XP_ERR_VALUE, "out of range");
    EXPECT_XP_ERR_T((xp_add(u8, neg)), XP_ERR_VALUE, "xp_add");
    EXPECT_XP_ERR_T((xp_add(i8, t)), XP_ERR_TYPE, "xp_add");
    EXPECT_XP_ERR_T((xp_logical_and(b, neg)), XP_ERR_TYPE, "xp_logical_and");
    Arr ok(xp_add(u8, Arr(xp_int(255))));
    ASSERT_XP_OK(ok);
    EXPECT_EQ(reals(ok)[0], 0);  // 1 + 255 wraps in uint8
}
