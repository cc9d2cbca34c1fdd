/* Manipulation functions that return views: expand_dims, flip, moveaxis,
 * permute_dims, squeeze, reshape (when the strides allow), T, mT. */
#include "indexing.h"

/* Normalises `n` axes against ndim into out[]; out-of-range → XP_ERR_INDEX,
 * repeated → XP_ERR_VALUE. */
static xp_array *norm_axes(const char *fn, const char *arg, int n, const int64_t *ax, int ndim,
                           int *out) {
    if (n < 0 || (n > 0 && !ax))
        return xp__error(XP_ERR_VALUE, fn, "argument '%s': %d axes at %p", arg, n, (void *)ax);
    if (n > XP_MAX_NDIM)
        return xp__error(XP_ERR_VALUE, fn, "argument '%s': %d axes (at most %d)", arg, n,
                         XP_MAX_NDIM);
    bool seen[XP_MAX_NDIM] = {false};
    for (int i = 0; i < n; i++) {
        xp_array *err = xp__norm_axis(fn, arg, ax[i], ndim, &out[i]);
        if (err) return err;
        if (seen[out[i]])
            return xp__error(XP_ERR_VALUE, fn, "argument '%s': axis %lld is repeated", arg,
                             (long long)ax[i]);
        seen[out[i]] = true;
    }
    return NULL;
}

static xp_array *permuted(const char *fn, const xp_array *x, const int *perm) {
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    for (int d = 0; d < x->ndim; d++) {
        shape[d] = x->shape[perm[d]];
        strides[d] = x->strides[perm[d]];
    }
    return xp__view(fn, x, x->dtype, x->ndim, shape, strides, x->offset);
}

XP_API xp_array *xp_permute_dims(const xp_array *x, int n, const int64_t *axes) {
    static const char fn[] = "xp_permute_dims";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (n != x->ndim)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'axes': %d axes for a %d-D array", n,
                           x->ndim));
    int perm[XP_MAX_NDIM];
    if ((err = norm_axes(fn, "axes", n, axes, x->ndim, perm))) XP_LEAVE(err);
    XP_LEAVE(permuted(fn, x, perm));
}

XP_API xp_array *xp_moveaxis(const xp_array *x, int n_source, const int64_t *source,
                             int n_destination, const int64_t *destination) {
    static const char fn[] = "xp_moveaxis";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    int src[XP_MAX_NDIM], dst[XP_MAX_NDIM];
    if ((err = norm_axes(fn, "source", n_source, source, x->ndim, src)) ||
        (err = norm_axes(fn, "destination", n_destination, destination, x->ndim, dst)))
        XP_LEAVE(err);
    if (n_source != n_destination)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                           "arguments 'source' and 'destination' differ in length (%d, %d)",
                           n_source, n_destination));
    int perm[XP_MAX_NDIM];
    bool moved[XP_MAX_NDIM] = {false};
    for (int d = 0; d < x->ndim; d++) perm[d] = -1;
    for (int i = 0; i < n_source; i++) {
        perm[dst[i]] = src[i];
        moved[src[i]] = true;
    }
    int a = 0;
    for (int d = 0; d < x->ndim; d++) {
        if (perm[d] >= 0) continue;
        while (moved[a]) a++;
        perm[d] = a++;
    }
    XP_LEAVE(permuted(fn, x, perm));
}

XP_API xp_array *xp_expand_dims(const xp_array *x, int n, const int64_t *axis) {
    static const char fn[] = "xp_expand_dims";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (n < 0 || x->ndim + n > XP_MAX_NDIM)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'axis': %d new axes for a %d-D array",
                           n, x->ndim));
    int nd = x->ndim + n, ax[XP_MAX_NDIM];
    if ((err = norm_axes(fn, "axis", n, axis, nd, ax))) XP_LEAVE(err);
    bool isnew[XP_MAX_NDIM] = {false};
    for (int i = 0; i < n; i++) isnew[ax[i]] = true;
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    for (int d = 0, s = 0; d < nd; d++) {
        if (isnew[d]) {
            shape[d] = 1;
            strides[d] = 0;
        } else {
            shape[d] = x->shape[s];
            strides[d] = x->strides[s++];
        }
    }
    XP_LEAVE(xp__view(fn, x, x->dtype, nd, shape, strides, x->offset));
}

XP_API xp_array *xp_squeeze(const xp_array *x, int n, const int64_t *axis) {
    static const char fn[] = "xp_squeeze";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    int ax[XP_MAX_NDIM];
    if ((err = norm_axes(fn, "axis", n, axis, x->ndim, ax))) XP_LEAVE(err);
    bool drop[XP_MAX_NDIM] = {false};
    for (int i = 0; i < n; i++) {
        if (x->shape[ax[i]] != 1)
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                               "argument 'axis': axis %d has extent %lld, not 1", ax[i],
                               (long long)x->shape[ax[i]]));
        drop[ax[i]] = true;
    }
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    int nd = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!drop[d]) {
            shape[nd] = x->shape[d];
            strides[nd++] = x->strides[d];
        }
    XP_LEAVE(xp__view(fn, x, x->dtype, nd, shape, strides, x->offset));
}

XP_API xp_array *xp_flip(const xp_array *x, const xp_flip_opts *opts) {
    static const char fn[] = "xp_flip";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    int ax[XP_MAX_NDIM], n = x->ndim;
    if (opts && (opts->axes.tuple || opts->axes.n)) {
        n = opts->axes.n;
        if ((err = norm_axes(fn, "axis", n, opts->axes.v, x->ndim, ax))) XP_LEAVE(err);
    } else {
        for (int d = 0; d < n; d++) ax[d] = d;
    }
    int64_t strides[XP_MAX_NDIM], offset = x->offset;
    memcpy(strides, x->strides, (size_t)x->ndim * sizeof *strides);
    for (int i = 0; i < n; i++) {
        int d = ax[i];
        if (x->shape[d] <= 1 || x->size == 0) continue; /* nothing moves */
        int64_t span;
        if (strides[d] == INT64_MIN || !xp__mul_ok(x->shape[d] - 1, strides[d], &span) ||
            !xp__add_ok(offset, span, &offset))
            XP_LEAVE(xp__error(XP_ERR_OVERFLOW, fn, "argument 'x': the reversed axis %d's byte "
                               "offsets overflow int64", d));
        strides[d] = -strides[d];
    }
    XP_LEAVE(xp__view(fn, x, x->dtype, x->ndim, x->shape, strides, offset));
}

XP_API xp_array *xp_array_T(const xp_array *x) {
    static const char fn[] = "xp_array_T";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (x->ndim != 2)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': T needs a 2-D array, not %d-D "
                           "(use xp_permute_dims or xp_array_mT)", x->ndim));
    int perm[2] = {1, 0};
    XP_LEAVE(permuted(fn, x, perm));
}

XP_API xp_array *xp_array_mT(const xp_array *x) {
    static const char fn[] = "xp_array_mT";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (x->ndim < 2)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': mT needs at least 2 dimensions, "
                           "not %d", x->ndim));
    int perm[XP_MAX_NDIM];
    for (int d = 0; d < x->ndim; d++) perm[d] = d;
    perm[x->ndim - 2] = x->ndim - 1;
    perm[x->ndim - 1] = x->ndim - 2;
    XP_LEAVE(permuted(fn, x, perm));
}

/* ---- reshape ---------------------------------------------------------------- */

/* NumPy's _attempt_nocopy_reshape: strides for the new shape over the same
 * memory, or false. x has no zero extent. */
static bool nocopy_strides(const xp_array *x, int newnd, const int64_t *newdims,
                           int64_t *newstrides) {
    int oldnd = 0;
    int64_t olddims[XP_MAX_NDIM], oldstrides[XP_MAX_NDIM];
    for (int d = 0; d < x->ndim; d++)
        if (x->shape[d] != 1) {
            olddims[oldnd] = x->shape[d];
            oldstrides[oldnd++] = x->strides[d];
        }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < newnd && oi < oldnd) {
        int64_t np = newdims[ni], op = olddims[oi];
        while (np != op) {
            if (np < op) np *= newdims[nj++];
            else op *= olddims[oj++];
        }
        for (int ok = oi; ok < oj - 1; ok++)
            if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1]) return false;
        newstrides[nj - 1] = oldstrides[oj - 1];
        for (int nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
        ni = nj++;
        oi = oj++;
    }
    int64_t last = ni > 0 ? newstrides[ni - 1] : (int64_t)xp_dtype_size(x->dtype);
    for (int nk = ni; nk < newnd; nk++) newstrides[nk] = last;
    return true;
}

XP_API xp_array *xp_reshape(const xp_array *x, int ndim, const int64_t *shape_in,
                            const xp_reshape_opts *opts) {
    static const char fn[] = "xp_reshape";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (ndim < 0 || ndim > XP_MAX_NDIM || (ndim > 0 && !shape_in))
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'shape': %d dimensions (allowed 0..%d)",
                           ndim, XP_MAX_NDIM));
    int64_t shape[XP_MAX_NDIM], known = 1;
    int infer = -1;
    bool zero = false;
    for (int d = 0; d < ndim; d++) {
        shape[d] = shape_in[d];
        if (shape[d] == -1) {
            if (infer >= 0)
                XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'shape': more than one -1"));
            infer = d;
        } else if (shape[d] < 0) {
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'shape': negative extent %lld",
                               (long long)shape[d]));
        } else if (shape[d] == 0) {
            zero = true;
        } else if (!xp__mul_ok(known, shape[d], &known)) { /* also past a 0: NumPy's rule */
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                               "argument 'shape': the product of the extents overflows"));
        }
    }
    if (zero) known = 0;
    if (infer >= 0) {
        if (known == 0 || x->size % known)
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "cannot reshape an array of size %lld with "
                               "the -1 in 'shape'", (long long)x->size));
        shape[infer] = x->size / known;
        known = x->size;
    }
    if (known != x->size)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "cannot reshape an array of size %lld into a "
                           "shape of %lld elements", (long long)x->size, (long long)known));
    xp_copy c = opts ? opts->copy : XP_COPY_DEFAULT;
    xp_array *cerr = xp__check_copy(fn, c);
    if (cerr) XP_LEAVE(cerr);
    size_t is = xp_dtype_size(x->dtype);
    int64_t strides[XP_MAX_NDIM];
    if (c != XP_COPY_TRUE) {
        bool ok = true;
        if (x->size == 0) xp__c_strides(ndim, shape, (int64_t)is, strides);
        else ok = nocopy_strides(x, ndim, shape, strides);
        if (ok) XP_LEAVE(xp__view(fn, x, x->dtype, ndim, shape, strides, x->offset));
        if (c == XP_COPY_FALSE)
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'copy': copy=False, but the strides "
                               "of x need a copy for this shape"));
    }
    xp_array *r = xp__new(fn, x->dtype, ndim, shape, x->device);
    if (xp_failed(r) || r->size == 0) XP_LEAVE(r);
    int64_t cs[XP_MAX_NDIM];
    xp__c_strides(x->ndim, x->shape, (int64_t)is, cs);
    xp__copy_raw(x->ndim, x->shape, xp__data(r), cs, xp__data(x), x->strides, is);
    XP_LEAVE(r);
}
