/* Statistical functions: sum, prod, min, max, mean, var, std, cumulative_sum,
 * cumulative_prod (issue 5). The numeric loops of sum/prod/min/max are the
 * adapters' reduction slots; var's deviations and the scans live here. */
/* The loops below are written for the vectorizer, which -O2 runs only in its
 * "very cheap" mode; vectorizing never reorders a floating-point sum. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")
#endif
#include "reduce.h"
#include "dtype_traits.h"
#include "pool.h"

#include <math.h>

/* The deviation kernels are compute-bound once their rows are in cache (a
 * subtraction, a product and a sum per element): on x86-64 GCC also builds an
 * AVX2 copy, chosen at load time. The same operations in the same order, so
 * the same results; no FMA contraction (ISO C mode). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define XP_DEV_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define XP_DEV_CLONES
#endif

#define T float
#define SFX f32
#include "var_kernels.inc"
#undef T
#undef SFX
#define T double
#define SFX f64
#include "var_kernels.inc"
#undef T
#undef SFX

#define SCAN_TYPES(X)                                                                    \
    X(INT8, int8_t, uint8_t, i8) X(INT16, int16_t, uint16_t, i16)                       \
    X(INT32, int32_t, uint32_t, i32) X(INT64, int64_t, uint64_t, i64)                   \
    X(UINT8, uint8_t, uint8_t, u8) X(UINT16, uint16_t, uint16_t, u16)                   \
    X(UINT32, uint32_t, uint32_t, u32) X(UINT64, uint64_t, uint64_t, u64)               \
    X(FLOAT32, float, float, f32) X(FLOAT64, double, double, f64)                       \
    X(COMPLEX64, xp_c64_t, xp_c64_t, c64) X(COMPLEX128, xp_c128_t, xp_c128_t, c128)

#define T int8_t
#define UT uint8_t
#define SFX i8
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T int16_t
#define UT uint16_t
#define SFX i16
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T int32_t
#define UT uint32_t
#define SFX i32
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T int64_t
#define UT uint64_t
#define SFX i64
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T uint8_t
#define UT uint8_t
#define SFX u8
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T uint16_t
#define UT uint16_t
#define SFX u16
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T uint32_t
#define UT uint32_t
#define SFX u32
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T uint64_t
#define UT uint64_t
#define SFX u64
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T float
#define UT float
#define SFX f32
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T double
#define UT double
#define SFX f64
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T xp_c64_t
#define UT xp_c64_t
#define SFX c64
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX
#define T xp_c128_t
#define UT xp_c128_t
#define SFX c128
#include "scan_kernels.inc"
#undef T
#undef UT
#undef SFX

typedef void (*scan_fn)(int64_t, int64_t, int64_t, const void *, void *, bool, bool);
#define SCAN_ENTRY(E, CT, CUT, S) [XP_##E] = scan_##S,
static const scan_fn scans[XP_DTYPE_COUNT] = {SCAN_TYPES(SCAN_ENTRY)};

static const char *op_fn[XP_REDUCE_COUNT] = {"xp_sum", "xp_prod", "xp_min", "xp_max"};

/* Validation shared by the reductions; writes red[] and the output shape. */
static xp_array *prepare(const char *fn, const xp_array *x, const xp_reduce_opts *o, bool *red,
                         int *ond, int64_t *oshape) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if ((err = xp__axes_mask(fn, "axis", x->ndim, o ? &o->axes : NULL, red))) return err;
    *ond = xp__red_shape(x, red, o && o->keepdims, oshape);
    return NULL;
}

/* sum/prod/min/max in dtype `dt` into a new array. */
static xp_array *reduce_to(const char *fn, const xp_array *x, const bool *red, int ond,
                           const int64_t *oshape, xp_reduce_op op, xp_dtype dt) {
    xp_red3 L;
    xp_array *blk = xp__red_block(fn, x, red, dt, &L);
    if (xp_failed(blk)) return blk;
    xp_array *r = xp__new(fn, dt, ond, oshape, x->device);
    if (!xp_failed(r) && r->size > 0) {
        xp_status s = xp__reduce_run(op, dt, &L, xp__data(blk), xp__data(r));
        xp_array *refused = s == XP_ERR_NOT_IMPLEMENTED ? xp__adapters_error(fn) : NULL;
        if (s != XP_OK) {
            xp_release(r);
            r = refused                        ? refused
                : s == XP_ERR_NOT_IMPLEMENTED
                    ? xp__error(XP_ERR_NOT_IMPLEMENTED, fn,
                                "argument 'x': no adapter reduces dtype %s", xp_dtype_name(dt))
                    : xp__error(s, fn, "the reduction kernel failed");
        }
    }
    xp_release(blk);
    return r;
}

static xp_array *sum_prod(xp_reduce_op op, const xp_array *x, const xp_reduce_opts *o) {
    const char *fn = op_fn[op];
    bool red[XP_MAX_NDIM];
    int ond;
    int64_t oshape[XP_MAX_NDIM];
    xp_array *err = prepare(fn, x, o, red, &ond, oshape);
    if (err) return err;
    xp_dtype dt = xp__acc_dtype(x->dtype);
    if (o && o->dtype) {
        if ((err = xp__check_dtype(fn, "dtype", o->dtype))) return err;
        dt = o->dtype;
        if (xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING &&
            xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING)
            return xp__error(XP_ERR_TYPE, fn, "argument 'dtype': %s cannot hold complex input",
                             xp_dtype_name(dt));
    }
    if (dt == XP_BOOL)
        return xp__error(XP_ERR_TYPE, fn, "argument 'dtype': bool is not a numeric dtype");
    return reduce_to(fn, x, red, ond, oshape, op, dt);
}

XP_API xp_array *xp_sum(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(sum_prod(XP_REDUCE_SUM, x, opts));
}

XP_API xp_array *xp_prod(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(sum_prod(XP_REDUCE_PROD, x, opts));
}

static xp_array *min_max(xp_reduce_op op, const xp_array *x, const xp_reduce_opts *o) {
    const char *fn = op_fn[op];
    bool red[XP_MAX_NDIM];
    int ond;
    int64_t oshape[XP_MAX_NDIM];
    xp_array *err = prepare(fn, x, o, red, &ond, oshape);
    if (err) return err;
    if (xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING)
        return xp__error(XP_ERR_TYPE, fn, "argument 'x': complex numbers have no order");
    int64_t count = 1;
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) count *= x->shape[d];
    if (count == 0)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'x': zero-size reduction has no identity (empty axis)");
    return reduce_to(fn, x, red, ond, oshape, op, x->dtype);
}

XP_API xp_array *xp_min(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(min_max(XP_REDUCE_MIN, x, opts));
}

XP_API xp_array *xp_max(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(min_max(XP_REDUCE_MAX, x, opts));
}

/* The float dtype of mean/var/std. */
static xp_dtype float_dtype(xp_dtype dt) {
    return xp_dtype_kind(dt) & XP_KIND_FLOATING ? dt : XP_FLOAT64;
}

/* Divides m real values by d (componentwise for complex as 2m reals). */
static void scale(xp_dtype dt, void *p, int64_t m, double d) {
    if (dt == XP_FLOAT32 || dt == XP_COMPLEX64) {
        float *f = p;
        if (dt == XP_COMPLEX64) m *= 2;
        for (int64_t i = 0; i < m; i++) f[i] = (float)((double)f[i] / d);
    } else {
        double *f = p;
        if (dt == XP_COMPLEX128) m *= 2;
        for (int64_t i = 0; i < m; i++) f[i] /= d;
    }
}

/* ---- mean/var/std chunks, and the squared deviations of one long run ---- */

typedef struct mom_job {
    int mode;
    xp_dtype dt, rdt;
    xp_red3 L;
    int64_t w, per, chunk;
    size_t es, rs;
    const char *src;
    char *mp, *dev;
    _Atomic xp_status st; /* the first failure */
} mom_job;

static void mom_fail(mom_job *j, xp_status s) {
    xp_status ok = XP_OK;
    atomic_compare_exchange_strong(&j->st, &ok, s);
}

/* The squared deviations of a run of n values from m: the pairwise tree of
 * dev_row (var_kernels.inc) cut at its top into leaves of at least 512 KiB
 * (at most 2048 leaves) run on the pool, then combined in the same tree; the
 * cut depends on n alone, and the sums are the bits of one dev_row call. */
#define DEV_LEAF_BYTES ((int64_t)512 << 10)
#define DEV_MAX_LEAVES 2048

typedef struct dev_job {
    xp_dtype rdt;
    const char *x;
    const void *mean;
    int64_t leaf, nleaves;
    int64_t lo[DEV_MAX_LEAVES + 1], len[DEV_MAX_LEAVES + 1];
    double part[DEV_MAX_LEAVES + 1]; /* float partials are stored as floats, exactly */
    bool oom;
} dev_job;

static int64_t dev_half(int64_t n) { return (n / 2 + 7) & ~(int64_t)7; }

static void dev_leaves(dev_job *j, int64_t lo, int64_t n) {
    if (n <= j->leaf) {
        j->lo[j->nleaves] = lo, j->len[j->nleaves++] = n;
        return;
    }
    dev_leaves(j, lo, dev_half(n));
    dev_leaves(j, lo + dev_half(n), n - dev_half(n));
}

static void dev_task(void *ctx, int64_t k) {
    dev_job *j = ctx;
    bool ok;
    if (j->rdt == XP_FLOAT32) {
        float v = 0;
        ok = dev_sums_f32(1, j->len[k], 1, (const float *)(const void *)j->x + j->lo[k],
                          j->mean, &v);
        j->part[k] = v;
    } else {
        ok = dev_sums_f64(1, j->len[k], 1, (const double *)(const void *)j->x + j->lo[k],
                          j->mean, &j->part[k]);
    }
    if (!ok) j->oom = true; /* written before xp__par_for returns; read after */
}

static double dev_combine(dev_job *j, int64_t n, int64_t *next) {
    if (n <= j->leaf) return j->part[(*next)++];
    double a = dev_combine(j, dev_half(n), next);
    double b = dev_combine(j, n - dev_half(n), next);
    return j->rdt == XP_FLOAT32 ? (double)((float)a + (float)b) : a + b;
}

/* dev_sums over one run of n values (outer 1, inner 1); false: no memory */
static bool dev_run(xp_dtype rdt, int64_t n, const char *x, const void *mean, void *out) {
    size_t es = rdt == XP_FLOAT32 ? 4 : 8;
    if (n * (int64_t)es < XP__PAR_MIN_BYTES)
        return rdt == XP_FLOAT32 ? dev_sums_f32(1, n, 1, (const float *)(const void *)x, mean,
                                                out)
                                 : dev_sums_f64(1, n, 1, (const double *)(const void *)x, mean,
                                                out);
    dev_job *j = xp__scratch(sizeof *j);
    if (!j) return false;
    int64_t total = n * (int64_t)es;
    int64_t lb = total / DEV_MAX_LEAVES > DEV_LEAF_BYTES ? total / DEV_MAX_LEAVES : DEV_LEAF_BYTES;
    j->rdt = rdt, j->x = x, j->mean = mean, j->nleaves = 0, j->oom = false;
    j->leaf = lb / (int64_t)es > 128 ? lb / (int64_t)es : 128;
    dev_leaves(j, 0, n);
    xp__par_for(j->nleaves, dev_task, j);
    bool ok = !j->oom;
    if (ok) {
        int64_t next = 0;
        double v = dev_combine(j, n, &next);
        if (rdt == XP_FLOAT32)
            *(float *)out = (float)v;
        else
            *(double *)out = v;
    }
    xp__scratch_free(j, sizeof *j);
    return ok;
}

/* Chunk c of moments(): outer blocks [c*chunk, ...). */
static void mom_chunk(void *ctx, int64_t c) {
    mom_job *j = ctx;
    const xp_red3 L = j->L;
    int64_t o0 = c * j->chunk;
    int64_t cnt = L.outer - o0 < j->chunk ? L.outer - o0 : j->chunk;
    xp_red3 C = {cnt, L.n, L.inner};
    const char *cx = j->src + (size_t)(o0 * j->per) * j->es;
    char *cm = j->mp + (size_t)(o0 * L.inner) * j->es;
    char *cd = j->mode ? j->dev + (size_t)(o0 * L.inner * j->w) * j->rs : NULL;
    if (j->mode && L.inner * j->w > 1) {
        /* along a non-contiguous axis: means and squared deviations in one pass
         * over the data (var_kernels.inc, mv_sums) */
        bool ok = j->rdt == XP_FLOAT32
                      ? mv_sums_f32(cnt, L.n, L.inner * j->w, (const float *)(const void *)cx,
                                    (float *)(void *)cm, (float *)(void *)cd)
                      : mv_sums_f64(cnt, L.n, L.inner * j->w, (const double *)(const void *)cx,
                                    (double *)(void *)cm, (double *)(void *)cd);
        if (!ok) mom_fail(j, XP_ERR_NOMEM);
        return;
    }
    xp_status s = xp__reduce_run(XP_REDUCE_SUM, j->dt, &C, cx, cm);
    if (s != XP_OK) {
        mom_fail(j, s);
        return;
    }
    scale(j->dt, cm, cnt * L.inner, (double)L.n);
    if (!j->mode) return;
    bool ok = cnt == 1 && L.inner == 1
                  ? dev_run(j->rdt, L.n, cx, cm, cd)
                  : j->rdt == XP_FLOAT32
                        ? dev_sums_f32(cnt, L.n, L.inner, (const float *)(const void *)cx,
                                       (const float *)(void *)cm, (float *)(void *)cd)
                        : dev_sums_f64(cnt, L.n, L.inner, (const double *)(const void *)cx,
                                       (const double *)(void *)cm, (double *)(void *)cd);
    if (!ok) mom_fail(j, XP_ERR_NOMEM);
}

/* mean (mode 0), var (1), std (2). */
static xp_array *moments(int mode, const xp_array *x, const xp_reduce_opts *o) {
    static const char *names[3] = {"xp_mean", "xp_var", "xp_std"};
    const char *fn = names[mode];
    bool red[XP_MAX_NDIM];
    int ond;
    int64_t oshape[XP_MAX_NDIM];
    xp_array *err = prepare(fn, x, o, red, &ond, oshape);
    if (err) return err;
    double corr = o ? o->correction : 0.0;
    if (mode && !(corr >= 0))
        return xp__error(XP_ERR_VALUE, fn, "argument 'correction': must be >= 0, not %g", corr);
    xp_dtype dt = float_dtype(x->dtype);
    xp_red3 L;
    xp_array *blk = xp__red_block(fn, x, red, dt, &L);
    if (xp_failed(blk)) return blk;
    bool cplx = xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING;
    xp_dtype rdt = dt == XP_COMPLEX64 ? XP_FLOAT32 : dt == XP_COMPLEX128 ? XP_FLOAT64 : dt;
    size_t es = xp_dtype_size(dt), rs = xp_dtype_size(rdt);
    int64_t m = L.outer * L.inner, w = cplx ? 2 : 1;
    xp_array *mean = xp__new(fn, dt, ond, oshape, x->device);
    if (xp_failed(mean) || m == 0) {
        xp_release(blk);
        if (!mode || xp_failed(mean)) return mean;
        xp_release(mean);
        return xp__new(fn, rdt, ond, oshape, x->device);
    }
    xp_array *r = mode ? xp__new(fn, rdt, ond, oshape, x->device) : mean;
    size_t devb = cplx ? (size_t)(m * 2) * rs : 0;
    void *dev = !mode || xp_failed(r) ? NULL : cplx ? xp__scratch(devb) : xp__data(r);
    if (mode && !xp_failed(r) && !dev) {
        xp_release(r);
        r = xp__oom();
    }
    /* var/std: the sums and the squared deviations of a chunk of outer blocks
     * one after the other, while the chunk (about 256 KiB) is still in cache */
    int64_t per = L.n * L.inner, chunk = L.outer;
    if (mode && per > 0) {
        chunk = (int64_t)((256 << 10) / ((size_t)per * es));
        chunk = chunk < 1 ? 1 : chunk > L.outer ? L.outer : chunk;
    }
    if (!xp_failed(r)) {
        mom_job j = {mode, dt, rdt, L, w, per, chunk, es, rs, xp__data(blk), xp__data(mean),
                     dev, XP_OK};
        int64_t nchunks = (L.outer + chunk - 1) / chunk;
        /* chunks are independent outputs: large ones go to the pool */
        if (nchunks > 1 && L.outer * per * (int64_t)es >= XP__PAR_MIN_BYTES)
            xp__par_for(nchunks, mom_chunk, &j);
        else
            for (int64_t c = 0; c < nchunks; c++) mom_chunk(&j, c);
        xp_status s = atomic_load(&j.st);
        if (s == XP_ERR_NOMEM) {
            if (r != mean) xp_release(r);
            r = xp__oom();
        } else if (s != XP_OK) {
            if (r != mean) xp_release(r);
            r = xp__error(s, fn, "the sum kernel for %s failed", xp_dtype_name(dt));
        }
    }
    if (mode && !xp_failed(r)) {
        double denom = (double)L.n - corr;
        for (int64_t i = 0; i < m; i++) {
            double v;
            if (rdt == XP_FLOAT32)
                v = cplx ? (double)((float *)dev)[2 * i] + ((float *)dev)[2 * i + 1]
                         : ((float *)dev)[i];
            else
                v = cplx ? ((double *)dev)[2 * i] + ((double *)dev)[2 * i + 1]
                         : ((double *)dev)[i];
            v = denom > 0 ? v / denom : NAN;
            if (mode == 2) v = sqrt(v);
            if (rdt == XP_FLOAT32)
                ((float *)xp__data(r))[i] = (float)v;
            else
                ((double *)xp__data(r))[i] = v;
        }
    }
    if (cplx && dev) xp__scratch_free(dev, devb);
    if (r != mean) xp_release(mean);
    xp_release(blk);
    return r;
}

XP_API xp_array *xp_mean(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(moments(0, x, opts));
}

XP_API xp_array *xp_var(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(moments(1, x, opts));
}

XP_API xp_array *xp_std(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    XP_LEAVE(moments(2, x, opts));
}

static xp_array *cumulative(bool prod, const xp_array *x, const xp_cumulative_opts *o) {
    const char *fn = prod ? "xp_cumulative_prod" : "xp_cumulative_sum";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    int nd = x->ndim ? x->ndim : 1;
    int64_t shape[XP_MAX_NDIM];
    if (x->ndim)
        memcpy(shape, x->shape, (size_t)x->ndim * sizeof *shape);
    else
        shape[0] = 1;
    int axis;
    if ((err = xp__one_axis(fn, "axis", nd, o ? &o->axis : NULL, -1, &axis))) return err;
    if (axis < 0) {
        if (nd > 1)
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 'axis': required for a %d-D array (None only for 1-D)",
                             nd);
        axis = 0;
    }
    xp_dtype dt = xp__acc_dtype(x->dtype);
    if (o && o->dtype) {
        if ((err = xp__check_dtype(fn, "dtype", o->dtype))) return err;
        dt = o->dtype;
        if (xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING &&
            xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING)
            return xp__error(XP_ERR_TYPE, fn, "argument 'dtype': %s cannot hold complex input",
                             xp_dtype_name(dt));
    }
    if (dt == XP_BOOL)
        return xp__error(XP_ERR_TYPE, fn, "argument 'dtype': bool is not a numeric dtype");
    bool init = o && o->include_initial;
    int64_t outer, m, inner;
    xp__split3(nd, shape, axis, &outer, &m, &inner);
    /* the source as a contiguous array of dt with x's (1-D for 0-D) shape */
    xp_array *src;
    if (x->dtype == dt && xp__is_c_contig(x))
        src = xp_retain(x);
    else
        src = xp__copy_as(fn, x, dt);
    if (xp_failed(src)) return src;
    int64_t oshape[XP_MAX_NDIM];
    memcpy(oshape, shape, (size_t)nd * sizeof *oshape);
    if (init) oshape[axis] += 1;
    xp_array *r = xp__new(fn, dt, nd, oshape, x->device);
    if (!xp_failed(r) && r->size > 0)
        scans[dt](outer, m, inner, xp__data(src), xp__data(r), init, prod);
    xp_release(src);
    return r;
}

XP_API xp_array *xp_cumulative_sum(const xp_array *x, const xp_cumulative_opts *opts) {
    XP_ENTER;
    XP_LEAVE(cumulative(false, x, opts));
}

XP_API xp_array *xp_cumulative_prod(const xp_array *x, const xp_cumulative_opts *opts) {
    XP_ENTER;
    XP_LEAVE(cumulative(true, x, opts));
}
