// Run-time choice of a flavor: xp_namespace_by_name, XPARRAY_FLAVOR, and arrays
// made through another flavor's table. XP_TEST_FLAVORS lists the flavors built
// beside this one ("reference,openblas,gsl").
#include "xp_test.h"

// The flavor under test (the suite is compiled once and linked into every flavor).
#define XP_TEST_FLAVOR (xpt::test_flavor().c_str())

#include <cstdlib>
#include <sstream>

using namespace xpt;

namespace {

std::vector<std::string> built_flavors() {
    std::vector<std::string> v;
    std::stringstream ss(XP_TEST_FLAVORS);
    std::string s;
    while (std::getline(ss, s, ','))
        if (!s.empty()) v.push_back(s);
    return v;
}

// Sets or unsets XPARRAY_FLAVOR for one test, restoring it afterwards.
struct EnvFlavor {
    std::string saved;
    bool had;
    explicit EnvFlavor(const char *v) {
        const char *s = std::getenv("XPARRAY_FLAVOR");
        had = s != nullptr;
        if (had) saved = s;
        if (v) setenv("XPARRAY_FLAVOR", v, 1);
        else unsetenv("XPARRAY_FLAVOR");
    }
    ~EnvFlavor() {
        if (had) setenv("XPARRAY_FLAVOR", saved.c_str(), 1);
        else unsetenv("XPARRAY_FLAVOR");
    }
};

}  // namespace

TEST(Flavors, OwnNameIsTheDefaultTable) {
    xp_status st = XP_ERR_VALUE;
    EXPECT_EQ(xp_namespace_by_name(XP_TEST_FLAVOR, &st), xp_namespace_default());
    EXPECT_EQ(st, XP_OK);
    EXPECT_STREQ(xp_info_flavor(), XP_TEST_FLAVOR);
    EXPECT_STREQ(xp_namespace_default()->flavor, XP_TEST_FLAVOR);
}

TEST(Flavors, UnknownOrMalformedNameFails) {
    xp_status st = XP_OK;
    EXPECT_EQ(xp_namespace_by_name("no-such-flavor", &st), nullptr);
    EXPECT_EQ(st, XP_ERR_VALUE);
    for (const char *bad : {"../reference", "gsl/..", "Reference", "a b",
                            "123456789012345678901234567890123"}) {
        st = XP_OK;
        EXPECT_EQ(xp_namespace_by_name(bad, &st), nullptr) << bad;
        EXPECT_EQ(st, XP_ERR_VALUE) << bad;
    }
    EXPECT_EQ(xp_namespace_by_name("no-such-flavor", nullptr), nullptr);  // status optional
}

TEST(Flavors, NullNameFollowsTheEnvironment) {
    xp_status st = XP_ERR_VALUE;
    {
        EnvFlavor e(nullptr);
        EXPECT_EQ(xp_namespace_by_name(nullptr, &st), xp_namespace_default());
        EXPECT_EQ(st, XP_OK);
        EXPECT_EQ(xp_namespace_by_name("", &st), xp_namespace_default());
    }
    {
        EnvFlavor e("");
        EXPECT_EQ(xp_namespace_by_name(nullptr, &st), xp_namespace_default());
    }
    {
        EnvFlavor e(XP_TEST_FLAVOR);
        EXPECT_EQ(xp_namespace_by_name(nullptr, &st), xp_namespace_default());
    }
    {
        EnvFlavor e("no-such-flavor");  // no silent fallback
        st = XP_OK;
        EXPECT_EQ(xp_namespace_by_name(nullptr, &st), nullptr);
        EXPECT_EQ(st, XP_ERR_VALUE);
        // and nothing else changes
        EXPECT_STREQ(xp_info_flavor(), XP_TEST_FLAVOR);
        EXPECT_STREQ(xp_namespace_default()->flavor, XP_TEST_FLAVOR);
    }
    for (const std::string &f : built_flavors()) {
        EnvFlavor e(f.c_str());
        const xp_namespace *ns = xp_namespace_by_name(nullptr, &st);
        ASSERT_NE(ns, nullptr) << f;
        EXPECT_STREQ(ns->flavor, f.c_str());
        EXPECT_EQ(ns, xp_namespace_by_name(f.c_str(), nullptr));
    }
}

TEST(Flavors, EveryBuiltFlavorLoadsBesideThisOne) {
    for (const std::string &f : built_flavors()) {
        SCOPED_TRACE(f);
        xp_status st = XP_ERR_VALUE;
        const xp_namespace *ns = xp_namespace_by_name(f.c_str(), &st);
        ASSERT_NE(ns, nullptr);
        EXPECT_EQ(st, XP_OK);
        EXPECT_EQ(ns->abi_version, (uint32_t)XP_NAMESPACE_ABI_VERSION);
        EXPECT_EQ(ns->size, (uint32_t)sizeof(xp_namespace));
        EXPECT_STREQ(ns->flavor, f.c_str());
        EXPECT_STREQ(ns->info_flavor(), f.c_str());  // its own code, not the linked one
        EXPECT_EQ(xp_namespace_by_name(f.c_str(), nullptr), ns);  // loaded once
        EXPECT_EQ(ns == xp_namespace_default(), f == XP_TEST_FLAVOR);
    }
}

TEST(Flavors, ArraysCarryTheTableThatMadeThem) {
    for (const std::string &f : built_flavors()) {
        SCOPED_TRACE(f);
        const xp_namespace *ns = xp_namespace_by_name(f.c_str(), nullptr);
        ASSERT_NE(ns, nullptr);
        int64_t shape[2] = {2, 3};
        Arr a(ns->arange(0, 6, 1, nullptr));
        ASSERT_FALSE(a.failed());
        EXPECT_EQ(xp_array_namespace(a, NULL), ns);
        // results of its table stay in it
        Arr z(ns->zeros(2, shape, nullptr));
        ASSERT_FALSE(z.failed());
        EXPECT_EQ(xp_array_namespace(a, z.get(), NULL), ns);
        // the flat functions run the arrays' flavor and return its arrays
        Arr c0(xp_astype(a, XP_FLOAT32, nullptr));
        ASSERT_FALSE(c0.failed());
        EXPECT_EQ(reals(c0), (std::vector<double>{0, 1, 2, 3, 4, 5}));
        EXPECT_EQ(xp_array_namespace(c0, NULL), ns);
        // mixing arrays of two flavors is refused
        Arr c(xp_arange(0, 6, 1, nullptr));
        if (ns != xp_namespace_default()) {
            const xp_namespace *got = nullptr;
            const xp_array *both[2] = {a, c};
            EXPECT_EQ(xp_array_namespace_n(2, both, &got), XP_ERR_VALUE);
            EXPECT_EQ(xp_array_namespace(a, c.get(), NULL), nullptr);
        }
        // its error arrays are read by the flat functions
        Arr e(ns->zeros(-1, shape, nullptr));
        EXPECT_TRUE(xp_failed(e));
        EXPECT_NE(xp_error_status(e), XP_OK);
        EXPECT_NE(std::string(xp_error_message(e)).find("xp_zeros"), std::string::npos);
    }
}

// Devices and capabilities are facts of each flavor's own file: the suite's
// test-only flavor "factstest" (tests/flavors/facts_flavor.c) states one device
// and no data-dependent shapes, on the same core as every flavor.
TEST(Flavors, FactsComeFromTheFlavorsFile) {
    xp_status st = XP_ERR_VALUE;
    const xp_namespace *ns = xp_namespace_by_name("factstest", &st);
    ASSERT_NE(ns, nullptr) << xp_status_name(st);
    EXPECT_STREQ(ns->info_flavor(), "factstest");
    xp_capabilities caps{};
    ASSERT_EQ(ns->info_capabilities(&caps), XP_OK);
    EXPECT_FALSE(caps.data_dependent_shapes);
    EXPECT_TRUE(caps.boolean_indexing);
    EXPECT_EQ(caps.max_dimensions, XP_MAX_NDIM);
    xp_device devs[4];
    int n = 0;
    ASSERT_EQ(ns->info_devices(devs, 4, &n), XP_OK);
    ASSERT_EQ(n, 1);
    EXPECT_EQ(devs[0], XP_DEVICE_CPU);
    EXPECT_EQ(ns->info_default_device(), XP_DEVICE_CPU);
    xp_default_dtypes dd{};
    EXPECT_EQ(ns->info_default_dtypes(XP_DEVICE_CPU1, &dd), XP_ERR_DEVICE);
    // the core checks device= arguments against the flavor's devices
    int64_t shape[1] = {2};
    xp_create_opts on_cpu1{};
    on_cpu1.device = XP_DEVICE_CPU1;
    Arr z(ns->zeros(1, shape, &on_cpu1));
    EXPECT_XP_ERR(z, XP_ERR_DEVICE, "not available in the 'factstest' flavor");
    Arr ok(ns->zeros(1, shape, nullptr));
    EXPECT_EQ(xp_array_device(ok), XP_DEVICE_CPU);
    // the linked flavor keeps its own
    ASSERT_EQ(xp_info_capabilities(&caps), XP_OK);
    EXPECT_TRUE(caps.data_dependent_shapes);
    ASSERT_EQ(xp_info_devices(devs, 4, &n), XP_OK);
    EXPECT_EQ(n, 2);
    Arr z1(xp_zeros(1, shape, &on_cpu1));
    EXPECT_EQ(xp_array_device(z1), XP_DEVICE_CPU1);
}
