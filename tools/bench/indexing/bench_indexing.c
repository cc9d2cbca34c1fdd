/* Indexing and manipulation benchmark (issue 4): each case times the library as
 * users call it (every call returns a new array, released right after), one
 * thread, median of repeated samples. Output, one line per case (the format of
 * tools/bench/run.py):
 *
 *   case <name> <dtype> <n> <ns per call> <bytes moved per call>
 *
 * Usage: bench_indexing [substring filter]  */
#define _POSIX_C_SOURCE 200809L
#include <xparray.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
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

static volatile int sink;
static void done(xp_array *r) {
    sink += xp_failed(r);
    if (xp_failed(r)) fprintf(stderr, "error: %s\n", xp_error_message(r));
    xp_release(r);
}

typedef struct {
    xp_array *x, *y, *idx, *mask;
    xp_array *parts[8];
} ctx_t;

static const xp_asarray_opts COPY = {.copy = XP_COPY_TRUE};

static void step2(void *p) { /* np.ascontiguousarray(x[::2]) */
    ctx_t *c = p;
    xp_array *v = xp_array_getitem(c->x, XP_KEY(XP_SLICE(XP_END, XP_END, 2), XP_ALL));
    done(xp_asarray(v, &COPY));
    xp_release(v);
}
static void tcopy(void *p) { /* np.ascontiguousarray(x.T) */
    ctx_t *c = p;
    xp_array *v = xp_array_T(c->x);
    done(xp_asarray(v, &COPY));
    xp_release(v);
}
static void take(void *p) { /* np.take(y, idx) */
    ctx_t *c = p;
    done(xp_take(c->y, c->idx, NULL));
}
static void mask(void *p) { /* y[mask] */
    ctx_t *c = p;
    done(xp_array_getitem(c->y, XP_KEY(XP_IDX(c->mask))));
}
static void concat(void *p) { /* np.concatenate(parts) */
    ctx_t *c = p;
    done(xp_concat(8, (const xp_array *const *)c->parts, NULL));
}
static void reshape_t(void *p) { /* x.T.reshape(-1) */
    ctx_t *c = p;
    xp_array *v = xp_array_T(c->x);
    done(xp_reshape(v, XP_SHAPE(-1), NULL));
    xp_release(v);
}

static xp_array *filled(int64_t n, unsigned *seed, int kind, int64_t mod) {
    xp_create_opts o = {kind == 0 ? XP_FLOAT64 : kind == 1 ? XP_INT64 : XP_BOOL, 0};
    xp_array *a = xp_empty(1, &n, &o);
    void *d = xp_array_data(a);
    for (int64_t i = 0; i < n; i++) {
        int r = rand_r(seed);
        if (kind == 0) ((double *)d)[i] = r / (double)RAND_MAX;
        else if (kind == 1) ((int64_t *)d)[i] = (((int64_t)r << 16) ^ rand_r(seed)) % mod;
        else ((unsigned char *)d)[i] = r & 1;
    }
    return a;
}

int main(int argc, char **argv) {
    const char *filter = argc > 1 ? argv[1] : NULL;
    unsigned seed = 12345;
    ctx_t c = {0};
    xp_array *flat = filled(9000000, &seed, 0, 0);
    c.x = xp_reshape(flat, XP_SHAPE(3000, 3000), NULL);
    c.y = filled(10000000, &seed, 0, 0);
    c.idx = filled(1000000, &seed, 1, 10000000);
    c.mask = filled(10000000, &seed, 2, 0);
    for (int i = 0; i < 8; i++) c.parts[i] = filled(1000000, &seed, 0, 0);
    struct {
        const char *name;
        bench_fn f;
        int64_t n, bytes;
    } cases[] = {
        {"getitem_step2_copy", step2, 4500000, 2 * 4500000 * 8},
        {"T_copy", tcopy, 9000000, 2 * 9000000 * 8},
        {"take_1e6", take, 1000000, 1000000 * (8 + 8 + 8)},
        {"mask_getitem_1e7", mask, 10000000, 10000000 * (8 + 1) + 5000000 * 8},
        {"concat_8x1e6", concat, 8000000, 2 * 8000000 * 8},
        {"reshape_T", reshape_t, 9000000, 2 * 9000000 * 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (filter && !strstr(cases[i].name, filter)) continue;
        double ns = measure(cases[i].f, &c);
        printf("case %s float64 %lld %.1f %lld\n", cases[i].name, (long long)cases[i].n, ns,
               (long long)cases[i].bytes);
        fflush(stdout);
    }
    xp_release(flat);
    xp_release(c.x);
    xp_release(c.y);
    xp_release(c.idx);
    xp_release(c.mask);
    for (int i = 0; i < 8; i++) xp_release(c.parts[i]);
    return sink ? 1 : 0;
}
