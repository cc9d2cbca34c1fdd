/* The portable FFT of the reference adapter: any length in O(n log n).
 *
 * Lengths whose factors are all 2, 3 and 5 run a recursive mixed-radix
 * decimation in time (radix 4 first, then 2, 3, 5, each butterfly a small direct
 * DFT with exact twiddles from one table per call); every other length runs
 * Bluestein's chirp-z algorithm over a power-of-two convolution. Arithmetic is in
 * double for both precisions (float32 data is converted on the way in and out).
 * Batches and multi-dimensional problems are done line by line: each line is
 * gathered into a contiguous buffer, transformed and scattered back, so any
 * strides (negative included) work. Every buffer comes from the allocator hook
 * (xp_adapter_scratch). */
#include "reference.h"

#include <xparray/adapter_util.h>

#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct { double re, im; } cx;

/* n complex values of scratch (zeroed when asked), through the allocator hook. */
static cx *cx_alloc(int64_t n, bool zero) {
    cx *p = xp_adapter_scratch(sizeof(cx) * (size_t)n);
    if (p && zero) memset(p, 0, sizeof(cx) * (size_t)n);
    return p;
}
static void cx_free(cx *p, int64_t n) { xp_adapter_scratch_free(p, sizeof(cx) * (size_t)n); }

static inline cx cmul(cx a, cx b) { return (cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

static bool smooth(int64_t n) {
    while (n % 2 == 0) n /= 2;
    while (n % 3 == 0) n /= 3;
    while (n % 5 == 0) n /= 5;
    return n == 1;
}

/* tw[j] = e^(sign 2 pi i j / N), j < N. */
static void twiddles(cx *tw, int64_t N, int sign) {
    const double tau = 6.283185307179586476925286766559;
    for (int64_t j = 0; j < N; j++) {
        double a = sign * tau * (double)j / (double)N;
        tw[j] = (cx){cos(a), sin(a)};
    }
}

/* out[0..n) = DFT of in[0], in[s], ..., for n | N; tw is the table of N
 * (direction `sign`) with n = N / ts. */
static void rec(const cx *in, int64_t s, cx *out, int64_t n, const cx *tw, int64_t ts, int sign) {
    if (n == 1) {
        out[0] = in[0];
        return;
    }
    int64_t p = n % 4 == 0 ? 4 : n % 2 == 0 ? 2 : n % 3 == 0 ? 3 : 5;
    int64_t m = n / p;
    for (int64_t q = 0; q < p; q++) rec(in + q * s, s * p, out + q * m, m, tw, ts * p, sign);
    if (p == 2) {
        for (int64_t k = 0; k < m; k++) {
            cx a = out[k], b = cmul(out[m + k], tw[k * ts]);
            out[k] = (cx){a.re + b.re, a.im + b.im};
            out[m + k] = (cx){a.re - b.re, a.im - b.im};
        }
        return;
    }
    if (p == 4) {
        double sg = sign;
        for (int64_t k = 0; k < m; k++) {
            cx a0 = out[k], a1 = cmul(out[m + k], tw[k * ts]);
            cx a2 = cmul(out[2 * m + k], tw[2 * k * ts]), a3 = cmul(out[3 * m + k], tw[3 * k * ts]);
            cx t0 = {a0.re + a2.re, a0.im + a2.im}, t1 = {a0.re - a2.re, a0.im - a2.im};
            cx t2 = {a1.re + a3.re, a1.im + a3.im};
            cx t3 = {-sg * (a1.im - a3.im), sg * (a1.re - a3.re)}; /* (a1 - a3) e^(sign i pi/2) */
            out[k] = (cx){t0.re + t2.re, t0.im + t2.im};
            out[m + k] = (cx){t1.re + t3.re, t1.im + t3.im};
            out[2 * m + k] = (cx){t0.re - t2.re, t0.im - t2.im};
            out[3 * m + k] = (cx){t1.re - t3.re, t1.im - t3.im};
        }
        return;
    }
    /* radix 3 or 5: a direct DFT of order p per butterfly; q*k*ts < N always */
    int64_t N = n * ts;
    cx root[5];
    for (int64_t r = 0; r < p; r++) root[r] = tw[(N / p) * r];
    for (int64_t k = 0; k < m; k++) {
        cx t[5];
        for (int64_t q = 0; q < p; q++) t[q] = q ? cmul(out[q * m + k], tw[q * k * ts]) : out[k];
        for (int64_t r = 0; r < p; r++) {
            cx acc = t[0];
            for (int64_t q = 1, qr = r; q < p; q++, qr = (qr + r) % p) {
                cx v = cmul(t[q], root[qr]);
                acc.re += v.re;
                acc.im += v.im;
            }
            out[r * m + k] = acc;
        }
    }
}

/* One 1-D transform of length n in place on buf, with scratch as needed.
 * Returns false when memory runs out. */
static bool dft_line(cx *buf, int64_t n, int sign) {
    if (n == 1) return true;
    if (smooth(n)) {
        cx *tw = cx_alloc(n, false), *tmp = cx_alloc(n, false);
        bool ok = tw && tmp;
        if (ok) {
            twiddles(tw, n, sign);
            rec(buf, 1, tmp, n, tw, 1, sign);
            memcpy(buf, tmp, sizeof(cx) * (size_t)n);
        }
        cx_free(tw, n);
        cx_free(tmp, n);
        return ok;
    }
    /* Bluestein: X_k = c_k sum_j (x_j c_j) d_(k-j), c_k = e^(s pi i k^2/n), d = conj(c). */
    int64_t M = 1;
    while (M < 2 * n - 1) M *= 2;
    cx *c = cx_alloc(n, false), *a = cx_alloc(M, true), *b = cx_alloc(M, true);
    bool ok = c && a && b;
    if (ok) {
        const double pi = 3.14159265358979323846264338327950288;
        for (int64_t k = 0; k < n; k++) {
            unsigned __int128 k2 = (unsigned __int128)k * (unsigned __int128)k % (unsigned __int128)(2 * n);
            double ang = sign * pi * (double)(int64_t)k2 / (double)n;
            c[k] = (cx){cos(ang), sin(ang)};
            a[k] = cmul(buf[k], c[k]);
            b[k] = (cx){c[k].re, -c[k].im};
            if (k) b[M - k] = b[k];
        }
        ok = dft_line(a, M, -1) && dft_line(b, M, -1);
        if (ok) {
            for (int64_t i = 0; i < M; i++) a[i] = cmul(a[i], b[i]);
            ok = dft_line(a, M, +1);
        }
        if (ok)
            for (int64_t k = 0; k < n; k++) {
                cx v = cmul(a[k], c[k]);
                buf[k] = (cx){v.re / (double)M, v.im / (double)M};
            }
    }
    cx_free(c, n);
    cx_free(a, M);
    cx_free(b, M);
    return ok;
}

/* ---- gathering lines out of strided arrays --------------------------------- */

typedef struct side {
    char *base;
    bool single, complex_;
} side;

static cx load(const side *s, int64_t i) {
    if (s->complex_)
        return s->single ? (cx){((float *)s->base)[2 * i], ((float *)s->base)[2 * i + 1]}
                         : (cx){((double *)s->base)[2 * i], ((double *)s->base)[2 * i + 1]};
    return (cx){s->single ? ((float *)s->base)[i] : ((double *)s->base)[i], 0};
}

static void store(const side *s, int64_t i, cx v) {
    if (s->complex_) {
        if (s->single)
            ((float *)s->base)[2 * i] = (float)v.re, ((float *)s->base)[2 * i + 1] = (float)v.im;
        else
            ((double *)s->base)[2 * i] = v.re, ((double *)s->base)[2 * i + 1] = v.im;
    } else if (s->single) {
        ((float *)s->base)[i] = (float)v.re;
    } else {
        ((double *)s->base)[i] = v.re;
    }
}

/* One pass along `axis` over all lines: the lines are indexed by `nb` batch dims
 * (extent, input stride, output stride). kind: 0 c2c, 1 r2c, 2 c2r. */
static bool pass(int kind, int sign, const side *in, const side *out, xp_fft_iodim axis, int nb,
                 const xp_fft_iodim *batch) {
    int64_t n = axis.n, nin = kind == 2 ? n / 2 + 1 : n, nout = kind == 1 ? n / 2 + 1 : n;
    cx *buf = cx_alloc(n, false);
    if (!buf) return false;
    int64_t idx[2 * XP_MAX_NDIM] = {0};
    bool ok = true;
    for (;;) {
        int64_t oi = 0, oo = 0;
        for (int d = 0; d < nb; d++) oi += idx[d] * batch[d].is, oo += idx[d] * batch[d].os;
        for (int64_t j = 0; j < nin; j++) buf[j] = load(in, oi + j * axis.is);
        if (kind == 2) { /* the Hermitian extension; imaginary parts of the ends dropped */
            buf[0].im = 0;
            if (n % 2 == 0) buf[n / 2].im = 0;
            for (int64_t j = nin; j < n; j++) buf[j] = (cx){buf[n - j].re, -buf[n - j].im};
        }
        if (!(ok = dft_line(buf, n, sign))) break;
        for (int64_t j = 0; j < nout; j++) store(out, oo + j * axis.os, buf[j]);
        int d = nb - 1;
        while (d >= 0 && ++idx[d] == batch[d].n) idx[d--] = 0;
        if (d < 0) break;
    }
    cx_free(buf, n);
    return ok;
}

xp_status xp__reference_fft_execute(const xp_fft_problem *p) {
    if (p->precision != XP_FLOAT32 && p->precision != XP_FLOAT64) return XP_ERR_NOT_IMPLEMENTED;
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
        if (!pass(kind, p->sign, pass_no ? &oo : &in, pass_no ? &oo : &out, ax, nb, batch))
            return XP_ERR_NOMEM;
    }
    return XP_OK;
}
