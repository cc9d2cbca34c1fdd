/* Statistics / searching / sorting / sets benchmark (issue 5): each case times
 * the library as users call it (every call returns new arrays, released right
 * after), one thread, median of repeated samples. Also `stream_read`: a plain
 * C sum over the 3000x3000 block, this run's read-bandwidth ceiling for the
 * reductions. Output, one line per case (read by tools/bench/run.py or
 * tools/bench/run_statistics.py):
 *
 *   case <name> <dtype> <n> <ns per call> <bytes read per call>
 *
 * Usage: bench_statistics [substring of case names | "=name dtype n"]  */
#define _POSIX_C_SOURCE 200809L
#include <xparray.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* XP_BENCH_CLOCK=cpu: this thread's CPU clock (run_statistics.py --cpu-time). */
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

typedef void (*bench_fn)(void *ctx);
/* Median ns per call over samples of about 2 ms (at least 7, about 0.25 s). */
static double measure(bench_fn f, void *ctx) {
    f(ctx);
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

static volatile double sink;

typedef struct {
    const char *op;
    xp_array *x, *y, *c;
    xp_reduce_opts ro;
} ctx_t;

static void rel(xp_array *r) {
    sink += xp_failed(r);
    xp_release(r);
}

static void run(void *p) {
    ctx_t *c = p;
    const char *op = c->op;
    if (!strcmp(op, "sum")) rel(xp_sum(c->x, &c->ro));
    else if (!strcmp(op, "mean")) rel(xp_mean(c->x, &c->ro));
    else if (!strcmp(op, "std")) rel(xp_std(c->x, &c->ro));
    else if (!strcmp(op, "argmax")) rel(xp_argmax(c->x, NULL));
    else if (!strcmp(op, "cumulative_sum")) rel(xp_cumulative_sum(c->x, NULL));
    else if (!strcmp(op, "sort")) rel(xp_sort(c->x, NULL));
    else if (!strcmp(op, "argsort")) rel(xp_argsort(c->x, NULL));
    else if (!strcmp(op, "unique_values")) rel(xp_unique_values(c->x));
    else if (!strcmp(op, "unique_counts")) {
        xp_unique_counts_result u = xp_unique_counts(c->x);
        rel(u.values);
        rel(u.counts);
    } else if (!strcmp(op, "nonzero")) {
        xp_array *o[1];
        xp_nonzero(c->c, o);
        rel(o[0]);
    } else if (!strcmp(op, "where")) rel(xp_where(c->c, c->x, c->y));
    else if (!strcmp(op, "stream_read")) {
        const double *d = xp_array_data(c->x);
        int64_t n = xp_array_size(c->x);
        /* named accumulators: GCC turns an array of eight into a vector loop
         * through the stack, which measured half the bandwidth */
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        for (int64_t i = 0; i + 8 <= n; i += 8) {
            a0 += d[i];
            a1 += d[i + 1];
            a2 += d[i + 2];
            a3 += d[i + 3];
            a4 += d[i + 4];
            a5 += d[i + 5];
            a6 += d[i + 6];
            a7 += d[i + 7];
        }
        sink += a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Random data: floats uniform in [0,1); ints uniform over +-2^62, or in
 * [0, distinct) when distinct > 0. */
static xp_array *randarr(xp_dtype dt, int ndim, const int64_t *shape, int64_t distinct) {
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    xp_array *a = xp_empty(ndim, shape, &o);
    int64_t n = xp_array_size(a);
    void *p = xp_array_data(a);
    for (int64_t i = 0; i < n; i++) {
        uint64_t r = next();
        double u = (double)(r >> 11) * (1.0 / 9007199254740992.0);
        if (dt == XP_FLOAT64) ((double *)p)[i] = u;
        else if (dt == XP_FLOAT32) ((float *)p)[i] = (float)u;
        else if (dt == XP_INT64)
            ((int64_t *)p)[i] = distinct ? (int64_t)(r % (uint64_t)distinct) : (int64_t)(r >> 1) - (INT64_C(1) << 62);
        else if (dt == XP_BOOL) ((uint8_t *)p)[i] = (uint8_t)(r & 1);
    }
    return a;
}

static const char *filter;

/* The filter is a substring of the case name, or, with a leading '=', exactly
 * "name dtype n" (one case: run_statistics.py --interleave). */
static void report(const char *name, ctx_t *c, xp_dtype dt, int64_t n, double bytes) {
    char full[64], exact[96];
    snprintf(full, sizeof full, "%s", name);
    snprintf(exact, sizeof exact, "%s %s %lld", name, xp_dtype_name(dt), (long long)n);
    if (filter && (filter[0] == '=' ? strcmp(exact, filter + 1) != 0 : !strstr(full, filter)))
        return;
    double ns = measure(run, c);
    printf("case %s %s %lld %.0f %.0f\n", full, xp_dtype_name(dt), (long long)n, ns, bytes);
    fflush(stdout);
}

int main(int argc, char **argv) {
    filter = argc > 1 ? argv[1] : NULL;
    const char *clk = getenv("XP_BENCH_CLOCK");
    if (clk && !strcmp(clk, "cpu")) bench_clock = CLOCK_THREAD_CPUTIME_ID;
    /* reductions of 3000x3000 float64 */
    int64_t sq[2] = {3000, 3000};
    ctx_t c = {0};
    c.x = randarr(XP_FLOAT64, 2, sq, 0);
    int64_t n = 9000000;
    c.op = "stream_read";
    report("stream_read", &c, XP_FLOAT64, n, 8.0 * n);
    const char *red[3] = {"sum", "mean", "std"};
    for (int k = 0; k < 3; k++) {
        c.op = red[k];
        char name[32];
        c.ro = (xp_reduce_opts){0};
        snprintf(name, sizeof name, "%s_all", red[k]);
        report(name, &c, XP_FLOAT64, n, 8.0 * n);
        c.ro = (xp_reduce_opts){.axes = XP_AXES(0)};
        snprintf(name, sizeof name, "%s_axis0", red[k]);
        report(name, &c, XP_FLOAT64, n, 8.0 * n);
        c.ro = (xp_reduce_opts){.axes = XP_AXES(1)};
        snprintf(name, sizeof name, "%s_axis1", red[k]);
        report(name, &c, XP_FLOAT64, n, 8.0 * n);
    }
    xp_release(c.x);
    /* 1e7 vectors */
    int64_t n7 = 10000000;
    c.x = randarr(XP_FLOAT64, 1, &n7, 0);
    c.y = randarr(XP_FLOAT64, 1, &n7, 0);
    c.c = randarr(XP_BOOL, 1, &n7, 0);
    c.op = "argmax";
    report("argmax", &c, XP_FLOAT64, n7, 8.0 * n7);
    c.op = "cumulative_sum";
    report("cumulative_sum", &c, XP_FLOAT64, n7, 8.0 * n7);
    c.op = "nonzero";
    report("nonzero", &c, XP_BOOL, n7, 1.0 * n7);
    c.op = "where";
    report("where", &c, XP_FLOAT64, n7, 17.0 * n7);
    xp_release(c.x);
    xp_release(c.y);
    xp_release(c.c);
    /* sorts */
    xp_dtype sdt[3] = {XP_FLOAT64, XP_FLOAT32, XP_INT64};
    int64_t sn[2] = {1000000, 10000000};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 3; k++) {
            c.x = randarr(sdt[k], 1, &sn[i], 0);
            double b = (double)xp_dtype_size(sdt[k]) * (double)sn[i];
            c.op = "sort";
            report("sort", &c, sdt[k], sn[i], b);
            c.op = "argsort";
            report("argsort", &c, sdt[k], sn[i], b);
            xp_release(c.x);
        }
    /* sets: 1e6 int64 with 1000 distinct values */
    int64_t n6 = 1000000;
    c.x = randarr(XP_INT64, 1, &n6, 1000);
    c.op = "unique_values";
    report("unique_values", &c, XP_INT64, n6, 8.0 * n6);
    c.op = "unique_counts";
    report("unique_counts", &c, XP_INT64, n6, 8.0 * n6);
    xp_release(c.x);
    return (int)sink * 0;
}
