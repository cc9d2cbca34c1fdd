/* Plans of the portable FFT: factorization, twiddle tables, the Stockham
 * passes, Bluestein's algorithm, real transforms through a half-length complex
 * one, and the plan cache. See fft_plan.h. Cached plans stay on the C heap (they
 * outlive calls, and may outlive an allocator hook the program installs); the
 * temporaries of planning come from the hook. */
#include "fft_plan.h"

#include <xparray/adapter_util.h>

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef xp__cx cx;

enum { MAX_STAGES = 64, MAX_GENERIC = 1024, CACHE_SLOTS = 16 };

typedef struct stage {
    int64_t p, l1, ido;
    cx *tw;    /* (p-1)*(ido-1): tw[(m-1)*(ido-1) + i-1] = e^(2 pi i m l1 i / n) */
    cx *roots; /* generic factors: e^(2 pi i r / p), r < p */
} stage;

struct xp__fft_plan {
    int64_t n;
    bool real;
    int nst; /* direct complex plans */
    stage st[MAX_STAGES];
    xp__fft_plan *sub; /* Bluestein: the plan of length n2; real: of length n/2 */
    int64_t n2;
    cx *bk, *bkf; /* Bluestein: e^(i pi m^2/n), m < n; the spectrum of the conjugate chirp / n2 */
    cx *rw;       /* real: e^(-2 pi i k/n), k < n/2 */
    cx *mem;
    int64_t scratch;
    /* cache bookkeeping (under the cache lock) */
    int refs;
    bool cached;
    uint64_t used;
};

/* ---- exact roots of unity ---------------------------------------------------- */

/* t[r] = e^(2 pi i r/N), r < N, each from a long double sine/cosine of an angle
 * reduced to the first octant (or half turn). */
static void root_table(cx *t, int64_t N) {
    const long double tau = 6.283185307179586476925286766559L;
    if (N % 4 == 0) {
        int64_t q = N / 4;
        for (int64_t r = 0; r <= q / 2; r++) {
            long double a = tau * (long double)r / (long double)N;
            t[r] = (cx){(double)cosl(a), (double)sinl(a)};
        }
        for (int64_t r = q / 2 + 1; r <= q; r++) t[r] = (cx){t[q - r].im, t[q - r].re};
        for (int64_t r = q + 1; r <= 2 * q; r++) t[r] = (cx){-t[r - q].im, t[r - q].re};
    } else {
        for (int64_t r = 0; r <= N / 2; r++) {
            long double a = tau * (long double)r / (long double)N;
            t[r] = (cx){(double)cosl(a), (double)sinl(a)};
        }
    }
    for (int64_t r = N / 2 + 1; r < N; r++) t[r] = (cx){t[N - r].re, -t[N - r].im};
}

/* ---- the passes -------------------------------------------------------------- */

/* One Stockham pass of factor P: for every k < l1 and i < ido, the P inputs
 * CC(i, 0..P, k) go through a DFT of order P (direction sg), output m is
 * multiplied by the twiddle e^(sg 2 pi i m l1 i/n) and stored at CH(i, k, m). */
#define CC(i, m, k) cc[(i) + ido * ((m) + P * (k))]
#define CH(i, k, m) ch[(i) + ido * ((k) + l1 * (m))]
#define WA(x, i) wa[(i) - 1 + (x) * (ido - 1)]

static inline cx add(cx a, cx b) { return (cx){a.re + b.re, a.im + b.im}; }
static inline cx sub(cx a, cx b) { return (cx){a.re - b.re, a.im - b.im}; }
/* a * (w.re + i sg w.im) */
static inline cx twm(cx a, cx w, double sg) {
    double wi = sg * w.im;
    return (cx){a.re * w.re - a.im * wi, a.re * wi + a.im * w.re};
}
static inline cx cmul(cx a, cx b) { return (cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
static inline cx conj_(cx a) { return (cx){a.re, -a.im}; }

static inline __attribute__((always_inline)) void pass2(int64_t ido, int64_t l1, const cx *restrict cc, cx *restrict ch, const cx *restrict wa,
                  double sg) {
    enum { P = 2 };
    for (int64_t k = 0; k < l1; k++) {
        CH(0, k, 0) = add(CC(0, 0, k), CC(0, 1, k));
        CH(0, k, 1) = sub(CC(0, 0, k), CC(0, 1, k));
        for (int64_t i = 1; i < ido; i++) {
            CH(i, k, 0) = add(CC(i, 0, k), CC(i, 1, k));
            CH(i, k, 1) = twm(sub(CC(i, 0, k), CC(i, 1, k)), WA(0, i), sg);
        }
    }
}

/* Each pass: i = 0 (no twiddles) apart from the rest, so the inner loop has no
 * branch. BODY(i, tw) computes the butterfly at (i, k) and stores output m
 * through STORE(i, m, y), twiddled when tw is true. */
#define STORE(i, m, y, tw) CH(i, k, m) = (tw) ? twm(y, WA((m) - 1, i), sg) : (y)
#define LOOPS(BODY)                                                                                \
    for (int64_t k = 0; k < l1; k++) {                                                             \
        BODY(0, false);                                                                            \
        for (int64_t i = 1; i < ido; i++) BODY(i, true);                                           \
    }

static inline __attribute__((always_inline)) void pass3(int64_t ido, int64_t l1, const cx *restrict cc,
                                                        cx *restrict ch, const cx *restrict wa, double sg) {
    enum { P = 3 };
    const double s3 = sg * 0.86602540378443864676372317075294;
#define B3(i, tw)                                                                                  \
    do {                                                                                           \
        cx a0 = CC(i, 0, k), a1 = CC(i, 1, k), a2 = CC(i, 2, k);                                   \
        cx t1 = add(a1, a2), t2 = sub(a1, a2);                                                     \
        cx ca = {a0.re - 0.5 * t1.re, a0.im - 0.5 * t1.im}, cb = {-s3 * t2.im, s3 * t2.re};        \
        CH(i, k, 0) = add(a0, t1);                                                                 \
        STORE(i, 1, add(ca, cb), tw);                                                              \
        STORE(i, 2, sub(ca, cb), tw);                                                              \
    } while (0)
    LOOPS(B3)
#undef B3
}

static inline __attribute__((always_inline)) void pass4(int64_t ido, int64_t l1, const cx *restrict cc,
                                                        cx *restrict ch, const cx *restrict wa, double sg) {
    enum { P = 4 };
#define B4(i, tw)                                                                                  \
    do {                                                                                           \
        cx a0 = CC(i, 0, k), a1 = CC(i, 1, k), a2 = CC(i, 2, k), a3 = CC(i, 3, k);                 \
        cx t0 = add(a0, a2), t1 = sub(a0, a2), t2 = add(a1, a3), d = sub(a1, a3);                  \
        cx t3 = {-sg * d.im, sg * d.re}; /* (a1 - a3) e^(sg i pi/2) */                             \
        CH(i, k, 0) = add(t0, t2);                                                                 \
        STORE(i, 1, add(t1, t3), tw);                                                              \
        STORE(i, 2, sub(t0, t2), tw);                                                              \
        STORE(i, 3, sub(t1, t3), tw);                                                              \
    } while (0)
    LOOPS(B4)
#undef B4
}

static inline __attribute__((always_inline)) void pass5(int64_t ido, int64_t l1, const cx *restrict cc,
                                                        cx *restrict ch, const cx *restrict wa, double sg) {
    enum { P = 5 };
    const double c1 = 0.30901699437494742410229341718282, s1 = sg * 0.95105651629515357211643933337938,
                 c2 = -0.80901699437494742410229341718282, s2 = sg * 0.58778525229247312916870595463907;
#define B5(i, tw)                                                                                  \
    do {                                                                                           \
        cx a0 = CC(i, 0, k), a1 = CC(i, 1, k), a2 = CC(i, 2, k), a3 = CC(i, 3, k), a4 = CC(i, 4, k); \
        cx t1 = add(a1, a4), t4 = sub(a1, a4), t2 = add(a2, a3), t3 = sub(a2, a3);                 \
        cx ca1 = {a0.re + c1 * t1.re + c2 * t2.re, a0.im + c1 * t1.im + c2 * t2.im};               \
        cx cb1 = {-(s1 * t4.im + s2 * t3.im), s1 * t4.re + s2 * t3.re}; /* i (s1 t4 + s2 t3) */    \
        cx ca2 = {a0.re + c2 * t1.re + c1 * t2.re, a0.im + c2 * t1.im + c1 * t2.im};               \
        cx cb2 = {-(s2 * t4.im - s1 * t3.im), s2 * t4.re - s1 * t3.re}; /* i (s2 t4 - s1 t3) */    \
        CH(i, k, 0) = (cx){a0.re + t1.re + t2.re, a0.im + t1.im + t2.im};                          \
        STORE(i, 1, add(ca1, cb1), tw);                                                            \
        STORE(i, 2, add(ca2, cb2), tw);                                                            \
        STORE(i, 3, sub(ca2, cb2), tw);                                                            \
        STORE(i, 4, sub(ca1, cb1), tw);                                                            \
    } while (0)
    LOOPS(B5)
#undef B5
}

static inline __attribute__((always_inline)) void pass7(int64_t ido, int64_t l1, const cx *restrict cc,
                                                        cx *restrict ch, const cx *restrict wa, double sg) {
    enum { P = 7 };
    const double c1 = 0.62348980185873353052500488400424, s1 = sg * 0.78183148246802980870844452667406,
                 c2 = -0.22252093395631440428890256449679, s2 = sg * 0.97492791218182360701813168299393,
                 c3 = -0.90096886790241912623610231950745, s3 = sg * 0.43388373911755812047576833284836;
#define R7(i, tw, m, ca, cb, cc_, sa, sb, sc)                                                           \
    do {                                                                                           \
        cx A = {a0.re + ca * t1.re + cb * t2.re + cc_ * t3.re, a0.im + ca * t1.im + cb * t2.im + cc_ * t3.im}; \
        cx B = {sa * u1.re + sb * u2.re + sc * u3.re, sa * u1.im + sb * u2.im + sc * u3.im};       \
        STORE(i, m, ((cx){A.re - B.im, A.im + B.re}), tw);                                         \
        STORE(i, 7 - m, ((cx){A.re + B.im, A.im - B.re}), tw);                                     \
    } while (0)
#define B7(i, tw)                                                                                  \
    do {                                                                                           \
        cx a0 = CC(i, 0, k);                                                                       \
        cx t1 = add(CC(i, 1, k), CC(i, 6, k)), u1 = sub(CC(i, 1, k), CC(i, 6, k));                 \
        cx t2 = add(CC(i, 2, k), CC(i, 5, k)), u2 = sub(CC(i, 2, k), CC(i, 5, k));                 \
        cx t3 = add(CC(i, 3, k), CC(i, 4, k)), u3 = sub(CC(i, 3, k), CC(i, 4, k));                 \
        CH(i, k, 0) = (cx){a0.re + t1.re + t2.re + t3.re, a0.im + t1.im + t2.im + t3.im};          \
        R7(i, tw, 1, c1, c2, c3, s1, s2, s3);                                                             \
        R7(i, tw, 2, c2, c3, c1, s2, -s3, -s1);                                                           \
        R7(i, tw, 3, c3, c1, c2, s3, -s1, s2);                                                            \
    } while (0)
    LOOPS(B7)
#undef B7
#undef R7
}

/* Any odd factor P: y_m and y_(P-m) from the sums and differences of the
 * symmetric input pairs, (P-1)^2/4 complex-by-real products per pair of outputs. */
static inline __attribute__((always_inline)) void passg(int64_t P, int64_t ido, int64_t l1, const cx *restrict cc, cx *restrict ch,
                  const cx *restrict wa, const cx *restrict roots, double sg) {
    int64_t h = (P - 1) / 2;
    cx s[MAX_GENERIC / 2 + 1], d[MAX_GENERIC / 2 + 1];
    for (int64_t k = 0; k < l1; k++) {
        for (int64_t i = 0; i < ido; i++) {
            cx a0 = CC(i, 0, k), y0 = a0;
            for (int64_t j = 1; j <= h; j++) {
                cx u = CC(i, j, k), v = CC(i, P - j, k);
                s[j] = add(u, v);
                d[j] = sub(u, v);
                y0 = add(y0, s[j]);
            }
            CH(i, k, 0) = y0;
            for (int64_t m = 1; m <= h; m++) {
                cx A = a0, B = {0, 0};
                int64_t idx = 0;
                for (int64_t j = 1; j <= h; j++) {
                    idx += m;
                    if (idx >= P) idx -= P;
                    double c = roots[idx].re, sn = roots[idx].im;
                    A.re += s[j].re * c;
                    A.im += s[j].im * c;
                    B.re += d[j].re * sn;
                    B.im += d[j].im * sn;
                }
                cx ym = {A.re - sg * B.im, A.im + sg * B.re}, yp = {A.re + sg * B.im, A.im - sg * B.re};
                if (i > 0) {
                    ym = twm(ym, WA(m - 1, i), sg);
                    yp = twm(yp, WA(P - m - 1, i), sg);
                }
                CH(i, k, m) = ym;
                CH(i, k, P - m) = yp;
            }
        }
    }
}

#undef CC
#undef CH
#undef WA
#undef STORE
#undef LOOPS

/* The passes specialised per direction, so that the sign folds into constants. */
#define DIRECTED(name, sg)                                                                         \
    static void name##_##sg(const stage *st, const cx *cc, cx *ch) {                             \
        double s = sg == 0 ? -1.0 : 1.0;                                                           \
        switch (st->p) {                                                                           \
        case 2: pass2(st->ido, st->l1, cc, ch, st->tw, s); break;                                  \
        case 3: pass3(st->ido, st->l1, cc, ch, st->tw, s); break;                                  \
        case 4: pass4(st->ido, st->l1, cc, ch, st->tw, s); break;                                  \
        case 5: pass5(st->ido, st->l1, cc, ch, st->tw, s); break;                                  \
        case 7: pass7(st->ido, st->l1, cc, ch, st->tw, s); break;                                  \
        case 11: passg(11, st->ido, st->l1, cc, ch, st->tw, st->roots, s); break;                  \
        default: passg(st->p, st->ido, st->l1, cc, ch, st->tw, st->roots, s); break;               \
        }                                                                                          \
    }
DIRECTED(run_stage, 0)
DIRECTED(run_stage, 1)
#undef DIRECTED

/* ---- plans ------------------------------------------------------------------- */

static double cost_guess(int64_t n) {
    double r = 0;
    int64_t ni = n;
    while (n % 2 == 0) r += 2, n /= 2;
    for (int64_t x = 3; x * x <= n; x += 2)
        while (n % x == 0) r += x <= 5 ? (double)x : 1.1 * (double)x, n /= x;
    if (n > 1) r += n <= 5 ? (double)n : 1.1 * (double)n;
    return r * (double)ni;
}

static int64_t largest_prime_factor(int64_t n) {
    int64_t r = 1;
    while (n % 2 == 0) r = 2, n /= 2;
    for (int64_t x = 3; x * x <= n; x += 2)
        while (n % x == 0) r = x, n /= x;
    return n > 1 ? n : r;
}

/* The smallest 2^a 3^b 5^c >= n. */
static int64_t good_size(int64_t n) {
    int64_t best = 1;
    while (best < n) best *= 2;
    for (int64_t f5 = 1; f5 < best; f5 *= 5)
        for (int64_t f35 = f5; f35 < best; f35 *= 3) {
            int64_t x = f35;
            while (x < n) x *= 2;
            if (x < best) best = x;
        }
    return best;
}

static void plan_free(xp__fft_plan *p) {
    if (!p) return;
    plan_free(p->sub);
    free(p->mem);
    free(p);
}

static xp__fft_plan *make_plan(int64_t n, bool real);

static bool make_direct(xp__fft_plan *p) {
    int64_t n = p->n, m = n, f[MAX_STAGES];
    int nf = 0;
    while (m % 4 == 0) f[nf++] = 4, m /= 4;
    if (m % 2 == 0) { /* the lone 2 goes first */
        m /= 2;
        f[nf++] = 2;
        int64_t t = f[0];
        f[0] = f[nf - 1], f[nf - 1] = t;
    }
    for (int64_t x = 3; x * x <= m; x += 2)
        while (m % x == 0) f[nf++] = x, m /= x;
    if (m > 1) f[nf++] = m;
    int64_t tws = 0, l1 = 1;
    for (int s = 0; s < nf; s++) {
        int64_t ido = n / (l1 * f[s]);
        tws += (f[s] - 1) * (ido - 1) + (f[s] > 5 ? f[s] : 0);
        l1 *= f[s];
    }
    cx *full = xp_adapter_scratch(sizeof(cx) * (size_t)n);
    p->mem = malloc(sizeof(cx) * (size_t)(tws > 0 ? tws : 1));
    if (!full || !p->mem) {
        xp_adapter_scratch_free(full, sizeof(cx) * (size_t)n);
        return false;
    }
    root_table(full, n);
    cx *w = p->mem;
    l1 = 1;
    for (int s = 0; s < nf; s++) {
        int64_t P = f[s], ido = n / (l1 * P);
        stage *st = &p->st[s];
        *st = (stage){P, l1, ido, w, NULL};
        for (int64_t x = 1; x < P; x++)
            for (int64_t i = 1; i < ido; i++) *w++ = full[(x * l1 * i) % n];
        if (P > 5) {
            st->roots = w;
            for (int64_t r = 0; r < P; r++) *w++ = full[r * (n / P)];
        }
        l1 *= P;
    }
    p->nst = nf;
    p->scratch = n;
    xp_adapter_scratch_free(full, sizeof(cx) * (size_t)n);
    return true;
}

static bool make_bluestein(xp__fft_plan *p) {
    int64_t n = p->n, n2 = good_size(2 * n - 1);
    p->n2 = n2;
    p->sub = make_plan(n2, false);
    if (!p->sub) return false;
    p->mem = malloc(sizeof(cx) * (size_t)(n + n2));
    size_t tmp_bytes = sizeof(cx) * (size_t)p->sub->scratch;
    cx *tmp = xp_adapter_scratch(tmp_bytes);
    if (!p->mem || !tmp) {
        xp_adapter_scratch_free(tmp, tmp_bytes);
        return false;
    }
    p->bk = p->mem;
    p->bkf = p->mem + n;
    const long double pi = 3.14159265358979323846264338327950288L;
    int64_t r = 0; /* m^2 mod 2n */
    for (int64_t m = 0; m < n; m++) {
        int64_t rr = r <= n ? r : r - 2 * n; /* angle in (-pi, pi] */
        long double a = pi * (long double)rr / (long double)n;
        p->bk[m] = (cx){(double)cosl(a), (double)sinl(a)};
        r += 2 * m + 1;
        while (r >= 2 * n) r -= 2 * n;
    }
    cx *b = p->bkf;
    double sc = 1.0 / (double)n2;
    for (int64_t m = 0; m < n2; m++) b[m] = (cx){0, 0};
    b[0] = (cx){p->bk[0].re * sc, -p->bk[0].im * sc};
    for (int64_t m = 1; m < n; m++) b[m] = b[n2 - m] = (cx){p->bk[m].re * sc, -p->bk[m].im * sc};
    xp__fft_exec_c(p->sub, b, tmp, -1);
    xp_adapter_scratch_free(tmp, tmp_bytes);
    p->scratch = n2 + p->sub->scratch;
    return true;
}

static bool make_real(xp__fft_plan *p) {
    int64_t n = p->n, h = n / 2;
    p->sub = make_plan(h, false);
    cx *full = xp_adapter_scratch(sizeof(cx) * (size_t)n);
    p->mem = malloc(sizeof(cx) * (size_t)h);
    if (!p->sub || !full || !p->mem) {
        xp_adapter_scratch_free(full, sizeof(cx) * (size_t)n);
        return false;
    }
    root_table(full, n);
    p->rw = p->mem;
    for (int64_t k = 0; k < h; k++) p->rw[k] = (cx){full[k].re, -full[k].im};
    xp_adapter_scratch_free(full, sizeof(cx) * (size_t)n);
    p->scratch = p->sub->scratch;
    return true;
}

static xp__fft_plan *make_plan(int64_t n, bool real) {
    xp__fft_plan *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->n = n;
    p->real = real;
    bool ok;
    if (real) {
        ok = make_real(p);
    } else if (n == 1) {
        p->scratch = 1;
        ok = true;
    } else {
        int64_t lpf = largest_prime_factor(n);
        bool blue = lpf > MAX_GENERIC ||
                    (n >= 50 && lpf > 5 && 3.0 * cost_guess(good_size(2 * n - 1)) < cost_guess(n));
        ok = blue ? make_bluestein(p) : make_direct(p);
    }
    if (!ok) {
        plan_free(p);
        return NULL;
    }
    return p;
}

int64_t xp__fft_plan_scratch(const xp__fft_plan *p) { return p->scratch; }

/* ---- execution --------------------------------------------------------------- */

void xp__fft_exec_c(const xp__fft_plan *p, cx *data, cx *scratch, int sign) {
    int64_t n = p->n;
    if (n == 1) return;
    if (p->bk) { /* Bluestein, computed as the backward transform (forward by conjugation) */
        int64_t n2 = p->n2;
        cx *a = scratch;
        const cx *bk = p->bk, *bkf = p->bkf;
        for (int64_t m = 0; m < n; m++) a[m] = cmul(sign > 0 ? data[m] : conj_(data[m]), bk[m]);
        memset(a + n, 0, sizeof(cx) * (size_t)(n2 - n));
        xp__fft_exec_c(p->sub, a, scratch + n2, -1);
        for (int64_t m = 0; m < n2; m++) a[m] = cmul(a[m], bkf[m]);
        xp__fft_exec_c(p->sub, a, scratch + n2, +1);
        for (int64_t m = 0; m < n; m++) {
            cx y = cmul(a[m], bk[m]);
            data[m] = sign > 0 ? y : conj_(y);
        }
        return;
    }
    cx *src = data, *dst = scratch;
    for (int s = 0; s < p->nst; s++) {
        if (sign < 0) run_stage_0(&p->st[s], src, dst);
        else run_stage_1(&p->st[s], src, dst);
        cx *t = src;
        src = dst, dst = t;
    }
    if (src != data) memcpy(data, src, sizeof(cx) * (size_t)n);
}

void xp__fft_exec_r2c(const xp__fft_plan *p, cx *data, cx *scratch) {
    int64_t h = p->n / 2;
    xp__fft_exec_c(p->sub, data, scratch, -1);
    cx z0 = data[0];
    data[0] = (cx){z0.re + z0.im, 0};
    data[h] = (cx){z0.re - z0.im, 0};
    for (int64_t k = 1; k <= h - k; k++) {
        int64_t j = h - k;
        cx zk = data[k], zj = data[j];
        cx e = {0.5 * (zk.re + zj.re), 0.5 * (zk.im - zj.im)};
        cx d = {0.5 * (zk.re - zj.re), 0.5 * (zk.im + zj.im)}; /* (zk - conj zj)/2 */
        cx o = {d.im, -d.re};                                   /* d / i */
        cx t = cmul(o, p->rw[k]);
        data[j] = (cx){e.re - t.re, -(e.im - t.im)};
        data[k] = add(e, t);
    }
}

void xp__fft_exec_c2r(const xp__fft_plan *p, cx *data, cx *scratch) {
    int64_t h = p->n / 2;
    double x0 = data[0].re, xh = data[h].re;
    data[0] = (cx){x0 + xh, x0 - xh};
    for (int64_t k = 1; k <= h - k; k++) {
        int64_t j = h - k;
        cx xk = data[k], xj = data[j];
        cx s = {xk.re + xj.re, xk.im - xj.im}; /* xk + conj xj */
        cx d = {xk.re - xj.re, xk.im + xj.im}; /* xk - conj xj */
        cx u = cmul(d, conj_(p->rw[k]));
        data[j] = (cx){s.re + u.im, -s.im + u.re};
        data[k] = (cx){s.re - u.im, s.im + u.re};
    }
    xp__fft_exec_c(p->sub, data, scratch, +1);
}

/* ---- the cache: bounded, least recently used first out; plans in use when
 * evicted are freed by their last release ------------------------------------ */

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static xp__fft_plan *cache[CACHE_SLOTS];
static uint64_t cache_tick;

static xp__fft_plan *lookup(int64_t n, bool real) {
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (cache[i] && cache[i]->n == n && cache[i]->real == real) {
            cache[i]->refs++;
            cache[i]->used = ++cache_tick;
            return cache[i];
        }
    return NULL;
}

xp__fft_plan *xp__fft_plan_acquire(int64_t n, bool real) {
    pthread_mutex_lock(&cache_lock);
    xp__fft_plan *p = lookup(n, real);
    pthread_mutex_unlock(&cache_lock);
    if (p) return p;
    xp__fft_plan *fresh = make_plan(n, real); /* outside the lock: planning may take long */
    if (!fresh) return NULL;
    pthread_mutex_lock(&cache_lock);
    p = lookup(n, real); /* another thread may have made it meanwhile */
    if (p) {
        pthread_mutex_unlock(&cache_lock);
        plan_free(fresh);
        return p;
    }
    fresh->refs = 1;
    fresh->used = ++cache_tick;
    int victim = 0; /* an empty slot, else the least recently used */
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (!cache[i]) {
            victim = i;
            break;
        }
        if (cache[i]->used < cache[victim]->used) victim = i;
    }
    xp__fft_plan *old = cache[victim];
    if (old) {
        old->cached = false;
        if (old->refs > 0) old = NULL; /* its last user frees it */
    }
    cache[victim] = fresh;
    fresh->cached = true;
    pthread_mutex_unlock(&cache_lock);
    plan_free(old);
    return fresh;
}

void xp__fft_plan_release(xp__fft_plan *p) {
    pthread_mutex_lock(&cache_lock);
    bool drop = --p->refs == 0 && !p->cached;
    pthread_mutex_unlock(&cache_lock);
    if (drop) plan_free(p);
}
