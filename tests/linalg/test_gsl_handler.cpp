// GSL's error handler belongs to the host program: xparray's GSL calls never abort
// whatever handler the host installed, and leave the host's handler in place.
#include "xp_test.h"

#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

using namespace xpt;

namespace {
typedef void gsl_handler_fn(const char *reason, const char *file, int line, int gsl_errno);
typedef gsl_handler_fn *(*set_handler_fn)(gsl_handler_fn *);
typedef void *(*permutation_alloc_fn)(size_t);

int host_calls = 0;
void host_handler(const char *, const char *, int, int) { host_calls++; }

Arr matrix(int64_t n, double diag) {  // diag on the diagonal, 1/(1+i+j) elsewhere
    std::vector<double> v((size_t)(n * n));
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) v[(size_t)(i * n + j)] = i == j ? diag : 1.0 / (1 + i + j);
    return make_real(v, XP_FLOAT64, {n, n});
}
// The child's checks: 0, or the number of the first that failed.
int child_run(set_handler_fn set, permutation_alloc_fn permutation_alloc) {
    Arr good = matrix(12, 24.0), bad = matrix(12, -1.0);
    Arr ok(xp_linalg_cholesky(good, nullptr));  // a first GSL call through xparray
    if (ok.failed()) return 10;
    set(nullptr);  // the host restores GSL's default handler: print and abort
    Arr r(xp_linalg_cholesky(bad, nullptr));
    if (!r.failed() || xp_error_status(r) != XP_ERR_BACKEND) return 11;
    set(host_handler);  // the host's own handler
    Arr r2(xp_linalg_cholesky(bad, nullptr));
    if (!r2.failed()) return 12;
    if (host_calls != 0) return 13;  // xparray's own GSL errors are not the host's
    if (set(host_handler) != host_handler) return 14;  // still the host's afterwards
    if (permutation_alloc(0) != nullptr || host_calls != 1) return 15;  // a host error reaches it
    return 0;
}

}  // namespace

// Runs in a child: with GSL's default handler (print and abort) restored by the
// host after xparray's first GSL call, a cholesky GSL refuses fails cleanly.
TEST(GslErrorHandler, HostsHandlerIsRespectedAndNeverAbortsInside) {
    auto set = (set_handler_fn)dlsym(RTLD_DEFAULT, "gsl_set_error_handler");
    auto permutation_alloc = (permutation_alloc_fn)dlsym(RTLD_DEFAULT, "gsl_permutation_alloc");
    const char *owner = xp_adapter_linalg_owner("potrf");
    if (!set || !permutation_alloc || !owner || std::string(owner) != "gsl")
        GTEST_SKIP() << "GSL does not serve this flavor's cholesky";
    std::fflush(nullptr);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        _exit(child_run(set, permutation_alloc));  // arrays released before _exit
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "the child was killed by signal " << WTERMSIG(status)
                                   << " (6 = abort)";
    EXPECT_EQ(WEXITSTATUS(status), 0)
        << "10: good cholesky failed, 11: bad one not a clean XP_ERR_BACKEND, 12: bad one "
           "succeeded, 13: host handler called for xparray's error, 14: host handler replaced, "
           "15: host's own error missed its handler";
}
