// Concurrent transforms of fresh shapes from several threads: planning must be
// serialised (FFTW's planner is not thread-safe), execution may overlap.
#include "fft_support.h"

#include <atomic>
#include <thread>

using namespace xpt;
using namespace fftt;

TEST(FftThreads, ConcurrentTransformsOfFreshShapes) {
    const int kThreads = 6, kIters = 12;
    std::atomic<int> failures{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < kThreads; t++)
        ts.emplace_back([t, &failures] {
            for (int i = 0; i < kIters; i++) {
                // Every (thread, iteration) makes shapes no one planned before.
                size_t n = 3000 + 97 * (size_t)t + 7 * (size_t)i;
                auto x = random_complex(n, (unsigned)(n + t));
                Arr a = make(x, i % 2 ? XP_COMPLEX64 : XP_COMPLEX128);
                Arr back(xp_fft_ifft(Arr(xp_fft_fft(a, nullptr)), nullptr));
                if (back.failed() || rel_err(values(back), values(a)) > 1e-5) failures++;
                Arr r = make(random_real(n + 1, (unsigned)n), i % 2 ? XP_FLOAT32 : XP_FLOAT64, {1, (int64_t)n + 1});
                xp_fft_opts o{};
                o.n = (int64_t)n + 1;
                Arr rb(xp_fft_irfft(Arr(xp_fft_rfft(r, nullptr)), &o));
                if (rb.failed() || rel_err(values(rb), values(r)) > 1e-5) failures++;
                Arr m = make(random_complex(n / 40 * 6, 1), XP_COMPLEX128, {(int64_t)n / 40, 6});
                Arr mb(xp_fft_ifftn(Arr(xp_fft_fftn(m, nullptr)), nullptr));
                if (mb.failed() || rel_err(values(mb), values(m)) > 1e-12) failures++;
            }
        });
    for (auto &th : ts) th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(FftThreads, RepeatedShapeFromManyThreads) {
    const size_t n = 4096;
    auto x = random_complex(n, 3);
    Arr a = make(x, XP_COMPLEX128);
    Arr ref(xp_fft_fft(a, nullptr));
    ASSERT_XP_OK(ref);
    auto want = values(ref);
    std::atomic<int> failures{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 6; t++)
        ts.emplace_back([&] {
            for (int i = 0; i < 20; i++) {
                Arr f(xp_fft_fft(a, nullptr));
                if (f.failed() || values(f) != want) failures++;
            }
        });
    for (auto &th : ts) th.join();
    EXPECT_EQ(failures.load(), 0);
}

// Long power-of-two lengths from several threads, more distinct lengths than the
// caches hold (on the gsl flavor, GSL's wavetable cache keeps 4): tables are
// evicted while other threads still run them.
TEST(FftThreads, ConcurrentLongPowerOfTwoLengths) {
    std::atomic<int> failures{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 5; t++)
        ts.emplace_back([t, &failures] {
            for (int i = 0; i < 2; i++) {
                size_t n = (size_t)1 << (19 + (i ? 0 : t));  // 5 lengths, then 2^19 from all
                auto x = random_complex(n, (unsigned)(t * 10 + i));
                Arr a = make(x, XP_COMPLEX128);
                Arr back(xp_fft_ifft(Arr(xp_fft_fft(a, nullptr)), nullptr));
                if (back.failed() || rel_err(values(back), x) > 1e-14) failures++;
            }
        });
    for (auto &th : ts) th.join();
    EXPECT_EQ(failures.load(), 0);
}
