/* Reading arrays from C without allocating: dimensions by axis, single elements
 * by index, and copies into the caller's buffer. */
#include "iter.h"

#include <complex.h>

XP_API int64_t xp_array_dim(const xp_array *x, int axis) {
    if (!x || (x->flags & XP__F_ERROR)) return -1;
    if (axis < 0) axis += x->ndim;
    if (axis < 0 || axis >= x->ndim) return -1;
    return x->shape[axis];
}

/* The address of x[idx] after checks; NULL with the last error set. */
static const char *element(const char *fn, const xp_array *x, const int64_t *idx) {
    if (!x) {
        xp__status_error(XP_ERR_TYPE, fn, "argument 'x' is NULL");
        return NULL;
    }
    if (x->flags & XP__F_RELEASED) {
        xp__status_of(xp__released_error(fn, "x"));
        return NULL;
    }
    if (x->flags & XP__F_ERROR) {
        xp__status_error(x->status, fn, "argument 'x' is an error array: %s", x->message);
        return NULL;
    }
    if (XP_DEVICE_TYPE(x->device) != 1) {
        xp__status_error(XP_ERR_DEVICE, fn, "argument 'x' is not in host memory");
        return NULL;
    }
    if (x->ndim && !idx) {
        xp__status_error(XP_ERR_INDEX, fn, "argument 'idx' is NULL for a %d-D array", x->ndim);
        return NULL;
    }
    const char *p = xp__data(x);
    for (int d = 0; d < x->ndim; d++) {
        int64_t i = idx[d], n = x->shape[d];
        if (i < 0) i += n;
        if (i < 0 || i >= n) {
            xp__status_error(XP_ERR_INDEX, fn,
                             "argument 'idx': index %lld is out of bounds for axis %d with size "
                             "%lld",
                             (long long)idx[d], d, (long long)n);
            return NULL;
        }
        p += i * x->strides[d];
    }
    return p;
}

/* One element as a complex double (every dtype converts). */
static double complex value_at(xp_dtype dt, const char *p) {
    switch (dt) {
    case XP_BOOL: return *(const uint8_t *)p ? 1 : 0;
    case XP_INT8: return *(const int8_t *)p;
    case XP_INT16: return *(const int16_t *)p;
    case XP_INT32: return *(const int32_t *)p;
    case XP_INT64: return (double)*(const int64_t *)p;
    case XP_UINT8: return *(const uint8_t *)p;
    case XP_UINT16: return *(const uint16_t *)p;
    case XP_UINT32: return *(const uint32_t *)p;
    case XP_UINT64: return (double)*(const uint64_t *)p;
    case XP_FLOAT32: return *(const float *)p;
    case XP_FLOAT64: return *(const double *)p;
    case XP_COMPLEX64: return *(const float complex *)p;
    case XP_COMPLEX128: return *(const double complex *)p;
    default: return 0;
    }
}

XP_API xp_status xp_array_get_double(const xp_array *x, const int64_t *idx, double *out) {
    static const char fn[] = "xp_array_get_double";
    if (!out) return xp__status_error(XP_ERR_TYPE, fn, "argument 'out' is NULL");
    const char *p = element(fn, x, idx);
    if (!p) return xp_last_error_status();
    if (xp_dtype_kind(x->dtype) == XP_KIND_COMPLEX_FLOATING)
        return xp__status_error(XP_ERR_TYPE, fn,
                                "argument 'x' is %s: use xp_array_get_complex",
                                xp_dtype_name(x->dtype));
    *out = creal(value_at(x->dtype, p));
    return XP_OK;
}

XP_API xp_status xp_array_get_int64(const xp_array *x, const int64_t *idx, int64_t *out) {
    static const char fn[] = "xp_array_get_int64";
    if (!out) return xp__status_error(XP_ERR_TYPE, fn, "argument 'out' is NULL");
    const char *p = element(fn, x, idx);
    if (!p) return xp_last_error_status();
    xp_kind k = xp_dtype_kind(x->dtype);
    if (x->dtype == XP_UINT64) {
        uint64_t u = *(const uint64_t *)p;
        if (u > (uint64_t)INT64_MAX)
            return xp__status_error(XP_ERR_OVERFLOW, fn, "the element %llu does not fit int64",
                                    (unsigned long long)u);
        *out = (int64_t)u;
        return XP_OK;
    }
    if (!(k & (XP_KIND_INTEGRAL | XP_KIND_BOOL)))
        return xp__status_error(XP_ERR_TYPE, fn,
                                "argument 'x' is %s: use xp_array_get_double for floating dtypes",
                                xp_dtype_name(x->dtype));
    *out = x->dtype == XP_INT64 ? *(const int64_t *)p : (int64_t)creal(value_at(x->dtype, p));
    return XP_OK;
}

XP_API xp_status xp_array_get_complex(const xp_array *x, const int64_t *idx, double out[2]) {
    static const char fn[] = "xp_array_get_complex";
    if (!out) return xp__status_error(XP_ERR_TYPE, fn, "argument 'out' is NULL");
    const char *p = element(fn, x, idx);
    if (!p) return xp_last_error_status();
    double complex v = value_at(x->dtype, p);
    out[0] = creal(v);
    out[1] = cimag(v);
    return XP_OK;
}

XP_API xp_status xp_array_copy_to(const xp_array *x, void *buf, size_t nbytes) {
    static const char fn[] = "xp_array_copy_to";
    xp_array *err = xp__check(fn, "x", x);
    if (err) return xp__status_of(err);
    if (XP_DEVICE_TYPE(x->device) != 1)
        return xp__status_error(XP_ERR_DEVICE, fn, "argument 'x' is not in host memory");
    size_t need = (size_t)x->size * xp_dtype_size(x->dtype);
    if (nbytes < need)
        return xp__status_error(XP_ERR_VALUE, fn,
                                "argument 'nbytes': %zu bytes is too small for %lld elements of "
                                "%s (%zu bytes)",
                                nbytes, (long long)x->size, xp_dtype_name(x->dtype), need);
    if (!need) return XP_OK;
    if (!buf) return xp__status_error(XP_ERR_TYPE, fn, "argument 'buf' is NULL");
    if (xp__is_c_contig(x)) {
        memcpy(buf, xp__data(x), need);
        return XP_OK;
    }
    int64_t strides[XP_MAX_NDIM];
    xp__c_strides(x->ndim, x->shape, (int64_t)xp_dtype_size(x->dtype), strides);
    const int64_t *st[2] = {x->strides, strides};
    char *base[2] = {xp__data(x), buf};
    size_t w = xp_dtype_size(x->dtype);
    xp_iter it;
    if (xp__iter_init(&it, 2, base, x->ndim, x->shape, st)) do {
            for (int64_t i = 0; i < it.inner_n; i++)
                memcpy(it.ptr[1] + i * it.inner_step[1], it.ptr[0] + i * it.inner_step[0], w);
        } while (xp__iter_next(&it));
    return XP_OK;
}
