/* Thread-pool benchmark: large elementwise functions and reductions on one and
 * two threads, next to a STREAM-style add (c = a + b) and read (a sum) written
 * here with pthreads, measured on one and two threads in the same run. The
 * figure that matters is the ratio to STREAM at the same thread count.
 *
 * Output, one line per case:
 *   case <name> <dtype> <n> <threads> <ns per call> <bytes moved per call>
 * then a summary table (GB/s and the ratio to STREAM).
 *
 * Usage: bench_threads [substring filter]
 * Linked against a library without a pool (an older libxparray on
 * LD_LIBRARY_PATH), it runs the one-thread rows only: the before/after figure. */
#define _POSIX_C_SOURCE 200809L
#include <xparray.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#pragma weak xp_set_num_threads

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of at least 9 samples (about 0.4 s per case) of one call each. */
typedef void (*bench_fn)(void *ctx);
static double measure(bench_fn f, void *ctx) {
    f(ctx);
    f(ctx);
    double t0 = now_ns();
    f(ctx);
    double one = now_ns() - t0;
    int samples = (int)(4e8 / (one > 1 ? one : 1));
    if (samples < 9) samples = 9;
    if (samples > 61) samples = 61;
    double s[61];
    for (int i = 0; i < samples; i++) {
        double a = now_ns();
        f(ctx);
        s[i] = now_ns() - a;
    }
    qsort(s, (size_t)samples, sizeof *s, cmp_d);
    return s[samples / 2];
}

/* ---- STREAM-style loops on 1 or 2 pthreads (persistent, barrier-driven) --- */

typedef struct {
    int kind; /* 0 add, 1 read */
    const double *a, *b;
    double *c;
    long lo, hi;
    double sum;
} part;

static pthread_barrier_t go, fin;
static part parts[2];
static volatile int quit;
static volatile double sink;

static void run_part(part *p) {
    if (p->kind == 0) {
        for (long i = p->lo; i < p->hi; i++) p->c[i] = p->a[i] + p->b[i];
    } else {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        long i = p->lo;
        for (; i + 8 <= p->hi; i += 8) {
            s0 += p->a[i], s1 += p->a[i + 1], s2 += p->a[i + 2], s3 += p->a[i + 3];
            s4 += p->a[i + 4], s5 += p->a[i + 5], s6 += p->a[i + 6], s7 += p->a[i + 7];
        }
        for (; i < p->hi; i++) s0 += p->a[i];
        p->sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}

static void *helper(void *arg) {
    (void)arg;
    for (;;) {
        pthread_barrier_wait(&go);
        if (quit) return NULL;
        run_part(&parts[1]);
        pthread_barrier_wait(&fin);
    }
}

typedef struct {
    int kind, threads;
    const double *a, *b;
    double *c;
    long n;
} stream_ctx;

static void stream_call(void *p) {
    stream_ctx *s = p;
    if (s->threads == 1) {
        parts[0] = (part){s->kind, s->a, s->b, s->c, 0, s->n, 0};
        run_part(&parts[0]);
        sink = parts[0].sum;
        return;
    }
    long h = s->n / 2;
    parts[0] = (part){s->kind, s->a, s->b, s->c, 0, h, 0};
    parts[1] = (part){s->kind, s->a, s->b, s->c, h, s->n, 0};
    pthread_barrier_wait(&go);
    run_part(&parts[0]);
    pthread_barrier_wait(&fin);
    sink = parts[0].sum + parts[1].sum;
}

/* ---- library cases --------------------------------------------------------- */

typedef struct {
    const char *op;
    xp_array *x, *y;
} lib_ctx;

static void lib_call(void *p) {
    lib_ctx *c = p;
    xp_array *r;
    xp_reduce_opts o = {0};
    if (!strcmp(c->op, "add")) r = xp_add(c->x, c->y);
    else if (!strcmp(c->op, "multiply")) r = xp_multiply(c->x, c->y);
    else if (!strcmp(c->op, "sqrt")) r = xp_sqrt(c->x);
    else if (!strcmp(c->op, "sum")) r = xp_sum(c->x, NULL);
    else if (!strcmp(c->op, "sum_axis0")) {
        o.axes = (xp_axes){1, true, {0}};
        r = xp_sum(c->x, &o);
    } else if (!strcmp(c->op, "mean")) r = xp_mean(c->x, NULL);
    else if (!strcmp(c->op, "std")) r = xp_std(c->x, NULL);
    else if (!strcmp(c->op, "max")) r = xp_max(c->x, NULL);
    else r = xp_astype(c->x, XP_FLOAT32, NULL); /* astype */
    if (xp_failed(r)) {
        fprintf(stderr, "%s failed: %s\n", c->op, xp_error_message(r));
        exit(1);
    }
    xp_release(r);
}

static xp_array *filled(int ndim, const int64_t *shape, unsigned seed) {
    xp_array *a = xp_empty(ndim, shape, NULL);
    double *p = xp_array_data(a);
    int64_t n = xp_array_size(a);
    srand(seed);
    for (int64_t i = 0; i < n; i++) p[i] = 0.5 + (double)rand() / RAND_MAX;
    return a;
}

typedef struct {
    const char *name;
    double bytes_per_elem; /* STREAM's counting: reads + writes */
    int against;           /* 0: stream add, 1: stream read */
    int two_d;             /* 3000 x 3000 instead of 1e7 */
} lib_case;

int main(int argc, char **argv) {
    const char *filter = argc > 1 ? argv[1] : "";
    int pool = xp_set_num_threads != NULL;
    const long n = 10000000;
    double *a = aligned_alloc(64, (size_t)n * 8), *b = aligned_alloc(64, (size_t)n * 8),
           *c = aligned_alloc(64, (size_t)n * 8);
    for (long i = 0; i < n; i++) a[i] = 1.0 + (double)i * 1e-9, b[i] = 2.0, c[i] = 0;
    pthread_barrier_init(&go, NULL, 2);
    pthread_barrier_init(&fin, NULL, 2);
    pthread_t th;
    pthread_create(&th, NULL, helper, NULL);

    double stream[2][2]; /* [kind][threads-1]: GB/s */
    for (int kind = 0; kind < 2; kind++)
        for (int t = 1; t <= 2; t++) {
            stream_ctx s = {kind, t, a, b, c, n};
            double ns = measure(stream_call, &s);
            double bytes = (double)n * (kind == 0 ? 24 : 8);
            stream[kind][t - 1] = bytes / ns;
            printf("case stream_%s float64 %ld %d %.0f %.0f\n", kind ? "read" : "add", n, t, ns,
                   bytes);
        }

    int64_t s1[1] = {n}, s2[2] = {3000, 3000};
    xp_array *x1 = filled(1, s1, 1), *y1 = filled(1, s1, 2), *x2 = filled(2, s2, 3);
    static const lib_case cases[] = {
        {"add", 24, 0, 0},   {"multiply", 24, 0, 0}, {"sqrt", 16, 0, 0}, {"astype", 12, 0, 0},
        {"sum", 8, 1, 1},    {"sum_axis0", 8, 1, 1}, {"mean", 8, 1, 1},  {"std", 16, 1, 1},
        {"max", 8, 1, 1},
    };
    printf("\n| case | n | threads | ms/call | GB/s | vs STREAM %s (same threads) |\n",
           "add/read");
    printf("|---|---|---|---|---|---|\n");
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const lib_case *lc = &cases[k];
        if (!strstr(lc->name, filter)) continue;
        lib_ctx ctx = {lc->name, lc->two_d ? x2 : x1, y1};
        int64_t elems = lc->two_d ? 3000 * 3000 : n;
        for (int t = 1; t <= (pool ? 2 : 1); t++) {
            if (pool) xp_set_num_threads(t);
            double ns = measure(lib_call, &ctx);
            double bytes = (double)elems * lc->bytes_per_elem, gbs = bytes / ns;
            printf("case %s float64 %lld %d %.0f %.0f\n", lc->name, (long long)elems, t, ns,
                   bytes);
            printf("| %s | %lld | %d | %.3f | %.1f | %.0f%% of %.1f |\n", lc->name,
                   (long long)elems, t, ns / 1e6, gbs, 100 * gbs / stream[lc->against][t - 1],
                   stream[lc->against][t - 1]);
        }
    }
    printf("\nSTREAM add: %.1f GB/s (1 thread), %.1f (2); read: %.1f, %.1f\n", stream[0][0],
           stream[0][1], stream[1][0], stream[1][1]);
    quit = 1;
    pthread_barrier_wait(&go);
    pthread_join(th, NULL);
    xp_release(x1);
    xp_release(y1);
    xp_release(x2);
    free(a);
    free(b);
    free(c);
    return 0;
}
