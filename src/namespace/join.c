/* Manipulation functions that copy: concat, stack, unstack (views), tile,
 * repeat, roll. */
#include "indexing.h"

#include <stdio.h>

/* Validates a list of arrays and finds their promoted dtype. */
static xp_array *check_list(const char *fn, int n, const xp_array *const *arrays, xp_dtype *dt) {
    if (n < 1 || !arrays)
        return xp__error(XP_ERR_VALUE, fn, "argument 'arrays': at least one array is needed");
    for (int i = 0; i < n; i++) {
        char name[40];
        snprintf(name, sizeof name, "arrays[%d]", i);
        xp_array *err = xp__check(fn, name, arrays[i]);
        if (err) return err;
        if (arrays[i]->device != arrays[0]->device)
            return xp__error(XP_ERR_DEVICE, fn, "argument '%s' is on another device", name);
        xp_dtype t = i == 0 ? arrays[0]->dtype : xp_promote_types(*dt, arrays[i]->dtype);
        if (!t)
            return xp__error(XP_ERR_TYPE, fn, "argument '%s': %s does not promote with %s", name,
                             xp_dtype_name(arrays[i]->dtype), xp_dtype_name(*dt));
        *dt = t;
    }
    return NULL;
}

/* Copies a into r's block (a's shape, r's strides `st`, at byte offset `off`). */
static xp_array *put_block(const char *fn, xp_array *r, const xp_array *a, const int64_t *st,
                           int64_t off) {
    if (a->size == 0) return NULL;
    xp_array *v = xp__view(fn, r, r->dtype, a->ndim, a->shape, st, r->offset + off);
    if (xp_failed(v)) return v;
    xp_status s = xp__assign(v, a);
    xp_release(v);
    return s == XP_OK ? NULL : xp__error(s, fn, "copy failed");
}

static xp_array *concat(const char *fn, int n, const xp_array *const *arrays,
                        const xp_concat_opts *o) {
    xp_dtype dt = XP_DTYPE_DEFAULT;
    xp_array *err = check_list(fn, n, arrays, &dt);
    if (err) return err;
    int64_t is = (int64_t)xp_dtype_size(dt);
    if (o && o->axis_none) {
        int64_t total = 0;
        for (int i = 0; i < n; i++)
            if (!xp__add_ok(total, arrays[i]->size, &total))
                return xp__error(XP_ERR_OVERFLOW, fn, "the total size overflows");
        xp_array *r = xp__new(fn, dt, 1, &total, arrays[0]->device);
        int64_t pos = 0;
        for (int i = 0; !xp_failed(r) && i < n; i++) {
            int64_t cs[XP_MAX_NDIM];
            xp__c_strides(arrays[i]->ndim, arrays[i]->shape, is, cs);
            if ((err = put_block(fn, r, arrays[i], cs, pos * is))) {
                xp_release(r);
                return err;
            }
            pos += arrays[i]->size;
        }
        return r;
    }
    const xp_array *a0 = arrays[0];
    if (a0->ndim == 0)
        return xp__error(XP_ERR_VALUE, fn, "argument 'arrays[0]': 0-D arrays cannot be joined "
                         "along an axis");
    int axis;
    if ((err = xp__norm_axis(fn, "axis", o ? o->axis : 0, a0->ndim, &axis))) return err;
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, a0->shape, (size_t)a0->ndim * sizeof *shape);
    shape[axis] = 0;
    for (int i = 0; i < n; i++) {
        const xp_array *a = arrays[i];
        if (a->ndim != a0->ndim)
            return xp__error(XP_ERR_VALUE, fn, "argument 'arrays[%d]' is %d-D, arrays[0] %d-D", i,
                             a->ndim, a0->ndim);
        for (int d = 0; d < a->ndim; d++)
            if (d != axis && a->shape[d] != a0->shape[d])
                return xp__error(XP_ERR_VALUE, fn,
                                 "argument 'arrays[%d]': extent %lld on axis %d, arrays[0] has "
                                 "%lld", i, (long long)a->shape[d], d, (long long)a0->shape[d]);
        if (!xp__add_ok(shape[axis], a->shape[axis], &shape[axis]))
            return xp__error(XP_ERR_OVERFLOW, fn, "the joined extent overflows");
    }
    xp_array *r = xp__new(fn, dt, a0->ndim, shape, a0->device);
    if (xp_failed(r) || r->size == 0) return r;
    int64_t pos = 0;
    for (int i = 0; i < n; i++) {
        if ((err = put_block(fn, r, arrays[i], r->strides, pos * r->strides[axis]))) {
            xp_release(r);
            return err;
        }
        pos += arrays[i]->shape[axis];
    }
    return r;
}

XP_API xp_array *xp_concat(int n, const xp_array *const *arrays, const xp_concat_opts *opts) {
    XP_ENTER;
    XP_LEAVE(concat("xp_concat", n, arrays, opts));
}

static xp_array *stack(const char *fn, int n, const xp_array *const *arrays,
                       const xp_stack_opts *o) {
    xp_dtype dt = XP_DTYPE_DEFAULT;
    xp_array *err = check_list(fn, n, arrays, &dt);
    if (err) return err;
    const xp_array *a0 = arrays[0];
    int nd = a0->ndim + 1, axis;
    if (nd > XP_MAX_NDIM)
        return xp__error(XP_ERR_VALUE, fn, "the result would have more than %d dimensions",
                         XP_MAX_NDIM);
    if ((err = xp__norm_axis(fn, "axis", o ? o->axis : 0, nd, &axis))) return err;
    for (int i = 1; i < n; i++) {
        const xp_array *a = arrays[i];
        bool same = a->ndim == a0->ndim;
        for (int d = 0; same && d < a->ndim; d++) same = a->shape[d] == a0->shape[d];
        if (!same)
            return xp__error(XP_ERR_VALUE, fn, "argument 'arrays[%d]': shape differs from "
                             "arrays[0]", i);
    }
    int64_t shape[XP_MAX_NDIM];
    for (int d = 0, s = 0; d < nd; d++) shape[d] = d == axis ? n : a0->shape[s++];
    xp_array *r = xp__new(fn, dt, nd, shape, a0->device);
    if (xp_failed(r) || r->size == 0) return r;
    int64_t st[XP_MAX_NDIM];
    for (int d = 0, s = 0; d < nd; d++)
        if (d != axis) st[s++] = r->strides[d];
    for (int i = 0; i < n; i++)
        if ((err = put_block(fn, r, arrays[i], st, i * r->strides[axis]))) {
            xp_release(r);
            return err;
        }
    return r;
}

XP_API xp_array *xp_stack(int n, const xp_array *const *arrays, const xp_stack_opts *opts) {
    XP_ENTER;
    XP_LEAVE(stack("xp_stack", n, arrays, opts));
}

XP_API xp_status xp_unstack(const xp_array *x, const xp_stack_opts *opts, xp_array **out) {
    static const char fn[] = "xp_unstack";
    XP_ENTER;
    if (!out) return xp__leave_n(XP_ERR_TYPE, 0, NULL);
    xp_array *err = xp__check(fn, "x", x);
    int axis = 0;
    if (!err && x->ndim == 0) err = xp__error(XP_ERR_INDEX, fn, "argument 'x' is 0-D");
    if (!err) err = xp__norm_axis(fn, "axis", opts ? opts->axis : 0, x->ndim, &axis);
    if (err) return xp__leave_n(xp__fail_all(err, 1, out), 1, out);
    int64_t n = x->shape[axis], shape[XP_MAX_NDIM], st[XP_MAX_NDIM];
    for (int d = 0, s = 0; d < x->ndim; d++)
        if (d != axis) {
            shape[s] = x->shape[d];
            st[s++] = x->strides[d];
        }
    for (int64_t i = 0; i < n; i++) {
        out[i] = xp__view(fn, x, x->dtype, x->ndim - 1, shape, st,
                          x->offset + i * x->strides[axis]);
        if (xp_failed(out[i])) {
            err = out[i];
            for (int64_t j = 0; j < i; j++) xp_release(out[j]);
            return xp__leave_n(xp__fail_all(err, (int)n, out), (int)n, out);
        }
    }
    return xp__leave_n(XP_OK, (int)n, out);
}

/* ---- tile ------------------------------------------------------------------- */

static xp_array *tile(const char *fn, const xp_array *x, int n, const int64_t *reps) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (n < 0 || n > XP_MAX_NDIM || (n > 0 && !reps))
        return xp__error(XP_ERR_VALUE, fn, "argument 'repetitions': %d entries", n);
    int nd = x->ndim > n ? x->ndim : n;
    int64_t s[XP_MAX_NDIM], r[XP_MAX_NDIM], xs[XP_MAX_NDIM], o[XP_MAX_NDIM];
    for (int d = 0; d < nd; d++) {
        int dx = d - (nd - x->ndim), dr = d - (nd - n);
        s[d] = dx >= 0 ? x->shape[dx] : 1;
        xs[d] = dx >= 0 ? x->strides[dx] : 0;
        r[d] = dr >= 0 ? reps[dr] : 1;
        if (r[d] < 0)
            return xp__error(XP_ERR_VALUE, fn, "argument 'repetitions': negative entry %lld",
                             (long long)r[d]);
        if (!xp__mul_ok(s[d], r[d], &o[d]))
            return xp__error(XP_ERR_OVERFLOW, fn, "the result's extent overflows");
    }
    xp_array *res = xp__new(fn, x->dtype, nd, o, x->device);
    if (xp_failed(res) || res->size == 0) return res;
    size_t is = xp_dtype_size(x->dtype);
    char *rb = xp__data(res);
    xp__copy_raw(nd, s, rb, res->strides, xp__data(x), xs, is);
    /* replicate the first tile along each axis, innermost first */
    int64_t blk[XP_MAX_NDIM];
    memcpy(blk, s, (size_t)nd * sizeof *blk);
    for (int d = nd - 1; d >= 0; d--) {
        for (int64_t k = 1; k < r[d]; k++)
            xp__copy_raw(nd, blk, rb + k * s[d] * res->strides[d], res->strides, rb, res->strides,
                         is);
        blk[d] = o[d];
    }
    return res;
}

XP_API xp_array *xp_tile(const xp_array *x, int n, const int64_t *repetitions) {
    XP_ENTER;
    XP_LEAVE(tile("xp_tile", x, n, repetitions));
}

/* ---- repeat ----------------------------------------------------------------- */

static xp_array *repeat(const char *fn, const xp_array *x, const xp_array *repeats,
                        const xp_repeat_opts *o) {
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check(fn, "repeats", repeats);
    if (err) return err;
    if (repeats->weak ? repeats->weak != XP__WEAK_INT
                      : !(xp_dtype_kind(repeats->dtype) & XP_KIND_INTEGRAL))
        return xp__error(XP_ERR_TYPE, fn, "argument 'repeats' must be an int or an integer "
                         "array");
    if (repeats->ndim > 1)
        return xp__error(XP_ERR_VALUE, fn, "argument 'repeats' must be 0-D or 1-D, not %d-D",
                         repeats->ndim);
    /* the axis view: (nd, shape, strides) over x, or x flattened */
    xp_array *src = xp_retain(x);
    int axis = 0, nd;
    int64_t shape[XP_MAX_NDIM], st[XP_MAX_NDIM];
    if (!o || o->axis.n == 0) {
        if (o && o->axis.tuple) {
            xp_release(src);
            return xp__error(XP_ERR_INDEX, fn, "argument 'axis': an empty tuple");
        }
        if (!xp__is_c_contig(x)) {
            xp_release(src);
            src = xp__copy_as(fn, x, x->dtype);
            if (xp_failed(src)) return src;
        }
        nd = 1;
        shape[0] = x->size;
        st[0] = (int64_t)xp_dtype_size(x->dtype);
    } else {
        if (o->axis.n != 1) err = xp__error(XP_ERR_INDEX, fn, "argument 'axis': one axis "
                                            "expected, not %d", o->axis.n);
        else err = xp__norm_axis(fn, "axis", o->axis.v[0], x->ndim, &axis);
        if (err) {
            xp_release(src);
            return err;
        }
        nd = x->ndim;
        memcpy(shape, x->shape, (size_t)nd * sizeof *shape);
        memcpy(st, x->strides, (size_t)nd * sizeof *st);
    }
    int64_t ext = shape[axis];
    if (repeats->ndim == 1 && repeats->shape[0] != 1 && repeats->shape[0] != ext) {
        xp_release(src);
        return xp__error(XP_ERR_VALUE, fn, "argument 'repeats': %lld entries for an axis of "
                         "extent %lld", (long long)repeats->shape[0], (long long)ext);
    }
    xp_array *rp = xp__new(fn, XP_INT64, 1, &ext, x->device);
    if (xp_failed(rp)) {
        xp_release(src);
        return rp;
    }
    xp__copy_into(rp, repeats);
    const int64_t *rv = (const int64_t *)xp__data(rp);
    int64_t total = 0;
    for (int64_t j = 0; j < ext && !err; j++) {
        if (rv[j] < 0)
            err = xp__error(XP_ERR_VALUE, fn, "argument 'repeats': negative entry %lld",
                            (long long)rv[j]);
        else if (!xp__add_ok(total, rv[j], &total))
            err = xp__error(XP_ERR_OVERFLOW, fn, "the repeated extent overflows");
    }
    int64_t oshape[XP_MAX_NDIM];
    memcpy(oshape, shape, (size_t)nd * sizeof *oshape);
    oshape[axis] = total;
    xp_array *r = err ? err : xp__new(fn, x->dtype, nd, oshape, x->device);
    if (!xp_failed(r) && r->size > 0) {
        size_t is = xp_dtype_size(x->dtype);
        int64_t outer = 1;
        for (int d = 0; d < axis; d++) outer *= shape[d];
        int64_t idx[XP_MAX_NDIM] = {0};
        const char *xb = xp__data(src);
        char *rb = xp__data(r);
        int bnd = nd - axis - 1;
        for (int64_t q = 0; q < outer; q++) {
            char *dst = rb + q * r->strides[axis] * total;
            for (int64_t j = 0; j < ext; j++)
                for (int64_t t = 0; t < rv[j]; t++) {
                    xp__copy_raw(bnd, shape + axis + 1, dst, r->strides + axis + 1,
                                 xb + j * st[axis], st + axis + 1, is);
                    dst += r->strides[axis];
                }
            for (int d = axis - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    xb += st[d];
                    break;
                }
                idx[d] = 0;
                xb -= st[d] * (shape[d] - 1);
            }
        }
    }
    xp_release(rp);
    xp_release(src);
    return r;
}

XP_API xp_array *xp_repeat(const xp_array *x, const xp_array *repeats, const xp_repeat_opts *opts) {
    XP_ENTER;
    XP_LEAVE(repeat("xp_repeat", x, repeats, opts));
}

/* ---- roll ------------------------------------------------------------------- */

/* Rolls `src` by `s` (0 < s < extent) along `axis` into the fresh array `dst`. */
static void roll_axis(xp_array *dst, const xp_array *src, int axis, int64_t s) {
    size_t is = xp_dtype_size(src->dtype);
    int64_t n = src->shape[axis], shape[XP_MAX_NDIM];
    memcpy(shape, src->shape, (size_t)src->ndim * sizeof *shape);
    shape[axis] = n - s; /* src[0:n-s] → dst[s:n] */
    xp__copy_raw(src->ndim, shape, xp__data(dst) + s * dst->strides[axis], dst->strides,
                 xp__data(src), src->strides, is);
    shape[axis] = s; /* src[n-s:n] → dst[0:s] */
    xp__copy_raw(src->ndim, shape, xp__data(dst), dst->strides,
                 xp__data(src) + (n - s) * src->strides[axis], src->strides, is);
}

static int64_t pos_mod(int64_t a, int64_t n) {
    int64_t m = a % n;
    return m < 0 ? m + n : m;
}

static xp_array *roll(const char *fn, const xp_array *x, int n, const int64_t *shift,
                      const xp_roll_opts *o) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    if (n < 1 || n > XP_MAX_NDIM || !shift)
        return xp__error(XP_ERR_VALUE, fn, "argument 'shift': %d shifts", n);
    int64_t sh[XP_MAX_NDIM] = {0};
    bool flat = !o || (o->axes.n == 0 && !o->axes.tuple);
    if (flat) {
        if (n != 1)
            return xp__error(XP_ERR_VALUE, fn, "argument 'shift': %d shifts with axis None", n);
    } else {
        int na = o->axes.n;
        if (na > XP_MAX_NDIM || (n != 1 && n != na))
            return xp__error(XP_ERR_VALUE, fn, "argument 'shift': %d shifts for %d axes", n, na);
        for (int i = 0; i < na; i++) {
            int a;
            if ((err = xp__norm_axis(fn, "axis", o->axes.v[i], x->ndim, &a))) return err;
            if (x->shape[a] > 0) sh[a] = pos_mod(sh[a] + pos_mod(shift[n == 1 ? 0 : i],
                                                                    x->shape[a]), x->shape[a]);
        }
    }
    xp_array *r = xp__new(fn, x->dtype, x->ndim, x->shape, x->device);
    if (xp_failed(r) || r->size == 0) return r;
    if (flat) {
        xp_array *c = xp__is_c_contig(x) ? xp_retain(x) : xp__copy_as(fn, x, x->dtype);
        if (xp_failed(c)) {
            xp_release(r);
            return c;
        }
        int64_t s = pos_mod(shift[0], x->size), is = (int64_t)xp_dtype_size(x->dtype);
        memcpy(xp__data(r) + s * is, xp__data(c), (size_t)((x->size - s) * is));
        memcpy(xp__data(r), xp__data(c) + (x->size - s) * is, (size_t)(s * is));
        xp_release(c);
        return r;
    }
    const xp_array *cur = x;
    xp_array *tmp = NULL;
    int last = -1;
    for (int d = 0; d < x->ndim; d++)
        if (sh[d]) last = d;
    for (int d = 0; d < x->ndim; d++) {
        if (!sh[d]) continue;
        xp_array *dst = d == last ? r : xp__new(fn, x->dtype, x->ndim, x->shape, x->device);
        if (xp_failed(dst)) {
            xp_release(tmp);
            xp_release(r);
            return dst;
        }
        roll_axis(dst, cur, d, sh[d]);
        xp_release(tmp);
        tmp = d == last ? NULL : dst;
        cur = dst;
    }
    if (last < 0) xp__assign(r, x);
    return r;
}

XP_API xp_array *xp_roll(const xp_array *x, int n, const int64_t *shift, const xp_roll_opts *opts) {
    XP_ENTER;
    XP_LEAVE(roll("xp_roll", x, n, shift, opts));
}
