// Tests of the harness itself (run with filters by tests/meson.build).
#include <gtest/gtest.h>

TEST(Selftest, Passes) { EXPECT_EQ(1 + 1, 2); }
TEST(Selftest, Fails) { EXPECT_EQ(1 + 1, 3) << "deliberate failure"; }
TEST(Selftest, AlsoFails) { FAIL() << "deliberate failure"; }
