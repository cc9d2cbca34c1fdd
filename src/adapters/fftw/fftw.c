/* The fftw adapter: FFTW 3's guru64 interface (double: libfftw3, single:
 * libfftw3f) behind the fft slots.
 *
 * Plans are cached, keyed by (kind, precision, sign, dims and strides, batch dims
 * and strides, alignment of both arrays, in place or not, planner flags), so repeated transforms of
 * one layout never re-plan: a hit costs a short locked table scan, then the
 * new-array execute functions (fftw_execute_dft & co.) run unlocked, concurrently.
 * FFTW's planner (plan creation, destruction, wisdom, time limit) is not
 * thread-safe: every call into it is serialised by one mutex (planner_lock); the
 * table has its own short-held lock, so a cache hit never waits for another
 * thread's planning. An evicted plan is destroyed by its last user. ESTIMATE plans are made on the caller's arrays
 * (FFTW does not touch them then); measured plans on scratch arrays of the same
 * layout and alignment, so the caller's input is never overwritten during
 * planning. Inputs are preserved (FFTW_PRESERVE_INPUT) unless the core hands
 * over a temporary it owns (destroy_input). Under the default (ESTIMATE) planner,
 * large multi-axis and strided problems run axis by axis through blocked column
 * copies (see run_by_axes).
 *
 * Memory. The adapter's own buffers (planning scratch, column blocks, wisdom
 * forms) come from the allocator hook (xp_adapter_scratch). FFTW allocates its
 * plans, twiddle tables and execution buffers itself, with malloc, and aborts the
 * process when one fails (its assertion in kernel/alloc.c); it has no hook and no
 * way to fail softly. So before FFTW plans or runs a problem the adapter probes
 * for a bound of what FFTW may allocate for it (see fftw_bound and probe): when
 * the probe fails, the problem is passed down (XP_ERR_NOT_IMPLEMENTED) to the
 * portable transform, which allocates through the hook and answers
 * XP_ERR_NOMEM cleanly if it cannot have its memory either. A probe is a check,
 * not a reservation: another thread may take the memory between the probe and
 * FFTW's allocation, so it makes an abort unlikely, not impossible. The plan
 * table's records live with FFTW's plans (until evicted, possibly long after the
 * call and after the program changed its hook), so they come from malloc too. */
#include <fftw3.h> /* before anything that may include <complex.h> */

#include <xparray.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <xparray.h>
#include <xparray/adapter_util.h>
#include "fftw.h"

/* planner_lock: every call into FFTW's planner (create, destroy, wisdom, time
 * limit). table_lock: the plan table, users counts, effort_flags. */
static pthread_mutex_t planner_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned effort_flags = FFTW_ESTIMATE; /* guarded by table_lock */

enum { KEY_HEAD = 10, KEY_MAX = KEY_HEAD + 6 * XP_MAX_NDIM, CACHE_SLOTS = 64 };

typedef struct entry {
    int64_t key[KEY_MAX];
    int keylen;
    bool single;
    bool live;     /* still in the table */
    int64_t users; /* executions in flight */
    uint64_t stamp;
    void *plan;    /* fftw_plan or fftwf_plan */
} entry;

static entry *table[CACHE_SLOTS]; /* guarded by table_lock */
static uint64_t clock_ticks;

static void destroy(entry *e) { /* planner_lock held */
    if (e->single)
        fftwf_destroy_plan((fftwf_plan)e->plan);
    else
        fftw_destroy_plan((fftw_plan)e->plan);
    free(e);
}

static int64_t align_of(const void *p, bool single) {
    return single ? fftwf_alignment_of((float *)(uintptr_t)p)
                  : fftw_alignment_of((double *)(uintptr_t)p);
}

static unsigned flags_for(const xp_fft_problem *p, unsigned effort) {
    unsigned f = effort;
    f |= p->destroy_input ? FFTW_DESTROY_INPUT : FFTW_PRESERVE_INPUT;
    return f;
}

static int build_key(const xp_fft_problem *p, unsigned flags, int64_t *k) {
    bool single = p->precision == XP_FLOAT32;
    int n = 0;
    k[n++] = p->kind;
    k[n++] = p->precision;
    k[n++] = p->sign;
    k[n++] = p->rank;
    k[n++] = p->howmany_rank;
    k[n++] = flags;
    k[n++] = align_of(p->in, single);
    k[n++] = align_of(p->out, single);
    k[n++] = p->in == p->out; /* an in-place plan never runs out of place, nor the reverse */
    k[n++] = 0;
    for (int i = 0; i < p->rank; i++) k[n++] = p->dims[i].n, k[n++] = p->dims[i].is, k[n++] = p->dims[i].os;
    for (int i = 0; i < p->howmany_rank; i++)
        k[n++] = p->howmany[i].n, k[n++] = p->howmany[i].is, k[n++] = p->howmany[i].os;
    return n;
}

/* Byte extent [lo, hi) touched by one side of the problem (side 0 in, 1 out). */
static void extent(const xp_fft_problem *p, int side, size_t esz, int64_t *lo, int64_t *hi) {
    int64_t l = 0, h = 0;
    for (int i = 0; i < p->rank + p->howmany_rank; i++) {
        const xp_fft_iodim *d = i < p->rank ? &p->dims[i] : &p->howmany[i - p->rank];
        int64_t n = d->n;
        bool complex_side = p->kind == XP_FFT_C2C || (p->kind == XP_FFT_R2C) == (side == 1);
        if (i == p->rank - 1 && p->kind != XP_FFT_C2C && complex_side) n = n / 2 + 1;
        int64_t s = (side ? d->os : d->is) * (int64_t)esz * (n - 1);
        if (s < 0) l += s; else h += s;
    }
    *lo = l;
    *hi = h + (int64_t)esz;
}

/* Scratch memory with the same layout extent and alignment (mod 64) as `user`;
 * the block (*block, *bytes) is freed with xp_adapter_scratch_free. */
static void *scratch_like(const xp_fft_problem *p, int side, const void *user, void **block,
                          size_t *bytes) {
    bool single = p->precision == XP_FLOAT32;
    size_t real = single ? sizeof(float) : sizeof(double);
    bool complex_side = p->kind == XP_FFT_C2C || (p->kind == XP_FFT_R2C) == (side == 1);
    int64_t lo, hi;
    extent(p, side, complex_side ? 2 * real : real, &lo, &hi);
    *bytes = (size_t)(hi - lo) + 128;
    char *b = xp_adapter_scratch(*bytes);
    *block = b;
    if (!b) return NULL;
    uintptr_t want = (uintptr_t)user % 64;
    char *base = b + 64 - (uintptr_t)b % 64 + want; /* base % 64 == want */
    return base - lo;
}

/* ---- memory probes ----------------------------------------------------------
 * A bound of what FFTW allocates to plan and run one problem, measured with a
 * counting malloc over FFTW 3.3.10 under ESTIMATE (2026-12-04): the peak was at
 * most 6.3 x the complex bytes of one transform (Bluestein and Rader lengths,
 * 1-D, execution included; powers of two 0.1-0.5 x; 2-D and 3-D problems far
 * less, their dims being planned one by one), plus about 170 KiB the first
 * planner call sets up, and did not grow with the batch. The bound takes twice
 * that per dim, over the sum of the dims (running a plan), plus 1 MiB (making
 * one). Running is probed at every call (a small bound is a malloc/free pair,
 * tens of nanoseconds), planning on a cache miss only. */
static size_t fftw_bound(const xp_fft_problem *p, bool planning) {
    size_t csize = p->precision == XP_FLOAT32 ? 2 * sizeof(float) : 2 * sizeof(double);
    size_t sum = 0, fixed = planning ? (size_t)1 << 20 : 0;
    for (int i = 0; i < p->rank; i++) sum += (size_t)p->dims[i].n;
    if (sum > (SIZE_MAX - fixed) / (12 * csize)) return SIZE_MAX;
    return fixed + 12 * csize * sum;
}

/* True when `bytes` can be had now: the allocation FFTW would make is tried and
 * given back (small bounds with malloc, FFTW's own allocator; large ones as an
 * untouched anonymous mapping, which costs no memory and fails exactly when the
 * address space or the commit limit could not take FFTW's blocks). */
static bool probe(size_t bytes) {
    if (bytes == SIZE_MAX) return false;
    if (bytes < ((size_t)256 << 10)) {
        void *volatile q = malloc(bytes); /* volatile: the pair must not be optimised away */
        bool ok = q != NULL;
        free(q);
        return ok;
    }
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return false;
    munmap(m, bytes);
    return true;
}

static void *make_plan(const xp_fft_problem *p, unsigned flags, void *in, void *out) { /* planner_lock held */
    fftw_iodim64 dims[XP_MAX_NDIM], hm[XP_MAX_NDIM];
    for (int i = 0; i < p->rank; i++)
        dims[i] = (fftw_iodim64){(ptrdiff_t)p->dims[i].n, (ptrdiff_t)p->dims[i].is,
                                 (ptrdiff_t)p->dims[i].os};
    for (int i = 0; i < p->howmany_rank; i++)
        hm[i] = (fftw_iodim64){(ptrdiff_t)p->howmany[i].n, (ptrdiff_t)p->howmany[i].is,
                               (ptrdiff_t)p->howmany[i].os};
    if (p->precision == XP_FLOAT32) {
        fftwf_iodim64 fdims[XP_MAX_NDIM], fhm[XP_MAX_NDIM];
        for (int i = 0; i < p->rank; i++)
            fdims[i] = (fftwf_iodim64){dims[i].n, dims[i].is, dims[i].os};
        for (int i = 0; i < p->howmany_rank; i++)
            fhm[i] = (fftwf_iodim64){hm[i].n, hm[i].is, hm[i].os};
        switch (p->kind) {
        case XP_FFT_C2C:
            return fftwf_plan_guru64_dft(p->rank, fdims, p->howmany_rank, fhm, in, out,
                                         p->sign < 0 ? FFTW_FORWARD : FFTW_BACKWARD, flags);
        case XP_FFT_R2C:
            return fftwf_plan_guru64_dft_r2c(p->rank, fdims, p->howmany_rank, fhm, in, out, flags);
        default:
            return fftwf_plan_guru64_dft_c2r(p->rank, fdims, p->howmany_rank, fhm, in, out, flags);
        }
    }
    switch (p->kind) {
    case XP_FFT_C2C:
        return fftw_plan_guru64_dft(p->rank, dims, p->howmany_rank, hm, in, out,
                                    p->sign < 0 ? FFTW_FORWARD : FFTW_BACKWARD, flags);
    case XP_FFT_R2C:
        return fftw_plan_guru64_dft_r2c(p->rank, dims, p->howmany_rank, hm, in, out, flags);
    default:
        return fftw_plan_guru64_dft_c2r(p->rank, dims, p->howmany_rank, hm, in, out, flags);
    }
}

/* Plans on the caller's arrays (ESTIMATE) or on scratch arrays (measuring). */
static void *plan_problem(const xp_fft_problem *p, unsigned flags, xp_status *st) { /* planner_lock held */
    if (flags & FFTW_ESTIMATE) {
        void *pl = make_plan(p, flags, (void *)(uintptr_t)p->in, p->out);
        *st = pl ? XP_OK : XP_ERR_NOT_IMPLEMENTED;
        return pl;
    }
    void *bi = NULL, *bo = NULL;
    size_t ni = 0, no = 0;
    void *si = scratch_like(p, 0, p->in, &bi, &ni);
    void *so = p->in == p->out ? si : scratch_like(p, 1, p->out, &bo, &no); /* in place stays in place */
    void *pl = NULL;
    if (si && so) pl = make_plan(p, flags, si, so);
    *st = !si || !so ? XP_ERR_NOMEM : pl ? XP_OK : XP_ERR_NOT_IMPLEMENTED;
    xp_adapter_scratch_free(bi, ni);
    xp_adapter_scratch_free(bo, no);
    return pl;
}

/* Looks `key` up in the table (table lock held); NULL when absent. */
static entry *find(const int64_t *key, int kl, int *victim) {
    int v = 0;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        entry *t = table[i];
        if (!t) {
            v = i;
            continue;
        }
        if (t->keylen == kl && !memcmp(t->key, key, (size_t)kl * sizeof *key)) return t;
        if (table[v] && t->stamp < table[v]->stamp) v = i;
    }
    *victim = v;
    return NULL;
}

/* The cached plan for p (made on a miss), with one more user; NULL and *st on failure.
 * Lock order: planner, then table. A hit takes the table lock only, so threads
 * running cached plans never wait for another thread's (possibly measured) planning. */
static entry *acquire(const xp_fft_problem *p, unsigned effort, xp_status *st) {
    int64_t key[KEY_MAX];
    int victim;
    pthread_mutex_lock(&table_lock);
    unsigned flags = flags_for(p, effort);
    int kl = build_key(p, flags, key);
    entry *e = find(key, kl, &victim);
    if (e) {
        e->users++;
        e->stamp = ++clock_ticks;
        pthread_mutex_unlock(&table_lock);
        *st = XP_OK;
        return e;
    }
    pthread_mutex_unlock(&table_lock);

    pthread_mutex_lock(&planner_lock);
    pthread_mutex_lock(&table_lock);
    e = find(key, kl, &victim); /* planned by another thread meanwhile? */
    pthread_mutex_unlock(&table_lock);
    if (!e) {
        /* a plan FFTW could not finish making would abort: see "memory probes" */
        bool room = probe(fftw_bound(p, true));
        e = room ? malloc(sizeof *e) : NULL;
        void *pl = e ? plan_problem(p, flags, st) : NULL;
        if (!e) *st = room ? XP_ERR_NOMEM : XP_ERR_NOT_IMPLEMENTED;
        if (!pl) {
            free(e);
            pthread_mutex_unlock(&planner_lock);
            return NULL;
        }
        memcpy(e->key, key, (size_t)kl * sizeof *key);
        e->keylen = kl;
        e->single = p->precision == XP_FLOAT32;
        e->plan = pl;
        e->users = 0;
        e->live = true;
        pthread_mutex_lock(&table_lock);
        find(key, kl, &victim); /* the table may have changed while planning */
        entry *old = table[victim];
        table[victim] = e;
        if (old) old->live = false;
        if (old && old->users == 0) destroy(old); /* planner lock held */
        e->users++;
        e->stamp = ++clock_ticks;
        pthread_mutex_unlock(&table_lock);
    } else {
        pthread_mutex_lock(&table_lock);
        e->users++;
        e->stamp = ++clock_ticks;
        pthread_mutex_unlock(&table_lock);
    }
    pthread_mutex_unlock(&planner_lock);
    *st = XP_OK;
    return e;
}

static void release(entry *e) {
    pthread_mutex_lock(&table_lock);
    bool last = --e->users == 0 && !e->live;
    pthread_mutex_unlock(&table_lock);
    if (last) { /* out of the table and unused: no one else can reach it */
        pthread_mutex_lock(&planner_lock);
        destroy(e);
        pthread_mutex_unlock(&planner_lock);
    }
}

/* Runs e's plan on (in, out) with FFTW's new-array execute functions. */
static void execute(const entry *e, xp_fft_kind kind, const void *cin, void *out) {
    void *in = (void *)(uintptr_t)cin;
    if (e->single) {
        fftwf_plan pl = (fftwf_plan)e->plan;
        if (kind == XP_FFT_C2C)
            fftwf_execute_dft(pl, in, out);
        else if (kind == XP_FFT_R2C)
            fftwf_execute_dft_r2c(pl, in, out);
        else
            fftwf_execute_dft_c2r(pl, in, out);
    } else {
        fftw_plan pl = (fftw_plan)e->plan;
        if (kind == XP_FFT_C2C)
            fftw_execute_dft(pl, in, out);
        else if (kind == XP_FFT_R2C)
            fftw_execute_dft_r2c(pl, in, out);
        else
            fftw_execute_dft_c2r(pl, in, out);
    }
}

static xp_status run_plan(const xp_fft_problem *p, unsigned effort) {
    xp_status st;
    if (!probe(fftw_bound(p, false))) return XP_ERR_NOT_IMPLEMENTED; /* see "memory probes" */
    entry *e = acquire(p, effort, &st);
    if (!e) return st;
    execute(e, p->kind, p->in, p->out);
    release(e);
    return XP_OK;
}

/* ---- multi-axis transforms under the default (ESTIMATE) planner ------------
 * FFTW's ESTIMATE plans for rank >= 2 run their strided passes straight over the
 * whole array, and power-of-two strides thrash the caches: a 1024x1024 complex128
 * fftn took ~57 ms, 7.5x a measured plan (tools/bench/fft/RESULTS.md). Under
 * ESTIMATE, C2C and R2C problems of rank >= 2 are therefore run axis by axis, as
 * pocketfft does: first the last axis, in -> out, as one batched rank-1 plan (the
 * R2C step for R2C); then every other axis in place on `out`, B transforms at a
 * time: B adjacent columns are copied into a contiguous scratch block (n x B,
 * transform stride B, batch stride 1: FFTW vectorises across the B transforms),
 * transformed there and copied back. All these are cached rank-1 ESTIMATE plans
 * (planning stays in milliseconds); measured planner modes keep FFTW's own
 * rank-k plans, which do as well and are what wisdom records.
 * Chosen by measurement (2026-12-03, raw FFTW, ESTIMATE, complex128): 1024^2
 * whole-array plan 57 ms, per-axis with FFTW's own strided loop (howmany dist 1)
 * 46-59 ms, blocked copies 7.6 ms (B = 16), measured 2-D plan 7.6 ms; 2048^2 197 /
 * 38 ms (B = 8), 256^2 2.5 / 0.3 ms. */

enum { BLOCK_BYTES = 512 * 1024, BLOCK_MAX = 16, BLOCK_MIN_SPAN = 256 * 1024 };

static size_t complex_size(const xp_fft_problem *p) {
    return p->precision == XP_FLOAT32 ? 2 * sizeof(float) : 2 * sizeof(double);
}

/* One row of a block: constant sizes for the full blocks, so the compiler emits
 * vector moves (a variable-size memcpy became `rep movsq` here, ~25% slower). */
static inline void copy_row(char *d, const char *s, size_t wb) {
    if (wb == 256)
        memcpy(d, s, 256);
    else if (wb == 128)
        memcpy(d, s, 128);
    else
        memcpy(d, s, wb);
}

/* One axis (length n, strides is/os) from src to dst (dst may be src), for every
 * index of the loop dims lp[0..nl), lp[v] having stride 1 on both sides. */
static xp_status blocked_pass(const xp_fft_problem *p, int64_t n, const void *src, int64_t is,
                              void *dst, int64_t os, const xp_fft_iodim *lp, int nl, int v) {
    int64_t esz = (int64_t)complex_size(p);
    int64_t L = lp[v].n, B = BLOCK_MAX;
    while (B > 2 && n * B * esz > BLOCK_BYTES) B /= 2;
    if (B > L) B = L;
    int64_t tail = L % B;
    size_t bytes = (size_t)(n * B * esz);
    char *buf = xp_adapter_scratch(bytes);
    if (!buf) return XP_ERR_NOMEM;
    xp_fft_problem q = {.kind = XP_FFT_C2C, .precision = p->precision, .sign = p->sign,
                        .rank = 1, .howmany_rank = 1, .destroy_input = true, .in = buf, .out = buf};
    xp_fft_problem qt = q;
    q.dims[0] = (xp_fft_iodim){n, B, B};
    q.howmany[0] = (xp_fft_iodim){B, 1, 1};
    qt.dims[0] = (xp_fft_iodim){n, tail, tail};
    qt.howmany[0] = (xp_fft_iodim){tail, 1, 1};
    xp_status st = XP_OK;
    if (!probe(fftw_bound(&q, false))) { /* see "memory probes" */
        xp_adapter_scratch_free(buf, bytes);
        return XP_ERR_NOT_IMPLEMENTED;
    }
    entry *e = acquire(&q, FFTW_ESTIMATE, &st), *et = NULL;
    if (e && tail) et = acquire(&qt, FFTW_ESTIMATE, &st);
    if (e && (et || !tail)) {
        int64_t idx[XP_MAX_NDIM] = {0};
        int64_t isb = is * esz, osb = os * esz;
        for (;;) {
            const char *ib = src;
            char *ob = dst;
            for (int i = 0; i < nl; i++)
                if (i != v) ib += idx[i] * lp[i].is * esz, ob += idx[i] * lp[i].os * esz;
            for (int64_t c = 0; c < L; c += B) {
                int64_t w = L - c < B ? L - c : B;
                size_t wb = (size_t)(w * esz);
                const char *icol = ib + c * esz;
                char *ocol = ob + c * esz;
                for (int64_t r = 0; r < n; r++) copy_row(buf + (size_t)r * wb, icol + r * isb, wb);
                execute(w == B ? e : et, XP_FFT_C2C, buf, buf);
                for (int64_t r = 0; r < n; r++) copy_row(ocol + r * osb, buf + (size_t)r * wb, wb);
            }
            int i = nl - 1; /* next index of the loops other than v */
            for (; i >= 0; i--) {
                if (i == v) continue;
                if (++idx[i] < lp[i].n) break;
                idx[i] = 0;
            }
            if (i < 0) break;
        }
    }
    if (e) release(e);
    if (et) release(et);
    xp_adapter_scratch_free(buf, bytes);
    return st;
}

/* A rank-1 C2C transform along a strided axis, blocked when it is worth it;
 * XP_ERR_NOT_IMPLEMENTED otherwise (the caller plans it whole). */
static xp_status run_strided(const xp_fft_problem *p) {
    if (p->kind != XP_FFT_C2C || p->rank != 1) return XP_ERR_NOT_IMPLEMENTED;
    const xp_fft_iodim *d = &p->dims[0];
    int64_t esz = (int64_t)complex_size(p);
    int64_t span = d->n * (d->is < 0 ? -d->is : d->is) * esz;
    if (d->is == 1 || d->is == -1 || d->n < 2 || span < BLOCK_MIN_SPAN) return XP_ERR_NOT_IMPLEMENTED;
    int v = -1;
    for (int i = 0; i < p->howmany_rank && v < 0; i++)
        if (p->howmany[i].is == 1 && p->howmany[i].os == 1 && p->howmany[i].n > 1) v = i;
    if (v < 0) return XP_ERR_NOT_IMPLEMENTED;
    return blocked_pass(p, d->n, p->in, d->is, p->out, d->os, p->howmany, p->howmany_rank, v);
}

/* The problem axis by axis (see above); XP_ERR_NOT_IMPLEMENTED when it does not
 * decompose this way (the caller then plans it whole). */
static xp_status run_by_axes(const xp_fft_problem *p) {
    int r = p->rank, hr = p->howmany_rank;
    if (r == 1) return run_strided(p);
    if (p->kind == XP_FFT_C2R || r + hr > XP_MAX_NDIM) return XP_ERR_NOT_IMPLEMENTED;
    int64_t span = (int64_t)complex_size(p);
    for (int i = 0; i < r; i++) span *= p->dims[i].n;
    if (span < BLOCK_MIN_SPAN) return XP_ERR_NOT_IMPLEMENTED;
    /* the last axis, in -> out, the other axes and the batch as loops */
    xp_fft_problem q = *p;
    q.rank = 1;
    q.dims[0] = p->dims[r - 1];
    q.howmany_rank = 0;
    q.destroy_input = false; /* in stays intact should a later pass fall back to a whole plan */
    for (int i = 0; i < r - 1; i++) q.howmany[q.howmany_rank++] = p->dims[i];
    for (int i = 0; i < hr; i++) q.howmany[q.howmany_rank++] = p->howmany[i];
    xp_status st = run_strided(&q);
    if (st == XP_ERR_NOT_IMPLEMENTED) st = run_plan(&q, FFTW_ESTIMATE);
    /* every other axis, in place on out */
    for (int j = r - 2; j >= 0 && st == XP_OK; j--) {
        xp_fft_problem c = {.kind = XP_FFT_C2C, .precision = p->precision, .sign = p->sign,
                            .rank = 1, .destroy_input = true, .in = p->out, .out = p->out};
        c.dims[0] = (xp_fft_iodim){p->dims[j].n, p->dims[j].os, p->dims[j].os};
        for (int i = 0; i < r + hr; i++) {
            if (i == j) continue;
            const xp_fft_iodim *d = i < r ? &p->dims[i] : &p->howmany[i - r];
            int64_t len = i == r - 1 && p->kind == XP_FFT_R2C ? d->n / 2 + 1 : d->n;
            c.howmany[c.howmany_rank++] = (xp_fft_iodim){len, d->os, d->os};
        }
        st = run_strided(&c);
        if (st == XP_ERR_NOT_IMPLEMENTED) st = run_plan(&c, FFTW_ESTIMATE);
    }
    return st;
}

static xp_status fftw_slot_execute(const xp_fft_problem *p) {
    if (p->precision != XP_FLOAT32 && p->precision != XP_FLOAT64) return XP_ERR_NOT_IMPLEMENTED;
    if (p->rank < 1 || p->rank > XP_MAX_NDIM || p->howmany_rank < 0 ||
        p->howmany_rank > XP_MAX_NDIM)
        return XP_ERR_NOT_IMPLEMENTED;
    pthread_mutex_lock(&table_lock);
    unsigned effort = effort_flags;
    pthread_mutex_unlock(&table_lock);
    if (effort == FFTW_ESTIMATE) {
        xp_status st = run_by_axes(p); /* rank-1 strided C2C problems too */
        if (st != XP_ERR_NOT_IMPLEMENTED) return st;
    }
    return run_plan(p, effort);
}

static xp_status fftw_slot_set_planner(int effort, double time_limit) {
    static const unsigned flags[] = {FFTW_ESTIMATE, FFTW_MEASURE, FFTW_PATIENT, FFTW_EXHAUSTIVE};
    if (effort < 0 || effort > 3) return XP_ERR_VALUE;
    pthread_mutex_lock(&planner_lock);
    fftw_set_timelimit(time_limit > 0 ? time_limit : FFTW_NO_TIMELIMIT);
    fftwf_set_timelimit(time_limit > 0 ? time_limit : FFTW_NO_TIMELIMIT);
    pthread_mutex_lock(&table_lock);
    effort_flags = flags[effort];
    pthread_mutex_unlock(&table_lock);
    pthread_mutex_unlock(&planner_lock);
    return XP_OK;
}

static xp_status fftw_slot_export_wisdom(char *buf, size_t cap, size_t *len) {
    if (!probe((size_t)4 << 20)) return XP_ERR_NOMEM; /* FFTW's strings; see "memory probes" */
    pthread_mutex_lock(&planner_lock);
    char *a = fftw_export_wisdom_to_string();
    char *b = fftwf_export_wisdom_to_string();
    pthread_mutex_unlock(&planner_lock);
    xp_status st = XP_OK;
    if (!a || !b) {
        st = XP_ERR_NOMEM;
    } else {
        size_t la = strlen(a), lb = strlen(b);
        if (len) *len = la + lb;
        if (!buf || cap < la + lb + 1) {
            st = XP_ERR_VALUE;
        } else {
            memcpy(buf, a, la);
            memcpy(buf + la, b, lb + 1);
        }
    }
    free(a);
    free(b);
    return st;
}

/* Imports each top-level "( ... )" form into the library whose name it carries. */
static xp_status fftw_slot_import_wisdom(const char *w) {
    int forms = 0;
    xp_status st = XP_OK;
    const char *s = w;
    while (st == XP_OK && *s) {
        if (*s != '(') {
            if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') st = XP_ERR_VALUE;
            s++;
            continue;
        }
        const char *e = s;
        int depth = 0;
        do {
            if (*e == '(') depth++;
            else if (*e == ')') depth--;
            e++;
        } while (*e && depth > 0);
        if (depth != 0) {
            st = XP_ERR_VALUE;
            break;
        }
        size_t n = (size_t)(e - s);
        char *form = xp_adapter_scratch(n + 1);
        if (!form) return XP_ERR_NOMEM;
        memcpy(form, s, n);
        form[n] = '\0';
        const char *head_end = memchr(form, '\n', n);
        size_t head = head_end ? (size_t)(head_end - form) : n;
        bool single = false, known = false;
        for (size_t i = 0; i + 12 <= head; i++) {
            if (!strncmp(form + i, "fftwf_wisdom", 12)) single = known = true;
            else if (!strncmp(form + i, "fftw_wisdom", 11)) known = true;
        }
        int ok = 0;
        bool room = known && probe(((size_t)1 << 20) + 8 * n); /* FFTW's parse of the form */
        if (known && room) {
            pthread_mutex_lock(&planner_lock);
            ok = single ? fftwf_import_wisdom_from_string(form) : fftw_import_wisdom_from_string(form);
            pthread_mutex_unlock(&planner_lock);
        }
        xp_adapter_scratch_free(form, n + 1);
        if (known && !room) return XP_ERR_NOMEM;
        if (!ok) st = XP_ERR_VALUE;
        forms++;
        s = e;
    }
    return st == XP_OK && forms == 0 ? XP_ERR_VALUE : st;
}

static const char *fftw_routine(const char *function) {
    if (!function || strncmp(function, "fft.", 4)) return NULL;
    const char *f = function + 4;
    if (!strcmp(f, "rfft") || !strcmp(f, "rfftn") || !strcmp(f, "ihfft"))
        return "fftw_plan_guru64_dft_r2c";
    if (!strcmp(f, "irfft") || !strcmp(f, "irfftn") || !strcmp(f, "hfft"))
        return "fftw_plan_guru64_dft_c2r";
    if (!strcmp(f, "fft") || !strcmp(f, "ifft") || !strcmp(f, "fftn") || !strcmp(f, "ifftn"))
        return "fftw_plan_guru64_dft";
    return NULL;
}

const xp_adapter xp_adapter_fftw = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "fftw",
    .library = "FFTW 3 (libfftw3, libfftw3f)",
    .routine = fftw_routine,
    .fft =
        {
            .execute = fftw_slot_execute,
            .set_planner = fftw_slot_set_planner,
            .export_wisdom = fftw_slot_export_wisdom,
            .import_wisdom = fftw_slot_import_wisdom,
        },
};
