/* The fft extension: validation, dtype rules, axes, n/s trimming and zero
 * padding, norm scaling and the Hermitian variants. The transforms themselves
 * are unnormalised batched strided DFTs run by the adapters' fft slots. */
#include "iter.h"

#include <math.h>

/* ---- dispatch to the adapters --------------------------------------------- */

static xp_status run_problem(const xp_fft_problem *p) {
    for (const xp_adapter *const *a = xp_adapters(); *a; a++) {
        if (!(*a)->fft.execute) continue;
        xp_status st = (*a)->fft.execute(p);
        if (st != XP_ERR_NOT_IMPLEMENTED) return st;
    }
    return XP_ERR_NOT_IMPLEMENTED;
}

static xp_array *problem_error(const char *fn, xp_status st, const xp_array *x) {
    xp_array *refused = st == XP_ERR_NOT_IMPLEMENTED ? xp__adapters_error(fn) : NULL;
    if (refused) return refused;
    if (st == XP_ERR_NOT_IMPLEMENTED)
        return xp__error(st, fn, "no adapter of the '%s' flavor transforms %s arrays",
                         xp__flavor_name, xp_dtype_name(x->dtype));
    if (st == XP_ERR_NOMEM) return xp__oom();
    return xp__error(st, fn, "the FFT adapter failed (%s)", xp_status_name(st));
}

/* ---- arguments ------------------------------------------------------------ */

static bool is_complex(xp_dtype dt) { return dt == XP_COMPLEX64 || dt == XP_COMPLEX128; }
static bool is_real(xp_dtype dt) { return dt == XP_FLOAT32 || dt == XP_FLOAT64; }
static xp_dtype real_of(xp_dtype dt) { return dt == XP_COMPLEX64 ? XP_FLOAT32 : XP_FLOAT64; }
static xp_dtype complex_of(xp_dtype dt) { return dt == XP_FLOAT32 ? XP_COMPLEX64 : XP_COMPLEX128; }

static xp_array *check_input(const char *fn, const xp_array *x, bool want_complex) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (want_complex && !is_complex(x->dtype))
        return xp__error(XP_ERR_TYPE, fn,
                         "argument 'x' must have a complex floating-point dtype, not %s",
                         xp_dtype_name(x->dtype));
    if (!want_complex && !is_real(x->dtype))
        return xp__error(XP_ERR_TYPE, fn,
                         "argument 'x' must have a real floating-point dtype, not %s",
                         xp_dtype_name(x->dtype));
    return NULL;
}

static xp_array *check_norm(const char *fn, xp_fft_norm norm) {
    if ((int)norm < XP_FFT_NORM_BACKWARD || (int)norm > XP_FFT_NORM_FORWARD)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'norm' must be backward, ortho or forward (got %d)", (int)norm);
    return NULL;
}

/* Normalises axis `a` of an ndim-array into *out; XP_ERR_INDEX when out of range. */
static xp_array *norm_axis(const char *fn, const char *arg, int64_t a, int ndim, int64_t *out) {
    if (a < -(int64_t)ndim || a >= ndim)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': axis %lld is out of range for %d-D input",
                         arg, (long long)a, ndim);
    *out = a < 0 ? a + ndim : a;
    return NULL;
}

/* The transform: k axes ax[] with logical lengths len[]. */
typedef struct plan_args {
    int k;
    int64_t ax[XP_MAX_NDIM];
    int64_t len[XP_MAX_NDIM];
} plan_args;

/* 1-D: axis and n. `half_default`: n defaults to 2*(M-1) (irfft, hfft). */
static xp_array *args_1d(const char *fn, const xp_array *x, const xp_fft_opts *o,
                         bool half_default, plan_args *pa) {
    xp_array *err = check_norm(fn, o ? o->norm : XP_FFT_NORM_BACKWARD);
    if (err) return err;
    int64_t a = -1;
    if (o && (o->axis.tuple || o->axis.n)) {
        if (o->axis.n != 1)
            return xp__error(XP_ERR_VALUE, fn, "argument 'axis' must be one integer, not %d axes",
                             (int)o->axis.n);
        a = o->axis.v[0];
    }
    pa->k = 1;
    if ((err = norm_axis(fn, "axis", a, x->ndim, &pa->ax[0]))) return err;
    int64_t m = x->shape[pa->ax[0]];
    bool given = o && (o->has_n || o->n != 0);
    int64_t n = given ? o->n : 0;
    if (given && n < 1)
        return xp__error(XP_ERR_VALUE, fn, "argument 'n' must be >= 1, not %lld", (long long)n);
    if (!given) n = half_default ? 2 * (m - 1) : m;
    if (n < 1)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'n': invalid number of data points (%lld) along axis %lld",
                         (long long)n, (long long)pa->ax[0]);
    pa->len[0] = n;
    return NULL;
}

/* n-D: s and axes. `half_default`: the last axis defaults to 2*(M-1) (irfftn). */
static xp_array *args_nd(const char *fn, const xp_array *x, const xp_fftn_opts *o,
                         bool half_default, plan_args *pa) {
    xp_array *err = check_norm(fn, o ? o->norm : XP_FFT_NORM_BACKWARD);
    if (err) return err;
    bool has_s = o && (o->s.tuple || o->s.n), has_axes = o && (o->axes.tuple || o->axes.n);
    if (has_s && !has_axes)
        return xp__error(XP_ERR_VALUE, fn, "argument 's' requires argument 'axes'");
    if (has_s && o->s.n != o->axes.n)
        return xp__error(XP_ERR_VALUE, fn, "arguments 's' and 'axes' differ in length (%d, %d)",
                         (int)o->s.n, (int)o->axes.n);
    if (has_axes) {
        if (o->axes.n < 0 || o->axes.n > XP_MAX_NDIM)
            return xp__error(XP_ERR_VALUE, fn, "argument 'axes': bad length %d", (int)o->axes.n);
        pa->k = o->axes.n;
        for (int i = 0; i < pa->k; i++) {
            if ((err = norm_axis(fn, "axes", o->axes.v[i], x->ndim, &pa->ax[i]))) return err;
            for (int j = 0; j < i; j++)
                if (pa->ax[j] == pa->ax[i])
                    return xp__error(XP_ERR_VALUE, fn, "argument 'axes': axis %lld is repeated",
                                     (long long)pa->ax[i]);
        }
    } else {
        pa->k = x->ndim;
        for (int i = 0; i < pa->k; i++) pa->ax[i] = i;
    }
    for (int i = 0; i < pa->k; i++) {
        int64_t m = x->shape[pa->ax[i]];
        int64_t n = has_s ? o->s.v[i] : -1;
        bool last = i == pa->k - 1;
        if (n == -1) n = half_default && last ? 2 * (m - 1) : m;
        if (n < 1)
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 's': invalid number of data points (%lld) along axis %lld",
                             (long long)n, (long long)pa->ax[i]);
        pa->len[i] = n;
    }
    return NULL;
}

/* Scale factor of a transform of N points in `direction` (inverse or not). */
static double norm_factor(xp_fft_norm norm, bool inverse, double N) {
    switch (norm) {
    case XP_FFT_NORM_ORTHO: return 1.0 / sqrt(N);
    case XP_FFT_NORM_FORWARD: return inverse ? 1.0 : 1.0 / N;
    default: return inverse ? 1.0 / N : 1.0;
    }
}

static double total_points(const plan_args *pa) {
    double N = 1;
    for (int i = 0; i < pa->k; i++) N *= (double)pa->len[i];
    return N;
}

/* Multiplies a fresh contiguous result by f; negates imaginary parts if conj. */
static void scale(xp_array *r, double f, bool conj) {
    if ((f == 1.0 && !conj) || r->size == 0) return;
    bool cplx = is_complex(r->dtype);
    int64_t m = cplx ? 2 * r->size : r->size;
    double fi = conj ? -f : f;
    if (r->dtype == XP_FLOAT32 || r->dtype == XP_COMPLEX64) {
        float *v = (float *)xp__data(r), ff = (float)f, fv = (float)fi;
        if (!cplx)
            for (int64_t i = 0; i < m; i++) v[i] *= ff;
        else
            for (int64_t i = 0; i < m; i += 2) v[i] *= ff, v[i + 1] *= fv;
    } else {
        double *v = (double *)xp__data(r);
        if (!cplx)
            for (int64_t i = 0; i < m; i++) v[i] *= f;
        else
            for (int64_t i = 0; i < m; i += 2) v[i] *= f, v[i + 1] *= fi;
    }
}

/* ---- inputs: trim (a view) or zero-pad (a copy) ---------------------------- */

/* Strides multiple of the element size and data aligned to the component size:
 * what the slots accept without a copy. */
static bool layout_ok(const xp_array *x) {
    int64_t is = (int64_t)xp_dtype_size(x->dtype);
    int64_t comp = is_complex(x->dtype) ? is / 2 : is;
    if ((uintptr_t)xp__data(x) % (uintptr_t)comp) return false;
    for (int d = 0; d < x->ndim; d++)
        if (x->shape[d] > 1 && x->strides[d] % is) return false;
    return true;
}

/* x with extents len[i] along ax[i]: a trimmed view of x when nothing is padded
 * and the layout suits the slots (and no copy is forced), else a zero-padded
 * contiguous copy. */
static xp_array *prepare(const char *fn, const xp_array *x, const plan_args *pa,
                         bool force_copy) {
    int64_t shape[XP_MAX_NDIM], common[XP_MAX_NDIM];
    bool pad = false;
    for (int d = 0; d < x->ndim; d++) shape[d] = common[d] = x->shape[d];
    for (int i = 0; i < pa->k; i++) {
        int64_t a = pa->ax[i];
        shape[a] = pa->len[i];
        common[a] = pa->len[i] < x->shape[a] ? pa->len[i] : x->shape[a];
        if (pa->len[i] > x->shape[a]) pad = true;
    }
    xp_array *src = xp__view(fn, x, x->dtype, x->ndim, common, x->strides, x->offset);
    if (xp_failed(src) || (!pad && !force_copy && layout_ok(x))) return src;
    xp_array *r = pad ? xp__new_zeroed(fn, x->dtype, x->ndim, shape, x->device)
                      : xp__new(fn, x->dtype, x->ndim, shape, x->device);
    if (!xp_failed(r)) {
        int64_t cstr[XP_MAX_NDIM];
        xp__c_strides(x->ndim, shape, (int64_t)xp_dtype_size(x->dtype), cstr);
        xp_array *dst = xp__view(fn, r, r->dtype, r->ndim, common, cstr, r->offset);
        xp_status st = xp_failed(dst) ? XP_ERR_NOMEM : xp__copy_into(dst, src);
        xp_release(dst);
        if (st != XP_OK) {
            xp_release(r);
            r = xp__error(st, fn, "cannot copy the input");
        }
    }
    xp_release(src);
    return r;
}

/* Fills the problem's dims from `pa` (the last one gets the real length for
 * R2C/C2R) and the batch from every other axis of the output. */
static void fill_problem(xp_fft_problem *p, const xp_array *in, const xp_array *out,
                         const plan_args *pa) {
    int64_t isz = (int64_t)xp_dtype_size(in->dtype), osz = (int64_t)xp_dtype_size(out->dtype);
    bool used[XP_MAX_NDIM] = {false};
    p->rank = pa->k;
    for (int i = 0; i < pa->k; i++) {
        int64_t a = pa->ax[i];
        used[a] = true;
        p->dims[i] = (xp_fft_iodim){pa->len[i], in->strides[a] / isz, out->strides[a] / osz};
    }
    p->howmany_rank = 0;
    for (int d = 0; d < out->ndim; d++)
        if (!used[d] && out->shape[d] != 1)
            p->howmany[p->howmany_rank++] =
                (xp_fft_iodim){out->shape[d], in->strides[d] / isz, out->strides[d] / osz};
}

/* ---- the three transform shapes ------------------------------------------- */

/* Complex to complex over pa's axes, unnormalised; `in` already has the lengths. */
static xp_array *c2c_raw(const char *fn, const xp_array *in, const plan_args *pa, int sign) {
    xp_array *out = xp__new(fn, in->dtype, in->ndim, in->shape, in->device);
    if (xp_failed(out) || out->size == 0) return out;
    xp_fft_problem p = {.kind = XP_FFT_C2C, .precision = real_of(in->dtype), .sign = sign,
                        .in = xp__data(in), .out = xp__data(out)};
    fill_problem(&p, in, out, pa);
    xp_status st = run_problem(&p);
    if (st != XP_OK) {
        xp_release(out);
        return problem_error(fn, st, in);
    }
    return out;
}

static xp_array *c2c(const char *fn, const xp_array *x, const plan_args *pa, int sign,
                     xp_fft_norm norm) {
    if (pa->k == 0) return xp__copy_as(fn, x, x->dtype);
    xp_array *in = prepare(fn, x, pa, false);
    if (xp_failed(in)) return in;
    xp_array *out = c2c_raw(fn, in, pa, sign);
    xp_release(in);
    if (!xp_failed(out)) scale(out, norm_factor(norm, sign > 0, total_points(pa)), false);
    return out;
}

/* Real to complex over pa's axes (the last one halved): rfft, rfftn, ihfft. */
static xp_array *r2c(const char *fn, const xp_array *x, const plan_args *pa, double f,
                     bool conj) {
    if (pa->k == 0) return xp__error(XP_ERR_VALUE, fn, "argument 'axes' must not be empty");
    xp_array *in = prepare(fn, x, pa, false);
    if (xp_failed(in)) return in;
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, in->shape, (size_t)in->ndim * sizeof *shape);
    shape[pa->ax[pa->k - 1]] = pa->len[pa->k - 1] / 2 + 1;
    xp_array *out = xp__new(fn, complex_of(x->dtype), in->ndim, shape, in->device);
    if (!xp_failed(out) && out->size) {
        xp_fft_problem p = {.kind = XP_FFT_R2C, .precision = x->dtype, .sign = -1,
                            .in = xp__data(in), .out = xp__data(out)};
        fill_problem(&p, in, out, pa);
        xp_status st = run_problem(&p);
        if (st != XP_OK) {
            xp_release(out);
            out = problem_error(fn, st, x);
        }
    }
    xp_release(in);
    if (!xp_failed(out)) scale(out, f, conj);
    return out;
}

/* Complex to real along the last axis of pa, after an unnormalised inverse c2c
 * over the others: irfft, irfftn, hfft. */
static xp_array *c2r(const char *fn, const xp_array *x, const plan_args *pa, double f,
                     bool conj) {
    if (pa->k == 0) return xp__error(XP_ERR_VALUE, fn, "argument 'axes' must not be empty");
    plan_args half = *pa;
    int64_t nout = pa->len[pa->k - 1], last = pa->ax[pa->k - 1];
    half.len[pa->k - 1] = nout / 2 + 1;
    /* The c2r input is a core-owned contiguous temporary the adapter may destroy. */
    xp_array *in = prepare(fn, x, &half, pa->k == 1);
    if (xp_failed(in)) return in;
    if (pa->k > 1) {
        plan_args rest = *pa;
        rest.k = pa->k - 1;
        xp_array *t = c2c_raw(fn, in, &rest, +1);
        xp_release(in);
        if (xp_failed(t)) return t;
        in = t;
    }
    if (conj) scale(in, 1.0, true);
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, in->shape, (size_t)in->ndim * sizeof *shape);
    shape[last] = nout;
    xp_array *out = xp__new(fn, real_of(x->dtype), in->ndim, shape, in->device);
    if (!xp_failed(out) && out->size) {
        plan_args one = {.k = 1, .ax = {last}, .len = {nout}};
        xp_fft_problem p = {.kind = XP_FFT_C2R, .precision = real_of(x->dtype), .sign = +1,
                            .destroy_input = true, .in = xp__data(in), .out = xp__data(out)};
        fill_problem(&p, in, out, &one);
        xp_status st = run_problem(&p);
        if (st != XP_OK) {
            xp_release(out);
            out = problem_error(fn, st, x);
        }
    }
    xp_release(in);
    if (!xp_failed(out)) scale(out, f, false);
    return out;
}

/* ---- the public transforms ------------------------------------------------ */

#define NORM(o) ((o) ? (o)->norm : XP_FFT_NORM_BACKWARD)

static xp_array *one_d(const char *fn, const xp_array *x, const xp_fft_opts *o, int which) {
    /* which: 0 fft, 1 ifft, 2 rfft, 3 irfft, 4 hfft, 5 ihfft */
    bool want_complex = which == 0 || which == 1 || which == 3 || which == 4;
    xp_array *err = check_input(fn, x, want_complex);
    if (err) return err;
    plan_args pa = {0};
    if ((err = args_1d(fn, x, o, which == 3 || which == 4, &pa))) return err;
    xp_fft_norm norm = NORM(o);
    double N = (double)pa.len[0];
    switch (which) {
    case 0: return c2c(fn, x, &pa, -1, norm);
    case 1: return c2c(fn, x, &pa, +1, norm);
    case 2: return r2c(fn, x, &pa, norm_factor(norm, false, N), false);
    case 3: return c2r(fn, x, &pa, norm_factor(norm, true, N), false);
    case 4: return c2r(fn, x, &pa, norm_factor(norm, false, N), true);
    default: return r2c(fn, x, &pa, norm_factor(norm, true, N), true);
    }
}

static xp_array *n_d(const char *fn, const xp_array *x, const xp_fftn_opts *o, int which) {
    /* which: 0 fftn, 1 ifftn, 2 rfftn, 3 irfftn */
    xp_array *err = check_input(fn, x, which != 2);
    if (err) return err;
    plan_args pa = {0};
    if ((err = args_nd(fn, x, o, which == 3, &pa))) return err;
    xp_fft_norm norm = NORM(o);
    switch (which) {
    case 0: return c2c(fn, x, &pa, -1, norm);
    case 1: return c2c(fn, x, &pa, +1, norm);
    case 2: return r2c(fn, x, &pa, norm_factor(norm, false, total_points(&pa)), false);
    default: return c2r(fn, x, &pa, norm_factor(norm, true, total_points(&pa)), false);
    }
}

XP_API xp_array *xp_fft_fft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_fft", x, opts, 0));
}
XP_API xp_array *xp_fft_ifft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_ifft", x, opts, 1));
}
XP_API xp_array *xp_fft_rfft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_rfft", x, opts, 2));
}
XP_API xp_array *xp_fft_irfft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_irfft", x, opts, 3));
}
XP_API xp_array *xp_fft_hfft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_hfft", x, opts, 4));
}
XP_API xp_array *xp_fft_ihfft(const xp_array *x, const xp_fft_opts *opts) {
    XP_ENTER;
    XP_LEAVE(one_d("xp_fft_ihfft", x, opts, 5));
}
XP_API xp_array *xp_fft_fftn(const xp_array *x, const xp_fftn_opts *opts) {
    XP_ENTER;
    XP_LEAVE(n_d("xp_fft_fftn", x, opts, 0));
}
XP_API xp_array *xp_fft_ifftn(const xp_array *x, const xp_fftn_opts *opts) {
    XP_ENTER;
    XP_LEAVE(n_d("xp_fft_ifftn", x, opts, 1));
}
XP_API xp_array *xp_fft_rfftn(const xp_array *x, const xp_fftn_opts *opts) {
    XP_ENTER;
    XP_LEAVE(n_d("xp_fft_rfftn", x, opts, 2));
}
XP_API xp_array *xp_fft_irfftn(const xp_array *x, const xp_fftn_opts *opts) {
    XP_ENTER;
    XP_LEAVE(n_d("xp_fft_irfftn", x, opts, 3));
}

XP_API xp_status xp_fft_norm_from_name(const char *name, xp_fft_norm *out) {
    static const char *const names[] = {"backward", "ortho", "forward"};
    if (!out) return XP_ERR_VALUE;
    if (!name) {
        *out = XP_FFT_NORM_BACKWARD;
        return XP_OK;
    }
    for (int i = 0; i < 3; i++)
        if (!strcmp(name, names[i])) {
            *out = (xp_fft_norm)i;
            return XP_OK;
        }
    return XP_ERR_VALUE;
}
