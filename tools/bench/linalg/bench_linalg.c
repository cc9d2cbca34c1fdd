#define _POSIX_C_SOURCE 200809L
/* Linear-algebra benchmark of the openblas flavor against the raw CBLAS/LAPACKE
 * calls, in one run. Prints one line per case:
 *   <case> <xparray seconds> <raw seconds>
 * (medians). tools/bench/linalg/bench_linalg.py runs it next to NumPy. */
#include <xparray.h>

#include <cblas.h>
#include <lapacke.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}
static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[n / 2];
}

/* A random (diagonally dominant when `dom`, symmetric when `sym`) n×n array. */
static xp_array *mat(xp_dtype dt, int64_t b, int64_t n, int64_t m, int dom, int sym) {
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    int64_t sh[3] = {b, n, m};
    xp_array *a = b ? xp_empty(3, sh, &o) : xp_empty(2, sh + 1, &o);
    int64_t total = (b ? b : 1) * n * m;
    for (int64_t i = 0; i < total; i++) {
        double v = (double)rand() / RAND_MAX - 0.5;
        if (dt == XP_FLOAT32) ((float *)xp_array_data(a))[i] = (float)v;
        else ((double *)xp_array_data(a))[i] = v;
    }
    if (dt == XP_FLOAT64 && (dom || sym)) {
        double *p = xp_array_data(a);
        for (int64_t t = 0; t < (b ? b : 1); t++) {
            double *q = p + t * n * m;
            if (sym)
                for (int64_t i = 0; i < n; i++)
                    for (int64_t j = 0; j < i; j++) q[j * n + i] = q[i * n + j];
            if (dom)
                for (int64_t i = 0; i < n; i++) q[i * n + i] += (double)n;
        }
    }
    return a;
}

#define REPS 21
#define TIME(reps, out, body)                  \
    do {                                       \
        double ts_[REPS];                      \
        for (int r_ = 0; r_ < (reps); r_++) {  \
            double t0_ = now();                \
            body;                              \
            ts_[r_] = now() - t0_;             \
        }                                      \
        out = median(ts_, (reps));             \
    } while (0)

static void bench_matmul(xp_dtype dt, int64_t n) {
    xp_array *a = mat(dt, 0, n, n, 0, 0), *b = mat(dt, 0, n, n, 0, 0);
    size_t is = xp_dtype_size(dt);
    void *c = malloc((size_t)(n * n) * is);
    int reps = n >= 2048 ? 3 : n >= 1024 ? 5 : 21;
    double tx, tr;
    xp_release(xp_matmul(a, b)); /* warm */
    TIME(reps, tx, xp_release(xp_matmul(a, b)));
    if (dt == XP_FLOAT64)
        TIME(reps, tr, cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)n, (int)n,
                                   1.0, xp_array_data(a), (int)n, xp_array_data(b), (int)n, 0.0, c, (int)n));
    else
        TIME(reps, tr, cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)n, (int)n,
                                   1.0f, xp_array_data(a), (int)n, xp_array_data(b), (int)n, 0.0f, c, (int)n));
    printf("matmul_%s_%lld %.6g %.6g\n", dt == XP_FLOAT64 ? "f64" : "f32", (long long)n, tx, tr);
    free(c);
    xp_release(a);
    xp_release(b);
}

static void bench_lapack(int64_t n) {
    int N = (int)n, reps = n >= 1024 ? 3 : 7;
    xp_array *a = mat(XP_FLOAT64, 0, n, n, 1, 0), *s = mat(XP_FLOAT64, 0, n, n, 1, 1);
    xp_array *b = mat(XP_FLOAT64, 0, n, 1, 0, 0);
    int64_t vs[1] = {n};
    xp_array *bv = xp_array_wrap(xp_array_data(b), XP_FLOAT64, 1, vs, NULL, NULL, NULL, true);
    size_t bytes = (size_t)(n * n) * sizeof(double);
    double *w = malloc(bytes), *w2 = malloc(bytes), *w3 = malloc(bytes), *x = malloc((size_t)n * 8),
           *ev = malloc((size_t)n * 8);
    lapack_int *ip = malloc((size_t)n * sizeof(lapack_int)), *iw = malloc((size_t)(8 * n) * sizeof(lapack_int));
    double q;
    LAPACKE_dgetri_work(LAPACK_COL_MAJOR, N, w, N, ip, &q, -1);
    lapack_int lwi = (lapack_int)q;
    LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, N, N, w, N, x, &q, -1);
    lapack_int lwq = (lapack_int)q;
    LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, N, N, N, w, N, x, &q, -1);
    if ((lapack_int)q > lwq) lwq = (lapack_int)q;
    lapack_int iq;
    LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, 'V', 'L', N, w, N, ev, &q, -1, &iq, -1);
    lapack_int lwe = (lapack_int)q, liwe = iq;
    LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, 'A', N, N, w, N, ev, w2, N, w3, N, &q, -1, iw);
    lapack_int lws = (lapack_int)q;
    size_t lw = (size_t)(lwi > lwq ? lwi : lwq);
    if ((size_t)lwe > lw) lw = (size_t)lwe;
    if ((size_t)lws > lw) lw = (size_t)lws;
    double *work = malloc(lw * 8);
    lapack_int *iwork = malloc((size_t)(liwe > 8 * N ? liwe : 8 * N) * sizeof(lapack_int));
    const double *A = xp_array_data(a), *S = xp_array_data(s);
    double tx, tr;

    TIME(reps, tx, xp_release(xp_linalg_solve(a, bv)));
    TIME(reps, tr, { memcpy(w, A, bytes); memcpy(x, xp_array_data(b), (size_t)n * 8);
                     LAPACKE_dgesv_work(LAPACK_COL_MAJOR, N, 1, w, N, ip, x, N); });
    printf("solve_%lld %.6g %.6g\n", (long long)n, tx, tr);

    TIME(reps, tx, xp_release(xp_linalg_inv(a)));
    TIME(reps, tr, { memcpy(w, A, bytes); LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, N, N, w, N, ip);
                     LAPACKE_dgetri_work(LAPACK_COL_MAJOR, N, w, N, ip, work, lwi); });
    printf("inv_%lld %.6g %.6g\n", (long long)n, tx, tr);

    TIME(reps, tx, { xp_qr_result r = xp_linalg_qr(a, NULL); xp_qr_result_release(r); });
    TIME(reps, tr, { memcpy(w, A, bytes); LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, N, N, w, N, x, work, lwq);
                     memcpy(w2, w, bytes);
                     LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, N, N, N, w2, N, x, work, lwq); });
    printf("qr_%lld %.6g %.6g\n", (long long)n, tx, tr);

    TIME(reps, tx, xp_release(xp_linalg_cholesky(s, NULL)));
    TIME(reps, tr, { memcpy(w, S, bytes); LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', N, w, N); });
    printf("cholesky_%lld %.6g %.6g\n", (long long)n, tx, tr);

    TIME(reps, tx, { xp_eigh_result r = xp_linalg_eigh(s); xp_eigh_result_release(r); });
    TIME(reps, tr, { memcpy(w, S, bytes);
                     LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, 'V', 'L', N, w, N, ev, work, lwe, iwork, liwe); });
    printf("eigh_%lld %.6g %.6g\n", (long long)n, tx, tr);

    TIME(reps, tx, { xp_svd_result r = xp_linalg_svd(a, NULL); xp_svd_result_release(r); });
    TIME(reps, tr, { memcpy(w, A, bytes);
                     LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, 'A', N, N, w, N, ev, w2, N, w3, N, work, lws, iwork); });
    printf("svd_%lld %.6g %.6g\n", (long long)n, tx, tr);

    free(w), free(w2), free(w3), free(x), free(ev), free(ip), free(iw), free(work), free(iwork);
    xp_release(a), xp_release(s), xp_release(b), xp_release(bv);
}

static void bench_small(void) {
    const int64_t B = 10000;
    xp_array *a = mat(XP_FLOAT64, B, 3, 3, 1, 0), *b = mat(XP_FLOAT64, B, 3, 1, 0, 0);
    double tx, tm;
    TIME(REPS, tx, xp_release(xp_linalg_solve(a, b)));
    TIME(REPS, tm, xp_release(xp_matmul(a, a)));
    printf("batch10000_3x3_solve %.6g 0\n", tx);
    printf("batch10000_3x3_matmul %.6g 0\n", tm);
    xp_release(a), xp_release(b);
}

int main(int argc, char **argv) {
    srand(1);
    const char *only = argc > 1 ? argv[1] : "all";
    if (!strcmp(only, "all") || !strcmp(only, "matmul"))
        for (int i = 0; i < 3; i++) {
            int64_t n = (int64_t[]){256, 1024, 2048}[i];
            bench_matmul(XP_FLOAT64, n);
            bench_matmul(XP_FLOAT32, n);
        }
    if (!strcmp(only, "all") || !strcmp(only, "lapack")) {
        bench_lapack(512);
        bench_lapack(1024);
    }
    if (!strcmp(only, "all") || !strcmp(only, "small")) bench_small();
    return 0;
}
