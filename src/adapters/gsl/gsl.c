/* The GSL adapter's table and its error handling. */
#include "gsl.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void install_handler(void) { gsl_set_error_handler_off(); }

void xp__gsl_init(void) { pthread_once(&gsl_once, install_handler); }

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
        .gemm = xp__gsl_gemm,
        .getrf = xp__gsl_getrf,
        .potrf = xp__gsl_potrf,
        .syevd = xp__gsl_syevd,
        .geev = xp__gsl_geev,
        .gesdd = xp__gsl_gesdd,
    },
    .fft = {.execute = xp__gsl_fft_execute},
};
