// The thread pool: the setter, the environment variable, fork, and results that
// do not depend on the thread count (every bit, for 1 to 4 threads).
#include "xp_test.h"

#include <climits>
#include <atomic>
#include <map>
#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace xpt;

namespace {

// Restores the thread count a test found.
struct KeepThreads {
    int n = xp_get_num_threads();
    ~KeepThreads() { xp_set_num_threads(n); }
};

// The bytes of a (fresh, C-contiguous) result.
std::string bytes_of(const Arr &a) {
    if (a.failed()) return "error: " + err_text(a);
    const char *p = (const char *)xp_array_data(a);
    std::string s = std::to_string(a.ndim()) + ":";
    for (int64_t e : a.shape()) s += std::to_string(e) + ",";
    return s + std::string(p, (size_t)a.size() * xp_dtype_size(a.dtype()));
}

// Values whose sums depend on the order of the additions: magnitudes spread
// over 2^-20 .. 2^20, both signs, a few exact cancellations.
Arr random_array(xp_dtype dt, std::vector<int64_t> shape, unsigned seed) {
    int64_t n = 1;
    for (int64_t e : shape) n *= e;
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> u(-1, 1), ex(-20, 20);
    std::vector<std::complex<double>> v((size_t)n);
    for (auto &c : v) c = {u(g) * std::exp2(ex(g)), u(g) * std::exp2(ex(g))};
    return make(v, dt, shape);
}

xp_reduce_opts axis_opts(int axis) {  // axis 99: None
    xp_reduce_opts o{};
    if (axis != 99) o.axes = {1, true, {axis}};
    o.correction = 1;
    return o;
}

// Every parallel path this suite checks, as name -> result bytes.
std::map<std::string, std::string> run_all() {
    std::map<std::string, std::string> out;
    const int64_t R = 701, C = 643;  // 3.6 MB of float64, 1.8 MB of float32; odd sizes: every
    // halving rule cuts them differently
    for (xp_dtype dt : {XP_FLOAT32, XP_FLOAT64, XP_COMPLEX128}) {
        std::string t = dtype_str(dt);
        Arr m = random_array(dt, {R, C}, 7 + (unsigned)dt);
        Arr v = random_array(dt, {R * C}, 11 + (unsigned)dt);
        Arr w = random_array(dt, {R * C}, 13 + (unsigned)dt);
        Arr row = random_array(dt, {C}, 17);
        out["add " + t] = bytes_of(Arr(xp_add(v, w)));
        out["multiply " + t] = bytes_of(Arr(xp_multiply(v, w)));
        out["sqrt " + t] = bytes_of(Arr(xp_sqrt(v)));
        out["exp " + t] = bytes_of(Arr(xp_exp(Arr(xp_multiply(v, Arr(xp_float(1e-6)))))));
        out["add scalar " + t] = bytes_of(Arr(xp_add(v, Arr(xp_float(0.5)))));
        out["add broadcast " + t] = bytes_of(Arr(xp_add(m, row)));
        for (int axis : {99, 0, -1}) {
            xp_reduce_opts o = axis_opts(axis);
            std::string a = " axis " + std::to_string(axis) + " " + t;
            out["sum" + a] = bytes_of(Arr(xp_sum(m, &o)));
            out["prod" + a] = bytes_of(Arr(xp_prod(m, &o)));
            out["mean" + a] = bytes_of(Arr(xp_mean(m, &o)));
            out["var" + a] = bytes_of(Arr(xp_var(m, &o)));
            out["std" + a] = bytes_of(Arr(xp_std(m, &o)));
            if (dt != XP_COMPLEX128) {
                out["min" + a] = bytes_of(Arr(xp_min(m, &o)));
                out["max" + a] = bytes_of(Arr(xp_max(m, &o)));
            }
        }
        xp_reduce_opts none = axis_opts(99);
        out["sum 1-D " + t] = bytes_of(Arr(xp_sum(v, &none)));
        out["var 1-D " + t] = bytes_of(Arr(xp_var(v, &none)));
        out["mean 1-D " + t] = bytes_of(Arr(xp_mean(v, &none)));
        if (dt != XP_COMPLEX128) {
            xp_arg_opts ao{};
            out["argmax " + t] = bytes_of(Arr(xp_argmax(v, &ao)));
            out["argmin " + t] = bytes_of(Arr(xp_argmin(v, &ao)));
        }
        xp_cumulative_opts co{};
        co.axis = {1, true, {1}};
        out["cumulative_sum " + t] = bytes_of(Arr(xp_cumulative_sum(m, &co)));
        // casts and copies (fresh outputs: xp_astype, a strided copy)
        for (xp_dtype to : {XP_FLOAT32, XP_FLOAT64, XP_COMPLEX128, XP_INT32})
            if (!(dt == XP_COMPLEX128 && to != XP_COMPLEX128))
                out["astype " + t + " " + dtype_str(to)] = bytes_of(Arr(xp_astype(m, to, nullptr)));
        Arr mt(xp_matrix_transpose(m));
        out["copy of transpose " + t] = bytes_of(Arr(xp_astype(mt, dt, nullptr)));
        // sorts: rows (axis -1), columns (axis 0), descending, argsort
        for (int axis : {0, -1})
            for (bool desc : {false, true}) {
                xp_sort_opts so{};
                so.axis = {1, true, {axis}};
                so.descending = desc;
                std::string a = " axis " + std::to_string(axis) + (desc ? " desc " : " ") + t;
                out["sort" + a] = bytes_of(Arr(xp_sort(m, &so)));
                out["argsort" + a] = bytes_of(Arr(xp_argsort(m, &so)));
            }
    }
    // integers: sums wrap, products, min/max, sort
    Arr i32(xp_astype(Arr(xp_multiply(random_array(XP_FLOAT64, {R, C}, 5),
                                       Arr(xp_float(1e-3)))),
                      XP_INT32, nullptr));
    for (int axis : {99, 0, -1}) {
        xp_reduce_opts o = axis_opts(axis);
        std::string a = " axis " + std::to_string(axis) + " int32";
        out["sum" + a] = bytes_of(Arr(xp_sum(i32, &o)));
        out["prod" + a] = bytes_of(Arr(xp_prod(i32, &o)));
        out["max" + a] = bytes_of(Arr(xp_max(i32, &o)));
    }
    xp_sort_opts so{};
    out["sort int32"] = bytes_of(Arr(xp_sort(i32, &so)));
    return out;
}

}  // namespace

TEST(Threads, SetterAndGetter) {
    KeepThreads keep;
    EXPECT_GE(xp_get_num_threads(), 1);
    // (the largest count is accepted in EnvironmentVariable's child: in this
    // process it would make OpenBLAS start that many threads of its own)
    for (int n : {1, 2, 3, 4, 7}) {
        EXPECT_EQ(xp_set_num_threads(n), XP_OK) << n;
        EXPECT_EQ(xp_get_num_threads(), n);
    }
    ASSERT_EQ(xp_set_num_threads(3), XP_OK);
    // where the process has OpenBLAS (the openblas flavor), its count follows
    int (*ob_get)(void);
    *(void **)&ob_get = dlsym(RTLD_DEFAULT, "openblas_get_num_threads");
    if (ob_get) {
        EXPECT_EQ(ob_get(), 3) << "OpenBLAS's thread count was not set";
    }
    for (int bad : {0, -1, -1000, XP_MAX_THREADS + 1, INT_MAX, INT_MIN}) {
        EXPECT_EQ(xp_set_num_threads(bad), XP_ERR_VALUE) << bad;
        EXPECT_EQ(xp_get_num_threads(), 3) << "a refused count changed the setting";
    }
}

TEST(Threads, ResultsDoNotDependOnTheThreadCount) {
    KeepThreads keep;
    ASSERT_EQ(xp_set_num_threads(1), XP_OK);
    auto want = run_all();
    for (auto &kv : want) ASSERT_EQ(kv.second.rfind("error", 0), std::string::npos) << kv.first << kv.second;
    for (int n : {2, 3, 4}) {
        ASSERT_EQ(xp_set_num_threads(n), XP_OK);
        auto got = run_all();
        ASSERT_EQ(got.size(), want.size());
        for (auto &kv : want) EXPECT_TRUE(got[kv.first] == kv.second) << kv.first << " differs on " << n << " threads";
    }
}

// A sum split by the pool gives the bits of the serial pairwise sum (the split
// follows the kernel's own tree): checked against an independent pairwise sum.
TEST(Threads, LargeSumIsThePairwiseSum) {
    KeepThreads keep;
    const int64_t n = 1000003;
    Arr v = random_array(XP_FLOAT64, {n}, 3);
    const double *x = (const double *)xp_array_data(v);
    std::function<double(const double *, int64_t)> ps = [&](const double *p, int64_t k) -> double {
        if (k <= 128) {
            double a[8] = {0, 0, 0, 0, 0, 0, 0, 0};
            int64_t i = 0;
            for (; i + 8 <= k; i += 8)
                for (int j = 0; j < 8; j++) a[j] += p[i + j];
            double s = ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
            for (; i < k; i++) s += p[i];
            return s;
        }
        int64_t h = (k / 2 + 7) & ~(int64_t)7;
        return ps(p, h) + ps(p + h, k - h);
    };
    double want = ps(x, n);
    for (int t : {1, 2, 4}) {
        ASSERT_EQ(xp_set_num_threads(t), XP_OK);
        Arr s(xp_sum(v, nullptr));
        ASSERT_XP_OK(s);
        double got = *(const double *)xp_array_data(s);
        EXPECT_EQ(std::memcmp(&got, &want, 8), 0) << got << " vs " << want << " on " << t;
    }
}

// The child side of the environment test: reports the count it sees.
TEST(Threads, EnvironmentVariable) {
    if (const char *child = std::getenv("XP_TEST_THREADS_CHILD")) {
        // exit status: 0 when the count is as expected
        std::exit(xp_get_num_threads() == std::atoi(child) ? 0 : 1);
    }
    int def = 0;
    {
        // the default, as a child without the variable sees it
        char self[4096];
        ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
        ASSERT_GT(len, 0);
        self[len] = 0;
        auto run = [&](const char *value, int expect) {
            std::vector<std::string> env;
            for (char **e = environ; *e; e++)
                if (std::strncmp(*e, "XPARRAY_NUM_THREADS=", 20) &&
                    std::strncmp(*e, "XP_TEST_THREADS_CHILD=", 22))
                    env.push_back(*e);
            if (value) env.push_back(std::string("XPARRAY_NUM_THREADS=") + value);
            env.push_back("XP_TEST_THREADS_CHILD=" + std::to_string(expect));
            std::vector<char *> envp;
            for (auto &s : env) envp.push_back(s.data());
            envp.push_back(nullptr);
            std::string filter = "--gtest_filter=Threads.EnvironmentVariable";
            char *argv[] = {self, filter.data(), nullptr};
            posix_spawn_file_actions_t fa;  // the child's report stays out of the log
            posix_spawn_file_actions_init(&fa);
            posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
            pid_t pid;
            int rc = posix_spawn(&pid, self, &fa, nullptr, argv, envp.data());
            posix_spawn_file_actions_destroy(&fa);
            if (rc != 0) return -1;
            int st = 0;
            waitpid(pid, &st, 0);
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
        };
        long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
        // the default follows the CPUs this process may use (at most 8); find
        // it by asking the child about each candidate
        for (int k = 1; k <= 8 && !def; k++)
            if (run(nullptr, k) == 0) def = k;
        ASSERT_GE(def, 1) << "no default count between 1 and 8";
        EXPECT_LE(def, ncpu);
        EXPECT_EQ(run("3", 3), 0) << "XPARRAY_NUM_THREADS=3 not honoured";
        EXPECT_EQ(run("1", 1), 0);
        EXPECT_EQ(run("256", 256), 0);
        for (const char *bad : {"0", "-2", "257", "100000000000", "two", "3x", ""})
            EXPECT_EQ(run(bad, def), 0) << "invalid value '" << bad << "' should leave the default";
    }
}

// A child forked while the pool has workers can use the pool itself.
TEST(Threads, ForkedChildUsesThePool) {
    KeepThreads keep;
    ASSERT_EQ(xp_set_num_threads(2), XP_OK);
    Arr v = random_array(XP_FLOAT64, {400000}, 9);
    Arr want(xp_sum(v, nullptr));  // starts the workers
    ASSERT_XP_OK(want);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        alarm(60);  // a deadlock fails the test instead of hanging it
        bool ok = true;
        for (int i = 0; i < 8 && ok; i++) {  // each large call wakes the workers again
            Arr s(xp_sum(v, nullptr));
            Arr a(xp_add(v, v));
            ok = !s.failed() && !a.failed() &&
                 !std::memcmp(xp_array_data(s), xp_array_data(want), 8);
        }
        _exit(ok ? 0 : 1);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "child status " << st;
}

// Many threads calling into the library while the pool runs and while another
// thread changes the count (for ThreadSanitizer; every result is checked).
TEST(Threads, ConcurrentCallersAndCountChanges) {
    KeepThreads keep;
    ASSERT_EQ(xp_set_num_threads(2), XP_OK);
    Arr big = random_array(XP_FLOAT64, {300000}, 21);
    Arr small = random_array(XP_FLOAT64, {64}, 22);
    Arr big_sum(xp_sum(big, nullptr)), big_add(xp_add(big, big));
    Arr small_sum(xp_sum(small, nullptr));
    xp_sort_opts so{};
    Arr rows = random_array(XP_FLOAT32, {600, 600}, 23);
    Arr rows_sorted(xp_sort(rows, &so));
    std::string ws = bytes_of(big_sum), wa = bytes_of(big_add), wss = bytes_of(small_sum),
                wr = bytes_of(rows_sorted);
    std::atomic<int> bad{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++)
        ts.emplace_back([&, t] {
            for (int i = 0; i < 6; i++) {
                if (bytes_of(Arr(xp_sum(big, nullptr))) != ws) bad++;
                if (bytes_of(Arr(xp_add(big, big))) != wa) bad++;
                if (bytes_of(Arr(xp_sum(small, nullptr))) != wss) bad++;
                if ((i + t) % 3 == 0 && bytes_of(Arr(xp_sort(rows, &so))) != wr) bad++;
            }
        });
    std::thread setter([&] {
        for (int i = 0; !done.load(); i++) {
            if (xp_set_num_threads(1 + i % 4) != XP_OK) bad++;
            std::this_thread::yield();
        }
    });
    for (auto &th : ts) th.join();
    done = true;
    setter.join();
    EXPECT_EQ(bad.load(), 0);
}
