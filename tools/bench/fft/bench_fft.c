#define _POSIX_C_SOURCE 199309L
/* FFT benchmark: xparray's fft functions against a raw FFTW plan made with the
 * same planner flags (FFTW_ESTIMATE, out of place, preserved input), in one
 * process, each transform repeated on one shape. Prints one line per case:
 *   case <name> xparray_ms <median> fftw_ms <median> ratio <xparray/fftw>
 * Usage: bench_fft [reps]   (bench_fft.py adds NumPy's figures in the same run) */
#include <fftw3.h>

#include <xparray.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

enum { FFT1, RFFT1, FFT2 };

static void run_case(const char *name, int kind, int64_t n0, int64_t n1, int reps) {
    int64_t total = n0 * n1;
    int rank = kind == FFT2 ? 2 : 1;
    int64_t shape[2] = {n0, n1};
    const int64_t *shp = rank == 2 ? shape : &total;
    bool real = kind == RFFT1;
    xp_array *x = xp_empty(rank, shp, &(xp_create_opts){.dtype = real ? XP_FLOAT64 : XP_COMPLEX128});
    double *xd = xp_array_data(x);
    srand(1);
    for (int64_t i = 0; i < (real ? total : 2 * total); i++) xd[i] = rand() / (double)RAND_MAX - 0.5;
    double *t = malloc(sizeof(double) * (size_t)reps);

    /* xparray: first call plans; then the repeated calls are timed */
    xp_release(real ? xp_fft_rfft(x, NULL) : rank == 2 ? xp_fft_fftn(x, NULL) : xp_fft_fft(x, NULL));
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();
        xp_array *y = real ? xp_fft_rfft(x, NULL) : rank == 2 ? xp_fft_fftn(x, NULL) : xp_fft_fft(x, NULL);
        t[r] = now_ms() - t0;
        if (xp_failed(y)) {
            fprintf(stderr, "%s: %s\n", name, xp_error_message(y));
            exit(1);
        }
        xp_release(y);
    }
    double xp_ms = median(t, reps);

    /* raw FFTW: same flags, same layout, arrays reused */
    int64_t outn = real ? total / 2 + 1 : total;
    void *in = real ? (void *)fftw_alloc_real((size_t)total) : (void *)fftw_alloc_complex((size_t)total);
    fftw_complex *out = fftw_alloc_complex((size_t)outn);
    memcpy(in, xd, (size_t)total * (real ? 8 : 16));
    unsigned flags = FFTW_ESTIMATE | FFTW_PRESERVE_INPUT;
    fftw_plan p = real ? fftw_plan_dft_r2c_1d((int)total, in, out, flags)
                  : rank == 2 ? fftw_plan_dft_2d((int)n0, (int)n1, in, out, FFTW_FORWARD, flags)
                              : fftw_plan_dft_1d((int)total, in, out, FFTW_FORWARD, flags);
    fftw_execute(p);
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();
        fftw_execute(p);
        t[r] = now_ms() - t0;
    }
    double fftw_ms = median(t, reps);
    fftw_destroy_plan(p);
    fftw_free(in);
    fftw_free(out);
    xp_release(x);
    free(t);
    printf("case %s xparray_ms %.3f fftw_ms %.3f ratio %.3f\n", name, xp_ms, fftw_ms, xp_ms / fftw_ms);
    fflush(stdout);
}

int main(int argc, char **argv) {
    int reps = argc > 1 ? atoi(argv[1]) : 15;
    if (reps < 1) reps = 1;
    run_case("fft_c128_2^20", FFT1, 1, 1 << 20, reps);
    run_case("fft_c128_1000003", FFT1, 1, 1000003, reps);
    run_case("rfft_f64_2^22", RFFT1, 1, 1 << 22, reps);
    run_case("fftn_c128_1024x1024", FFT2, 1024, 1024, reps);
    return 0;
}
