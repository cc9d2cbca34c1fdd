// Errors travel inside results; out-of-memory never allocates; the allocator hook.
#include "xp_test.h"

#include <cstdlib>

using namespace xpt;

TEST(Errors, ErrorArrayCarriesStatusAndMessage) {
    Arr e(xp_error_new(XP_ERR_INDEX, "my_fn: argument 'k': out of range"));
    EXPECT_TRUE(xp_failed(e));
    EXPECT_EQ(xp_error_status(e), XP_ERR_INDEX);
    EXPECT_STREQ(xp_error_message(e), "my_fn: argument 'k': out of range");
    Arr ok(xp_zeros(XP_SHAPE_CXX(1), nullptr));
    EXPECT_FALSE(xp_failed(ok));
    EXPECT_EQ(xp_error_status(ok), XP_OK);
    EXPECT_STREQ(xp_error_message(ok), "");
    EXPECT_TRUE(xp_failed(nullptr));
    EXPECT_EQ(xp_error_status(nullptr), XP_ERR_TYPE);
}

TEST(Errors, OkStatusBecomesValueError) {
    Arr e(xp_error_new(XP_OK, nullptr));
    EXPECT_EQ(xp_error_status(e), XP_ERR_VALUE);
}

TEST(Errors, StatusNames) {
    EXPECT_STREQ(xp_status_name(XP_OK), "XP_OK");
    EXPECT_STREQ(xp_status_name(XP_ERR_DEVICE), "XP_ERR_DEVICE");
    EXPECT_STREQ(xp_status_name((xp_status)1234), "XP_ERR_UNKNOWN");
}

TEST(Errors, ErrorInputIsReturnedUntouched) {
    Arr e(xp_error_new(XP_ERR_BACKEND, "first failure"));
    Arr r1(xp_zeros_like(e, nullptr));
    Arr r2(xp_astype(e, XP_FLOAT32, nullptr));
    Arr r3(xp_broadcast_to(e, XP_SHAPE_CXX(3)));
    Arr r4(xp_tril(e, 0));
    Arr r5(xp_asarray(e, nullptr));
    Arr r6(xp_full(XP_SHAPE_CXX(2), e, nullptr));
    for (const Arr *r : {&r1, &r2, &r3, &r4, &r5, &r6}) {
        EXPECT_EQ(r->get(), e.get());  // the very same error object, retained
        EXPECT_STREQ(xp_error_message(*r), "first failure");
    }
}

TEST(Errors, NullArgumentsAreTypeErrorsNamingTheArgument) {
    Arr a(xp_zeros_like(nullptr, nullptr));
    EXPECT_XP_ERR(a, XP_ERR_TYPE, "xp_zeros_like");
    EXPECT_NE(std::string(xp_error_message(a)).find("'x'"), std::string::npos);
    Arr b(xp_full(XP_SHAPE_CXX(2), nullptr, nullptr));
    EXPECT_XP_ERR(b, XP_ERR_TYPE, "xp_full");
    EXPECT_NE(std::string(xp_error_message(b)).find("'fill_value'"), std::string::npos);
    Arr c(xp_astype(nullptr, XP_INT8, nullptr));
    EXPECT_XP_ERR(c, XP_ERR_TYPE, "xp_astype");
}

// ---- allocation failure sweeps ------------------------------------------------

namespace {

// Runs `op` with 0, 1, 2, ... successful allocations until it succeeds; every
// failure must be a clean XP_ERR_NOMEM (or another error) with nothing leaked.
template <class F>
void sweep(F op) {
    for (long budget = 0; budget < 64; budget++) {
        Failing f{budget};
        xp_allocator a = {failing_alloc, failing_free, &f};
        ASSERT_EQ(xp_set_allocator(&a), XP_OK);
        xp_array *r = op();
        bool failed = xp_failed(r);
        if (failed) {
            EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << xp_error_message(r);
        }
        xp_release(r);
        xp_set_allocator(nullptr);
        EXPECT_EQ(f.live, 0) << "leak with budget " << budget;
        if (!failed) return;
    }
    ADD_FAILURE() << "never succeeded";
}
}  // namespace

TEST(Errors, OutOfMemoryIsStaticAndNothingLeaks) {
    sweep([] { return xp_zeros(XP_SHAPE_CXX(10, 10), nullptr); });
    sweep([] { return xp_eye(5, XP_NONE, nullptr); });
    sweep([] { return xp_arange_int(0, 100, 3, nullptr); });
    sweep([] { return xp_linspace(0, 1, 11, nullptr); });
    sweep([] {
        xp_array *x = xp_ones(XP_SHAPE_CXX(2, 3, 3), nullptr);
        xp_array *r = xp_failed(x) ? xp_retain(x) : xp_tril(x, 0);
        xp_release(x);
        return r;
    });
    sweep([] {
        xp_array *x = xp_ones(XP_SHAPE_CXX(3), nullptr);
        xp_array *y = xp_ones(XP_SHAPE_CXX(2, 1), nullptr);
        const xp_array *in[2] = {x, y};
        xp_array *out[2] = {nullptr, nullptr};
        xp_array *r;
        if (xp_failed(x) || xp_failed(y)) {
            r = xp_retain(xp_failed(x) ? x : y);
        } else {
            xp_status st = xp_broadcast_arrays(2, in, out);
            EXPECT_EQ(st, xp_error_status(out[0]));
            EXPECT_EQ(st, xp_error_status(out[1]));
            xp_release(out[1]);
            r = out[0];
        }
        xp_release(x);
        xp_release(y);
        return r;
    });
    sweep([] {
        xp_scope_begin();
        xp_array *r = xp_keep(xp_full(XP_SHAPE_CXX(3), xp_float(2), nullptr));
        xp_scope_end();
        return r;
    });
    sweep([] {
        xp_array *x = xp_arange(0, 6, 1, nullptr);
        xp_array *r = xp_failed(x) ? xp_retain(x) : xp_astype(x, XP_COMPLEX64, nullptr);
        xp_release(x);
        return r;
    });
}

TEST(Errors, StaticOutOfMemoryErrorSurvivesRelease) {
    Failing f{0};
    xp_allocator a = {failing_alloc, failing_free, &f};
    xp_set_allocator(&a);
    xp_array *r = xp_zeros(XP_SHAPE_CXX(3), nullptr);
    xp_array *r2 = xp_ones(XP_SHAPE_CXX(3), nullptr);
    xp_set_allocator(nullptr);
    EXPECT_EQ(r, r2);  // one static object
    EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM);
    xp_release(r);
    xp_release(r);
    xp_release(r2);
    EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM);
}

TEST(Errors, AllocatorSwitchKeepsOldArraysValid) {
    Failing f{1000};
    xp_allocator a = {failing_alloc, failing_free, &f};
    xp_array *before = xp_ones(XP_SHAPE_CXX(3), nullptr);  // default allocator
    xp_set_allocator(&a);
    xp_array *during = xp_ones(XP_SHAPE_CXX(3), nullptr);
    EXPECT_GT(f.live, 0);
    xp_set_allocator(nullptr);
    xp_release(before);  // returned to the default allocator
    xp_release(during);  // returned to the failing one
    EXPECT_EQ(f.live, 0);
    xp_allocator bad = {nullptr, failing_free, nullptr};
    EXPECT_EQ(xp_set_allocator(&bad), XP_ERR_VALUE);
}
