#define _POSIX_C_SOURCE 199309L
/* The portable FFT's complex transform (src/adapters/reference/fft_plan.c)
 * against GSL's (gsl_fft_complex_forward, wavetable made once), one contiguous
 * line in place, per length: the measurement behind the gsl adapter's choice of
 * lengths (src/adapters/gsl/gsl_fft.c). Prints per length the medians of thread
 * CPU time and gsl/portable (above 1: the portable FFT is faster).
 * Usage: bench_fft_engines n1 n2 ... */
#include "fft_plan.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fft_complex.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    gsl_set_error_handler_off();
    for (int a = 1; a < argc; a++) {
        int64_t n = atoll(argv[a]);
        if (n < 1) continue;
        int reps = n < 5000 ? 201 : n < 100000 ? 21 : 7;
        double tp[201], tg[201];
        xp__fft_plan *p = xp__fft_plan_acquire(n, false);
        xp__cx *x = malloc(sizeof(xp__cx) * (size_t)n);
        xp__cx *s = p ? malloc(sizeof(xp__cx) * (size_t)xp__fft_plan_scratch(p)) : NULL;
        gsl_fft_complex_wavetable *wt = gsl_fft_complex_wavetable_alloc((size_t)n);
        gsl_fft_complex_workspace *ws = gsl_fft_complex_workspace_alloc((size_t)n);
        if (!p || !x || !s || !wt || !ws) return 1;
        for (int r = 0; r < reps; r++) {
            for (int64_t i = 0; i < n; i++) x[i] = (xp__cx){(double)(i % 7), (double)(i % 3)};
            double t0 = now_ms();
            xp__fft_exec_c(p, x, s, -1);
            tp[r] = now_ms() - t0;
            for (int64_t i = 0; i < n; i++) x[i] = (xp__cx){(double)(i % 7), (double)(i % 3)};
            t0 = now_ms();
            gsl_fft_complex_forward((double *)x, 1, (size_t)n, wt, ws);
            tg[r] = now_ms() - t0;
        }
        qsort(tp, (size_t)reps, sizeof(double), cmp);
        qsort(tg, (size_t)reps, sizeof(double), cmp);
        printf("n %lld portable_ms %.4f gsl_ms %.4f gsl/portable %.2f\n", (long long)n, tp[reps / 2],
               tg[reps / 2], tg[reps / 2] / tp[reps / 2]);
        fflush(stdout);
        xp__fft_plan_release(p);
        free(x);
        free(s);
        gsl_fft_complex_wavetable_free(wt);
        gsl_fft_complex_workspace_free(ws);
    }
    return 0;
}
