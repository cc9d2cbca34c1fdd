/* The GSL adapter's FFT: gsl_fft_complex_{forward,backward} (GSL's mixed-radix
 * FFT) runs the complex lines whose length is a power of two of at least 2^19,
 * where it measured 5-14% faster than the portable FFT on this project's machines
 * (tools/bench/fft/RESULTS.md); at other lengths it was as fast or slower (about
 * 100 times slower at primes, which it does in O(n^2)). Problems without such a
 * line answer XP_ERR_NOT_IMPLEMENTED and go to the reference adapter; the lines
 * run through the reference adapter's strided, batched driver either way.
 *
 * Wavetables (GSL's twiddles) are kept in a small cache shared by all threads:
 * GSL only reads them during a transform; the workspace is the driver's scratch. */
#include "gsl.h"

#include "../reference/reference.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fft_complex.h>
#include <pthread.h>
#include <stdlib.h>

enum { MIN_LOG2 = 19, SLOTS = 4 };

typedef struct table {
    gsl_fft_complex_wavetable *wt;
    int64_t n;
    int refs;    /* under the lock */
    bool cached; /* still in the cache; else freed by its last release */
    uint64_t used;
} table;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static table *cache[SLOTS];
static uint64_t tick;

static bool takes(int64_t n) { return n >= ((int64_t)1 << MIN_LOG2) && (n & (n - 1)) == 0; }

static void table_free(table *t) {
    if (!t) return;
    gsl_fft_complex_wavetable_free(t->wt);
    free(t);
}

static table *lookup(int64_t n) {
    for (int i = 0; i < SLOTS; i++)
        if (cache[i] && cache[i]->n == n) {
            cache[i]->refs++;
            cache[i]->used = ++tick;
            return cache[i];
        }
    return NULL;
}

static void *acquire(int64_t n) {
    pthread_mutex_lock(&lock);
    table *t = lookup(n);
    pthread_mutex_unlock(&lock);
    if (t) return t;
    table *fresh = calloc(1, sizeof *fresh);
    if (!fresh) return NULL;
    fresh->n = n;
    fresh->wt = gsl_fft_complex_wavetable_alloc((size_t)n); /* outside the lock: O(n) sines */
    if (!fresh->wt) {
        free(fresh);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    if ((t = lookup(n))) { /* another thread made it meanwhile */
        pthread_mutex_unlock(&lock);
        table_free(fresh);
        return t;
    }
    int victim = 0; /* an empty slot, else the least recently used */
    for (int i = 0; i < SLOTS; i++) {
        if (!cache[i]) {
            victim = i;
            break;
        }
        if (cache[i]->used < cache[victim]->used) victim = i;
    }
    table *old = cache[victim];
    if (old) {
        old->cached = false;
        if (old->refs > 0) old = NULL; /* its last user frees it */
    }
    fresh->refs = 1;
    fresh->cached = true;
    fresh->used = ++tick;
    cache[victim] = fresh;
    pthread_mutex_unlock(&lock);
    table_free(old);
    return fresh;
}

static void release(void *h) {
    table *t = h;
    pthread_mutex_lock(&lock);
    bool drop = --t->refs == 0 && !t->cached;
    pthread_mutex_unlock(&lock);
    if (drop) table_free(t);
}

static bool exec(void *h, void *data, void *scratch, int sign) {
    table *t = h;
    gsl_fft_complex_workspace ws = {(size_t)t->n, scratch};
    int rc = sign < 0 ? gsl_fft_complex_forward(data, 1, (size_t)t->n, t->wt, &ws)
                      : gsl_fft_complex_backward(data, 1, (size_t)t->n, t->wt, &ws);
    return rc == GSL_SUCCESS;
}

static const xp__fft_engine engine = {takes, acquire, release, exec};

xp_status xp__gsl_fft_execute(const xp_fft_problem *p) {
    if (p->kind != XP_FFT_C2C) return XP_ERR_NOT_IMPLEMENTED;
    bool any = false;
    for (int d = 0; d < p->rank && d < XP_MAX_NDIM; d++) any = any || takes(p->dims[d].n);
    if (!any) return XP_ERR_NOT_IMPLEMENTED;
    return xp__fft_portable_run(p, &engine);
}
