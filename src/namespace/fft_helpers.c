/* The fft extension's helper functions (fftfreq, rfftfreq, fftshift, ifftshift)
 * and the planner/wisdom entry points, which forward to the adapters' slots. */
#include "iter.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- sample frequencies --------------------------------------------------- */

static xp_array *freq(const char *fn, int64_t n, const xp_fftfreq_opts *o, bool half) {
    xp_dtype dt = o && o->dtype ? o->dtype : XP_FLOAT64;
    xp_device dev;
    xp_array *err = xp__check_dtype(fn, "dtype", dt);
    if (!err && dt != XP_FLOAT32 && dt != XP_FLOAT64)
        err = xp__error(XP_ERR_TYPE, fn, "argument 'dtype' must be a real floating-point dtype, not %s",
                        xp_dtype_name(dt));
    if (!err) err = xp__check_device(fn, o ? o->device : XP_DEVICE_DEFAULT, &dev);
    if (!err && n < 1)
        err = xp__error(XP_ERR_VALUE, fn, "argument 'n' must be >= 1, not %lld", (long long)n);
    if (err) return err;
    double d = o && (o->has_d || o->d != 0) ? o->d : 1.0;
    int64_t len = half ? n / 2 + 1 : n;
    xp_array *r = xp__new(fn, dt, 1, &len, dev);
    if (xp_failed(r)) return r;
    double val = 1.0 / ((double)n * d);
    int64_t npos = (n - 1) / 2 + 1; /* fftfreq: [0, ..., (n-1)/2] then negatives */
    for (int64_t i = 0; i < len; i++) {
        int64_t k = half || i < npos ? i : i - n;
        double v = (double)k * val;
        if (dt == XP_FLOAT32)
            ((float *)xp__data(r))[i] = (float)v;
        else
            ((double *)xp__data(r))[i] = v;
    }
    return r;
}

XP_API xp_array *xp_fft_fftfreq(int64_t n, const xp_fftfreq_opts *opts) {
    XP_ENTER;
    XP_LEAVE(freq("xp_fft_fftfreq", n, opts, false));
}

XP_API xp_array *xp_fft_rfftfreq(int64_t n, const xp_fftfreq_opts *opts) {
    XP_ENTER;
    XP_LEAVE(freq("xp_fft_rfftfreq", n, opts, true));
}

/* ---- shifts --------------------------------------------------------------- */

/* Copies src's extent [s0, s0+len) along `axis` into dst's [d0, d0+len). */
static xp_status copy_block(const char *fn, xp_array *dst, const xp_array *src, int axis,
                            int64_t d0, int64_t s0, int64_t len) {
    if (len == 0) return XP_OK;
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, src->shape, (size_t)src->ndim * sizeof *shape);
    shape[axis] = len;
    xp_array *vs = xp__view(fn, src, src->dtype, src->ndim, shape, src->strides,
                            src->offset + s0 * src->strides[axis]);
    xp_array *vd = xp__view(fn, dst, dst->dtype, dst->ndim, shape, dst->strides,
                            dst->offset + d0 * dst->strides[axis]);
    xp_status st = xp_failed(vs) || xp_failed(vd) ? XP_ERR_NOMEM : xp__copy_into(vd, vs);
    xp_release(vs);
    xp_release(vd);
    return st;
}

static xp_array *shift(const char *fn, const xp_array *x, const xp_fftshift_opts *o, bool inverse) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    int64_t ax[XP_MAX_NDIM];
    int k = 0;
    if (o && (o->axes.tuple || o->axes.n)) {
        if (o->axes.n < 0 || o->axes.n > XP_MAX_NDIM)
            return xp__error(XP_ERR_VALUE, fn, "argument 'axes': bad length %d", (int)o->axes.n);
        for (k = 0; k < o->axes.n; k++) {
            int64_t a = o->axes.v[k];
            if (a < -(int64_t)x->ndim || a >= x->ndim)
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument 'axes': axis %lld is out of range for %d-D input",
                                 (long long)a, x->ndim);
            ax[k] = a < 0 ? a + x->ndim : a;
        }
    } else {
        for (k = 0; k < x->ndim; k++) ax[k] = k;
    }
    xp_array *r = xp__copy_as(fn, x, x->dtype);
    if (xp_failed(r) || r->size == 0) return r;
    xp_array *t = NULL;
    for (int i = 0; i < k; i++) {
        int64_t n = r->shape[ax[i]];
        int64_t s = inverse ? n - n / 2 : n / 2; /* roll by s: out[(j+s)%n] = in[j] */
        if (n < 2 || s == 0) continue;
        if (!t) {
            t = xp__new(fn, r->dtype, r->ndim, r->shape, r->device);
            if (xp_failed(t)) {
                xp_release(r);
                return t;
            }
        }
        xp_status st = copy_block(fn, t, r, (int)ax[i], s, 0, n - s);
        if (st == XP_OK) st = copy_block(fn, t, r, (int)ax[i], 0, n - s, s);
        if (st != XP_OK) {
            xp_release(r);
            xp_release(t);
            return xp__error(st, fn, "cannot copy the input");
        }
        xp_array *sw = r;
        r = t;
        t = sw;
    }
    xp_release(t);
    return r;
}

XP_API xp_array *xp_fft_fftshift(const xp_array *x, const xp_fftshift_opts *opts) {
    XP_ENTER;
    XP_LEAVE(shift("xp_fft_fftshift", x, opts, false));
}

XP_API xp_array *xp_fft_ifftshift(const xp_array *x, const xp_fftshift_opts *opts) {
    XP_ENTER;
    XP_LEAVE(shift("xp_fft_ifftshift", x, opts, true));
}

/* ---- planner and wisdom --------------------------------------------------- */

/* No adapter took the call: none provides it, or the stack was refused. */
static xp_status none_took(void) {
    return xp_adapters_status(NULL) == XP_OK ? XP_ERR_NOT_IMPLEMENTED : XP_ERR_BACKEND;
}

XP_API xp_status xp_fft_set_planner(xp_fft_planner effort, double time_limit) {
    if ((int)effort < XP_FFT_PLANNER_ESTIMATE || (int)effort > XP_FFT_PLANNER_EXHAUSTIVE)
        return XP_ERR_VALUE;
    xp_status st = XP_ERR_NOT_IMPLEMENTED;
    for (const xp_adapter *const *a = xp_adapters(); *a; a++)
        if ((*a)->fft.set_planner) {
            xp_status s = (*a)->fft.set_planner((int)effort, time_limit);
            if (s != XP_ERR_NOT_IMPLEMENTED) st = s;
            if (s != XP_OK && s != XP_ERR_NOT_IMPLEMENTED) return s;
        }
    return st == XP_ERR_NOT_IMPLEMENTED ? none_took() : st;
}

XP_API xp_status xp_fft_export_wisdom(char *buf, size_t cap, size_t *len) {
    for (const xp_adapter *const *a = xp_adapters(); *a; a++)
        if ((*a)->fft.export_wisdom) {
            xp_status s = (*a)->fft.export_wisdom(buf, cap, len);
            if (s != XP_ERR_NOT_IMPLEMENTED) return s;
        }
    return none_took();
}

XP_API xp_status xp_fft_import_wisdom(const char *wisdom) {
    if (!wisdom) return XP_ERR_TYPE;
    for (const xp_adapter *const *a = xp_adapters(); *a; a++)
        if ((*a)->fft.import_wisdom) {
            xp_status s = (*a)->fft.import_wisdom(wisdom);
            if (s != XP_ERR_NOT_IMPLEMENTED) return s;
        }
    return none_took();
}

XP_API xp_status xp_fft_export_wisdom_file(const char *path) {
    if (!path) return XP_ERR_TYPE;
    size_t len = 0;
    xp_status st = xp_fft_export_wisdom(NULL, 0, &len);
    if (st != XP_OK && st != XP_ERR_VALUE) return st;
    char *buf = xp__scratch(len + 1);
    if (!buf) return XP_ERR_NOMEM;
    st = xp_fft_export_wisdom(buf, len + 1, &len);
    if (st == XP_OK) {
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(buf, 1, len, f) != len) st = XP_ERR_IO;
        if (f && fclose(f) != 0) st = XP_ERR_IO;
    }
    xp__scratch_free(buf, len + 1);
    return st;
}

XP_API xp_status xp_fft_import_wisdom_file(const char *path) {
    if (!path) return XP_ERR_TYPE;
    FILE *f = fopen(path, "rb");
    if (!f) return XP_ERR_IO;
    xp_status st = XP_OK;
    char *buf = NULL;
    long sz = -1;
    if (fseek(f, 0, SEEK_END) == 0) sz = ftell(f);
    if (sz < 0 || fseek(f, 0, SEEK_SET) != 0) st = XP_ERR_IO;
    if (st == XP_OK && !(buf = xp__scratch((size_t)sz + 1))) st = XP_ERR_NOMEM;
    if (st == XP_OK && fread(buf, 1, (size_t)sz, f) != (size_t)sz) st = XP_ERR_IO;
    fclose(f);
    if (st == XP_OK) {
        buf[sz] = '\0';
        st = xp_fft_import_wisdom(buf);
    }
    if (buf) xp__scratch_free(buf, (size_t)sz + 1);
    return st;
}
