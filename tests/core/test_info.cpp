// Inspection: __array_namespace_info__.
#include "xp_test.h"

using namespace xpt;

TEST(Info, Capabilities) {
    xp_capabilities c;
    ASSERT_EQ(xp_info_capabilities(&c), XP_OK);
    EXPECT_TRUE(c.boolean_indexing);
    EXPECT_TRUE(c.data_dependent_shapes);
    EXPECT_EQ(c.max_dimensions, 64);
    EXPECT_EQ(xp_info_capabilities(nullptr), XP_ERR_VALUE);
}

TEST(Info, DefaultDeviceAndDtypes) {
    EXPECT_EQ(xp_info_default_device(), XP_DEVICE_CPU);
    xp_default_dtypes d;
    ASSERT_EQ(xp_info_default_dtypes(XP_DEVICE_DEFAULT, &d), XP_OK);
    EXPECT_EQ(d.real_floating, XP_FLOAT64);
    EXPECT_EQ(d.complex_floating, XP_COMPLEX128);
    EXPECT_EQ(d.integral, XP_INT64);
    EXPECT_EQ(d.indexing, XP_INT64);
    ASSERT_EQ(xp_info_default_dtypes(XP_DEVICE_CPU1, &d), XP_OK);
    EXPECT_EQ(xp_info_default_dtypes(XP_DEVICE(2, 0), &d), XP_ERR_DEVICE);
    EXPECT_EQ(xp_info_default_dtypes(XP_DEVICE_CPU, nullptr), XP_ERR_VALUE);
}

TEST(Info, Devices) {
    int n = -1;
    ASSERT_EQ(xp_info_devices(nullptr, 0, &n), XP_OK);
    EXPECT_EQ(n, 2);
    xp_device devs[4];
    ASSERT_EQ(xp_info_devices(devs, 4, &n), XP_OK);
    EXPECT_EQ(devs[0], XP_DEVICE_CPU);
    EXPECT_EQ(devs[1], XP_DEVICE_CPU1);
    EXPECT_NE(devs[0], devs[1]);
    EXPECT_EQ(XP_DEVICE_TYPE(devs[1]), 1);
    EXPECT_EQ(XP_DEVICE_ID(devs[1]), 1);
    EXPECT_EQ(xp_info_devices(devs, 4, nullptr), XP_ERR_VALUE);
    // the default device is among the devices and creation honours it
    xp_create_opts o = {XP_DTYPE_DEFAULT, xp_info_default_device()};
    Arr a(xp_zeros(XP_SHAPE_CXX(1), &o));
    EXPECT_EQ(xp_array_device(a), devs[0]);
}

TEST(Info, DtypesWithKindFiltering) {
    xp_dtype out[XP_DTYPE_COUNT];
    int n;
    ASSERT_EQ(xp_info_dtypes(XP_DEVICE_DEFAULT, (xp_kind)0, out, &n), XP_OK);
    EXPECT_EQ(n, 13);
    EXPECT_EQ(std::vector<xp_dtype>(out, out + n), all_dtypes());
    ASSERT_EQ(xp_info_dtypes(XP_DEVICE_CPU, XP_KIND_REAL_FLOATING, out, &n), XP_OK);
    EXPECT_EQ(std::vector<xp_dtype>(out, out + n), (std::vector<xp_dtype>{XP_FLOAT32, XP_FLOAT64}));
    ASSERT_EQ(xp_info_dtypes(XP_DEVICE_CPU, (xp_kind)(XP_KIND_BOOL | XP_KIND_UNSIGNED), out, &n), XP_OK);
    EXPECT_EQ(n, 5);
    ASSERT_EQ(xp_info_dtypes(XP_DEVICE_CPU, XP_KIND_NUMERIC, out, &n), XP_OK);
    EXPECT_EQ(n, 12);
    EXPECT_EQ(xp_info_dtypes(XP_DEVICE(5, 0), (xp_kind)0, out, &n), XP_ERR_DEVICE);
    EXPECT_EQ(xp_info_dtypes(XP_DEVICE_CPU, (xp_kind)(1 << 9), out, &n), XP_ERR_VALUE);
    EXPECT_EQ(xp_info_dtypes(XP_DEVICE_CPU, (xp_kind)0, nullptr, &n), XP_ERR_VALUE);
}

TEST(Info, Flavor) { EXPECT_STREQ(xp_info_flavor(), XP_TEST_FLAVOR); }
