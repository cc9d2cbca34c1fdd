/* The portable FFT of the reference adapter: any length in O(n log n), with
 * plans from the cache of fft_plan.c (Stockham mixed radix 2/3/4/5/7 and odd
 * factors, Bluestein for lengths with a large prime factor).
 *
 * Batches and multi-dimensional problems are done axis by axis, line by line:
 * lines are gathered into contiguous buffers, transformed and scattered back, so
 * any strides (negative included) work. Lines along a strided axis are gathered
 * several at a time, row block by row block, so that neighbouring columns share
 * the cache lines they are read from (as pocketfft does). Real transforms of even
 * length run through a complex transform of half the length; of odd length, two
 * lines at a time go through one complex transform (x + i y). */
#include "reference.h"

#include "fft_plan.h"

#include <xparray/adapter_util.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef xp__cx cx;

enum { MAX_LINES = 16, BLOCK = 8 };

typedef struct side {
    char *base;
    bool single, complex_;
} side;

/* dst[j * ds] = the real element at off + j * st, j < cnt */
static void get_re(const side *s, int64_t off, int64_t st, int64_t cnt, double *dst, int64_t ds) {
    if (s->single) {
        const float *b = (const float *)s->base + off;
        for (int64_t j = 0; j < cnt; j++) dst[j * ds] = b[j * st];
    } else {
        const double *b = (const double *)s->base + off;
        if (st == 1 && ds == 1) memcpy(dst, b, sizeof(double) * (size_t)cnt);
        else
            for (int64_t j = 0; j < cnt; j++) dst[j * ds] = b[j * st];
    }
}

static void get_cx(const side *s, int64_t off, int64_t st, int64_t cnt, cx *dst) {
    if (s->single) {
        const float *b = (const float *)s->base + 2 * off;
        for (int64_t j = 0; j < cnt; j++) dst[j] = (cx){b[2 * j * st], b[2 * j * st + 1]};
    } else {
        const double *b = (const double *)s->base + 2 * off;
        if (st == 1) memcpy(dst, b, sizeof(cx) * (size_t)cnt);
        else
            for (int64_t j = 0; j < cnt; j++) dst[j] = (cx){b[2 * j * st], b[2 * j * st + 1]};
    }
}

/* element off + j * st = src[j * ss], j < cnt */
static void put_re(const side *s, int64_t off, int64_t st, int64_t cnt, const double *src, int64_t ss) {
    if (s->single) {
        float *b = (float *)s->base + off;
        for (int64_t j = 0; j < cnt; j++) b[j * st] = (float)src[j * ss];
    } else {
        double *b = (double *)s->base + off;
        if (st == 1 && ss == 1) memcpy(b, src, sizeof(double) * (size_t)cnt);
        else
            for (int64_t j = 0; j < cnt; j++) b[j * st] = src[j * ss];
    }
}

static void put_cx(const side *s, int64_t off, int64_t st, int64_t cnt, const cx *src, int64_t ss) {
    if (s->single) {
        float *b = (float *)s->base + 2 * off;
        for (int64_t j = 0; j < cnt; j++)
            b[2 * j * st] = (float)src[j * ss].re, b[2 * j * st + 1] = (float)src[j * ss].im;
    } else {
        double *b = (double *)s->base + 2 * off;
        if (st == 1 && ss == 1) memcpy(b, src, sizeof(cx) * (size_t)cnt);
        else
            for (int64_t j = 0; j < cnt; j++) b[2 * j * st] = src[j * ss].re, b[2 * j * st + 1] = src[j * ss].im;
    }
}

/* One group of V lines: offsets oi[v] (input) and oo[v] (output) along an axis
 * of length n with element strides is and os. buf holds V lines of L complex
 * numbers; scratch follows. kind: 0 c2c, 1 r2c, 2 c2r. */
typedef struct group {
    int kind, sign;
    const side *in, *out;
    int64_t n, is, os, L;
    const xp__fft_plan *plan;
    cx *buf, *scratch;
    const xp__fft_engine *eng; /* complex lines through another library, or NULL */
    void *eh;
    bool failed;
} group;

static void run_group(group *g, int V, const int64_t *oi, const int64_t *oo) {
    int64_t n = g->n, L = g->L, h = n / 2;
    int64_t nin = g->kind == 2 ? h + 1 : n, nout = g->kind == 1 ? h + 1 : n;
    bool paired = g->kind != 0 && n % 2 == 1; /* odd real lengths: two lines per transform */
    int64_t blk = V > 1 ? BLOCK : nin;
    /* gather, row block by row block across the lines */
    for (int64_t j0 = 0; j0 < nin; j0 += blk) {
        int64_t c = nin - j0 < blk ? nin - j0 : blk;
        for (int v = 0; v < V; v++) {
            cx *b = g->buf + v * L;
            int64_t at = oi[v] + j0 * g->is;
            if (g->kind == 0 || g->kind == 2) get_cx(g->in, at, g->is, c, b + j0);
            else if (!paired) get_re(g->in, at, g->is, c, (double *)b + j0, 1);
            else get_re(g->in, at, g->is, c, (double *)(g->buf + (v & ~1) * L) + 2 * j0 + (v & 1), 2);
        }
    }
    /* transform */
    for (int v = 0; v < V; v++) {
        cx *b = g->buf + v * L;
        if (g->kind == 0 && g->eh) {
            if (!g->eng->exec(g->eh, b, g->scratch, g->sign)) g->failed = true;
        } else if (g->kind == 0) {
            xp__fft_exec_c(g->plan, b, g->scratch, g->sign);
        } else if (!paired) {
            if (g->kind == 1) xp__fft_exec_r2c(g->plan, b, g->scratch);
            else xp__fft_exec_c2r(g->plan, b, g->scratch);
        } else if (v % 2 == 0) {
            bool two = v + 1 < V;
            if (g->kind == 1) { /* b = x + i y; then X into b[0..h], Y_k into b[n-k] */
                if (!two)
                    for (int64_t j = 0; j < n; j++) b[j].im = 0;
                xp__fft_exec_c(g->plan, b, g->scratch, -1);
                cx z0 = b[0];
                b[0] = (cx){z0.re, 0};
                b[n] = (cx){z0.im, 0};
                for (int64_t k = 1; k <= h; k++) {
                    cx zk = b[k], zj = b[n - k];
                    b[k] = (cx){0.5 * (zk.re + zj.re), 0.5 * (zk.im - zj.im)};
                    b[n - k] = (cx){0.5 * (zk.im + zj.im), 0.5 * (zj.re - zk.re)};
                }
            } else { /* Z = X + i Y over the Hermitian extensions */
                cx *y = b + L;
                for (int64_t k = 0; k <= h; k++) {
                    cx xk = b[k], yk = two ? y[k] : (cx){0, 0};
                    if (k == 0) xk.im = 0, yk.im = 0;
                    b[k] = (cx){xk.re - yk.im, xk.im + yk.re};
                    if (k) b[n - k] = (cx){xk.re + yk.im, -xk.im + yk.re};
                }
                xp__fft_exec_c(g->plan, b, g->scratch, +1);
            }
        }
    }
    /* scatter */
    for (int64_t j0 = 0; j0 < nout; j0 += (V > 1 ? BLOCK : nout)) {
        int64_t c = V > 1 ? (nout - j0 < BLOCK ? nout - j0 : BLOCK) : nout;
        for (int v = 0; v < V; v++) {
            cx *b = g->buf + v * L;
            int64_t at = oo[v] + j0 * g->os;
            if (g->kind == 0 || (g->kind == 1 && !paired)) put_cx(g->out, at, g->os, c, b + j0, 1);
            else if (g->kind == 2 && !paired) put_re(g->out, at, g->os, c, (double *)b + j0, 1);
            else if (g->kind == 1) {
                cx *p = g->buf + (v & ~1) * L;
                if (v % 2 == 0) put_cx(g->out, at, g->os, c, p + j0, 1);
                else put_cx(g->out, at, g->os, c, p + n - j0, -1);
            } else {
                put_re(g->out, at, g->os, c, (double *)(g->buf + (v & ~1) * L) + 2 * j0 + (v & 1), 2);
            }
        }
    }
}

/* One pass along `axis` over all lines: the lines are indexed by `nb` batch dims
 * (extent, input stride, output stride). kind: 0 c2c, 1 r2c, 2 c2r. Complex
 * lines whose length `eng` takes go through it instead of a portable plan. */
static xp_status pass(int kind, int sign, const side *in, const side *out, xp_fft_iodim axis, int nb,
                      const xp_fft_iodim *batch, const xp__fft_engine *eng) {
    int64_t n = axis.n, lines = 1;
    for (int d = 0; d < nb; d++) lines *= batch[d].n;
    bool half = kind != 0 && n % 2 == 0;
    xp__fft_plan *plan = NULL;
    void *eh = NULL;
    int64_t S;
    if (kind == 0 && eng && eng->takes(n)) {
        if (!(eh = eng->acquire(n))) return XP_ERR_NOMEM;
        S = n;
    } else {
        if (!(plan = xp__fft_plan_acquire(n, half))) return XP_ERR_NOMEM;
        S = xp__fft_plan_scratch(plan);
    }
    int64_t L = n + 1;
    int V = axis.is != 1 || axis.os != 1 ? MAX_LINES : 1;
    if (kind != 0 && !half && V < 2) V = 2;
    while (V > 2 && (V * L > (1 << 20) || V / 2 >= lines)) V /= 2; /* at most 16 MiB of lines */
    if (V == 2 && half && lines < 2) V = 1;
    size_t bytes = sizeof(cx) * (size_t)(V * L + S);
    cx *buf = xp_adapter_scratch(bytes); /* the caching allocator: no fresh pages per call */
    if (!buf) {
        if (plan) xp__fft_plan_release(plan);
        else eng->release(eh);
        return XP_ERR_NOMEM;
    }
    group g = {kind, sign, in, out, n, axis.is, axis.os, L, plan, buf, buf + V * L, eng, eh, false};
    int64_t idx[2 * XP_MAX_NDIM] = {0}, oi[MAX_LINES], oo[MAX_LINES];
    int got = 0;
    for (int64_t line = 0; line < lines && !g.failed; line++) {
        int64_t a = 0, b = 0;
        for (int d = 0; d < nb; d++) a += idx[d] * batch[d].is, b += idx[d] * batch[d].os;
        oi[got] = a, oo[got] = b;
        if (++got == V || line + 1 == lines) {
            run_group(&g, got, oi, oo);
            got = 0;
        }
        for (int d = nb - 1; d >= 0 && ++idx[d] == batch[d].n; d--) idx[d] = 0;
    }
    xp_adapter_scratch_free(buf, bytes);
    if (plan) xp__fft_plan_release(plan);
    else eng->release(eh);
    return g.failed ? XP_ERR_BACKEND : XP_OK;
}

xp_status xp__fft_portable_run(const xp_fft_problem *p, const xp__fft_engine *eng) {    if (p->precision != XP_FLOAT32 && p->precision != XP_FLOAT64) return XP_ERR_NOT_IMPLEMENTED;
    if (p->rank < 1 || p->howmany_rank < 0 || p->rank + p->howmany_rank > XP_MAX_NDIM)
        return XP_ERR_NOT_IMPLEMENTED;
    if (p->kind == XP_FFT_C2R && p->rank != 1) return XP_ERR_NOT_IMPLEMENTED;
    bool single = p->precision == XP_FLOAT32;
    side in = {(char *)(uintptr_t)p->in, single, p->kind != XP_FFT_R2C};
    side out = {p->out, single, p->kind != XP_FFT_C2R};
    side oo = {p->out, single, true}; /* later passes: in place on the complex output */
    xp_fft_iodim batch[2 * XP_MAX_NDIM];
    /* First pass: the last dim for R2C (the halved one), else dim 0; in -> out. */
    int first = p->kind == XP_FFT_R2C ? p->rank - 1 : 0;
    for (int pass_no = 0; pass_no < p->rank; pass_no++) {
        int d = pass_no == 0 ? first : (pass_no <= first ? pass_no - 1 : pass_no);
        int nb = 0;
        for (int e = 0; e < p->rank; e++) {
            if (e == d) continue;
            xp_fft_iodim b = p->dims[e];
            if (p->kind == XP_FFT_R2C && e == p->rank - 1) b.n = b.n / 2 + 1;
            if (pass_no > 0) b.is = b.os;
            batch[nb++] = b;
        }
        for (int h = 0; h < p->howmany_rank; h++) {
            xp_fft_iodim b = p->howmany[h];
            if (pass_no > 0) b.is = b.os;
            batch[nb++] = b;
        }
        xp_fft_iodim ax = p->dims[d];
        if (pass_no > 0) ax.is = ax.os;
        int kind = pass_no > 0 ? 0 : p->kind == XP_FFT_C2C ? 0 : p->kind == XP_FFT_R2C ? 1 : 2;
        xp_status st = pass(kind, p->sign, pass_no ? &oo : &in, pass_no ? &oo : &out, ax, nb, batch, eng);
        if (st != XP_OK) return st;
    }
    return XP_OK;
}

xp_status xp__reference_fft_execute(const xp_fft_problem *p) { return xp__fft_portable_run(p, NULL); }
