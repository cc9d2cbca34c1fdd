// Bad inputs: dtypes a function does not take, NULL and error arrays, and the
// function table's members for this section.
#include "ew_support.h"

using namespace xpt;
using namespace xpe;

TEST(ElementwiseErrors, DtypesNotAccepted) {
    Arr f = make_real({1.5}, XP_FLOAT64), c = make({cd(1, 1)}, XP_COMPLEX128),
        i = make_real({1}, XP_INT32), b = make_real({1}, XP_BOOL);
    EXPECT_XP_ERR_T((xp_bitwise_and(f, f)), XP_ERR_TYPE, "xp_bitwise_and");
    EXPECT_XP_ERR_T((xp_bitwise_invert(f)), XP_ERR_TYPE, "xp_bitwise_invert");
    EXPECT_XP_ERR_T((xp_bitwise_left_shift(b, b)), XP_ERR_TYPE, "xp_bitwise_left_shift");
    EXPECT_XP_ERR_T((xp_floor(c)), XP_ERR_TYPE, "xp_floor");
    EXPECT_XP_ERR_T((xp_ceil(c)), XP_ERR_TYPE, "'x'");
    EXPECT_XP_ERR_T((xp_logical_and(i, i)), XP_ERR_TYPE, "xp_logical_and");
    EXPECT_XP_ERR_T((xp_logical_not(f)), XP_ERR_TYPE, "xp_logical_not");
    EXPECT_XP_ERR_T((xp_less(c, c)), XP_ERR_TYPE, "xp_less");
    EXPECT_XP_ERR_T((xp_maximum(c, c)), XP_ERR_TYPE, "xp_maximum");
    EXPECT_XP_ERR_T((xp_add(b, b)), XP_ERR_TYPE, "xp_add");
    EXPECT_XP_ERR_T((xp_sqrt(b)), XP_ERR_TYPE, "xp_sqrt");
    EXPECT_XP_ERR_T((xp_signbit(i)), XP_ERR_TYPE, "xp_signbit");
    EXPECT_XP_ERR_T((xp_imag(f)), XP_ERR_TYPE, "xp_imag");
    EXPECT_XP_ERR_T((xp_clip(c, nullptr, nullptr)), XP_ERR_TYPE, "xp_clip");
    EXPECT_XP_ERR_T((xp_clip(i, Arr(xp_float(0.5)), nullptr)), XP_ERR_TYPE, "'min'");
    EXPECT_XP_ERR_T((xp_clip(make_real({1}, XP_FLOAT32), f, nullptr)), XP_ERR_TYPE, "'min'");
    EXPECT_XP_ERR_T((xp_add(i, f)), XP_ERR_TYPE, "mixed kinds");
    EXPECT_XP_ERR_T((xp_equal(i, f)), XP_ERR_TYPE, "xp_equal");
}

TEST(ElementwiseErrors, NullAndErrorArrays) {
    Arr x = make_real({1}, XP_FLOAT64);
    EXPECT_XP_ERR_T((xp_add(nullptr, x)), XP_ERR_TYPE, "'x1'");
    EXPECT_XP_ERR_T((xp_add(x, nullptr)), XP_ERR_TYPE, "'x2'");
    EXPECT_XP_ERR_T((xp_exp(nullptr)), XP_ERR_TYPE, "xp_exp");
    EXPECT_XP_ERR_T((xp_clip(nullptr, nullptr, nullptr)), XP_ERR_TYPE, "xp_clip");
    Arr e(xp_error_new(XP_ERR_INDEX, "earlier failure"));
    Arr r(xp_sqrt(Arr(xp_add(x, e))));
    EXPECT_XP_ERR(r, XP_ERR_INDEX, "earlier failure");
    EXPECT_EQ(r.get(), e.get());
}

TEST(ElementwiseErrors, FunctionTableHasEveryMember) {
    // The table's members are the flavor's bodies; the flat functions reach them
    // through the arrays' table, so both give the same answers.
    const xp_namespace *ns = xp_namespace_default();
    for (auto m : {(void *)ns->add, (void *)ns->trunc, (void *)ns->clip, (void *)ns->array_iadd,
                   (void *)ns->array_index})
        EXPECT_NE(m, nullptr);
    Arr x = make_real({1.5, -2.25}, XP_FLOAT64);
    Arr y = make_real({0.5, 4}, XP_FLOAT64);
    EXPECT_EQ(reals(Arr(ns->add(x, y))), reals(Arr(xp_add(x, y))));
    EXPECT_EQ(reals(Arr(ns->trunc(x))), reals(Arr(xp_trunc(x))));
    // every elementwise function of adapter.h's op list is a table member
#define XP_T_MEMBER(name, arity) EXPECT_NE((void *)ns->name, nullptr) << #name;
    XP_ELEMENTWISE_OPS(XP_T_MEMBER)
#undef XP_T_MEMBER
}

TEST(ElementwiseErrors, EveryOpHasALoopForEveryAcceptedDtype) {
    // The merged adapter stack serves each (function, dtype) the core accepts.
    struct K {
        xp_op op;
        unsigned kinds;
    };
    const std::vector<K> ks = {
        {XP_OP_abs, KI | KF | KC}, {XP_OP_exp, KF | KC}, {XP_OP_atan2, KF}, {XP_OP_bitwise_and, KB | KI},
        {XP_OP_clip, KI | KF}, {XP_OP_equal, KB | KI | KF | KC}, {XP_OP_pow, KI | KF | KC},
        {XP_OP_sign, KI | KF | KC}, {XP_OP_sqrt, KF | KC}, {XP_OP_logical_xor, KB},
        {XP_OP_expm1, KF | KC}, {XP_OP_log1p, KF | KC}, {XP_OP_round, KI | KF | KC},
    };
    for (const K &k : ks)
        for (xp_dtype d : all_dtypes())
            if (xp_dtype_kind(d) & k.kinds) {
                EXPECT_NE(xp_adapter_loop(k.op, d), nullptr) << k.op << " " << dtype_str(d);
            }
    // The SLEEF adapter (vectorised exp, sin, ...), where a flavor stacks it, serves
    // exp above libm; the reference flavor stays libc/libm only.
    bool has_sleef = false;
    for (const xp_adapter *const *ad = xp_adapters(); *ad; ad++)
        if (std::string((*ad)->name) == "sleef") has_sleef = true;
    if (test_flavor() == "reference") {
        EXPECT_FALSE(has_sleef);
    }
    EXPECT_STREQ(xp_adapter_loop_owner(XP_OP_exp, XP_FLOAT64), has_sleef ? "sleef" : "libm");
    EXPECT_STREQ(xp_adapter_loop_owner(XP_OP_add, XP_FLOAT64), "reference");
}

TEST(ElementwiseErrors, EveryFunctionAnswersEveryDtype) {
    // Through the one op list of adapter.h: each function either computes or
    // refuses a dtype with XP_ERR_TYPE; never "no adapter provides it".
    struct F {
        const char *name;
        int arity;
        void *fn;
    };
#define XP_T_ENTRY(name, arity) {#name, arity, (void *)&xp_##name},
    const std::vector<F> fs = {XP_ELEMENTWISE_OPS(XP_T_ENTRY)};
#undef XP_T_ENTRY
    EXPECT_EQ(fs.size(), (size_t)XP_OP_COUNT);
    EXPECT_EQ(fs.size(), 67u);
    for (const F &f : fs)
        for (xp_dtype d : all_dtypes()) {
            SCOPED_TRACE(std::string(f.name) + " " + dtype_str(d));
            Arr x = make_real({1}, d, {1});
            Arr r;
            if (f.arity == 1)
                r = Arr(((xp_array * (*)(const xp_array *)) f.fn)(x));
            else if (f.arity == 2)
                r = Arr(((xp_array * (*)(const xp_array *, const xp_array *)) f.fn)(x, x));
            else
                r = Arr(xp_clip(x, x, x));
            if (r.failed()) {
                EXPECT_EQ(xp_error_status(r), XP_ERR_TYPE) << err_text(r);
            } else {
                EXPECT_EQ(r.shape(), (std::vector<int64_t>{1}));
            }
        }
}
