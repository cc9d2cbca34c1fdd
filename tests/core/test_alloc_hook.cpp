// The allocator hook sees everything: the account (xp_alloc_stats), the adapters'
// workspace, flavors loaded by name, and failures at every allocation of a call.
#include "xp_test.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>

using namespace xpt;

namespace {

// Records the size of every request; can fail the k-th request only, or every
// request from the k-th on (k counts from 1; 0 never fails).
struct Counting {
    long fail_at = 0;
    bool fail_after = false;
    long calls = 0, live = 0;
    std::vector<size_t> sizes;
};
void *counting_alloc(size_t size, void *ctx) {
    auto *c = static_cast<Counting *>(ctx);
    long k = ++c->calls;
    if (c->fail_at && (k == c->fail_at || (c->fail_after && k > c->fail_at))) return nullptr;
    c->sizes.push_back(size);
    c->live++;
    return std::aligned_alloc(64, (size + 63) / 64 * 64);
}
void counting_free(void *p, size_t, void *ctx) {
    static_cast<Counting *>(ctx)->live--;
    std::free(p);
}

struct Hooked {  // installs a counting hook for one scope
    xp_allocator a;
    explicit Hooked(Counting &c) : a{counting_alloc, counting_free, &c} {
        EXPECT_EQ(xp_set_allocator(&a), XP_OK);
    }
    ~Hooked() { xp_set_allocator(nullptr); }
};

size_t largest(const Counting &c) {
    return c.sizes.empty() ? 0 : *std::max_element(c.sizes.begin(), c.sizes.end());
}

const char *first_with_fft() {
    for (const xp_adapter *const *a = xp_adapters(); *a; a++)
        if ((*a)->fft.execute) return (*a)->name;
    return "";
}

Arr spd(int64_t n) {  // a symmetric positive definite matrix, diagonally dominant
    std::vector<double> v((size_t)(n * n));
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) v[(size_t)(i * n + j)] = i == j ? 2.0 * n : 1.0 / (1 + i + j);
    return make_real(v, XP_FLOAT64, {n, n});
}

}  // namespace

TEST(AllocHook, StatsCountArraysInUseAndThePeak) {
    size_t use0, peak0, use1, peak1, use2, peak2;
    xp_alloc_reset_peak();
    xp_alloc_stats(&use0, &peak0);
    EXPECT_EQ(peak0, use0);
    {
        int64_t n = 1 << 16;
        Arr a(xp_zeros(1, &n, nullptr));  // 512 KiB of float64
        ASSERT_XP_OK(a);
        xp_alloc_stats(&use1, &peak1);
        EXPECT_GE(use1, use0 + ((size_t)8 << 16));
        EXPECT_GE(peak1, use1);
    }
    xp_alloc_stats(&use2, &peak2);
    EXPECT_EQ(use2, use0);
    EXPECT_GE(peak2, use0 + ((size_t)8 << 16));
    xp_alloc_reset_peak();
    xp_alloc_stats(nullptr, &peak2);
    EXPECT_LT(peak2, use0 + ((size_t)8 << 16));
}

// LAPACK's workspace comes from the hook: dsyevd with eigenvectors needs at least
// 1 + 6n + 2n^2 doubles, more than any array of the call (n^2 doubles).
TEST(AllocHook, LinalgWorkspaceGoesThroughTheHook) {
    const int64_t n = 120;
    Arr x = spd(n);
    Counting c;
    size_t use0, peak;
    xp_eigh_result r;
    {
        Hooked h(c);
        xp_alloc_reset_peak();
        xp_alloc_stats(&use0, nullptr);
        r = xp_linalg_eigh(x);
        xp_alloc_stats(nullptr, &peak);
    }
    ASSERT_XP_OK(r.eigenvalues);
    size_t arrays = (size_t)(n * n + n) * 8;
    EXPECT_GE(peak - use0, arrays);  // the results at least
    const char *owner = xp_adapter_linalg_owner("syevd");
    if (owner && !strcmp(owner, "lapacke")) {
        size_t lwork = (size_t)(1 + 6 * n + 2 * n * n) * 8;
        EXPECT_GE(largest(c), lwork);       // the hook saw the workspace
        EXPECT_GE(peak - use0, arrays + lwork);  // and the account counted it
    }
    xp_eigh_result_release(r);
    EXPECT_EQ(c.live, 0);
}

// The FFT adapters' buffers come from the hook: the portable transform's
// Bluestein buffers (a prime length n is convolved at a power of two M >= 2n-1)
// are larger than the arrays of the call; FFTW's planning arrays under a measuring
// planner are the size of the problem's arrays.
TEST(AllocHook, FftBuffersGoThroughTheHook) {
    std::string owner = first_with_fft();
    bool fftw = owner == "fftw";
    const int64_t n = fftw ? 257 : 4099;  // prime (small where FFTW measures: fast to plan)
    std::vector<std::complex<double>> v((size_t)n);
    for (int64_t i = 0; i < n; i++) v[(size_t)i] = {std::sin(0.1 * i), std::cos(0.3 * i)};
    Arr x = make(v, XP_COMPLEX128);
    if (fftw) {
        ASSERT_EQ(xp_fft_set_planner(XP_FFT_PLANNER_MEASURE, 0), XP_OK);
    }
    Counting c;
    size_t use0, peak;
    Arr r;
    {
        Hooked h(c);
        xp_alloc_reset_peak();
        xp_alloc_stats(&use0, nullptr);
        r = Arr(xp_fft_fft(x, nullptr));
        xp_alloc_stats(nullptr, &peak);
    }
    if (fftw) {
        ASSERT_EQ(xp_fft_set_planner(XP_FFT_PLANNER_ESTIMATE, 0), XP_OK);
    }
    ASSERT_XP_OK(r);
    size_t bytes = (size_t)n * 16;
    if (fftw) {
        // two planning arrays (input, output) of at least the problem's bytes, beside the result
        long big = std::count_if(c.sizes.begin(), c.sizes.end(), [&](size_t s) { return s >= bytes; });
        EXPECT_GE(big, 3);
        EXPECT_GE(peak - use0, 3 * bytes);
    } else {
        EXPECT_GE(largest(c), (size_t)8192 * 16);  // M = 8192 complex values
        EXPECT_GE(peak - use0, bytes + (size_t)8192 * 16);
    }
    r = Arr();
    EXPECT_EQ(c.live, 0);
}

// Arrays made through a table loaded by name use the program's hook, set before
// or after the flavor was loaded, and count in this library's account.
TEST(AllocHook, LoadedFlavorsAllocateThroughTheProgramsHook) {
    std::stringstream ss(XP_TEST_FLAVORS);
    std::string f;
    int tried = 0;
    while (std::getline(ss, f, ',')) {
        const xp_namespace *ns = xp_namespace_by_name(f.c_str(), nullptr);
        ASSERT_NE(ns, nullptr) << f;
        if (ns == xp_namespace_default()) continue;
        tried++;
        Counting c;
        {
            Hooked h(c);
            size_t use0, use1;
            xp_alloc_stats(&use0, nullptr);
            int64_t n = 4096;
            xp_array *z = ns->zeros(1, &n, nullptr);
            ASSERT_FALSE(xp_failed(z)) << f;
            EXPECT_GE(largest(c), (size_t)n * 8) << f;  // the loaded flavor's block, our hook
            xp_alloc_stats(&use1, nullptr);
            EXPECT_GE(use1, use0 + (size_t)n * 8) << f;
            xp_release(z);
        }
        EXPECT_EQ(c.live, 0) << f;
    }
    if (!tried) GTEST_SKIP() << "only one flavor built";
}

// Every allocation of a solve may fail, alone or with all the later ones: the call
// answers the right result or XP_ERR_NOMEM, and nothing is leaked either way.
TEST(AllocHook, SolveSurvivesEveryFailedAllocation) {
    const int64_t n = 12;  // past the namespace's small-system path and LAPACK's cut-off
    Arr a = spd(n);
    std::vector<double> bv((size_t)(n * 3));
    for (size_t i = 0; i < bv.size(); i++) bv[i] = (double)(i % 7) - 3;
    Arr b = make_real(bv, XP_FLOAT64, {n, 3});
    Arr want(xp_linalg_solve(a, b));
    ASSERT_XP_OK(want);
    std::vector<double> w = reals(want);
    Counting probe;
    {
        Hooked h(probe);
        Arr r(xp_linalg_solve(a, b));
        ASSERT_XP_OK(r);
    }
    ASSERT_GT(probe.calls, 0);
    for (bool after : {false, true})
        for (long k = 1; k <= probe.calls; k++) {
            Counting c;
            c.fail_at = k;
            c.fail_after = after;
            xp_array *r;
            {
                Hooked h(c);
                r = xp_linalg_solve(a, b);
            }
            if (xp_failed(r)) {
                EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << k << " " << xp_error_message(r);
            } else {
                EXPECT_EQ(reals(r), w) << k;
            }
            xp_release(r);
            EXPECT_EQ(c.live, 0) << "leak when allocation " << k << (after ? " and later" : "")
                                 << " fails";
        }
}
