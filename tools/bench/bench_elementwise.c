/* Elementwise benchmark: each case times the library as users call it (every
 * call returns a new array, released right after), one thread, median of
 * repeated samples. Also a STREAM-style copy/add loop: the bandwidth ceiling of
 * this run. Output, one line per case (read by tools/bench/run.py):
 *
 *   case <name> <dtype> <n> <ns per call> <bytes moved per call>
 *
 * Usage: bench_elementwise [substring filter]  */
#define _POSIX_C_SOURCE 200809L
#include <xparray.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* XP_BENCH_CLOCK=cpu: this thread's CPU time instead of wall time (for
 * machines shared with other work; run.py --cpu-time sets it). */
static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(bench_clock, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median over samples of ns per call; a sample runs `k` calls, k chosen so a
 * sample takes about 2 ms; at least 7 samples and about 0.25 s in all. */
typedef void (*bench_fn)(void *ctx);
static double measure(bench_fn f, void *ctx) {
    f(ctx); /* warm up: caches, the allocator's cache, lazy tables */
    double t0 = now_ns();
    f(ctx);
    double one = now_ns() - t0;
    if (one < 1) one = 1;
    long k = (long)(2e6 / one);
    if (k < 1) k = 1;
    int samples = (int)(2.5e8 / (one * (double)k));
    if (samples < 7) samples = 7;
    if (samples > 41) samples = 41;
    double s[41];
    for (int i = 0; i < samples; i++) {
        double a = now_ns();
        for (long j = 0; j < k; j++) f(ctx);
        s[i] = (now_ns() - a) / (double)k;
    }
    qsort(s, (size_t)samples, sizeof *s, cmp_d);
    return s[samples / 2];
}

typedef struct {
    const char *op;
    xp_array *x, *y, *z;
} ew_ctx;

static volatile int sink;

static void run_op(void *p) {
    ew_ctx *c = p;
    xp_array *r;
    const char *op = c->op;
    if (!strcmp(op, "add")) r = xp_add(c->x, c->y);
    else if (!strcmp(op, "multiply")) r = xp_multiply(c->x, c->y);
    else if (!strcmp(op, "exp")) r = xp_exp(c->x);
    else if (!strcmp(op, "sin")) r = xp_sin(c->x);
    else if (!strcmp(op, "sqrt")) r = xp_sqrt(c->y);
    else { /* x*y+z */
        xp_array *t = xp_multiply(c->x, c->y);
        r = xp_add(t, c->z);
        xp_release(t);
    }
    sink += xp_failed(r);
    xp_release(r);
}

/* Uniform values in [lo, hi) of dtype dt. */
static xp_array *uniform(xp_dtype dt, int64_t n, double lo, double hi, unsigned *seed) {
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    xp_array *a = xp_empty(1, &n, &o);
    if (xp_failed(a)) return a;
    void *d = xp_array_data(a);
    for (int64_t i = 0; i < n; i++) {
        *seed = *seed * 1664525u + 1013904223u;
        double v = lo + (hi - lo) * ((double)(*seed >> 8) / 16777216.0);
        if (dt == XP_FLOAT64) ((double *)d)[i] = v;
        else ((float *)d)[i] = (float)v;
    }
    return a;
}

typedef struct {
    double *a, *b, *c;
    size_t n;
    int add;
} stream_ctx;

static void run_stream(void *p) {
    stream_ctx *s = p;
    double *restrict a = s->a, *restrict b = s->b, *restrict c = s->c;
    if (s->add)
        for (size_t i = 0; i < s->n; i++) c[i] = a[i] + b[i];
    else
        for (size_t i = 0; i < s->n; i++) c[i] = a[i];
    sink += c[s->n / 2] > 0;
}

static const char *filter;
static int want(const char *name) { return !filter || strstr(name, filter); }

int main(int argc, char **argv) {
    filter = argc > 1 ? argv[1] : NULL;
    const char *clk = getenv("XP_BENCH_CLOCK");
    if (clk && !strcmp(clk, "cpu")) bench_clock = CLOCK_THREAD_CPUTIME_ID;
    setvbuf(stdout, NULL, _IOLBF, 0);

    /* STREAM-style ceiling: 1e7 doubles per array (80 MB, far beyond cache). */
    if (want("stream")) {
        size_t n = 10000000;
        stream_ctx s = {malloc(n * 8), malloc(n * 8), malloc(n * 8), n, 0};
        if (!s.a || !s.b || !s.c) return 1;
        for (size_t i = 0; i < n; i++) s.a[i] = 1.0 + (double)i, s.b[i] = 2.0, s.c[i] = 0;
        printf("case stream_copy float64 %zu %.1f %zu\n", n, measure(run_stream, &s), 2 * 8 * n);
        s.add = 1;
        printf("case stream_add float64 %zu %.1f %zu\n", n, measure(run_stream, &s), 3 * 8 * n);
        free(s.a), free(s.b), free(s.c);
    }

    static const char *ops[] = {"add", "multiply", "exp", "sin", "sqrt", "fma"};
    static const xp_dtype dts[] = {XP_FLOAT64, XP_FLOAT32};
    static const int64_t sizes[] = {1000, 100000, 10000000};
    for (int di = 0; di < 2; di++)
        for (int si = 0; si < 3; si++) {
            xp_dtype dt = dts[di];
            int64_t n = sizes[si];
            unsigned seed = 12345;
            xp_array *x = NULL, *y = NULL, *z = NULL;
            for (int oi = 0; oi < 6; oi++) {
                char name[64];
                snprintf(name, sizeof name, "%s %s %lld", ops[oi], xp_dtype_name(dt), (long long)n);
                if (!want(name)) continue;
                if (!x) {
                    /* exp's inputs in [-5, 5), sin's in [-10, 10): same as run.py's NumPy side */
                    x = uniform(dt, n, -5, 5, &seed);
                    y = uniform(dt, n, 0.5, 100, &seed);
                    z = uniform(dt, n, -1, 1, &seed);
                }
                xp_array *xs = NULL;
                if (!strcmp(ops[oi], "sin")) {
                    xp_array *two = xp_float(2.0);
                    xs = xp_multiply(x, two);
                    xp_release(two);
                }
                ew_ctx c = {ops[oi], xs ? xs : x, y, z};
                double ns = measure(run_op, &c);
                size_t es = xp_dtype_size(dt);
                int nin = !strcmp(ops[oi], "add") || !strcmp(ops[oi], "multiply") ? 2
                          : !strcmp(ops[oi], "fma") ? 3 : 1;
                printf("case %s %s %lld %.1f %zu\n", ops[oi], xp_dtype_name(dt), (long long)n, ns,
                       (size_t)(nin + 1) * es * (size_t)n);
                xp_release(xs);
            }
            xp_release(x), xp_release(y), xp_release(z);
        }

    if (want("add8")) {
        int64_t n = 8;
        unsigned seed = 1;
        ew_ctx c = {"add", uniform(XP_FLOAT64, n, 0, 1, &seed), uniform(XP_FLOAT64, n, 0, 1, &seed), NULL};
        printf("case add8 float64 8 %.1f %d\n", measure(run_op, &c), 3 * 8 * 8);
        xp_release(c.x), xp_release(c.y);
    }
    return sink < 0;
}
