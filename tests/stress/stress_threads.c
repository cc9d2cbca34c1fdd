/* Concurrency stress for ThreadSanitizer: the shared state a multi-threaded
 * program reaches through xparray, hit from several threads at once.
 *
 *  - the adapter stack, merged on first use (every thread's first call races);
 *  - the flavor registry (xp_namespace_by_name of this and other flavors);
 *  - thread-local scopes with results kept across nesting levels;
 *  - the caching allocator: blocks of many size classes made on one thread and
 *    released on another, and trims while others allocate;
 *  - FFT plans (the FFTW plan cache on the openblas flavor): new and repeated sizes;
 *  - large elementwise, reduction and sort calls (the paths a thread pool splits).
 *
 * Every result is checked against a value computed here, so a race that corrupts
 * data fails the run even without a sanitizer. Prints "N passed, 0 failed". */
#define _POSIX_C_SOURCE 200809L
#include <xparray.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 4, ITERS = 24 };

static pthread_barrier_t start;
static atomic_int failures;
static xp_array *handoff[THREADS]; /* arrays made by thread t, released by t+1 */
static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;

#define expect(ok)                                                                 \
    do {                                                                           \
        if (!(ok)) {                                                               \
            fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #ok); \
            atomic_fetch_add(&failures, 1);                                        \
        }                                                                          \
    } while (0)

static double value(const xp_array *a) {
    double v = -1;
    if (xp_failed(a) || xp_array_float(a, &v) != XP_OK) return -1e300;
    return v;
}

/* sum(2*x + 1) over arange(n) is n^2 exactly in float64 for the n used here */
static void elementwise_and_reduce(int64_t n) {
    xp_scope_begin();
    xp_array *x = xp_arange(0, (double)n, 1, NULL);
    xp_array *y = xp_add(xp_multiply(x, xp_float(2.0)), xp_float(1.0));
    expect(value(xp_sum(y, NULL)) == (double)n * (double)n);
    xp_array *s = xp_sort(xp_negative(x), NULL);
    xp_array *first = xp_array_getitem(s, 1, (xp_index[]){xp_index_int(0)});
    expect(n == 0 || value(first) == -(double)(n - 1));
    xp_scope_end();
}

static xp_array *nested_helper(int64_t n) {
    xp_scope_begin();
    xp_array *r = xp_keep(xp_mean(xp_arange(0, (double)n, 1, NULL), NULL));
    xp_scope_end();
    return r;
}

static void fft_round_trip(int64_t n) {
    xp_scope_begin();
    xp_array *x = xp_arange(0, (double)n, 1, NULL);
    xp_array *back = xp_fft_irfft(xp_fft_rfft(x, NULL), &(xp_fft_opts){.n = n});
    xp_array *err = xp_max(xp_abs(xp_subtract(back, x)), NULL);
    expect(value(err) < 1e-9 * (double)n);
    xp_scope_end();
}

static void *worker(void *arg) {
    int t = (int)(intptr_t)arg;
    pthread_barrier_wait(&start);
    /* first calls of every thread at once: adapter merge, registry, pool start */
    xp_array *a = xp_add(xp_int(1), xp_int(2));
    expect(value(a) == 3);
    xp_release(a);
    for (int i = 0; i < ITERS; i++) {
        xp_status st;
        const char *names[] = {"reference", "openblas", "gsl"};
        const xp_namespace *ns = xp_namespace_by_name(names[(t + i) % 3], &st);
        expect(ns != NULL || st == XP_ERR_VALUE || st == XP_ERR_BACKEND); /* not every flavor is built */

        elementwise_and_reduce(i % 3 ? 1000 + 37 * t : 1 << 20);
        xp_array *m = nested_helper(11 + t);
        expect(value(m) == (10.0 + t) / 2);
        xp_release(m);
        fft_round_trip(i % 2 ? 4096 : 1000 + 31 * t + 7 * i);

        /* allocator: a block made here is released by another thread */
        xp_array *mine = xp_zeros(1, (int64_t[]){(int64_t)64 << (i % 14)}, NULL);
        pthread_mutex_lock(&handoff_lock);
        xp_array *theirs = handoff[(t + 1) % THREADS];
        handoff[(t + 1) % THREADS] = NULL;
        if (!handoff[t]) {
            handoff[t] = mine;
            mine = NULL;
        }
        pthread_mutex_unlock(&handoff_lock);
        if (theirs) {
            xp_scope_begin();
            expect(value(xp_sum(theirs, NULL)) == 0);
            xp_scope_end();
            xp_release(theirs);
        }
        xp_release(mine);
        if (i % 8 == 7) xp_allocator_trim();
    }
    return NULL;
}

int main(void) {
    pthread_t th[THREADS];
    pthread_barrier_init(&start, NULL, THREADS);
    for (int t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, worker, (void *)(intptr_t)t);
    for (int t = 0; t < THREADS; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < THREADS; t++) xp_release(handoff[t]);
    pthread_barrier_destroy(&start);
    int f = atomic_load(&failures);
    printf("%d passed, %d failed (stress: %d threads x %d iterations)\n", f ? 0 : 1, f ? 1 : 0,
           THREADS, ITERS);
    return f ? 1 : 0;
}
