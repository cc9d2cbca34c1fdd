// The built-in caching allocator: reuse, the cache bound, trimming, threads.
#include "xp_test.h"

#include <thread>

using namespace xpt;

namespace {
Arr big(int64_t n, xp_dtype dt = XP_FLOAT64) {
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    return Arr(xp_empty(1, &n, &o));
}
}  // namespace

TEST(Allocator, LargeBlockIsReusedAfterRelease) {
    xp_allocator_trim();
    const void *first;
    {
        Arr a = big(1 << 17);  // 1 MiB
        ASSERT_FALSE(a.failed());
        first = xp_array_data(a);
    }
    EXPECT_GE(xp_allocator_cached_bytes(), (size_t)1 << 20);
    Arr b = big((1 << 17) + 1000);  // same size class (1.25 MiB)
    EXPECT_EQ(xp_array_data(b), first);
    EXPECT_EQ(xp_allocator_cached_bytes(), 0u);
}

TEST(Allocator, HugeBlocksAreUsableAndCached) {
    xp_allocator_trim();
    {
        Arr a = big(3 << 20);  // 24 MiB
        ASSERT_FALSE(a.failed());
        double *d = (double *)xp_array_data(a);
        for (int64_t i = 0; i < (3 << 20); i += 4096) d[i] = (double)i;
        d[(3 << 20) - 1] = 1.0;
        EXPECT_EQ(d[4096], 4096.0);
        EXPECT_EQ((uintptr_t)d % 64, 0u);
    }
    EXPECT_GE(xp_allocator_cached_bytes(), (size_t)24 << 20);
    xp_allocator_trim();
    EXPECT_EQ(xp_allocator_cached_bytes(), 0u);
}

TEST(Allocator, CacheStaysWithinItsBound) {
    xp_allocator_trim();
    {
        std::vector<Arr> v;
        for (int i = 0; i < 6; i++) v.push_back(big(10 << 20));  // 6 x 80 MiB, untouched
        for (auto &a : v) ASSERT_FALSE(a.failed());
    }
    EXPECT_LE(xp_allocator_cached_bytes(), (size_t)256 << 20);
    EXPECT_GT(xp_allocator_cached_bytes(), 0u);
    {
        Arr huge = big(40 << 20);  // 320 MiB: above the bound, never cached
        ASSERT_FALSE(huge.failed());
    }
    EXPECT_LE(xp_allocator_cached_bytes(), (size_t)256 << 20);
    xp_allocator_trim();
    EXPECT_EQ(xp_allocator_cached_bytes(), 0u);
}

TEST(Allocator, SmallAndOddSizesAreAligned) {
    for (int64_t n : {0, 1, 7, 4095, 4097, 70000, 300001}) {
        Arr a = big(n, XP_INT8);
        ASSERT_FALSE(a.failed());
        EXPECT_EQ((uintptr_t)xp_array_data(a) % 64, 0u) << n;
        std::memset(xp_array_data(a), 1, (size_t)n);
    }
}

TEST(Allocator, ThreadsShareTheCacheSafely) {
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++)
        ts.emplace_back([t] {
            for (int i = 0; i < 200; i++) {
                Arr a = big(4096 * (1 + (i + t) % 5));
                if (a.failed()) return;
                ((double *)xp_array_data(a))[0] = i;
            }
        });
    for (auto &t : ts) t.join();
    EXPECT_LE(xp_allocator_cached_bytes(), (size_t)256 << 20);
}

TEST(Allocator, UserAllocatorStillWorksAndDefaultComesBack) {
    static int allocs = 0, frees = 0;
    xp_allocator mine = {[](size_t n, void *) -> void * {
                             allocs++;
                             return aligned_alloc(64, (n + 63) & ~(size_t)63);
                         },
                         [](void *p, size_t, void *) {
                             frees++;
                             free(p);
                         },
                         nullptr};
    ASSERT_EQ(xp_set_allocator(&mine), XP_OK);
    { Arr a = big(1 << 16); ASSERT_FALSE(a.failed()); }
    ASSERT_EQ(xp_set_allocator(nullptr), XP_OK);
    EXPECT_GT(allocs, 0);
    EXPECT_EQ(allocs, frees);
    Arr b = big(1 << 16);
    EXPECT_FALSE(b.failed());
}
