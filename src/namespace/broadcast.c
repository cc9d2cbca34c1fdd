/* broadcast_shapes, broadcast_to, broadcast_arrays. */
#include "iter.h"

#include <stdio.h>

XP_API xp_status xp_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes,
                                     int *out_ndim, int64_t *out_shape) {
    if (n < 0 || !out_ndim || !out_shape || (n > 0 && (!ndims || !shapes))) return XP_ERR_VALUE;
    for (int i = 0; i < n; i++)
        if (ndims[i] > 0 && !shapes[i]) return XP_ERR_VALUE;
    xp_array *err = xp__bcast_shapes("xp_broadcast_shapes", n, ndims, shapes, out_ndim, out_shape);
    if (!err) return XP_OK;
    xp_status st = err->status;
    xp_release(err);
    return st;
}

static xp_array *bcast_to(const char *fn, const xp_array *x, int ndim, const int64_t *shape) {
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check_shape(fn, ndim, shape, x->dtype, NULL);
    if (err) return err;
    if (ndim < x->ndim)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'shape': %d dimensions cannot hold x's %d", ndim, x->ndim);
    int off = ndim - x->ndim;
    for (int d = 0; d < x->ndim; d++)
        if (x->shape[d] != 1 && x->shape[d] != shape[off + d])
            return xp__error(XP_ERR_VALUE, fn,
                             "argument 'shape': x's axis %d of extent %lld does not broadcast "
                             "to %lld",
                             d, (long long)x->shape[d], (long long)shape[off + d]);
    int64_t strides[XP_MAX_NDIM];
    xp__bcast_strides(x, ndim, shape, strides);
    xp_array *v = xp__view(fn, x, x->dtype, ndim, shape, strides, x->offset);
    if (!xp_failed(v)) {
        /* a broadcast view repeats elements: writing through it would alias */
        bool repeats = false;
        for (int d = 0; d < ndim; d++)
            if (strides[d] == 0 && shape[d] > 1) repeats = true;
        if (repeats) v->flags |= XP__F_READONLY;
    }
    return v;
}

XP_API xp_array *xp_broadcast_to(const xp_array *x, int ndim, const int64_t *shape) {
    XP_ENTER;
    XP_LEAVE(bcast_to("xp_broadcast_to", x, ndim, shape));
}

XP_API xp_status xp_broadcast_arrays(int n, const xp_array *const *arrays, xp_array **out) {
    static const char fn[] = "xp_broadcast_arrays";
    XP_ENTER;
    if (n < 0 || (n > 0 && (!arrays || !out))) {
        return xp__leave_n(XP_ERR_VALUE, 0, NULL);
    }
    xp_array *err = NULL;
    int ndims[XP_MAX_NDIM > 256 ? XP_MAX_NDIM : 256];
    const int64_t *shapes[256];
    if (n > 256) err = xp__error(XP_ERR_VALUE, fn, "too many arrays (%d, at most 256)", n);
    for (int i = 0; !err && i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "arrays[%d]", i);
        if ((err = xp__check(fn, name, arrays[i]))) break;
        if (arrays[i]->device != arrays[0]->device)
            err = xp__error(XP_ERR_DEVICE, fn, "argument 'arrays[%d]' is on another device", i);
        ndims[i] = arrays[i]->ndim;
        shapes[i] = arrays[i]->shape;
    }
    int nd = 0;
    int64_t shape[XP_MAX_NDIM];
    if (!err) err = xp__bcast_shapes(fn, n, ndims, shapes, &nd, shape);
    for (int i = 0; !err && i < n; i++) {
        xp_array *v = bcast_to(fn, arrays[i], nd, shape);
        if (xp_failed(v)) {
            for (int j = 0; j < i; j++) xp_release(out[j]);
            err = v;
            break;
        }
        out[i] = v;
    }
    if (err) return xp__leave_n(xp__fail_all(err, n, out), n, out);
    return xp__leave_n(XP_OK, n, out);
}
