// The flat functions run on the table of their arrays: given arrays of a flavor
// loaded with xp_namespace_by_name, xp_add & co. run that flavor's code and
// return its arrays; NULL and error arguments are reported as before; arrays of
// two flavors stay safe to read and release with the flat functions.
#include "xp_test.h"

#include <sstream>

using namespace xpt;

namespace {

std::vector<const xp_namespace *> other_flavors() {
    std::vector<const xp_namespace *> v;
    std::stringstream ss(XP_TEST_FLAVORS);
    std::string s;
    while (std::getline(ss, s, ','))
        if (!s.empty() && s != test_flavor()) {
            const xp_namespace *ns = xp_namespace_by_name(s.c_str(), nullptr);
            if (ns) v.push_back(ns);
        }
    return v;
}

const xp_namespace *ns_of(const xp_array *x) { return xp_array_namespace(x, NULL); }

}  // namespace

TEST(Dispatch, FlatFunctionsRunTheLoadedFlavorsCode) {
    auto others = other_flavors();
    ASSERT_FALSE(others.empty()) << "build two flavors (" XP_TEST_FLAVORS ") to test loading";
    for (const xp_namespace *ns : others) {
        SCOPED_TRACE(ns->flavor);
        double v[4] = {3, 1, 1, 3};
        int64_t shape[2] = {2, 2};
        Arr m(ns->asarray_buffer(v, XP_FLOAT64, 2, shape, nullptr));
        ASSERT_FALSE(m.failed());
        ASSERT_EQ(ns_of(m), ns);
        Arr s(xp_add(m, m));
        ASSERT_FALSE(s.failed());
        EXPECT_EQ(ns_of(s), ns);
        EXPECT_EQ(reals(s), (std::vector<double>{6, 2, 2, 6}));
        Arr t(xp_sum(m, nullptr));
        EXPECT_EQ(ns_of(t), ns);
        EXPECT_EQ(reals(t), (std::vector<double>{8}));
        Arr w(xp_add(m, Arr(xp_float(1))));  // a weak scalar adopts m's table
        EXPECT_EQ(ns_of(w), ns);
        Arr k(xp_multiply(Arr(xp_int(2)), m));
        EXPECT_EQ(ns_of(k), ns);
        xp_svd_result r = xp_linalg_svd(m, nullptr);
        ASSERT_FALSE(xp_failed(r.S)) << xp_error_message(r.S);
        EXPECT_EQ(ns_of(r.U), ns);
        EXPECT_EQ(ns_of(r.S), ns);
        EXPECT_EQ(ns_of(r.Vh), ns);
        std::vector<double> sv = reals(r.S);
        ASSERT_EQ(sv.size(), 2u);
        EXPECT_NEAR(sv[0], 4, 1e-12);
        EXPECT_NEAR(sv[1], 2, 1e-12);
        xp_svd_result_release(r);
        // array lists count: the first array of the list decides
        const xp_array *pair[2] = {m, m};
        Arr c(xp_concat(2, pair, nullptr));
        EXPECT_EQ(ns_of(c), ns);
        xp_array *out[2] = {nullptr, nullptr};
        ASSERT_EQ(xp_broadcast_arrays(2, pair, out), XP_OK);
        EXPECT_EQ(ns_of(out[0]), ns);
        xp_release(out[0]);
        xp_release(out[1]);
        // functions without array arguments stay this library's
        Arr z(xp_zeros(2, shape, nullptr));
        EXPECT_EQ(ns_of(z), xp_namespace_default());
    }
}

TEST(Dispatch, ScopesCollectTheLoadedFlavorsResults) {
    // Results of the loaded flavor's code join this library's scope: nothing here
    // is released by hand, so a result the scope missed is a leak (the ASan run
    // of the suite fails on it; tests/core/test_storage.cpp counts releases).
    for (const xp_namespace *ns : other_flavors()) {
        SCOPED_TRACE(ns->flavor);
        Arr m(ns->arange(0, 4, 1, nullptr));
        int64_t shape[2] = {2, 2};
        Arr m2(xp_reshape(m, 2, shape, nullptr));
        ASSERT_EQ(ns_of(m2), ns);
        xp_scope_begin();
        xp_add(m, m);
        xp_linalg_svd(xp_astype(m2, XP_FLOAT64, nullptr), nullptr);
        xp_unique_counts(m);
        xp_array *rows[2];
        EXPECT_EQ(xp_unstack(m2, nullptr, rows), XP_OK);
        xp_array *nz[2];
        EXPECT_EQ(xp_nonzero(m2, nz), XP_OK);
        xp_array *kept = xp_keep(xp_subtract(m, m));
        xp_scope_end();
        EXPECT_EQ(ns_of(kept), ns);
        EXPECT_EQ(reals(kept), (std::vector<double>{0, 0, 0, 0}));
        xp_release(kept);
    }
}

TEST(Dispatch, NullAndErrorArgumentsReportAsBefore) {
    for (const xp_namespace *ns : other_flavors()) {
        SCOPED_TRACE(ns->flavor);
        Arr m(ns->arange(0, 3, 1, nullptr));
        EXPECT_XP_ERR(Arr(xp_add(nullptr, m)), XP_ERR_TYPE, "xp_add: argument 'x1' is NULL");
        EXPECT_XP_ERR(Arr(xp_add(m, nullptr)), XP_ERR_TYPE, "xp_add: argument 'x2' is NULL");
        Arr e(xp_error_new(XP_ERR_INDEX, "earlier failure"));
        Arr r(xp_add(m, e));
        EXPECT_EQ(r.get(), e.get());  // the first error travels on, untouched
        EXPECT_XP_ERR(Arr(xp_sum(nullptr, nullptr)), XP_ERR_TYPE, "xp_sum");
    }
}

TEST(Dispatch, MixingFlavorsIsRefused) {
    for (const xp_namespace *ns : other_flavors()) {
        SCOPED_TRACE(ns->flavor);
        Arr a(ns->arange(0, 3, 1, nullptr));
        Arr b(xp_arange(0, 3, 1, nullptr));
        const xp_array *both[2] = {a, b};
        const xp_namespace *got = nullptr;
        EXPECT_EQ(xp_array_namespace_n(2, both, &got), XP_ERR_VALUE);
        EXPECT_EQ(xp_array_namespace(a.get(), b.get(), NULL), nullptr);
        // reading and releasing both with the flat functions is safe
        EXPECT_EQ(reals(a), reals(b));
    }
}
