// The function table and array_namespace.
#include "xp_test.h"

using namespace xpt;

TEST(Namespace, TableDescribesThisFlavor) {
    const xp_namespace *ns = xp_namespace_default();
    ASSERT_NE(ns, nullptr);
    EXPECT_EQ(ns->abi_version, (uint32_t)XP_NAMESPACE_ABI_VERSION);
    EXPECT_EQ(ns->size, sizeof(xp_namespace));
    EXPECT_EQ(std::string(ns->flavor), test_flavor());
    EXPECT_STREQ(ns->api_version, "2025.12");
}

// Every member of every section is filled, and with the flat function itself.
// The table's members are the flavor's own bodies; the flat function of the same
// name finds the table of its arrays first (docs/core.md), so it is another function.
TEST(Namespace, EveryMemberIsTheFlavorsBody) {
    const xp_namespace *ns = xp_namespace_default();
    int members = 0;
#define CHECK(name)                                                   \
    EXPECT_NE((const void *)ns->name, nullptr) << #name;              \
    EXPECT_NE((const void *)ns->name, (const void *)&xp_##name) << #name; \
    members++;
#define CHECK_LINALG(name)                                                          \
    EXPECT_NE((const void *)ns->linalg.name, nullptr) << #name;                     \
    EXPECT_NE((const void *)ns->linalg.name, (const void *)&xp_linalg_##name) << #name; \
    members++;
#define CHECK_FFT(name)                                                       \
    EXPECT_NE((const void *)ns->fft.name, nullptr) << #name;                  \
    EXPECT_NE((const void *)ns->fft.name, (const void *)&xp_fft_##name) << #name; \
    members++;
    XP_NS_DATA_TYPES(CHECK)
    XP_NS_CREATION(CHECK)
    XP_NS_INFO(CHECK)
    XP_NS_ELEMENTWISE(CHECK)
    XP_NS_INDEXING(CHECK)
    XP_NS_MANIPULATION(CHECK)
    XP_NS_SEARCHING(CHECK)
    XP_NS_SETS(CHECK)
    XP_NS_SORTING(CHECK)
    XP_NS_STATISTICAL(CHECK)
    XP_NS_UTILITY(CHECK)
    XP_NS_LINEAR_ALGEBRA(CHECK)
    XP_NS_DLPACK(CHECK)
    XP_NS_LINALG(CHECK_LINALG)
    XP_NS_FFT(CHECK_FFT)
    EXPECT_GT(members, 30);
}

TEST(Namespace, CodeWrittenAgainstTheTable) {
    const xp_namespace *xp = xp_namespace_default();
    xp_create_opts o = {XP_INT32, XP_DEVICE_DEFAULT};
    Arr a(xp->ones(XP_SHAPE_CXX(2, 2), &o));
    Arr t(xp->triu(a, 1));
    EXPECT_EQ(reals(t), (std::vector<double>{0, 1, 0, 0}));
}

TEST(Namespace, ArrayNamespace) {
    Arr a = make_real({1}, XP_FLOAT32), b = make_real({2}, XP_INT8);
    Arr s(xp_float(1));
    EXPECT_EQ(xp_array_namespace(a.get(), b.get(), s.get(), nullptr), xp_namespace_default());
    const xp_namespace *ns = nullptr;
    const xp_array *arr[3] = {a, s, b};
    EXPECT_EQ(xp_array_namespace_n(3, arr, &ns), XP_OK);
    EXPECT_EQ(ns, xp_namespace_default());
    // weak scalars alone name no namespace
    const xp_array *only[1] = {s};
    EXPECT_EQ(xp_array_namespace_n(1, only, &ns), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_namespace(s.get(), nullptr), nullptr);
    // devices must agree
    xp_create_opts o = {XP_FLOAT32, XP_DEVICE_CPU1};
    Arr d(xp_ones(XP_SHAPE_CXX(1), &o));
    const xp_array *mixed[2] = {a, d};
    EXPECT_EQ(xp_array_namespace_n(2, mixed, &ns), XP_ERR_DEVICE);
    EXPECT_EQ(xp_array_namespace(a.get(), d.get(), nullptr), nullptr);
    // NULL and error arrays
    const xp_array *withnull[2] = {a, nullptr};
    EXPECT_EQ(xp_array_namespace_n(2, withnull, &ns), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_INDEX, "bad"));
    const xp_array *witherr[2] = {a, e};
    EXPECT_EQ(xp_array_namespace_n(2, witherr, &ns), XP_ERR_INDEX);
    EXPECT_EQ(xp_array_namespace_n(0, nullptr, &ns), XP_ERR_VALUE);
    EXPECT_EQ(xp_array_namespace_n(1, arr, nullptr), XP_ERR_VALUE);
}

TEST(Namespace, AdapterStackIsValidatedAndEndsWithTheReference) {
    const xp_adapter *const *ad = xp_adapters();
    ASSERT_NE(ad, nullptr);
    int n = 0;
    while (ad[n]) {
        EXPECT_EQ(ad[n]->abi_version, (uint32_t)XP_ADAPTER_ABI_VERSION);
        EXPECT_EQ(ad[n]->size, sizeof(xp_adapter));
        EXPECT_NE(ad[n]->name, nullptr);
        n++;
    }
    ASSERT_GT(n, 0);
    EXPECT_STREQ(ad[n - 1]->name, "reference");
    EXPECT_EQ(xp_adapter_loop((xp_op)-1, XP_FLOAT64), nullptr);
    EXPECT_EQ(xp_adapter_loop(XP_OP_add, (xp_dtype)0), nullptr);
    EXPECT_EQ(xp_adapter_loop_owner(XP_OP_COUNT, XP_FLOAT64), nullptr);
}
