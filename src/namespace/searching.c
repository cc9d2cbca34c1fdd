/* Searching functions: argmax, argmin, count_nonzero, nonzero, searchsorted,
 * where, isin (issue 5). Orders follow searching.h / sorting.h. */
#include "reduce.h"

/* ---- argmax / argmin ------------------------------------------------------ */

/* Contiguous float64 row: first extreme, first NaN wins. Chunks of 512 find the
 * chunk's extreme (SSE2 when available) and whether it holds a NaN; only a chunk
 * that improves on the best so far is rescanned for the position. */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
static void chunk_ext(const double *x, int64_t n, bool ismax, double *ext, bool *nan) {
    int64_t i = 0;
    double m = x[0];
    bool un = false;
#if defined(__SSE2__)
    if (n >= 8) {
        __m128d a0 = _mm_loadu_pd(x), a1 = _mm_loadu_pd(x + 2), a2 = _mm_loadu_pd(x + 4),
                a3 = _mm_loadu_pd(x + 6);
        __m128d u = _mm_cmpunord_pd(a0, a0);
        u = _mm_or_pd(u, _mm_cmpunord_pd(a1, a1));
        u = _mm_or_pd(u, _mm_cmpunord_pd(a2, a2));
        u = _mm_or_pd(u, _mm_cmpunord_pd(a3, a3));
        for (i = 8; i + 8 <= n; i += 8) {
            __m128d b0 = _mm_loadu_pd(x + i), b1 = _mm_loadu_pd(x + i + 2),
                    b2 = _mm_loadu_pd(x + i + 4), b3 = _mm_loadu_pd(x + i + 6);
            u = _mm_or_pd(u, _mm_or_pd(_mm_cmpunord_pd(b0, b1), _mm_cmpunord_pd(b2, b3)));
            if (ismax) {
                a0 = _mm_max_pd(a0, b0); a1 = _mm_max_pd(a1, b1);
                a2 = _mm_max_pd(a2, b2); a3 = _mm_max_pd(a3, b3);
            } else {
                a0 = _mm_min_pd(a0, b0); a1 = _mm_min_pd(a1, b1);
                a2 = _mm_min_pd(a2, b2); a3 = _mm_min_pd(a3, b3);
            }
        }
        double t[8];
        _mm_storeu_pd(t, a0); _mm_storeu_pd(t + 2, a1);
        _mm_storeu_pd(t + 4, a2); _mm_storeu_pd(t + 6, a3);
        m = t[0];
        for (int k = 1; k < 8; k++) m = (ismax ? t[k] > m : t[k] < m) ? t[k] : m;
        un = _mm_movemask_pd(u) != 0;
    }
#endif
    for (; i < n; i++) {
        double v = x[i];
        un |= v != v;
        m = (ismax ? v > m : v < m) ? v : m;
    }
    *ext = m;
    *nan = un;
}

static int64_t arg_f64(const double *x, int64_t n, bool ismax) {
    int64_t best = 0;
    double bv = x[0];
    if (bv != bv) return 0;
    for (int64_t i0 = 0; i0 < n; i0 += 512) {
        int64_t e = n - i0 < 512 ? n : i0 + 512, i;
        double c;
        bool nan;
        chunk_ext(x + i0, e - i0, ismax, &c, &nan);
        if (nan) {
            for (i = i0; i < e; i++)
                if (x[i] != x[i]) return i;
        }
        if (ismax ? c > bv : c < bv) {
            for (i = i0; i < e; i++)
                if (x[i] == c) break;
            best = i;
            bv = c;
        }
    }
    return best;
}

/* Generic: keys, NaN wins. x[outer][n][inner] -> idx[outer][inner]. */
static bool arg_generic(xp_dtype dt, const char *x, const xp_red3 *L, bool ismax, int64_t *idx) {
    size_t is = xp_dtype_size(dt);
    size_t wb = (size_t)L->inner * 2 * sizeof(uint64_t);
    uint64_t *best = xp__scratch(wb);
    bool *done = xp__scratch((size_t)L->inner);
    if (!best || !done) {
        xp__scratch_free(best, wb);
        xp__scratch_free(done, (size_t)L->inner);
        return false;
    }
    for (int64_t o = 0; o < L->outer; o++) {
        const char *blk = x + (size_t)(o * L->n * L->inner) * is;
        int64_t *dst = idx + o * L->inner;
        if (dt == XP_FLOAT64 && L->inner == 1) {
            dst[0] = arg_f64((const double *)blk, L->n, ismax);
            continue;
        }
        for (int64_t j = 0; j < L->inner; j++) {
            dst[j] = 0;
            done[j] = xp__is_nan(dt, blk + (size_t)j * is);
            xp__keys(dt, blk + (size_t)j * is, best + 2 * j);
        }
        for (int64_t r = 1; r < L->n; r++)
            for (int64_t j = 0; j < L->inner; j++) {
                if (done[j]) continue;
                const char *p = blk + (size_t)(r * L->inner + j) * is;
                if (xp__is_nan(dt, p)) {
                    dst[j] = r;
                    done[j] = true;
                    continue;
                }
                uint64_t k[2];
                xp__keys(dt, p, k);
                uint64_t *b = best + 2 * j;
                bool better = ismax ? (k[0] > b[0] || (k[0] == b[0] && k[1] > b[1]))
                                    : (k[0] < b[0] || (k[0] == b[0] && k[1] < b[1]));
                if (better) {
                    b[0] = k[0];
                    b[1] = k[1];
                    dst[j] = r;
                }
            }
    }
    xp__scratch_free(best, wb);
    xp__scratch_free(done, (size_t)L->inner);
    return true;
}

static xp_array *arg_ext(bool ismax, const xp_array *x, const xp_arg_opts *o) {
    const char *fn = ismax ? "xp_argmax" : "xp_argmin";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    int axis;
    if ((err = xp__one_axis(fn, "axis", x->ndim, o ? &o->axis : NULL, -1, &axis))) return err;
    bool red[XP_MAX_NDIM];
    for (int d = 0; d < x->ndim; d++) red[d] = axis < 0 || d == axis;
    int64_t count = 1;
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) count *= x->shape[d];
    if (count == 0)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x': empty reduction has no extreme");
    int64_t oshape[XP_MAX_NDIM];
    int ond = xp__red_shape(x, red, o && o->keepdims, oshape);
    xp_red3 L;
    xp_array *blk;
    if (axis < 0) {
        blk = xp__is_c_contig(x) ? xp_retain(x) : xp__copy_as(fn, x, x->dtype);
        L = (xp_red3){1, x->size, 1};
    } else {
        blk = xp__red_block(fn, x, red, x->dtype, &L);
    }
    if (xp_failed(blk)) return blk;
    xp_array *r = xp__new(fn, XP_INT64, ond, oshape, x->device);
    if (!xp_failed(r) && r->size > 0 &&
        !arg_generic(x->dtype, xp__data(blk), &L, ismax, (int64_t *)xp__data(r))) {
        xp_release(r);
        r = xp__oom();
    }
    xp_release(blk);
    return r;
}

XP_API xp_array *xp_argmax(const xp_array *x, const xp_arg_opts *opts) {
    XP_ENTER;
    XP_LEAVE(arg_ext(true, x, opts));
}

XP_API xp_array *xp_argmin(const xp_array *x, const xp_arg_opts *opts) {
    XP_ENTER;
    XP_LEAVE(arg_ext(false, x, opts));
}

/* ---- count_nonzero, nonzero ----------------------------------------------- */

/* x as a C-contiguous bool array (nonzero → 1). */
static xp_array *as_bool(const char *fn, const xp_array *x) {
    if (x->dtype == XP_BOOL && xp__is_c_contig(x)) return xp_retain(x);
    return xp__copy_as(fn, x, XP_BOOL);
}

XP_API xp_array *xp_count_nonzero(const xp_array *x, const xp_reduce_opts *opts) {
    XP_ENTER;
    const char *fn = "xp_count_nonzero";
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    bool red[XP_MAX_NDIM];
    if ((err = xp__axes_mask(fn, "axis", x->ndim, opts ? &opts->axes : NULL, red))) XP_LEAVE(err);
    xp_array *b = as_bool(fn, x);
    if (xp_failed(b)) XP_LEAVE(b);
    xp_reduce_opts o = {.keepdims = opts && opts->keepdims};
    if (opts) o.axes = opts->axes;
    xp_array *r = xp_sum(b, &o);
    xp_release(b);
    XP_LEAVE(r);
}

XP_API xp_status xp_nonzero(const xp_array *x, xp_array **out) {
    XP_ENTER;
    const char *fn = "xp_nonzero";
    if (!out) {
        xp_status st = XP_ERR_TYPE;
        return xp__leave_n(st, 0, NULL);
    }
    xp_array *err = xp__check(fn, "x", x);
    if (err) return xp__leave_n(xp__fail_all(err, 1, out), 1, out);
    int nd = x->ndim;
    if (nd == 0)
        return xp__leave_n(
            xp__fail_all(xp__error(XP_ERR_VALUE, fn, "argument 'x': 0-D input is not allowed"),
                         1, out),
            1, out);
    xp_array *b = as_bool(fn, x);
    if (xp_failed(b)) return xp__leave_n(xp__fail_all(b, nd, out), nd, out);
    const uint8_t *p = (const uint8_t *)xp__data(b);
    int64_t n = b->size, cnt = 0;
    /* count, never sum: a bool byte may hold any nonzero value */
    for (int64_t i = 0; i < n; i++) cnt += p[i] != 0;
    int64_t *dst[XP_MAX_NDIM];
    for (int d = 0; d < nd; d++) {
        out[d] = xp__new(fn, XP_INT64, 1, &cnt, x->device);
        if (xp_failed(out[d])) {
            xp_array *e = xp_retain(out[d]);
            for (int k = 0; k <= d; k++) xp_release(out[k]);
            xp_release(b);
            return xp__leave_n(xp__fail_all(e, nd, out), nd, out);
        }
        dst[d] = (int64_t *)xp__data(out[d]);
    }
    if (nd == 1) {
        int64_t k = 0, *o0 = dst[0];
        for (int64_t i = 0; i < n && k < cnt; i++) {
            o0[k] = i;
            k += p[i] != 0;
        }
    } else {
        int64_t idx[XP_MAX_NDIM] = {0}, k = 0;
        const int64_t *sh = x->shape;
        for (int64_t i = 0; i < n; i++) {
            if (p[i]) {
                for (int d = 0; d < nd; d++) dst[d][k] = idx[d];
                k++;
            }
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < sh[d]) break;
                idx[d] = 0;
            }
        }
    }
    xp_release(b);
    return xp__leave_n(XP_OK, nd, out);
}

/* ---- searchsorted, isin --------------------------------------------------- */

static inline int keycmp(const uint64_t *a, const uint64_t *b) {
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    if (a[1] != b[1]) return a[1] < b[1] ? -1 : 1;
    return 0;
}

/* Promotes two operands to a common dtype as contiguous arrays. */
static xp_array *common(const char *fn, const xp_array *x1, const xp_array *x2, xp_array **a,
                        xp_array **b) {
    const xp_array *ops[2] = {x1, x2};
    xp_dtype dt;
    xp_status s = xp_result_type(2, ops, 0, NULL, &dt);
    if (s != XP_OK)
        return xp__error(s, fn, "arguments 'x1', 'x2': dtypes %s and %s do not promote",
                         xp_dtype_name(x1->dtype), xp_dtype_name(x2->dtype));
    *a = x1->dtype == dt && xp__is_c_contig(x1) ? xp_retain(x1) : xp__copy_as(fn, x1, dt);
    *b = x2->dtype == dt && xp__is_c_contig(x2) ? xp_retain(x2) : xp__copy_as(fn, x2, dt);
    if (xp_failed(*a) || xp_failed(*b)) {
        xp_array *e = xp_failed(*a) ? xp_retain(*a) : xp_retain(*b);
        xp_release(*a);
        xp_release(*b);
        return e;
    }
    return NULL;
}

static xp_array *searchsorted(const xp_array *x1, const xp_array *x2,
                              const xp_searchsorted_opts *o) {
    const char *fn = "xp_searchsorted";
    xp_array *err = xp__check(fn, "x1", x1);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) return err;
    if (x1->ndim != 1)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x1': must be 1-D, not %d-D", x1->ndim);
    xp_side side = o ? o->side : XP_SIDE_LEFT;
    if (side != XP_SIDE_LEFT && side != XP_SIDE_RIGHT)
        return xp__error(XP_ERR_VALUE, fn, "argument 'side': must be left or right");
    const xp_array *sorter = o ? o->sorter : NULL;
    int64_t n = x1->size;
    xp_array *srt = NULL;
    if (sorter) {
        if ((err = xp__check(fn, "sorter", sorter))) return err;
        if (!(xp_dtype_kind(sorter->dtype) & XP_KIND_INTEGRAL))
            return xp__error(XP_ERR_TYPE, fn, "argument 'sorter': must be integer, not %s",
                             xp_dtype_name(sorter->dtype));
        if (sorter->ndim != 1 || sorter->size != n)
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 'sorter': must be 1-D of length %lld like x1",
                             (long long)n);
        srt = xp__copy_as(fn, sorter, XP_INT64);
        if (xp_failed(srt)) return srt;
        const int64_t *s = (const int64_t *)xp__data(srt);
        for (int64_t i = 0; i < n; i++)
            if (s[i] < 0 || s[i] >= n) {
                long long bad = (long long)s[i];
                xp_release(srt);
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument 'sorter': index %lld out of range for length %lld",
                                 bad, (long long)n);
            }
    }
    xp_array *a, *b;
    if ((err = common(fn, x1, x2, &a, &b))) {
        xp_release(srt);
        return err;
    }
    xp_dtype dt = a->dtype;
    size_t is = xp_dtype_size(dt);
    size_t kb = (size_t)(n > 0 ? n : 1) * 16;
    uint64_t *k1 = xp__scratch(kb);
    xp_array *r = k1 ? xp__new(fn, XP_INT64, x2->ndim, x2->shape, x1->device) : xp__oom();
    if (!xp_failed(r)) {
        const char *pa = xp__data(a), *pb = xp__data(b);
        const int64_t *s = srt ? (const int64_t *)xp__data(srt) : NULL;
        for (int64_t i = 0; i < n; i++) xp__keys(dt, pa + (size_t)(s ? s[i] : i) * is, k1 + 2 * i);
        int64_t *dst = (int64_t *)xp__data(r);
        for (int64_t j = 0; j < r->size; j++) {
            uint64_t k[2];
            xp__keys(dt, pb + (size_t)j * is, k);
            int64_t lo = 0, hi = n;
            while (lo < hi) {
                int64_t mid = lo + (hi - lo) / 2;
                int c = keycmp(k1 + 2 * mid, k);
                if (side == XP_SIDE_LEFT ? c < 0 : c <= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            dst[j] = lo;
        }
    }
    xp__scratch_free(k1, kb);
    xp_release(a);
    xp_release(b);
    xp_release(srt);
    return r;
}

XP_API xp_array *xp_searchsorted(const xp_array *x1, const xp_array *x2,
                                 const xp_searchsorted_opts *opts) {
    XP_ENTER;
    XP_LEAVE(searchsorted(x1, x2, opts));
}

static xp_array *isin(const xp_array *x1, const xp_array *x2, const xp_isin_opts *o) {
    const char *fn = "xp_isin";
    xp_array *err = xp__check(fn, "x1", x1);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) return err;
    xp_array *a, *b;
    if ((err = common(fn, x1, x2, &a, &b))) return err;
    xp_dtype dt = a->dtype;
    size_t is = xp_dtype_size(dt);
    int64_t m = b->size;
    size_t kb = (size_t)(m > 0 ? m : 1) * 16, pb = (size_t)(m > 0 ? m : 1) * 8;
    uint64_t *k2 = xp__scratch(kb);
    int64_t *perm = xp__scratch(pb);
    xp_array *r = k2 && perm && xp__argsort_run(dt, xp__data(b), m, false, perm)
                      ? xp__new(fn, XP_BOOL, x1->ndim, x1->shape, x1->device)
                      : xp__oom();
    if (!xp_failed(r)) {
        const char *p2 = xp__data(b), *p1 = xp__data(a);
        int64_t nk = 0;
        for (int64_t i = 0; i < m; i++) {
            const char *p = p2 + (size_t)perm[i] * is;
            if (xp__is_nan(dt, p)) continue; /* NaN equals nothing */
            xp__keys(dt, p, k2 + 2 * nk);
            nk++;
        }
        bool inv = o && o->invert;
        uint8_t *dst = (uint8_t *)xp__data(r);
        for (int64_t j = 0; j < r->size; j++) {
            const char *p = p1 + (size_t)j * is;
            bool found = false;
            if (!xp__is_nan(dt, p)) {
                uint64_t k[2];
                xp__keys(dt, p, k);
                int64_t lo = 0, hi = nk;
                while (lo < hi) {
                    int64_t mid = lo + (hi - lo) / 2;
                    if (keycmp(k2 + 2 * mid, k) < 0)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                found = lo < nk && keycmp(k2 + 2 * lo, k) == 0;
            }
            dst[j] = (uint8_t)(found != inv);
        }
    }
    xp__scratch_free(k2, kb);
    xp__scratch_free(perm, pb);
    xp_release(a);
    xp_release(b);
    return r;
}

XP_API xp_array *xp_isin(const xp_array *x1, const xp_array *x2, const xp_isin_opts *opts) {
    XP_ENTER;
    XP_LEAVE(isin(x1, x2, opts));
}

/* ---- where ---------------------------------------------------------------- */

/* Branch-free selection (random conditions would defeat the branch predictor):
 * integer copies of the element bits masked by the condition. */
#define WHERE_LOOP(NAME, T)                                                               \
    static xp_status NAME(int64_t n, char *const *a, const int64_t *s, const void *aux) { \
        (void)aux;                                                                        \
        const uint8_t *c = (const uint8_t *)a[0];                                         \
        const char *x = a[1], *y = a[2];                                                  \
        char *o = a[3];                                                                   \
        if (s[0] == 1 && s[1] == sizeof(T) && s[2] == sizeof(T) && s[3] == sizeof(T)) {  \
            const T *restrict xt = (const T *)x, *restrict yt = (const T *)y;             \
            T *restrict ot = (T *)o;                                                      \
            for (int64_t i = 0; i < n; i++) {                                             \
                T m = (T)0 - (T)(c[i] != 0);                                              \
                ot[i] = (T)((xt[i] & m) | (yt[i] & (T)~m));                               \
            }                                                                             \
            return XP_OK;                                                                 \
        }                                                                                 \
        for (int64_t i = 0; i < n; i++) {                                                 \
            memcpy(o + i * s[3], c[i * s[0]] ? x + i * s[1] : y + i * s[2], sizeof(T));  \
        }                                                                                 \
        return XP_OK;                                                                     \
    }
WHERE_LOOP(where1, uint8_t)
WHERE_LOOP(where2, uint16_t)
WHERE_LOOP(where4, uint32_t)
WHERE_LOOP(where8, uint64_t)

static xp_status where16(int64_t n, char *const *a, const int64_t *s, const void *aux) {
    (void)aux;
    for (int64_t i = 0; i < n; i++)
        memcpy(a[3] + i * s[3], a[0][i * s[0]] ? a[1] + i * s[1] : a[2] + i * s[2], 16);
    return XP_OK;
}

static xp_array *where(const xp_array *cond, const xp_array *x1, const xp_array *x2) {
    const char *fn = "xp_where";
    xp_array *err = xp__check(fn, "condition", cond);
    if (!err) err = xp__check(fn, "x1", x1);
    if (!err) err = xp__check(fn, "x2", x2);
    if (err) return err;
    if (cond->dtype != XP_BOOL)
        return xp__error(XP_ERR_TYPE, fn, "argument 'condition': must be bool, not %s",
                         xp_dtype_name(cond->dtype));
    if (x1->weak && x2->weak)
        return xp__error(XP_ERR_TYPE, fn, "arguments 'x1', 'x2': at least one must be an array");
    const xp_array *ops[2] = {x1, x2};
    xp_dtype dt;
    xp_status s = xp_result_type(2, ops, 0, NULL, &dt);
    if (s != XP_OK)
        return xp__error(s, fn, "arguments 'x1', 'x2': dtypes %s and %s do not promote",
                         xp_dtype_name(x1->dtype), xp_dtype_name(x2->dtype));
    const int64_t *shapes[3] = {cond->shape, x1->shape, x2->shape};
    int ndims[3] = {cond->ndim, x1->ndim, x2->ndim}, nd;
    int64_t shape[XP_MAX_NDIM];
    if ((err = xp__bcast_shapes(fn, 3, ndims, shapes, &nd, shape))) return err;
    xp_array *a = x1->dtype == dt ? xp_retain(x1) : xp__copy_as(fn, x1, dt);
    xp_array *b = x2->dtype == dt ? xp_retain(x2) : xp__copy_as(fn, x2, dt);
    xp_array *r = xp_failed(a) ? xp_retain(a)
                  : xp_failed(b) ? xp_retain(b)
                                 : xp__new(fn, dt, nd, shape, cond->device);
    if (!xp_failed(r)) {
        static const xp_loop_fn loops[17] = {[1] = where1, [2] = where2, [4] = where4,
                                             [8] = where8, [16] = where16};
        const xp_array *io[4] = {cond, a, b, r};
        xp__iter_run(4, io, nd, shape, loops[xp_dtype_size(dt)], NULL);
    }
    xp_release(a);
    xp_release(b);
    return r;
}

XP_API xp_array *xp_where(const xp_array *condition, const xp_array *x1, const xp_array *x2) {
    XP_ENTER;
    XP_LEAVE(where(condition, x1, x2));
}
