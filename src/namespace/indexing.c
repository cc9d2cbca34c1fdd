/* __getitem__, __setitem__, take, take_along_axis. */
#include "indexing.h"

#include <stdio.h>

#define MAX_KEY (2 * XP_MAX_NDIM + 1)

xp_array *xp__norm_axis(const char *fn, const char *arg, int64_t axis, int ndim, int *out) {
    if (axis < -(int64_t)ndim || axis >= ndim)
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': axis %lld is out of range for %d-D",
                         arg, (long long)axis, ndim);
    *out = (int)(axis < 0 ? axis + ndim : axis);
    return NULL;
}

xp_array *xp__index_i64(const char *fn, const char *arg, const xp_array *a, int nd,
                        const int64_t *shape, int64_t extent, xp_array **out) {
    *out = NULL;
    if (!(xp_dtype_kind(a->dtype) & XP_KIND_INTEGRAL))
        return xp__error(XP_ERR_INDEX, fn, "argument '%s': index arrays must have an integer "
                         "dtype, not %s", arg, xp_dtype_name(a->dtype));
    xp_array *t = xp__new(fn, XP_INT64, nd, shape, a->device);
    if (xp_failed(t)) return t;
    xp_status st = xp__copy_into(t, a);
    if (st != XP_OK) {
        xp_release(t);
        return xp__error(st, fn, "argument '%s': shape does not broadcast", arg);
    }
    bool uns = a->dtype == XP_UINT64;
    int64_t *v = (int64_t *)xp__data(t);
    for (int64_t i = 0; i < t->size; i++) {
        int64_t e = v[i];
        if (e < 0 && !uns) e += extent;
        if (e < 0 || e >= extent) {
            int64_t bad = v[i];
            xp_release(t);
            if (uns)
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument '%s': index %llu is out of bounds for extent %lld",
                                 arg, (unsigned long long)bad, (long long)extent);
            return xp__error(XP_ERR_INDEX, fn,
                             "argument '%s': index %lld is out of bounds for extent %lld", arg,
                             (long long)bad, (long long)extent);
        }
        v[i] = e;
    }
    *out = t;
    return NULL;
}

/* ---- key classification --------------------------------------------------- */

typedef struct key_info {
    int n;
    xp_index k[MAX_KEY]; /* 0-D integer arrays already turned into integers */
    int n_arrays;        /* integer arrays of ndim >= 1 */
    const xp_array *mask;
} key_info;

static xp_array *classify(const char *fn, const xp_array *x, int n, const xp_index *key,
                          key_info *ki) {
    if (n < 0 || (n > 0 && !key))
        return xp__error(XP_ERR_INDEX, fn, "argument 'key': %d entries at %p", n, (void *)key);
    if (n > MAX_KEY)
        return xp__error(XP_ERR_INDEX, fn, "argument 'key': too many indices (%d)", n);
    ki->n = n;
    ki->n_arrays = 0;
    ki->mask = NULL;
    int n_ell = 0;
    for (int i = 0; i < n; i++) {
        xp_index e = key[i];
        switch (e.kind) {
        case XP_INDEX_INT:
        case XP_INDEX_SLICE:
        case XP_INDEX_NEWAXIS: break;
        case XP_INDEX_ELLIPSIS:
            if (++n_ell > 1)
                return xp__error(XP_ERR_INDEX, fn, "argument 'key': more than one ellipsis");
            break;
        case XP_INDEX_ARRAY: {
            char name[40];
            snprintf(name, sizeof name, "key[%d]", i);
            xp_array *err = xp__check(fn, name, e.array);
            if (err) return err;
            const xp_array *a = e.array;
            if (a->device != x->device)
                return xp__error(XP_ERR_DEVICE, fn, "argument '%s' is on another device", name);
            xp_kind k = xp_dtype_kind(a->dtype);
            if (k == XP_KIND_BOOL) {
                ki->mask = a;
            } else if (k & XP_KIND_INTEGRAL) {
                if (a->ndim == 0) {
                    int64_t v;
                    char *args[2] = {xp__data(a), (char *)&v};
                    int64_t steps[2] = {0, 0};
                    xp__cast_loop(a->dtype, XP_INT64)(1, args, steps, NULL);
                    if (a->dtype == XP_UINT64 && v < 0)
                        return xp__error(XP_ERR_INDEX, fn, "argument '%s': index out of range",
                                         name);
                    e = xp_index_int(v);
                } else {
                    ki->n_arrays++;
                }
            } else {
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument '%s': index arrays must have an integer or boolean "
                                 "dtype, not %s",
                                 name, xp_dtype_name(a->dtype));
            }
            break;
        }
        default:
            return xp__error(XP_ERR_INDEX, fn, "argument 'key[%d]': unknown index kind %d", i,
                             (int)e.kind);
        }
        ki->k[i] = e;
    }
    if (ki->mask && n != 1)
        return xp__error(XP_ERR_INDEX, fn,
                         "argument 'key': a boolean mask must be the sole index");
    if (ki->n_arrays) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            xp_index_kind k = ki->k[i].kind;
            if (k != XP_INDEX_INT && k != XP_INDEX_ARRAY)
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument 'key': integer-array indexing takes only integers "
                                 "and integer arrays (key[%d] is not)", i);
            count++;
        }
        if (count != x->ndim)
            return xp__error(XP_ERR_INDEX, fn,
                             "argument 'key': integer-array indexing needs one index per axis "
                             "(%d for a %d-D array)", count, x->ndim);
    }
    return NULL;
}

/* ---- basic indexing: a view ------------------------------------------------ */

typedef struct view_spec {
    int nd;
    int64_t offset;
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
} view_spec;

static xp_array *basic_spec(const char *fn, const xp_array *x, const key_info *ki, view_spec *v) {
    int consumed = 0, n_int = 0, n_new = 0;
    bool ell = false;
    for (int i = 0; i < ki->n; i++) {
        xp_index_kind k = ki->k[i].kind;
        if (k == XP_INDEX_INT) n_int++, consumed++;
        else if (k == XP_INDEX_SLICE) consumed++;
        else if (k == XP_INDEX_NEWAXIS) n_new++;
        else ell = true;
    }
    if (consumed > x->ndim)
        return xp__error(XP_ERR_INDEX, fn, "argument 'key': too many indices (%d) for a %d-D array",
                         consumed, x->ndim);
    if (!ell && consumed < x->ndim)
        return xp__error(XP_ERR_INDEX, fn,
                         "argument 'key': %d indices for a %d-D array (flat indexing is not "
                         "supported: add an ellipsis)", consumed, x->ndim);
    if (x->ndim - n_int + n_new > XP_MAX_NDIM)
        return xp__error(XP_ERR_INDEX, fn, "argument 'key': the result would have more than %d "
                         "dimensions", XP_MAX_NDIM);
    v->nd = 0;
    v->offset = x->offset;
    int ax = 0;
    for (int i = 0; i < ki->n; i++) {
        const xp_index *e = &ki->k[i];
        switch (e->kind) {
        case XP_INDEX_ELLIPSIS:
            for (int r = x->ndim - consumed; r > 0; r--, ax++) {
                v->shape[v->nd] = x->shape[ax];
                v->strides[v->nd++] = x->strides[ax];
            }
            break;
        case XP_INDEX_NEWAXIS:
            v->shape[v->nd] = 1;
            v->strides[v->nd++] = 0;
            break;
        case XP_INDEX_INT: {
            int64_t n = x->shape[ax], i0 = e->i;
            if (i0 < 0) i0 += n;
            if (i0 < 0 || i0 >= n)
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument 'key[%d]': index %lld is out of bounds for axis %d "
                                 "with extent %lld", i, (long long)e->i, ax, (long long)n);
            v->offset += i0 * x->strides[ax];
            ax++;
            break;
        }
        case XP_INDEX_SLICE: {
            int64_t n = x->shape[ax], step = e->step == XP_END ? 1 : e->step;
            if (step == 0)
                return xp__error(XP_ERR_INDEX, fn, "argument 'key[%d]': slice step is 0", i);
            int64_t start = e->start, stop = e->stop;
            if (start == XP_END) {
                start = step < 0 ? n - 1 : 0;
            } else {
                if (start < 0) start += n;
                if (start < 0) start = step < 0 ? -1 : 0;
                else if (start >= n) start = step < 0 ? n - 1 : n;
            }
            if (stop == XP_END) {
                stop = step < 0 ? -1 : n;
            } else {
                if (stop < 0) stop += n;
                if (stop < 0) stop = step < 0 ? -1 : 0;
                else if (stop >= n) stop = step < 0 ? n - 1 : n;
            }
            int64_t len = 0;
            if (step < 0) {
                if (stop < start) len = (start - stop - 1) / (-step) + 1;
            } else if (start < stop) {
                len = (stop - start - 1) / step + 1;
            }
            v->shape[v->nd] = len;
            v->strides[v->nd++] = len > 1 ? x->strides[ax] * step : x->strides[ax];
            if (len > 0) v->offset += start * x->strides[ax];
            ax++;
            break;
        }
        default: break;
        }
    }
    return NULL;
}

/* ---- boolean masks --------------------------------------------------------- */

static xp_array *check_mask(const char *fn, const xp_array *x, const xp_array *m) {
    if (m->ndim > x->ndim)
        return xp__error(XP_ERR_INDEX, fn, "argument 'key[0]': a %d-D mask for a %d-D array",
                         m->ndim, x->ndim);
    /* each mask extent equals the array's, or is 0 (which selects nothing) */
    for (int d = 0; d < m->ndim; d++)
        if (m->shape[d] != x->shape[d] && m->shape[d] != 0)
            return xp__error(XP_ERR_INDEX, fn,
                             "argument 'key[0]': mask extent %lld does not match the array's "
                             "%lld on axis %d", (long long)m->shape[d], (long long)x->shape[d], d);
    return NULL;
}

static int64_t mask_count(const xp_array *m) {
    int64_t c = 0;
    char *base[1] = {xp__data(m)};
    const int64_t *st[1] = {m->strides};
    xp_iter it;
    if (!xp__iter_init(&it, 1, base, m->ndim, m->shape, st)) return 0;
    do {
        const uint8_t *p = (const uint8_t *)it.ptr[0];
        int64_t s = it.inner_step[0];
        if (s == 1)
            for (int64_t i = 0; i < it.inner_n; i++) c += p[i] != 0;
        else
            for (int64_t i = 0; i < it.inner_n; i++) c += p[i * s] != 0;
    } while (xp__iter_next(&it));
    return c;
}

/* Byte offsets (from x's data) of the true positions, in C order. */
static void mask_offsets(const xp_array *x, const xp_array *m, int64_t *offs) {
    char *base[2] = {xp__data(m), xp__data(x)};
    const int64_t *st[2] = {m->strides, x->strides};
    xp_iter it;
    if (!xp__iter_init(&it, 2, base, m->ndim, m->shape, st)) return;
    int64_t k = 0;
    char *x0 = xp__data(x);
    do {
        const uint8_t *p = (const uint8_t *)it.ptr[0];
        for (int64_t i = 0; i < it.inner_n; i++)
            if (p[i * it.inner_step[0]]) offs[k++] = (it.ptr[1] - x0) + i * it.inner_step[1];
    } while (xp__iter_next(&it));
}

#define COMPACT(SZ)                                            \
    for (int64_t i = 0; i < last; i++) {                       \
        memcpy(o + k * (SZ), s + i * (SZ), SZ);                \
        k += m[i] != 0;                                        \
    }                                                          \
    if (last >= 0) memcpy(o + k * (SZ), s + last * (SZ), SZ); \
    return

/* Contiguous x and mask of the same shape: branch-free compaction. */
static void compact(int64_t n, const uint8_t *m, const char *s, char *o, size_t is) {
    int64_t last = n - 1, k = 0;
    while (last >= 0 && !m[last]) last--;
    switch (is) {
    case 1: COMPACT(1);
    case 2: COMPACT(2);
    case 4: COMPACT(4);
    case 8: COMPACT(8);
    default: COMPACT(16);
    }
}
#undef COMPACT

static xp_array *mask_get(const char *fn, const xp_array *x, const xp_array *m) {
    xp_array *err = check_mask(fn, x, m);
    if (err) return err;
    int64_t count = mask_count(m);
    int nd = x->ndim - m->ndim + 1;
    int64_t shape[XP_MAX_NDIM + 1];
    shape[0] = count;
    for (int d = m->ndim; d < x->ndim; d++) shape[d - m->ndim + 1] = x->shape[d];
    if (nd > XP_MAX_NDIM)
        return xp__error(XP_ERR_INDEX, fn, "argument 'key[0]': the result would have more than "
                         "%d dimensions", XP_MAX_NDIM);
    xp_array *r = xp__new(fn, x->dtype, nd, shape, x->device);
    if (xp_failed(r) || r->size == 0) return r;
    size_t is = xp_dtype_size(x->dtype);
    if (m->ndim == 0) { /* true: x with a leading axis of 1 */
        xp_status st = xp__assign(r, x);
        if (st != XP_OK) {
            xp_release(r);
            return xp__error(st, fn, "copy failed");
        }
        return r;
    }
    if (m->ndim == x->ndim && xp__is_c_contig(m) && xp__is_c_contig(x)) {
        compact(m->size, (const uint8_t *)xp__data(m), xp__data(x), xp__data(r), is);
        return r;
    }
    int64_t *offs = xp__scratch((size_t)count * sizeof(int64_t));
    if (!offs) {
        xp_release(r);
        return xp__oom();
    }
    mask_offsets(x, m, offs);
    xp__gather(count, offs, xp__data(x), xp__data(r), is, x->ndim - m->ndim, x->shape + m->ndim,
               x->strides + m->ndim);
    xp__scratch_free(offs, (size_t)count * sizeof(int64_t));
    return r;
}

/* ---- integer arrays -------------------------------------------------------- */

/* Byte offsets of every selected element, over the broadcast index shape. */
static xp_array *int_offsets(const char *fn, const xp_array *x, const key_info *ki, int *nd,
                             int64_t *shape, int64_t **offs_out, int64_t *count) {
    int ndims[XP_MAX_NDIM];
    const int64_t *shapes[XP_MAX_NDIM];
    int na = 0;
    for (int i = 0; i < ki->n; i++)
        if (ki->k[i].kind == XP_INDEX_ARRAY) {
            ndims[na] = ki->k[i].array->ndim;
            shapes[na++] = ki->k[i].array->shape;
        }
    xp_array *err = xp__bcast_shapes(fn, na, ndims, shapes, nd, shape);
    if (err) {
        xp_status st = err->status;
        xp_release(err);
        return xp__error(st == XP_ERR_VALUE ? XP_ERR_INDEX : st, fn,
                         "argument 'key': the index arrays do not broadcast together");
    }
    int64_t n;
    if ((err = xp__check_shape(fn, *nd, shape, XP_INT64, &n))) return err;
    int64_t *offs = xp__scratch((size_t)(n ? n : 1) * sizeof(int64_t));
    if (!offs) return xp__oom();
    int64_t c = 0;
    for (int i = 0; i < ki->n; i++)
        if (ki->k[i].kind == XP_INDEX_INT) {
            int64_t e = x->shape[i], v = ki->k[i].i;
            if (v < 0) v += e;
            if (v < 0 || v >= e) {
                xp__scratch_free(offs, (size_t)(n ? n : 1) * sizeof(int64_t));
                return xp__error(XP_ERR_INDEX, fn,
                                 "argument 'key[%d]': index %lld is out of bounds for axis %d "
                                 "with extent %lld", i, (long long)ki->k[i].i, i, (long long)e);
            }
            c += v * x->strides[i];
        }
    for (int64_t j = 0; j < n; j++) offs[j] = c;
    for (int i = 0; i < ki->n; i++) {
        if (ki->k[i].kind != XP_INDEX_ARRAY) continue;
        char name[40];
        snprintf(name, sizeof name, "key[%d]", i);
        xp_array *t;
        if ((err = xp__index_i64(fn, name, ki->k[i].array, *nd, shape, x->shape[i], &t))) {
            xp__scratch_free(offs, (size_t)(n ? n : 1) * sizeof(int64_t));
            return err;
        }
        const int64_t *v = (const int64_t *)xp__data(t);
        int64_t s = x->strides[i];
        for (int64_t j = 0; j < n; j++) offs[j] += v[j] * s;
        xp_release(t);
    }
    *offs_out = offs;
    *count = n;
    return NULL;
}

static void free_offs(int64_t *offs, int64_t n) {
    xp__scratch_free(offs, (size_t)(n ? n : 1) * sizeof(int64_t));
}

static xp_array *int_get(const char *fn, const xp_array *x, const key_info *ki) {
    int nd;
    int64_t shape[XP_MAX_NDIM], *offs, n;
    xp_array *err = int_offsets(fn, x, ki, &nd, shape, &offs, &n);
    if (err) return err;
    xp_array *r = xp__new(fn, x->dtype, nd, shape, x->device);
    if (!xp_failed(r))
        xp__gather(n, offs, xp__data(x), xp__data(r), xp_dtype_size(x->dtype), 0, NULL, NULL);
    free_offs(offs, n);
    return r;
}

/* ---- getitem ---------------------------------------------------------------- */

static xp_array *getitem(const char *fn, const xp_array *x, int n, const xp_index *key) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    key_info ki;
    if ((err = classify(fn, x, n, key, &ki))) return err;
    if (ki.mask) return mask_get(fn, x, ki.mask);
    if (ki.n_arrays) return int_get(fn, x, &ki);
    view_spec v;
    if ((err = basic_spec(fn, x, &ki, &v))) return err;
    return xp__view(fn, x, x->dtype, v.nd, v.shape, v.strides, v.offset);
}

XP_API xp_array *xp_array_getitem(const xp_array *x, int n, const xp_index *key) {
    XP_ENTER;
    XP_LEAVE(getitem("xp_array_getitem", x, n, key));
}

/* ---- setitem ---------------------------------------------------------------- */

/* Checks that `value` broadcasts to (nd, shape). */
static xp_array *check_fits(const char *fn, const xp_array *value, int nd, const int64_t *shape) {
    bool ok = value->ndim <= nd;
    for (int d = 0; ok && d < value->ndim; d++) {
        int64_t e = value->shape[d], t = shape[nd - value->ndim + d];
        if (e != 1 && e != t) ok = false;
    }
    if (!ok)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'value': a %d-D value does not broadcast to the %d-D "
                         "selection", value->ndim, nd);
    return NULL;
}

static xp_array *setitem(const char *fn, xp_array *x, int n, const xp_index *key,
                         const xp_array *value) {
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check(fn, "value", value);
    if (err) return err;
    if (x->flags & XP__F_READONLY)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x' is read-only");
    if (value->device != x->device && !value->weak)
        return xp__error(XP_ERR_DEVICE, fn, "argument 'value' is on another device");
    if (value->weak) {
        if (xp__weak_dtype(value->weak, x->dtype) != x->dtype)
            return xp__error(XP_ERR_TYPE, fn, "argument 'value': a Python %s does not fit %s",
                             value->weak == XP__WEAK_BOOL    ? "bool"
                             : value->weak == XP__WEAK_INT   ? "int"
                             : value->weak == XP__WEAK_FLOAT ? "float"
                                                             : "complex",
                             xp_dtype_name(x->dtype));
        if (!xp__weak_int_fits(value, x->dtype))
            return xp__error(XP_ERR_VALUE, fn, "argument 'value': out of range for %s",
                             xp_dtype_name(x->dtype));
    } else if (xp_promote_types(value->dtype, x->dtype) != x->dtype) {
        return xp__error(XP_ERR_TYPE, fn, "argument 'value': %s does not promote to %s",
                         xp_dtype_name(value->dtype), xp_dtype_name(x->dtype));
    }
    key_info ki;
    if ((err = classify(fn, x, n, key, &ki))) return err;
    /* the value in x's dtype, never aliasing x */
    xp_array *val = NULL;
    if (value->dtype != x->dtype || (!value->weak && value->buf == x->buf)) {
        val = xp__copy_as(fn, value, x->dtype);
        if (xp_failed(val)) return val;
    } else {
        val = xp_retain(value);
    }
    size_t is = xp_dtype_size(x->dtype);
    if (ki.mask) {
        const xp_array *m = ki.mask;
        if ((err = check_mask(fn, x, m))) goto done;
        int64_t count = m->ndim ? mask_count(m) : (*(const uint8_t *)xp__data(m) != 0);
        int nd = x->ndim - m->ndim + 1;
        int64_t shape[XP_MAX_NDIM + 1];
        shape[0] = count;
        for (int d = m->ndim; d < x->ndim; d++) shape[d - m->ndim + 1] = x->shape[d];
        if ((err = check_fits(fn, val, nd, shape))) goto done;
        if (count == 0) goto done;
        if (m->ndim == 0) {
            int64_t st0[XP_MAX_NDIM + 1];
            st0[0] = 0;
            for (int d = 0; d < x->ndim; d++) st0[d + 1] = x->strides[d];
            xp_array *v = xp__view(fn, x, x->dtype, nd, shape, st0, x->offset);
            if (xp_failed(v)) {
                err = v;
                goto done;
            }
            xp__assign(v, val);
            xp_release(v);
            goto done;
        }
        int64_t vst[XP_MAX_NDIM + 1];
        xp__bcast_strides(val, nd, shape, vst);
        int64_t *offs = xp__scratch((size_t)count * sizeof(int64_t));
        if (!offs) {
            err = xp__oom();
            goto done;
        }
        mask_offsets(x, m, offs);
        char *xb = xp__data(x);
        const char *vb = xp__data(val);
        for (int64_t k = 0; k < count; k++)
            xp__copy_raw(nd - 1, shape + 1, xb + offs[k], x->strides + m->ndim, vb + k * vst[0],
                         vst + 1, is);
        xp__scratch_free(offs, (size_t)count * sizeof(int64_t));
    } else if (ki.n_arrays) {
        int nd;
        int64_t shape[XP_MAX_NDIM], *offs, cnt;
        if ((err = int_offsets(fn, x, &ki, &nd, shape, &offs, &cnt))) goto done;
        if ((err = check_fits(fn, val, nd, shape))) {
            free_offs(offs, cnt);
            goto done;
        }
        xp_array *full = xp__new(fn, x->dtype, nd, shape, x->device);
        if (xp_failed(full)) {
            free_offs(offs, cnt);
            err = full;
            goto done;
        }
        xp__assign(full, val);
        char *xb = xp__data(x);
        const char *fb = xp__data(full);
        for (int64_t j = 0; j < cnt; j++) memcpy(xb + offs[j], fb + j * (int64_t)is, is);
        xp_release(full);
        free_offs(offs, cnt);
    } else {
        view_spec v;
        if ((err = basic_spec(fn, x, &ki, &v))) goto done;
        xp_array *view = xp__view(fn, x, x->dtype, v.nd, v.shape, v.strides, v.offset);
        if (xp_failed(view)) {
            err = view;
            goto done;
        }
        if (!(err = check_fits(fn, val, view->ndim, view->shape))) xp__assign(view, val);
        xp_release(view);
    }
done:
    xp_release(val);
    return err;
}

XP_API xp_status xp_array_setitem(xp_array *x, int n, const xp_index *key, const xp_array *value) {
    XP_ENTER;
    xp_array *err = setitem("xp_array_setitem", x, n, key, value);
    return xp__leave_n(err ? xp__status_of(err) : XP_OK, 0, NULL);
}

/* ---- take, take_along_axis ---------------------------------------------------- */

/* take along the last axis with int64 indices: one pass that checks, wraps and
 * gathers (with prefetch: random indices into a large x are latency-bound). */
#define TAKE_LAST(SZ)                                                            \
    for (int64_t o2 = 0; o2 < outer; o2++) {                                     \
        const char *xb = x0 + o2 * ostride;                                      \
        char *rb = r0 + o2 * ni * (SZ);                                          \
        for (int64_t j = 0; j < ni; j++) {                                       \
            if (j + 16 < ni) {                                                   \
                int64_t w = *(const int64_t *)(ib + (j + 16) * is);              \
                if (w < 0) w += n;                                               \
                if ((uint64_t)w < (uint64_t)n) __builtin_prefetch(xb + w * xs);  \
            }                                                                    \
            int64_t v = *(const int64_t *)(ib + j * is), u = v < 0 ? v + n : v;  \
            if ((uint64_t)u >= (uint64_t)n) {                                    \
                bad = v;                                                         \
                goto out_of_range;                                               \
            }                                                                    \
            memcpy(rb + j * (SZ), xb + u * xs, SZ);                              \
        }                                                                        \
    }                                                                            \
    break

static xp_array *take_last(const char *fn, const xp_array *x, const xp_array *indices) {
    int nd = x->ndim;
    int64_t ni = indices->shape[0], n = x->shape[nd - 1], xs = x->strides[nd - 1];
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, x->shape, (size_t)nd * sizeof *shape);
    shape[nd - 1] = ni;
    xp_array *r = xp__new(fn, x->dtype, nd, shape, x->device);
    if (xp_failed(r) || r->size == 0) {
        if (!xp_failed(r) && ni > 0 && n == 0) { /* no valid index into an empty axis */
            xp_release(r);
            return xp__error(XP_ERR_INDEX, fn, "argument 'indices': index into an empty axis");
        }
        return r;
    }
    /* the outer axes: walked as one when x's leading axes merge, else via a copy */
    const xp_array *src = x;
    xp_array *tmp = NULL;
    int64_t outer = r->size / (ni ? ni : 1), ostride = 0;
    if (nd > 2) {
        bool merged = true;
        for (int d = 0; d < nd - 2; d++)
            if (x->strides[d] != x->strides[d + 1] * x->shape[d + 1]) merged = false;
        if (!merged) {
            tmp = xp__copy_as(fn, x, x->dtype);
            if (xp_failed(tmp)) {
                xp_release(r);
                return tmp;
            }
            src = tmp;
            xs = src->strides[nd - 1];
        }
    }
    if (nd > 1) ostride = src->strides[nd - 2];
    const char *x0 = xp__data(src), *ib = xp__data(indices);
    char *r0 = xp__data(r);
    int64_t is = indices->strides[0], bad = 0;
    switch (xp_dtype_size(x->dtype)) {
    case 1: TAKE_LAST(1);
    case 2: TAKE_LAST(2);
    case 4: TAKE_LAST(4);
    case 8: TAKE_LAST(8);
    default: TAKE_LAST(16);
    }
    xp_release(tmp);
    return r;
out_of_range:
    xp_release(tmp);
    xp_release(r);
    return xp__error(XP_ERR_INDEX, fn, "argument 'indices': index %lld is out of bounds for "
                     "extent %lld", (long long)bad, (long long)n);
}
#undef TAKE_LAST

static xp_array *take(const char *fn, const xp_array *x, const xp_array *indices,
                      const xp_take_opts *o) {
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check(fn, "indices", indices);
    if (err) return err;
    if (indices->device != x->device)
        return xp__error(XP_ERR_DEVICE, fn, "argument 'indices' is on another device");
    if (!(xp_dtype_kind(indices->dtype) & XP_KIND_INTEGRAL))
        return xp__error(XP_ERR_TYPE, fn, "argument 'indices': integer dtype required, not %s",
                         xp_dtype_name(indices->dtype));
    if (indices->ndim != 1)
        return xp__error(XP_ERR_VALUE, fn, "argument 'indices' must be 1-D, not %d-D",
                         indices->ndim);
    if (x->ndim == 0) return xp__error(XP_ERR_INDEX, fn, "argument 'x' is 0-D");
    int axis = 0;
    if (!o || o->axis.n == 0) {
        if (o && o->axis.tuple)
            return xp__error(XP_ERR_INDEX, fn, "argument 'axis': an empty tuple");
        if (x->ndim != 1)
            return xp__error(XP_ERR_INDEX, fn,
                             "argument 'axis' is required for a %d-D array", x->ndim);
    } else {
        if (o->axis.n != 1)
            return xp__error(XP_ERR_INDEX, fn, "argument 'axis': one axis expected, not %d",
                             o->axis.n);
        if ((err = xp__norm_axis(fn, "axis", o->axis.v[0], x->ndim, &axis))) return err;
    }
    int64_t ni = indices->shape[0];
    if (indices->dtype == XP_INT64 && axis == x->ndim - 1) return take_last(fn, x, indices);
    xp_array *idx;
    if ((err = xp__index_i64(fn, "indices", indices, 1, &ni, x->shape[axis], &idx))) return err;
    int64_t shape[XP_MAX_NDIM];
    memcpy(shape, x->shape, (size_t)x->ndim * sizeof *shape);
    shape[axis] = ni;
    xp_array *r = xp__new(fn, x->dtype, x->ndim, shape, x->device);
    if (xp_failed(r) || r->size == 0) {
        xp_release(idx);
        return r;
    }
    size_t is = xp_dtype_size(x->dtype);
    int64_t *offs = (int64_t *)xp__data(idx); /* reused in place: indices → byte offsets */
    for (int64_t j = 0; j < ni; j++) offs[j] *= x->strides[axis];
    /* outer axes (before axis) odometer; inner block (after axis) per index */
    int64_t outer = 1, inner = 1;
    for (int d = 0; d < axis; d++) outer *= x->shape[d];
    for (int d = axis + 1; d < x->ndim; d++) inner *= x->shape[d];
    int64_t idxo[XP_MAX_NDIM] = {0};
    const char *xb = xp__data(x);
    char *rb = xp__data(r);
    int64_t step = ni * inner * (int64_t)is;
    for (int64_t o2 = 0; o2 < outer; o2++) {
        xp__gather(ni, offs, xb, rb + o2 * step, is, x->ndim - axis - 1, x->shape + axis + 1,
                   x->strides + axis + 1);
        for (int d = axis - 1; d >= 0; d--) {
            if (++idxo[d] < x->shape[d]) {
                xb += x->strides[d];
                break;
            }
            idxo[d] = 0;
            xb -= x->strides[d] * (x->shape[d] - 1);
        }
    }
    xp_release(idx);
    return r;
}

XP_API xp_array *xp_take(const xp_array *x, const xp_array *indices, const xp_take_opts *opts) {
    XP_ENTER;
    XP_LEAVE(take("xp_take", x, indices, opts));
}

static xp_array *take_along(const char *fn, const xp_array *x, const xp_array *indices,
                            int64_t axis_in) {
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check(fn, "indices", indices);
    if (err) return err;
    if (indices->device != x->device)
        return xp__error(XP_ERR_DEVICE, fn, "argument 'indices' is on another device");
    if (!(xp_dtype_kind(indices->dtype) & XP_KIND_INTEGRAL))
        return xp__error(XP_ERR_TYPE, fn, "argument 'indices': integer dtype required, not %s",
                         xp_dtype_name(indices->dtype));
    if (indices->ndim != x->ndim)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'indices': %d-D indices for a %d-D array (ndim must agree)",
                         indices->ndim, x->ndim);
    int axis = 0;
    if ((err = xp__norm_axis(fn, "axis", axis_in, x->ndim, &axis))) return err;
    int nd = x->ndim;
    int64_t shape[XP_MAX_NDIM];
    for (int d = 0; d < nd; d++) {
        int64_t a = x->shape[d], b = indices->shape[d];
        if (d == axis) shape[d] = b;
        else if (a == b || b == 1) shape[d] = a;
        else if (a == 1) shape[d] = b;
        else
            return xp__error(XP_ERR_VALUE, fn,
                             "arguments 'x' and 'indices' do not broadcast on axis %d (%lld "
                             "against %lld)", d, (long long)a, (long long)b);
    }
    xp_array *idx;
    /* indices broadcast to the result shape (the axis extent already matches) */
    if ((err = xp__index_i64(fn, "indices", indices, nd, shape, x->shape[axis], &idx))) return err;
    xp_array *r = xp__new(fn, x->dtype, nd, shape, x->device);
    if (xp_failed(r) || r->size == 0) {
        xp_release(idx);
        return r;
    }
    int64_t xs[XP_MAX_NDIM];
    xp__bcast_strides(x, nd, shape, xs);
    xs[axis] = x->strides[axis];
    int64_t *offs = (int64_t *)xp__data(idx);
    int64_t ix[XP_MAX_NDIM] = {0}, base = 0;
    for (int64_t j = 0; j < r->size; j++) {
        offs[j] = base + offs[j] * xs[axis];
        for (int d = nd - 1; d >= 0; d--) {
            if (++ix[d] < shape[d]) {
                if (d != axis) base += xs[d];
                break;
            }
            ix[d] = 0;
            if (d != axis) base -= xs[d] * (shape[d] - 1);
        }
    }
    xp__gather(r->size, offs, xp__data(x), xp__data(r), xp_dtype_size(x->dtype), 0, NULL, NULL);
    xp_release(idx);
    return r;
}

XP_API xp_array *xp_take_along_axis(const xp_array *x, const xp_array *indices, int64_t axis) {
    XP_ENTER;
    XP_LEAVE(take_along("xp_take_along_axis", x, indices, axis));
}
