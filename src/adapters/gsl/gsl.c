/* The GSL adapter's table and its error handling.
 *
 * GSL reports an error by calling the process-wide error handler, whose default
 * prints and aborts; the handler belongs to the host program, which may set it
 * (or restore the default) at any time. So the adapter never relies on a handler
 * installed once: every slot runs inside a guard (guarded()) that installs
 * xparray's handler while any slot call is in flight, on any thread, and puts the
 * host's handler back when the last one leaves (unless the host installed another
 * one meanwhile: that one stays). xparray's handler ignores errors raised inside
 * a slot call (the slot checks GSL's return code) and hands every other error
 * (the host's own GSL calls on other threads during that time) to the host's
 * handler, or, when the host has GSL's default, does what the default does. A
 * host that sets the handler while a slot call runs on another thread takes it
 * over for that call too: gsl_set_error_handler is a plain global. */
#include "gsl.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t guard_lock = PTHREAD_MUTEX_INITIALIZER;
static int guard_calls;               /* slot calls in flight, every thread (guard_lock) */
static gsl_error_handler_t *_Atomic host; /* the host's handler while guard_calls > 0 */
static _Thread_local int guard_depth; /* this thread is inside a slot call */

static void handler(const char *reason, const char *file, int line, int gsl_errno) {
    if (guard_depth > 0) return; /* raised by our call: its return code says it */
    gsl_error_handler_t *h = host;
    if (h) {
        h(reason, file, line, gsl_errno);
        return;
    }
    /* the host runs GSL's default handler: print and abort, as it would */
    fprintf(stderr, "gsl: %s:%d: ERROR: %s\nDefault GSL error handler invoked.\n", file, line,
            reason);
    fflush(stderr);
    abort();
}

static void guard_enter(void) {
    pthread_mutex_lock(&guard_lock);
    if (guard_calls++ == 0) host = gsl_set_error_handler(handler);
    pthread_mutex_unlock(&guard_lock);
    guard_depth++;
}

static void guard_leave(void) {
    guard_depth--;
    pthread_mutex_lock(&guard_lock);
    if (--guard_calls == 0) {
        gsl_error_handler_t *now = gsl_set_error_handler(host);
        if (now != handler) gsl_set_error_handler(now); /* the host changed it meanwhile */
        host = NULL;
    }
    pthread_mutex_unlock(&guard_lock);
}

/* The slots as the table holds them: each one inside the guard. */
static xp_status guarded_gemm(const xp_gemm_args *g) {
    guard_enter();
    xp_status st = xp__gsl_gemm(g);
    guard_leave();
    return st;
}
static xp_status guarded_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda,
                               int64_t *info) {
    guard_enter();
    xp_status st = xp__gsl_potrf(dt, uplo, n, a, lda, info);
    guard_leave();
    return st;
}
static xp_status guarded_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda,
                               int64_t *ipiv, int64_t *info) {
    guard_enter();
    xp_status st = xp__gsl_getrf(dt, m, n, a, lda, ipiv, info);
    guard_leave();
    return st;
}
static xp_status guarded_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                               void *w, int64_t *info) {
    guard_enter();
    xp_status st = xp__gsl_syevd(dt, jobz, uplo, n, a, lda, w, info);
    guard_leave();
    return st;
}
static xp_status guarded_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                              int64_t ldvr, int64_t *info) {
    guard_enter();
    xp_status st = xp__gsl_geev(dt, n, a, lda, w, vr, ldvr, info);
    guard_leave();
    return st;
}
static xp_status guarded_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                               void *s, void *u, int64_t ldu, void *vt, int64_t ldvt,
                               int64_t *info) {
    guard_enter();
    xp_status st = xp__gsl_gesdd(dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, info);
    guard_leave();
    return st;
}
static xp_status guarded_fft(const xp_fft_problem *p) {
    guard_enter();
    xp_status st = xp__gsl_fft_execute(p);
    guard_leave();
    return st;
}

xp_status xp__gsl_status(int code) {
    if (code == GSL_SUCCESS) return XP_OK;
    if (code == GSL_ENOMEM) return XP_ERR_NOMEM;
    return XP_ERR_BACKEND;
}

/* What GSL lacks passes down to the reference adapter's portable solvers. */
#define SVD_ "gsl_linalg_SV_decomp (real; complex, full non-square: reference one-sided jacobi)"
static const char *gsl_routine(const char *f) {
    static const char *const map[][2] = {
        {"matmul", "gsl_blas_{s,d,c,z}gemm"}, {"tensordot", "gsl_blas_{s,d,c,z}gemm"},
        {"vecdot", "gsl_blas_{s,d,c,z}gemm"}, {"linalg.matmul", "gsl_blas_{s,d,c,z}gemm"},
        {"linalg.tensordot", "gsl_blas_{s,d,c,z}gemm"}, {"linalg.vecdot", "gsl_blas_{s,d,c,z}gemm"},
        {"linalg.cholesky", "gsl_linalg_cholesky_decomp1"},
        {"linalg.det", "gsl_linalg_LU_decomp"}, {"linalg.slogdet", "gsl_linalg_LU_decomp"},
        {"linalg.solve", "gsl_linalg_LU_decomp (+ reference getrs)"},
        {"linalg.inv", "gsl_linalg_LU_decomp (+ reference getri)"},
        {"linalg.eig", "gsl_eigen_nonsymmv (real; complex: reference hessenberg + complex qr)"},
        {"linalg.eigvals", "gsl_eigen_nonsymmv (real; complex: reference hessenberg + complex qr)"},
        {"linalg.eigh", "gsl_eigen_symmv/hermv"}, {"linalg.eigvalsh", "gsl_eigen_symmv/hermv"},
        {"linalg.svd", SVD_}, {"linalg.svdvals", SVD_}, {"linalg.pinv", SVD_},
        {"linalg.matrix_rank", SVD_}, {"linalg.matrix_norm", SVD_},
    };
    if (!f) return NULL;
    if (!strcmp(f, "fft.fft") || !strcmp(f, "fft.ifft") || !strcmp(f, "fft.fftn") || !strcmp(f, "fft.ifftn"))
        return "gsl_fft_complex_{forward,backward} (powers of two >= 2^19; other lengths: reference portable FFT)";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i][0], f)) return map[i][1];
    return NULL;
}
#undef SVD_

const xp_adapter xp_adapter_gsl = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "gsl",
    .library = "GNU Scientific Library",
    .routine = gsl_routine,
    .linalg = {
        .gemm = guarded_gemm,
        .getrf = guarded_getrf,
        .potrf = guarded_potrf,
        .syevd = guarded_syevd,
        .geev = guarded_geev,
        .gesdd = guarded_gesdd,
    },
    .fft = {.execute = guarded_fft},
};
