// Tests of the creation part of the foundation.
#include "xp_test.h"

using namespace xpt;

TEST(Creation, ZerosDefaultDtypeIsFloat64) {
    Arr z(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    ASSERT_XP_OK(z);
    EXPECT_EQ(z.dtype(), XP_FLOAT64);
    EXPECT_EQ(z.shape(), (std::vector<int64_t>{2, 3}));
    for (double v : reals(z)) EXPECT_EQ(v, 0.0);
}
