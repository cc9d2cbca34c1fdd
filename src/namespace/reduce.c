/* Reduction machinery: axes, block layouts, the reduction slots (issue 5). */
#include "reduce.h"

xp_array *xp__axes_mask(const char *fn, const char *arg, int ndim, const xp_axes *axes,
                        bool *red) {
    for (int d = 0; d < ndim; d++) red[d] = false;
    if (!axes || (!axes->tuple && axes->n == 0)) {
        for (int d = 0; d < ndim; d++) red[d] = true;
        return NULL;
    }
    if (axes->n < 0 || axes->n > XP_MAX_NDIM)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': %d axes given", arg, (int)axes->n);
    int lim = ndim > 0 ? ndim : 1;
    for (int i = 0; i < axes->n; i++) {
        int64_t a = axes->v[i];
        if (a < -lim || a >= lim)
            return xp__error(XP_ERR_INDEX, fn,
                             "argument '%s': axis %lld is out of range for a %d-D array", arg,
                             (long long)a, ndim);
        if (a < 0) a += lim;
        if (ndim == 0) continue;
        if (red[a])
            return xp__error(XP_ERR_INDEX, fn, "argument '%s': axis %lld is repeated", arg,
                             (long long)axes->v[i]);
        red[a] = true;
    }
    return NULL;
}

xp_array *xp__one_axis(const char *fn, const char *arg, int ndim, const xp_axes *axis,
                       int none_value, int *out) {
    if (!axis || (!axis->tuple && axis->n == 0)) {
        *out = none_value;
        return NULL;
    }
    if (axis->n != 1)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': expected one axis, got %d", arg,
                         (int)axis->n);
    int64_t a = axis->v[0];
    if (a < -ndim || a >= ndim)
        return xp__error(XP_ERR_INDEX, fn,
                         "argument '%s': axis %lld is out of range for a %d-D array", arg,
                         (long long)a, ndim);
    *out = (int)(a < 0 ? a + ndim : a);
    return NULL;
}

int xp__red_shape(const xp_array *x, const bool *red, bool keepdims, int64_t *shape) {
    int k = 0;
    for (int d = 0; d < x->ndim; d++) {
        if (!red[d])
            shape[k++] = x->shape[d];
        else if (keepdims)
            shape[k++] = 1;
    }
    return k;
}

xp_array *xp__red_block(const char *fn, const xp_array *x, const bool *red, xp_dtype dt,
                        xp_red3 *L) {
    int64_t kept = 1, nred = 1;
    for (int d = 0; d < x->ndim; d++) {
        if (red[d])
            nred *= x->shape[d];
        else
            kept *= x->shape[d];
    }
    if (x->size == 0) {
        *L = (xp_red3){kept, nred, 1};
        return xp_retain(x);
    }
    if (x->dtype == dt && xp__is_c_contig(x)) {
        /* the reduced axes (ignoring extent 1) must form one run */
        int first = -1, last = -1, prev = -1;
        bool ok = true;
        for (int d = 0; d < x->ndim; d++) {
            if (x->shape[d] == 1) continue;
            if (red[d]) {
                if (first < 0)
                    first = d;
                else if (!red[prev])
                    ok = false;
                last = d;
            }
            prev = d;
        }
        if (ok) {
            if (first < 0) {
                *L = (xp_red3){x->size, 1, 1};
            } else {
                int64_t o = 1, n = 1, in = 1;
                for (int d = 0; d < first; d++) o *= x->shape[d];
                for (int d = first; d <= last; d++) n *= x->shape[d];
                for (int d = last + 1; d < x->ndim; d++) in *= x->shape[d];
                *L = (xp_red3){o, n, in};
            }
            return xp_retain(x);
        }
    }
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!red[d]) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    xp_array *v = xp__view(fn, x, x->dtype, x->ndim, shape, strides, x->offset);
    if (xp_failed(v)) return v;
    xp_array *r = xp__copy_as(fn, v, dt);
    xp_release(v);
    *L = (xp_red3){kept, nred, 1};
    return r;
}

xp_status xp__reduce_run(xp_reduce_op op, xp_dtype dt, const xp_red3 *L, const void *x,
                         void *out) {
    const xp_adapter *const *ad = xp_adapters();
    for (int i = 0; ad[i]; i++) {
        xp_reduce_fn f = ad[i]->reduce.fn[op][dt];
        if (!f) continue;
        xp_status s = f(L->outer, L->n, L->inner, x, out);
        if (s != XP_ERR_NOT_IMPLEMENTED) return s;
    }
    return XP_ERR_NOT_IMPLEMENTED;
}

void xp__split3(int ndim, const int64_t *shape, int axis, int64_t *outer, int64_t *m,
                int64_t *inner) {
    int64_t o = 1, in = 1;
    for (int d = 0; d < axis; d++) o *= shape[d];
    for (int d = axis + 1; d < ndim; d++) in *= shape[d];
    *outer = o;
    *m = ndim ? shape[axis] : 1;
    *inner = in;
}

xp_array *xp__axis_last(const char *fn, const xp_array *x, int axis, xp_dtype dt) {
    bool last = true;
    for (int d = axis + 1; d < x->ndim; d++)
        if (x->shape[d] != 1) last = false;
    if (last && x->dtype == dt && xp__is_c_contig(x)) return xp_retain(x);
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < x->ndim; d++)
        if (d != axis) shape[k] = x->shape[d], strides[k++] = x->strides[d];
    if (x->ndim) shape[k] = x->shape[axis], strides[k] = x->strides[axis];
    xp_array *v = xp__view(fn, x, x->dtype, x->ndim, shape, strides, x->offset);
    if (xp_failed(v)) return v;
    xp_array *r = xp__copy_as(fn, v, dt);
    xp_release(v);
    return r;
}

xp_status xp__axis_back(xp_array *out, const xp_array *tmp, int axis) {
    if (tmp == out) return XP_OK;
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int k = 0;
    for (int d = 0; d < out->ndim; d++)
        if (d != axis) shape[k] = out->shape[d], strides[k++] = out->strides[d];
    if (out->ndim) shape[k] = out->shape[axis], strides[k] = out->strides[axis];
    xp_array *v = xp__view("xp_sort", out, out->dtype, out->ndim, shape, strides, out->offset);
    if (xp_failed(v)) {
        xp_status s = xp_error_status(v);
        xp_release(v);
        return s;
    }
    /* the view is writable: out is a fresh array */
    xp_status s = xp__copy_into(v, tmp);
    xp_release(v);
    return s;
}

xp_dtype xp__acc_dtype(xp_dtype dt) {
    switch (dt) {
    case XP_BOOL:
    case XP_INT8:
    case XP_INT16:
    case XP_INT32: return XP_INT64;
    case XP_UINT8:
    case XP_UINT16:
    case XP_UINT32: return XP_UINT64;
    default: return dt;
    }
}
