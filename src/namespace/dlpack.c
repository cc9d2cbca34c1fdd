/* DLPack interchange: from_dlpack, __dlpack__, __dlpack_device__. */
#include "interchange.h"
#include "iter.h"

/* ---- dtype mapping -------------------------------------------------------- */

static bool dtype_from_dl(xp_dl_data_type t, xp_dtype *out) {
    static const xp_dtype ints[4] = {XP_INT8, XP_INT16, XP_INT32, XP_INT64};
    static const xp_dtype uints[4] = {XP_UINT8, XP_UINT16, XP_UINT32, XP_UINT64};
    int k = t.bits == 8 ? 0 : t.bits == 16 ? 1 : t.bits == 32 ? 2 : t.bits == 64 ? 3 : -1;
    switch (t.code) {
    case XP_DL_INT: if (k >= 0) { *out = ints[k]; return true; } break;
    case XP_DL_UINT: if (k >= 0) { *out = uints[k]; return true; } break;
    case XP_DL_FLOAT:
        if (t.bits == 32) { *out = XP_FLOAT32; return true; }
        if (t.bits == 64) { *out = XP_FLOAT64; return true; }
        break;
    case XP_DL_COMPLEX:
        if (t.bits == 64) { *out = XP_COMPLEX64; return true; }
        if (t.bits == 128) { *out = XP_COMPLEX128; return true; }
        break;
    case XP_DL_BOOL: if (t.bits == 8) { *out = XP_BOOL; return true; } break;
    default: break;
    }
    return false;
}

static xp_dl_data_type dtype_to_dl(xp_dtype dt) {
    xp_dl_data_type t = {0, (uint8_t)(xp_dtype_size(dt) * 8), 1};
    switch (xp_dtype_kind(dt)) {
    case XP_KIND_BOOL: t.code = XP_DL_BOOL; break;
    case XP_KIND_SIGNED: t.code = XP_DL_INT; break;
    case XP_KIND_UNSIGNED: t.code = XP_DL_UINT; break;
    case XP_KIND_REAL_FLOATING: t.code = XP_DL_FLOAT; break;
    default: t.code = XP_DL_COMPLEX; break;
    }
    return t;
}

/* ---- import --------------------------------------------------------------- */

/* What validation learnt about a tensor. */
typedef struct dl_plan {
    xp_dtype dtype;
    int64_t size;
    int64_t strides[XP_MAX_NDIM]; /* bytes */
    char *first;                  /* element [0,...,0] */
    bool aligned;
} dl_plan;

/* Checks everything about `t` before anything is allocated. */
static xp_array *validate(const char *fn, const xp_dl_tensor *t, const xp_from_dlpack_opts *opts,
                          dl_plan *p) {
    xp_device dev;
    if (t->ndim < 0 || t->ndim > XP_MAX_NDIM)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x': ndim %d outside 0..%d", (int)t->ndim,
                         XP_MAX_NDIM);
    if (t->ndim > 0 && !t->shape)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x': NULL shape with ndim %d", (int)t->ndim);
    if (t->dtype.lanes != 1)
        return xp__error(XP_ERR_BUFFER, fn, "argument 'x': %u lanes (only 1 is supported)",
                         (unsigned)t->dtype.lanes);
    if (!dtype_from_dl(t->dtype, &p->dtype))
        return xp__error(XP_ERR_BUFFER, fn,
                         "argument 'x': unsupported DLPack dtype (code %u, %u bits)",
                         (unsigned)t->dtype.code, (unsigned)t->dtype.bits);
    if (t->device.device_type != XP_DL_CPU)
        return xp__error(XP_ERR_DEVICE, fn,
                         "argument 'x': DLPack device (type %d, id %d) is not available in the "
                         "'%s' flavor",
                         (int)t->device.device_type, (int)t->device.device_id, xp__flavor_name);
    xp_array *err = xp__check_device(fn, opts ? opts->device : XP_DEVICE_DEFAULT, &dev);
    if (err) return err;
    if ((err = xp__check_shape(fn, t->ndim, t->shape, p->dtype, &p->size))) return err;
    int64_t is = (int64_t)xp_dtype_size(p->dtype);
    if (t->strides) {
        /* a zero-size tensor's strides are never used: saturate them */
        for (int i = 0; i < t->ndim; i++)
            if (!xp__mul_ok(t->strides[i], is, &p->strides[i]) && p->size == 0)
                p->strides[i] = t->strides[i] < 0 ? INT64_MIN : INT64_MAX;
            else if (!xp__mul_ok(t->strides[i], is, &p->strides[i]))
                return xp__error(XP_ERR_OVERFLOW, fn,
                                 "argument 'x': stride %lld of axis %d overflows in bytes",
                                 (long long)t->strides[i], i);
    } else {
        xp__c_strides(t->ndim, t->shape, is, p->strides);
    }
    if (!t->data && p->size > 0)
        return xp__error(XP_ERR_VALUE, fn, "argument 'x': NULL data with %lld elements",
                         (long long)p->size);
    if (t->byte_offset > (uint64_t)INT64_MAX)
        return xp__error(XP_ERR_OVERFLOW, fn, "argument 'x': byte_offset overflows");
    uintptr_t base = (uintptr_t)t->data, first;
    if (__builtin_add_overflow(base, (uintptr_t)t->byte_offset, &first))
        return xp__error(XP_ERR_OVERFLOW, fn, "argument 'x': data + byte_offset wraps around");
    err = xp__check_extent(fn, "x", (const char *)first, t->ndim, t->shape, p->strides, p->size,
                           p->dtype, &p->aligned);
    if (err) return err;
    /* Zero-size tensors may come with NULL data: point them somewhere valid so
     * that no pointer arithmetic on NULL follows. */
    static _Alignas(64) char nowhere[64];
    p->first = first ? (char *)first : nowhere;
    if (!first) p->aligned = true;
    return NULL;
}

/* While xp_array_wrap runs, a deleter call is its failure path: the tensor then
 * stays the caller's, so the producer's deleter must not run. */
static _Thread_local const void *wrapping;

static void release_versioned(void *data, void *ctx) {
    (void)data;
    if (ctx == wrapping) {
        return;
    }
    xp_dl_managed_tensor_versioned *t = ctx;
    t->deleter(t);
}

static void release_legacy(void *data, void *ctx) {
    (void)data;
    if (ctx == wrapping) {
        return;
    }
    xp_dl_managed_tensor *t = ctx;
    t->deleter(t);
}

/* Imports a validated tensor; `t` is the managed struct handed to `rel`. */
static xp_array *import(const char *fn, const xp_dl_tensor *dt, bool readonly,
                        const xp_from_dlpack_opts *opts, xp_deleter rel, void *t) {
    dl_plan p;
    xp_array *err = validate(fn, dt, opts, &p);
    if (err) return err;
    xp_copy copy = opts ? opts->copy : XP_COPY_DEFAULT;
    /* The CPU tensor's id names one of this flavor's host devices (id 0 otherwise);
     * `device=` asks for another one: a copy. */
    xp_device src = XP_DEVICE(1, dt->device.device_id);
    if (!xp__device_known(src)) src = XP_DEVICE_CPU;
    xp_device dev = opts && opts->device ? opts->device : src;
    if (dev != src && copy == XP_COPY_FALSE)
        return xp__error(XP_ERR_BUFFER, fn,
                         "argument 'copy': copy=False, but moving to another device needs a copy");
    if (copy == XP_COPY_FALSE && !p.aligned)
        return xp__error(XP_ERR_BUFFER, fn,
                         "argument 'copy': copy=False, but the elements are not aligned to their "
                         "type and need a copy");
    /* Bool bytes other than 0/1 are normalised in a copy; the producer's memory
     * is never written. */
    int bad = p.dtype == XP_BOOL ? xp__bool_invalid(p.first, dt->ndim, dt->shape, p.strides, p.size)
                                 : -1;
    if (copy == XP_COPY_FALSE && bad >= 0)
        return xp__error(XP_ERR_BUFFER, fn,
                         "argument 'copy': copy=False, but a bool element holds the byte %d and "
                         "must be normalised to 0/1 in a copy",
                         bad);
    if (copy == XP_COPY_TRUE || !p.aligned || dev != src || bad >= 0) {
        xp_array *r = xp__new(fn, p.dtype, dt->ndim, dt->shape, dev);
        if (xp_failed(r)) return r;
        if (p.size > 0)
            xp__gather_bytes(xp__data(r), p.first, dt->ndim, dt->shape, p.strides,
                             xp_dtype_size(p.dtype));
        if (bad >= 0) xp__bool_normalize(xp__data(r), r->ndim, r->shape, r->strides, r->size);
        rel(NULL, t);
        return r;
    }
    wrapping = t;
    xp_array *r = xp__wrap(fn, p.first, p.dtype, dt->ndim, dt->shape, p.strides, rel, t, readonly);
    wrapping = NULL;
    if (!xp_failed(r)) r->device = r->buf->device = dev;
    return r;
}

/* A tensor this library exported: its block keeps the source array. */
static void delete_versioned(xp_dl_managed_tensor_versioned *self);
static void delete_legacy(xp_dl_managed_tensor *self);
static xp_array *kept_array(void *manager_ctx);

/* Our own export comes back as a view of the array it keeps (so the result
 * shares memory with it in xp_array_shares_memory's sense); the tensor is
 * released at once. NULL when the generic path must run. */
static xp_array *own_export(const char *fn, xp_array *k, const xp_from_dlpack_opts *opts) {
    xp_device dev;
    if (opts && opts->copy == XP_COPY_TRUE) return NULL;
    xp_array *err = xp__check_device(fn, opts && opts->device ? opts->device : k->device, &dev);
    if (err) return err;
    if (dev != k->device) {
        if (opts && opts->copy == XP_COPY_FALSE)
            return xp__error(XP_ERR_BUFFER, fn,
                             "argument 'copy': copy=False, but moving to another device needs a "
                             "copy");
        return xp__copy_to(fn, k, k->dtype, dev);
    }
    return xp__view(fn, k, k->dtype, k->ndim, k->shape, k->strides, k->offset);
}

XP_API xp_array *xp_from_dlpack(xp_dl_managed_tensor_versioned *t,
                                const xp_from_dlpack_opts *opts) {
    static const char fn[] = "xp_from_dlpack";
    XP_ENTER;
    if (!t) XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'x' is NULL"));
    if (t->version.major != XP_DLPACK_MAJOR_VERSION)
        XP_LEAVE(xp__error(XP_ERR_BUFFER, fn,
                           "argument 'x': DLPack version %u.%u (this library reads 1.x)",
                           (unsigned)t->version.major, (unsigned)t->version.minor));
    if (!t->deleter)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': the tensor has no deleter"));
    if (opts) {
        xp_array *err = xp__check_copy(fn, opts->copy);
        if (err) XP_LEAVE(err);
    }
    if (t->deleter == delete_versioned) {
        xp_array *r = own_export(fn, kept_array(t->manager_ctx), opts);
        if (r && !xp_failed(r)) t->deleter(t);
        if (r) XP_LEAVE(r);
    }
    bool ro = (t->flags & XP_DLPACK_FLAG_READ_ONLY) != 0;
    XP_LEAVE(import(fn, &t->dl_tensor, ro, opts, release_versioned, t));
}

XP_API xp_array *xp_from_dlpack_legacy(xp_dl_managed_tensor *t, const xp_from_dlpack_opts *opts) {
    static const char fn[] = "xp_from_dlpack_legacy";
    XP_ENTER;
    if (!t) XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'x' is NULL"));
    if (!t->deleter)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': the tensor has no deleter"));
    if (opts) {
        xp_array *err = xp__check_copy(fn, opts->copy);
        if (err) XP_LEAVE(err);
    }
    if (t->deleter == delete_legacy) {
        xp_array *r = own_export(fn, kept_array(t->manager_ctx), opts);
        if (r && !xp_failed(r)) t->deleter(t);
        if (r) XP_LEAVE(r);
    }
    XP_LEAVE(import(fn, &t->dl_tensor, false, opts, release_legacy, t));
}

/* ---- export --------------------------------------------------------------- */

/* One allocation per exported tensor: the managed struct, the array it keeps
 * alive, then shape and strides. */
typedef struct export_block {
    union {
        xp_dl_managed_tensor_versioned v;
        xp_dl_managed_tensor l;
    } mt;
    xp_array *keep;
    xp_allocator alloc;
    size_t alloc_size;
    int64_t dims[];
} export_block;

static xp_array *kept_array(void *manager_ctx) { return ((export_block *)manager_ctx)->keep; }

static void free_block(export_block *b) {
    xp_release(b->keep);
    xp__mfree(b, b->alloc_size, &b->alloc);
}

static void delete_versioned(xp_dl_managed_tensor_versioned *self) {
    if (self) free_block(self->manager_ctx);
}

static void delete_legacy(xp_dl_managed_tensor *self) {
    if (self) free_block(self->manager_ctx);
}

/* Builds the block for `x` (validated); `versioned` picks the struct. */
static xp_status export_tensor(const xp_array *x, const xp_to_dlpack_opts *opts, bool versioned,
                        export_block **out) {
    static const char fn[] = "xp_array_to_dlpack";
    *out = NULL;
    xp_array *err = xp__check(fn, "x", x);
    if (err) {
        xp_status st = err->status;
        xp_release(err);
        return st;
    }
    xp_dl_device want = opts ? opts->dl_device : (xp_dl_device){0, 0};
    if (want.device_type != 0 &&
        (want.device_type != XP_DEVICE_TYPE(x->device) || want.device_id != XP_DEVICE_ID(x->device)))
        return XP_ERR_BUFFER;
    if (versioned && opts && (opts->max_version.major | opts->max_version.minor) &&
        opts->max_version.major < 1)
        return XP_ERR_BUFFER;
    xp_copy copy = opts ? opts->copy : XP_COPY_DEFAULT;
    if ((unsigned)copy > XP_COPY_NONE) return XP_ERR_VALUE;
    int64_t is = (int64_t)xp_dtype_size(x->dtype);
    bool whole = true; /* strides are whole elements (any will do when zero-size) */
    for (int i = 0; i < x->ndim && x->size > 0; i++)
        if (x->shape[i] > 1 && x->strides[i] % is != 0) whole = false;
    if (!whole && copy == XP_COPY_FALSE) return XP_ERR_BUFFER;
    bool copied = copy == XP_COPY_TRUE || !whole;
    xp_array *keep = copied ? xp__copy_as(fn, x, x->dtype) : xp_retain(x);
    if (xp_failed(keep)) {
        xp_status st = keep->status;
        xp_release(keep);
        return st;
    }
    xp_allocator used;
    size_t total = sizeof(export_block) + 2 * (size_t)keep->ndim * sizeof(int64_t);
    export_block *b = xp__malloc(total, &used);
    if (!b) {
        xp_release(keep);
        return XP_ERR_NOMEM;
    }
    memset(b, 0, sizeof *b);
    b->keep = keep;
    b->alloc = used;
    b->alloc_size = total;
    int nd = keep->ndim;
    xp_dl_tensor t;
    memset(&t, 0, sizeof t);
    t.data = keep->buf->data ? xp__data(keep) : NULL;
    t.device.device_type = XP_DEVICE_TYPE(keep->device);
    t.device.device_id = XP_DEVICE_ID(keep->device);
    t.ndim = nd;
    t.dtype = dtype_to_dl(keep->dtype);
    t.shape = nd ? b->dims : NULL;
    t.strides = nd ? b->dims + nd : NULL;
    t.byte_offset = 0;
    for (int i = 0; i < nd; i++) {
        b->dims[i] = keep->shape[i];
        b->dims[nd + i] = keep->shape[i] > 1 ? keep->strides[i] / is : 0;
        if (keep->shape[i] <= 1) {
            /* any stride is valid here: give the C-order one */
            int64_t s = 1;
            for (int j = i + 1; j < nd; j++)
                if (__builtin_mul_overflow(s, keep->shape[j] > 0 ? keep->shape[j] : 1, &s))
                    s = INT64_MAX; /* zero-size arrays only */
            b->dims[nd + i] = s;
        }
    }
    if (versioned) {
        xp_dl_managed_tensor_versioned *v = &b->mt.v;
        v->version.major = XP_DLPACK_MAJOR_VERSION;
        v->version.minor = XP_DLPACK_MINOR_VERSION;
        if (opts && opts->max_version.major == XP_DLPACK_MAJOR_VERSION &&
            opts->max_version.minor < XP_DLPACK_MINOR_VERSION)
            v->version.minor = opts->max_version.minor;
        v->manager_ctx = b;
        v->deleter = delete_versioned;
        v->flags = (copied ? XP_DLPACK_FLAG_IS_COPIED : 0) |
                   ((keep->flags & XP__F_READONLY) ? XP_DLPACK_FLAG_READ_ONLY : 0);
        v->dl_tensor = t;
    } else {
        xp_dl_managed_tensor *l = &b->mt.l;
        l->manager_ctx = b;
        l->deleter = delete_legacy;
        l->dl_tensor = t;
    }
    *out = b;
    return XP_OK;
}

XP_API xp_status xp_array_to_dlpack(const xp_array *x, const xp_to_dlpack_opts *opts,
                                    xp_dl_managed_tensor_versioned **out) {
    if (!out) return XP_ERR_TYPE;
    export_block *b;
    xp_status st = export_tensor(x, opts, true, &b);
    *out = st == XP_OK ? &b->mt.v : NULL;
    return st;
}

XP_API xp_status xp_array_to_dlpack_legacy(const xp_array *x, const xp_to_dlpack_opts *opts,
                                           xp_dl_managed_tensor **out) {
    if (!out) return XP_ERR_TYPE;
    export_block *b;
    xp_status st = export_tensor(x, opts, false, &b);
    *out = st == XP_OK ? &b->mt.l : NULL;
    return st;
}

XP_API xp_status xp_array_dlpack_device(const xp_array *x, int32_t *device_type,
                                        int32_t *device_id) {
    if (!x || !device_type || !device_id) return XP_ERR_TYPE;
    if (xp_failed(x)) return xp_error_status(x);
    *device_type = XP_DEVICE_TYPE(x->device);
    *device_id = XP_DEVICE_ID(x->device);
    return XP_OK;
}

/* ---- helpers shared with .npy --------------------------------------------- */

size_t xp__dtype_align(xp_dtype dt) {
    size_t s = xp_dtype_size(dt);
    return xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING ? s / 2 : s;
}

void xp__gather_bytes(char *dst, const char *src, int ndim, const int64_t *shape,
                      const int64_t *src_strides, size_t itemsize) {
    int64_t dst_strides[XP_MAX_NDIM];
    xp__c_strides(ndim, shape, (int64_t)itemsize, dst_strides);
    char *base[2] = {(char *)src, dst};
    const int64_t *st[2] = {src_strides, dst_strides};
    xp_iter it;
    if (!xp__iter_init(&it, 2, base, ndim, shape, st)) return;
    do {
        const char *s = it.ptr[0];
        char *d = it.ptr[1];
        if (it.inner_step[0] == (int64_t)itemsize && it.inner_step[1] == (int64_t)itemsize) {
            memcpy(d, s, (size_t)it.inner_n * itemsize);
            continue;
        }
        for (int64_t i = 0; i < it.inner_n; i++)
            memcpy(d + i * it.inner_step[1], s + i * it.inner_step[0], itemsize);
    } while (xp__iter_next(&it));
}

void xp__byteswap(char *p, int64_t n, xp_dtype dt) {
    size_t w = xp__dtype_align(dt);
    if (w == 1) return;
    int64_t words = n * (int64_t)(xp_dtype_size(dt) / w);
    for (int64_t i = 0; i < words; i++) {
        char *q = p + i * (int64_t)w;
        for (size_t a = 0, b = w - 1; a < b; a++, b--) {
            char c = q[a];
            q[a] = q[b];
            q[b] = c;
        }
    }
}
