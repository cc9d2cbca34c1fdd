/* Creation functions and astype. */
#include "iter.h"
#include "interchange.h"
#include "dtype_traits.h"

#include <math.h>
#include <stdio.h>

/* Resolves dtype (default `def`) and device for a creation call. */
static xp_array *resolve(const char *fn, const xp_create_opts *o, xp_dtype def, xp_dtype *dt,
                         xp_device *dev) {
    *dt = o && o->dtype ? o->dtype : def;
    xp_array *err = xp__check_dtype(fn, "dtype", *dt);
    if (!err) err = xp__check_device(fn, o ? o->device : XP_DEVICE_DEFAULT, dev);
    return err;
}

/* Fills a fresh contiguous array with one value of dtype `vt` at `v`. */
static void fill_raw(xp_array *r, xp_dtype vt, const void *v) {
    if (r->size == 0) return;
    char *args[2] = {(char *)v, xp__data(r)};
    int64_t steps[2] = {0, (int64_t)xp_dtype_size(r->dtype)};
    xp__cast_loop(vt, r->dtype)(r->size, args, steps, NULL);
}

XP_API xp_array *xp_empty(int ndim, const int64_t *shape, const xp_create_opts *opts) {
    XP_ENTER;
    xp_dtype dt;
    xp_device dev;
    xp_array *err = resolve("xp_empty", opts, XP_FLOAT64, &dt, &dev);
    XP_LEAVE(err ? err : xp__new("xp_empty", dt, ndim, shape, dev));
}

XP_API xp_array *xp_zeros(int ndim, const int64_t *shape, const xp_create_opts *opts) {
    XP_ENTER;
    xp_dtype dt;
    xp_device dev;
    xp_array *err = resolve("xp_zeros", opts, XP_FLOAT64, &dt, &dev);
    XP_LEAVE(err ? err : xp__new_zeroed("xp_zeros", dt, ndim, shape, dev));
}

XP_API xp_array *xp_ones(int ndim, const int64_t *shape, const xp_create_opts *opts) {
    XP_ENTER;
    xp_dtype dt;
    xp_device dev;
    xp_array *r = resolve("xp_ones", opts, XP_FLOAT64, &dt, &dev);
    if (!r) r = xp__new("xp_ones", dt, ndim, shape, dev);
    if (!xp_failed(r)) {
        double one = 1.0;
        fill_raw(r, XP_FLOAT64, &one);
    }
    XP_LEAVE(r);
}

/* Checks a fill value and picks the dtype: explicit, else the scalar's own. */
static xp_array *fill_dtype(const char *fn, const xp_array *fv, xp_dtype explicit_dt,
                            xp_dtype *dt) {
    xp_array *err = xp__check(fn, "fill_value", fv);
    if (err) return err;
    if (fv->ndim != 0)
        return xp__error(XP_ERR_TYPE, fn, "argument 'fill_value' must be a scalar (0-D), not %d-D",
                         fv->ndim);
    if (!explicit_dt) {
        *dt = fv->weak ? xp__weak_default(fv->weak) : fv->dtype;
        if (!xp__weak_int_fits(fv, *dt)) {
            char t[24];
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 'fill_value': the integer %s is out of range for the "
                             "default integer dtype %s; give a dtype",
                             xp__weak_int_text(fv, t), xp_dtype_name(*dt));
        }
        return NULL;
    }
    if ((err = xp__check_dtype(fn, "dtype", explicit_dt))) return err;
    *dt = explicit_dt;
    if (fv->weak) {
        if (xp__weak_dtype(fv->weak, explicit_dt) != explicit_dt)
            return xp__error(XP_ERR_TYPE, fn,
                             "argument 'fill_value': a Python %s does not fit dtype %s",
                             fv->weak == XP__WEAK_BOOL    ? "bool"
                             : fv->weak == XP__WEAK_INT   ? "int"
                             : fv->weak == XP__WEAK_FLOAT ? "float"
                                                          : "complex",
                             xp_dtype_name(explicit_dt));
        if (!xp__weak_int_fits(fv, explicit_dt)) {
            char t[24];
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 'fill_value': the integer %s is out of range for %s",
                             xp__weak_int_text(fv, t), xp_dtype_name(explicit_dt));
        }
    } else if (xp_dtype_kind(fv->dtype) == XP_KIND_COMPLEX_FLOATING &&
               xp_dtype_kind(explicit_dt) != XP_KIND_COMPLEX_FLOATING) {
        return xp__error(XP_ERR_TYPE, fn, "argument 'fill_value': complex value for dtype %s",
                         xp_dtype_name(explicit_dt));
    }
    return NULL;
}

static xp_array *full_impl(const char *fn, int ndim, const int64_t *shape, const xp_array *fv,
                           const xp_create_opts *opts, xp_device dev_default) {
    xp_dtype dt = XP_DTYPE_DEFAULT;
    xp_device dev = xp__default_device();
    xp_array *err = fill_dtype(fn, fv, opts ? opts->dtype : XP_DTYPE_DEFAULT, &dt);
    if (!err) {
        xp_device d = opts && opts->device ? opts->device : dev_default;
        err = xp__check_device(fn, d, &dev);
    }
    if (err) return err;
    xp_array *r = xp__new(fn, dt, ndim, shape, dev);
    if (!xp_failed(r)) fill_raw(r, fv->dtype, xp__data(fv));
    return r;
}

XP_API xp_array *xp_full(int ndim, const int64_t *shape, const xp_array *fill_value,
                         const xp_create_opts *opts) {
    XP_ENTER;
    XP_LEAVE(full_impl("xp_full", ndim, shape, fill_value, opts, XP_DEVICE_DEFAULT));
}

/* like-functions: x's shape, dtype and device unless overridden */
static xp_array *like(const char *fn, const xp_array *x, const xp_create_opts *opts,
                      xp_create_opts *o) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    o->dtype = opts && opts->dtype ? opts->dtype : x->dtype;
    o->device = opts && opts->device ? opts->device : x->device;
    return NULL;
}

XP_API xp_array *xp_empty_like(const xp_array *x, const xp_create_opts *opts) {
    XP_ENTER;
    xp_create_opts o;
    xp_array *err = like("xp_empty_like", x, opts, &o);
    XP_LEAVE(err ? err : xp_empty(x->ndim, x->shape, &o));
}

XP_API xp_array *xp_zeros_like(const xp_array *x, const xp_create_opts *opts) {
    XP_ENTER;
    xp_create_opts o;
    xp_array *err = like("xp_zeros_like", x, opts, &o);
    XP_LEAVE(err ? err : xp_zeros(x->ndim, x->shape, &o));
}

XP_API xp_array *xp_ones_like(const xp_array *x, const xp_create_opts *opts) {
    XP_ENTER;
    xp_create_opts o;
    xp_array *err = like("xp_ones_like", x, opts, &o);
    XP_LEAVE(err ? err : xp_ones(x->ndim, x->shape, &o));
}

XP_API xp_array *xp_full_like(const xp_array *x, const xp_array *fill_value,
                              const xp_create_opts *opts) {
    XP_ENTER;
    xp_create_opts o;
    xp_array *err = like("xp_full_like", x, opts, &o);
    XP_LEAVE(err ? err : full_impl("xp_full_like", x->ndim, x->shape, fill_value, &o, x->device));
}

/* ---- arange --------------------------------------------------------------- */

XP_API xp_array *xp_arange(double start, double stop, double step, const xp_create_opts *opts) {
    static const char fn[] = "xp_arange";
    XP_ENTER;
    xp_dtype dt;
    xp_device dev;
    xp_array *err = resolve(fn, opts, XP_FLOAT64, &dt, &dev);
    if (err) XP_LEAVE(err);
    if (step == 0 || isnan(step)) XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'step' must be nonzero"));
    if (!isfinite(start) || !isfinite(stop))
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "arguments 'start' and 'stop' must be finite"));
    double len = ceil((stop - start) / step);
    if (!(len > 0)) len = 0;
    if (len >= 9.2e18) XP_LEAVE(xp__error(XP_ERR_OVERFLOW, fn, "the length overflows"));
    int64_t n = (int64_t)len;
    xp_array *r = xp__new(fn, XP_FLOAT64, 1, &n, dev);
    if (xp_failed(r)) XP_LEAVE(r);
    double *p = (double *)xp__data(r);
    for (int64_t i = 0; i < n; i++) p[i] = start + (double)i * step;
    if (dt != XP_FLOAT64) {
        xp_array *c = xp__copy_as(fn, r, dt);
        xp_release(r);
        r = c;
    }
    XP_LEAVE(r);
}

XP_API xp_array *xp_arange_int(int64_t start, int64_t stop, int64_t step,
                               const xp_create_opts *opts) {
    static const char fn[] = "xp_arange_int";
    XP_ENTER;
    xp_dtype dt;
    xp_device dev;
    xp_array *err = resolve(fn, opts, XP_INT64, &dt, &dev);
    if (err) XP_LEAVE(err);
    if (step == 0) XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'step' must be nonzero"));
    __int128 span = (__int128)stop - start;
    __int128 len = 0;
    if (step > 0 && span > 0) len = (span + step - 1) / step;
    if (step < 0 && span < 0) len = (-span + (-(__int128)step) - 1) / (-(__int128)step);
    if (len > INT64_MAX) XP_LEAVE(xp__error(XP_ERR_OVERFLOW, fn, "the length overflows"));
    int64_t n = (int64_t)len;
    xp_array *r = xp__new(fn, XP_INT64, 1, &n, dev);
    if (xp_failed(r)) XP_LEAVE(r);
    int64_t *p = (int64_t *)xp__data(r);
    for (int64_t i = 0; i < n; i++) p[i] = (int64_t)((__int128)start + (__int128)i * step);
    if (dt != XP_INT64) {
        xp_array *c = xp__copy_as(fn, r, dt);
        xp_release(r);
        r = c;
    }
    XP_LEAVE(r);
}

/* ---- eye, linspace -------------------------------------------------------- */

XP_API xp_array *xp_eye(int64_t n_rows, int64_t n_cols, const xp_eye_opts *opts) {
    static const char fn[] = "xp_eye";
    XP_ENTER;
    if (n_cols == XP_NONE) n_cols = n_rows;
    if (n_rows < 0 || n_cols < 0)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "arguments 'n_rows'/'n_cols' must be >= 0"));
    xp_create_opts co = {opts ? opts->dtype : XP_DTYPE_DEFAULT,
                         opts ? opts->device : XP_DEVICE_DEFAULT};
    int64_t shape[2] = {n_rows, n_cols};
    xp_dtype dt;
    xp_device dev;
    xp_array *r = resolve(fn, &co, XP_FLOAT64, &dt, &dev);
    if (!r) r = xp__new_zeroed(fn, dt, 2, shape, dev);
    if (xp_failed(r)) XP_LEAVE(r);
    int64_t k = opts ? opts->k : 0;
    size_t is = xp_dtype_size(r->dtype);
    double one = 1.0;
    for (int64_t i = 0; i < n_rows; i++) {
        int64_t j;
        if (__builtin_add_overflow(i, k, &j)) continue;
        if (j < 0 || j >= n_cols) continue;
        char *args[2] = {(char *)&one, xp__data(r) + (i * n_cols + j) * (int64_t)is};
        int64_t steps[2] = {0, 0};
        xp__cast_loop(XP_FLOAT64, r->dtype)(1, args, steps, NULL);
    }
    XP_LEAVE(r);
}

static xp_array *linspace_impl(const char *fn, double s_re, double s_im, double e_re,
                               double e_im, int64_t num, bool cplx,
                               const xp_linspace_opts *opts) {
    xp_create_opts co = {opts ? opts->dtype : XP_DTYPE_DEFAULT,
                         opts ? opts->device : XP_DEVICE_DEFAULT};
    xp_dtype dt;
    xp_device dev;
    xp_array *err = resolve(fn, &co, cplx ? XP_COMPLEX128 : XP_FLOAT64, &dt, &dev);
    if (err) return err;
    if (num < 0) return xp__error(XP_ERR_VALUE, fn, "argument 'num' must be >= 0");
    if (cplx && xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING)
        return xp__error(XP_ERR_TYPE, fn, "complex endpoints need a complex dtype, not %s",
                         xp_dtype_name(dt));
    bool endpoint = !(opts && opts->no_endpoint);
    xp_array *r = xp__new(fn, XP_COMPLEX128, 1, &num, dev);
    if (xp_failed(r)) return r;
    double *p = (double *)xp__data(r);
    int64_t div = endpoint ? num - 1 : num;
    double st_re = div > 0 ? (e_re - s_re) / (double)div : 0;
    double st_im = div > 0 ? (e_im - s_im) / (double)div : 0;
    for (int64_t i = 0; i < num; i++) {
        p[2 * i] = s_re + (double)i * st_re;
        p[2 * i + 1] = s_im + (double)i * st_im;
    }
    if (endpoint && num > 1) {
        p[2 * (num - 1)] = e_re;
        p[2 * (num - 1) + 1] = e_im;
    }
    if (!cplx) {
        /* real output: take the real components without the complex→real refusal */
        xp_array *c = xp__new(fn, dt, 1, &num, dev);
        if (!xp_failed(c) && num) {
            char *args[2] = {(char *)p, xp__data(c)};
            int64_t steps[2] = {16, (int64_t)xp_dtype_size(dt)};
            xp__cast_loop(XP_FLOAT64, dt)(num, args, steps, NULL);
        }
        xp_release(r);
        return c;
    }
    if (dt != XP_COMPLEX128) {
        xp_array *c = xp__copy_as(fn, r, dt);
        xp_release(r);
        r = c;
    }
    return r;
}

XP_API xp_array *xp_linspace(double start, double stop, int64_t num,
                             const xp_linspace_opts *opts) {
    XP_ENTER;
    XP_LEAVE(linspace_impl("xp_linspace", start, 0, stop, 0, num, false, opts));
}

XP_API xp_array *xp_linspace_complex(double start_re, double start_im, double stop_re,
                                     double stop_im, int64_t num, const xp_linspace_opts *opts) {
    XP_ENTER;
    XP_LEAVE(linspace_impl("xp_linspace_complex", start_re, start_im, stop_re, stop_im, num,
                           true, opts));
}

/* ---- meshgrid ------------------------------------------------------------- */

XP_API xp_status xp_meshgrid(int n, const xp_array *const *arrays, xp_indexing indexing,
                             xp_array **out) {
    static const char fn[] = "xp_meshgrid";
    XP_ENTER;
    xp_array *err = NULL;
    if (n < 0 || n > XP_MAX_NDIM || (n > 0 && (!arrays || !out)))
        err = xp__error(XP_ERR_VALUE, fn, "argument 'arrays': %d arrays (allowed 0..%d)", n,
                        XP_MAX_NDIM);
    if (!err && indexing != XP_INDEXING_XY && indexing != XP_INDEXING_IJ)
        err = xp__error(XP_ERR_VALUE, fn, "argument 'indexing' must be 'xy' or 'ij'");
    for (int i = 0; !err && i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "arrays[%d]", i);
        if ((err = xp__check(fn, name, arrays[i]))) break;
        if (arrays[i]->ndim != 1)
            err = xp__error(XP_ERR_VALUE, fn, "argument 'arrays[%d]' must be 1-D, not %d-D", i,
                            arrays[i]->ndim);
        else if (arrays[i]->dtype != arrays[0]->dtype)
            err = xp__error(XP_ERR_TYPE, fn, "arrays must share one dtype (%s and %s)",
                            xp_dtype_name(arrays[0]->dtype), xp_dtype_name(arrays[i]->dtype));
        else if (arrays[i]->device != arrays[0]->device)
            err = xp__error(XP_ERR_DEVICE, fn, "arrays must share one device");
    }
    if (err) {
        if (out) return xp__leave_n(xp__fail_all(err, n, out), n, out);
        xp_status st = err->status;
        xp_release(err);
        return xp__leave_n(st, 0, NULL);
    }
    int64_t shape[XP_MAX_NDIM];
    for (int i = 0; i < n; i++) shape[i] = arrays[i]->shape[0];
    bool swap = indexing == XP_INDEXING_XY && n >= 2;
    if (swap) {
        shape[0] = arrays[1]->shape[0];
        shape[1] = arrays[0]->shape[0];
    }
    for (int i = 0; i < n; i++) out[i] = NULL;
    for (int i = 0; i < n; i++) {
        int axis = swap && i < 2 ? 1 - i : i;
        int64_t vshape[XP_MAX_NDIM], vstr[XP_MAX_NDIM];
        for (int d = 0; d < n; d++) {
            vshape[d] = d == axis ? shape[d] : 1;
            vstr[d] = d == axis ? arrays[i]->strides[0] : 0;
        }
        xp_array *v = xp__view(fn, arrays[i], arrays[i]->dtype, n, vshape, vstr, arrays[i]->offset);
        xp_array *r = xp_failed(v) ? xp_retain(v) : xp__new(fn, arrays[i]->dtype, n, shape, arrays[i]->device);
        if (!xp_failed(r)) xp__copy_into(r, v);
        xp_release(v);
        if (xp_failed(r)) {
            for (int j = 0; j < i; j++) xp_release(out[j]);
            return xp__leave_n(xp__fail_all(r, n, out), n, out);
        }
        out[i] = r;
    }
    return xp__leave_n(XP_OK, n, out);
}

/* ---- tril / triu ---------------------------------------------------------- */

static xp_array *tri(const char *fn, const xp_array *x, int64_t k, bool lower) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (x->ndim < 2)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x' must have at least 2 dimensions, not %d",
                         x->ndim);
    xp_array *r = xp__copy_as(fn, x, x->dtype);
    if (xp_failed(r)) return r;
    int64_t m = x->shape[x->ndim - 2], n = x->shape[x->ndim - 1];
    int64_t batch = (m > 0 && n > 0) ? r->size / (m * n) : 0;
    size_t is = xp_dtype_size(x->dtype);
    char *p = xp__data(r);
    for (int64_t b = 0; b < batch; b++)
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < n; j++) {
                /* keep j - i <= k (tril) or j - i >= k (triu), without overflow */
                __int128 d = (__int128)j - i;
                bool keep = lower ? d <= k : d >= k;
                if (!keep) memset(p + ((b * m + i) * n + j) * (int64_t)is, 0, is);
            }
    return r;
}

XP_API xp_array *xp_tril(const xp_array *x, int64_t k) {
    XP_ENTER;
    XP_LEAVE(tri("xp_tril", x, k, true));
}

XP_API xp_array *xp_triu(const xp_array *x, int64_t k) {
    XP_ENTER;
    XP_LEAVE(tri("xp_triu", x, k, false));
}

/* ---- astype, asarray ------------------------------------------------------ */

XP_API xp_array *xp_astype(const xp_array *x, xp_dtype dtype, const xp_astype_opts *opts) {
    static const char fn[] = "xp_astype";
    XP_ENTER;
    xp_device dev;
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check_dtype(fn, "dtype", dtype);
    if (!err) err = xp__check_device(fn, opts && opts->device ? opts->device : x->device, &dev);
    if (err) XP_LEAVE(err);
    if (xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING &&
        !(xp_dtype_kind(dtype) & (XP_KIND_COMPLEX_FLOATING | XP_KIND_BOOL)))
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn,
                           "argument 'dtype': casting complex to %s is not permitted (take "
                           "xp_real or xp_abs first)",
                           xp_dtype_name(dtype)));
    xp_copy c = opts ? opts->copy : XP_COPY_DEFAULT;
    if ((err = xp__check_copy(fn, c))) XP_LEAVE(err);
    if (c == XP_COPY_FALSE && dtype == x->dtype && dev == x->device && !x->weak)
        XP_LEAVE(xp_retain(x));
    XP_LEAVE(xp__copy_to(fn, x, dtype, dev));
}

/* asarray of a stored array: to one of this flavor's devices through the host
 * (to_host), to another device through the storage's own to_device. */
static xp_array *from_stored(const char *fn, const xp_array *x, const xp_asarray_opts *opts) {
    xp_device want = opts && opts->device ? opts->device : xp__default_device();
    xp_array *err = opts && opts->dtype ? xp__check_dtype(fn, "dtype", opts->dtype) : NULL;
    if (err) return err;
    if (opts && opts->copy == XP_COPY_FALSE)
        return xp__error(XP_ERR_VALUE, fn, "argument 'copy': copy=False, but a '%s' array "
                         "needs a copy to reach host memory", x->buf->storage->name);
    if (!xp__device_known(want)) {
        xp_array *out = NULL;
        xp_status st = x->buf->storage->to_device ? x->buf->storage->to_device(x, x->buf->storage_ctx, want, &out)
                                             : XP_ERR_DEVICE;
        if (st == XP_OK && out) return out;
        if (out) xp_release(out);
        return xp__error(st == XP_OK ? XP_ERR_DEVICE : st, fn,
                         "argument 'device': the '%s' array cannot be copied to device (%d, %d)",
                         x->buf->storage->name, (int)XP_DEVICE_TYPE(want), (int)XP_DEVICE_ID(want));
    }
    xp_array *h = xp__stored_to_host(fn, x, want);
    if (xp_failed(h) || !opts || !opts->dtype || opts->dtype == h->dtype) return h;
    xp_array *r = xp__copy_to(fn, h, opts->dtype, want);
    xp_release(h);
    return r;
}

XP_API xp_array *xp_asarray(const xp_array *x, const xp_asarray_opts *opts) {
    static const char fn[] = "xp_asarray";
    XP_ENTER;
    xp_device dev;
    if (x && !(x->flags & XP__F_ERROR) && x->buf->storage) XP_LEAVE(from_stored(fn, x, opts));
    xp_array *err = xp__check(fn, "obj", x);
    if (!err && opts && opts->dtype) err = xp__check_dtype(fn, "dtype", opts->dtype);
    if (!err) err = xp__check_device(fn, opts && opts->device ? opts->device : x->device, &dev);
    if (err) XP_LEAVE(err);
    xp_dtype dt = opts && opts->dtype ? opts->dtype
                  : x->weak           ? xp__weak_default(x->weak)
                                      : x->dtype;
    xp_copy c = opts ? opts->copy : XP_COPY_DEFAULT;
    if ((err = xp__check_copy(fn, c))) XP_LEAVE(err);
    bool need = x->weak || dt != x->dtype || dev != x->device;
    if (c == XP_COPY_FALSE && need && !x->weak)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                           "argument 'copy': copy=False, but converting %s to %s needs a copy",
                           xp_dtype_name(x->dtype), xp_dtype_name(dt)));
    if (x->weak && xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING &&
        xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "a complex scalar does not fit dtype %s",
                           xp_dtype_name(dt)));
    if (x->weak && !xp__weak_int_fits(x, dt)) {
        char t[24];
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'obj': the integer %s is out of range for %s",
                           xp__weak_int_text(x, t), xp_dtype_name(dt)));
    }
    if (!need && c != XP_COPY_TRUE) XP_LEAVE(xp_retain(x));
    XP_LEAVE(xp__copy_to(fn, x, dt, dev));
}

XP_API xp_array *xp_ascontiguousarray(const xp_array *x, xp_dtype dtype) {
    static const char fn[] = "xp_ascontiguousarray";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (!err && dtype) err = xp__check_dtype(fn, "dtype", dtype);
    if (err) XP_LEAVE(err);
    xp_dtype dt = dtype ? dtype : x->weak ? xp__weak_default(x->weak) : x->dtype;
    if (x->weak && xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING &&
        xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "a complex scalar does not fit dtype %s",
                           xp_dtype_name(dt)));
    if (!x->weak && dt == x->dtype && xp__is_c_contig(x)) XP_LEAVE(xp_retain(x));
    XP_LEAVE(xp__copy_to(fn, x, dt, x->device));
}

XP_API xp_array *xp_asarray_buffer(const void *data, xp_dtype dtype, int ndim,
                                   const int64_t *shape, const xp_asarray_opts *opts) {
    static const char fn[] = "xp_asarray_buffer";
    XP_ENTER;
    int64_t size;
    xp_device dev;
    xp_array *err = xp__check_dtype(fn, "dtype", dtype);
    if (!err && opts && opts->dtype) err = xp__check_dtype(fn, "opts.dtype", opts->dtype);
    if (!err) err = xp__check_shape(fn, ndim, shape, dtype, &size);
    if (!err && !data && size > 0) err = xp__error(XP_ERR_TYPE, fn, "argument 'data' is NULL");
    if (!err) err = xp__check_device(fn, opts ? opts->device : XP_DEVICE_DEFAULT, &dev);
    if (!err && opts) err = xp__check_copy(fn, opts->copy);
    if (err) XP_LEAVE(err);
    xp_dtype dt = opts && opts->dtype ? opts->dtype : dtype;
    xp_copy c = opts ? opts->copy : XP_COPY_DEFAULT;
    if (c == XP_COPY_FALSE) {
        if (dt != dtype)
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                               "argument 'copy': copy=False, but converting %s to %s needs a copy",
                               xp_dtype_name(dtype), xp_dtype_name(dt)));
        XP_LEAVE(xp__wrap(fn, (void *)data, dtype, ndim, shape, NULL, NULL, NULL, false));
    }
    xp_array *r = xp__new(fn, dt, ndim, shape, dev);
    if (xp_failed(r) || size == 0) XP_LEAVE(r);
    char *args[2] = {(char *)data, xp__data(r)};
    int64_t steps[2] = {(int64_t)xp_dtype_size(dtype), (int64_t)xp_dtype_size(dt)};
    xp__cast_loop(dtype, dt)(size, args, steps, NULL);
    XP_LEAVE(r);
}
