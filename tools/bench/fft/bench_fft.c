#define _POSIX_C_SOURCE 199309L
/* FFT benchmark: xparray's fft functions, and (where the flavor is built with
 * FFTW) a raw FFTW plan made with the same planner flags (FFTW_ESTIMATE, out of
 * place, preserved input), in one process, each transform repeated on one shape.
 * Prints one line per case:
 *   case <name> xparray_ms <median> fftw_ms <median> ratio <xparray/fftw> fftw_fresh_out_ms <median>
 * (the fftw fields are -1 without FFTW or for the batched cases). Times are
 * medians of thread CPU time. Usage: bench_fft [reps] [measure] [case]  (case: one
 * case's exact name, or a prefix ending in '*'; default: all)
 * (bench_fft.py adds NumPy's figures in the same run). Cases named "rfft_f64_RxC"
 * transform the last axis of an R x C array (R lines of length C). */
#ifdef XP_BENCH_FFTW
#include <fftw3.h>
#endif

#include <xparray.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Thread CPU time (user + system, page faults included): the machines these run
 * on are shared and loaded, so wall-clock medians mostly measure the neighbours. */
static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
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

static int measure; /* plan with FFTW_MEASURE (xp_fft_set_planner) instead of ESTIMATE */

static xp_array *apply(int kind, xp_array *x) {
    return kind == RFFT1 ? xp_fft_rfft(x, NULL) : kind == FFT2 ? xp_fft_fftn(x, NULL) : xp_fft_fft(x, NULL);
}

/* kind FFT2: an n0 x n1 fftn; FFT1/RFFT1: n0 lines of n1 along the last axis
 * (n0 = 1: a 1-D array). */
static void run_case(const char *name, int kind, int64_t n0, int64_t n1, int reps) {
    int64_t total = n0 * n1;
    int rank = n0 > 1 ? 2 : 1;
    int64_t shape[2] = {n0, n1};
    const int64_t *shp = rank == 2 ? shape : &total;
    bool real = kind == RFFT1;
    xp_array *x = xp_empty(rank, shp, &(xp_create_opts){.dtype = real ? XP_FLOAT64 : XP_COMPLEX128});
    double *xd = xp_array_data(x);
    srand(1);
    for (int64_t i = 0; i < (real ? total : 2 * total); i++) xd[i] = rand() / (double)RAND_MAX - 0.5;
    double *t = malloc(sizeof(double) * (size_t)reps);

    /* xparray: first call plans; then the repeated calls are timed */
    xp_release(apply(kind, x));
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();
        xp_array *y = apply(kind, x);
        t[r] = now_ms() - t0;
        if (xp_failed(y)) {
            fprintf(stderr, "%s: %s\n", name, xp_error_message(y));
            exit(1);
        }
        xp_release(y);
    }
    double xp_ms = median(t, reps), fftw_ms = -1, fresh_ms = -1;

#ifdef XP_BENCH_FFTW
    if (kind == FFT2 || n0 == 1) {
        /* raw FFTW: same flags, same layout, arrays reused */
        int64_t outn = real ? total / 2 + 1 : total;
        void *in = real ? (void *)fftw_alloc_real((size_t)total) : (void *)fftw_alloc_complex((size_t)total);
        fftw_complex *out = fftw_alloc_complex((size_t)outn);
        unsigned flags = (measure ? FFTW_MEASURE : FFTW_ESTIMATE) | FFTW_PRESERVE_INPUT;
        fftw_plan p = real ? fftw_plan_dft_r2c_1d((int)total, in, out, flags)
                      : rank == 2 ? fftw_plan_dft_2d((int)n0, (int)n1, in, out, FFTW_FORWARD, flags)
                                  : fftw_plan_dft_1d((int)total, in, out, FFTW_FORWARD, flags);
        memcpy(in, xd, (size_t)total * (real ? 8 : 16)); /* after planning: MEASURE overwrites */
        fftw_execute(p);
        for (int r = 0; r < reps; r++) {
            double t0 = now_ms();
            fftw_execute(p);
            t[r] = now_ms() - t0;
        }
        fftw_ms = median(t, reps);
        /* raw FFTW writing into a fresh output block each time, as a function that
         * returns a new array must: the difference is the first touch of new pages */
        size_t obytes = (size_t)outn * sizeof(fftw_complex);
        for (int r = 0; r < reps; r++) {
            double t0 = now_ms();
            fftw_complex *o2 = aligned_alloc(64, (obytes + 63) / 64 * 64);
            if (real) fftw_execute_dft_r2c(p, in, o2);
            else fftw_execute_dft(p, in, o2);
            t[r] = now_ms() - t0;
            free(o2);
        }
        fresh_ms = median(t, reps);
        fftw_destroy_plan(p);
        fftw_free(in);
        fftw_free(out);
    }
#endif
    xp_release(x);
    free(t);
    printf("case %s xparray_ms %.3f fftw_ms %.3f ratio %.3f fftw_fresh_out_ms %.3f\n", name, xp_ms, fftw_ms,
           fftw_ms > 0 ? xp_ms / fftw_ms : -1.0, fresh_ms);
    fflush(stdout);
}

static const struct {
    const char *name;
    int kind;
    int64_t n0, n1;
} cases[] = {
    {"fft_c128_2^20", FFT1, 1, 1 << 20},
    {"fft_c128_1000003", FFT1, 1, 1000003},
    {"rfft_f64_2^22", RFFT1, 1, 1 << 22},
    {"fftn_c128_1024x1024", FFT2, 1024, 1024},
    {"fft_c128_1000", FFT1, 1, 1000},
    {"fft_c128_4096", FFT1, 1, 4096},
    {"fft_c128_4099", FFT1, 1, 4099},
    {"rfft_f64_4096x256", RFFT1, 4096, 256},
    {"rfft_f64_255x4099", RFFT1, 255, 4099},
    {"rfft_f64_15x65537", RFFT1, 15, 65537},
    {"rfft_f64_1000x1001", RFFT1, 1000, 1001},
    {"fft_c128_3^12", FFT1, 1, 531441},
    {"fft_c128_5^8", FFT1, 1, 390625},
    {"fft_c128_7^6", FFT1, 1, 117649},
};

/* `bench_fft list` prints the case names, one a line. */
int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "list")) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) printf("%s\n", cases[i].name);
        return 0;
    }
    int reps = argc > 1 ? atoi(argv[1]) : 15;
    if (reps < 1) reps = 1;
    measure = argc > 2 && !strcmp(argv[2], "measure");
    const char *only = argc > 3 ? argv[3] : "*";
    size_t len = strlen(only);
    bool prefix = len > 0 && only[len - 1] == '*';
    if (measure) xp_fft_set_planner(XP_FFT_PLANNER_MEASURE, 20.0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (prefix ? !strncmp(cases[i].name, only, len - 1) : !strcmp(cases[i].name, only))
            run_case(cases[i].name, cases[i].kind, cases[i].n0, cases[i].n1, reps);
    return 0;
}
