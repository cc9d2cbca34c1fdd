/* The array object: construction, views, reference counting, attributes. */
#include "core.h"
#include "interchange.h"

#include <stdio.h>

/* ---- shapes --------------------------------------------------------------- */

xp_array *xp__check_shape(const char *fn, int ndim, const int64_t *shape, xp_dtype dt,
                          int64_t *size_out) {
    if (ndim < 0 || ndim > XP_MAX_NDIM)
        return xp__error(XP_ERR_VALUE, fn, "argument 'shape': %d dimensions (allowed 0..%d)",
                         ndim, XP_MAX_NDIM);
    if (ndim > 0 && !shape) return xp__error(XP_ERR_TYPE, fn, "argument 'shape' is NULL");
    /* NumPy's rule: the extents other than 0 must multiply (by the item size too)
     * without overflow, also when another extent is 0 and the array is empty, so
     * no loop over a shape ever overflows. */
    int64_t n = 1, bytes;
    bool zero = false;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0)
            return xp__error(XP_ERR_VALUE, fn, "argument 'shape': extent %lld of axis %d is negative",
                             (long long)shape[i], i);
        if (shape[i] == 0) zero = true;
    }
    if (!xp__nonzero_extents_fit(ndim, shape, (int64_t)xp_dtype_size(dt), &n, &bytes))
        return xp__error(XP_ERR_OVERFLOW, fn,
                         "argument 'shape': the element or byte count overflows");
    if (zero) n = 0;
    if (size_out) *size_out = n;
    return NULL;
}

/* The products cannot overflow for shapes that passed xp__check_shape; they
 * saturate all the same, so a caller's mistake cannot become undefined behaviour. */
void xp__c_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides) {
    int64_t s = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        strides[i] = s;
        if (__builtin_mul_overflow(s, shape[i] > 0 ? shape[i] : 1, &s)) s = INT64_MAX;
    }
}

bool xp__is_c_contig(const xp_array *x) {
    int64_t s = (int64_t)xp_dtype_size(x->dtype);
    if (x->size == 0) return true;
    for (int i = x->ndim - 1; i >= 0; i--) {
        if (x->shape[i] != 1 && x->strides[i] != s) return false;
        s *= x->shape[i]; /* no overflow: size > 0 and the byte count was checked */
    }
    return true;
}

/* ---- construction --------------------------------------------------------- */

static xp_array *new_object(int ndim) {
    xp_allocator used;
    size_t total = sizeof(xp_array) + 2 * (size_t)ndim * sizeof(int64_t);
    xp_array *a = xp__malloc(total, &used);
    if (!a) return NULL;
    memset(a, 0, sizeof *a);
    atomic_init(&a->refcount, 1);
    a->alloc = used;
    a->alloc_size = total;
    a->ndim = ndim;
    a->shape = a->dims;
    a->strides = a->dims + ndim;
    a->ns = &xp__eager;
    return a;
}

static void free_object(xp_array *a) { xp__mfree(a, a->alloc_size, &a->alloc); }

static void buffer_release(xp_buffer *b) {
    if (!b) return;
    if (atomic_fetch_sub_explicit(&b->refcount, 1, memory_order_acq_rel) != 1) return;
    if (__builtin_expect(b->storage != NULL, 0)) {
        if (b->storage->release) b->storage->release(b->storage_ctx);
        buffer_release(b->host);
        xp__mfree(b, b->alloc_size, &b->alloc);
    } else if (b->owned) {
        xp__mfree(b, b->alloc_size, &b->alloc);
    } else {
        if (b->deleter) b->deleter(b->data, b->deleter_ctx);
        xp__mfree(b, b->alloc_size, &b->alloc);
    }
}

/* data starts after the header, rounded to 64 bytes: aligned like the block */
#define XP__BUF_HEADER ((sizeof(xp_buffer) + 63) & ~(size_t)63)
_Static_assert(sizeof(xp_buffer) <= 128, "buffer header grew");

/* A host block of `nbytes` with its header in front (NULL when out of memory). */
static xp_buffer *new_buffer(size_t nbytes, xp_device dev) {
    xp_allocator used;
    xp_buffer *b = xp__malloc(XP__BUF_HEADER + nbytes, &used);
    if (!b) return NULL;
    memset(b, 0, sizeof *b);
    atomic_init(&b->refcount, 1);
    b->data = (char *)b + XP__BUF_HEADER;
    b->nbytes = nbytes;
    b->alloc = used;
    b->alloc_size = XP__BUF_HEADER + nbytes;
    b->device = dev;
    b->owned = true;
    return b;
}

xp_array *xp__new(const char *fn, xp_dtype dt, int ndim, const int64_t *shape, xp_device dev) {
    xp_array *err = xp__check_dtype(fn, "dtype", dt);
    if (err) return err;
    int64_t size;
    if ((err = xp__check_shape(fn, ndim, shape, dt, &size))) return err;
    size_t nbytes = (size_t)size * xp_dtype_size(dt);
    xp_array *a = new_object(ndim);
    if (!a) return xp__oom();
    xp_buffer *b = new_buffer(nbytes, dev);
    if (!b) {
        free_object(a);
        return xp__oom();
    }
    a->buf = b;
    a->dtype = dt;
    a->size = size;
    a->device = dev;
    if (ndim) memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
    xp__c_strides(ndim, shape, (int64_t)xp_dtype_size(dt), a->strides);
    return a;
}

xp_array *xp__new_zeroed(const char *fn, xp_dtype dt, int ndim, const int64_t *shape,
                         xp_device dev) {
    xp_array *a = xp__new(fn, dt, ndim, shape, dev);
    if (!xp_failed(a) && a->buf->nbytes) memset(a->buf->data, 0, a->buf->nbytes);
    return a;
}

bool xp__nonzero_extents_fit(int ndim, const int64_t *shape, int64_t itemsize, int64_t *count,
                             int64_t *bytes) {
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        if (shape[i] > 0 && !xp__mul_ok(n, shape[i], &n)) return false;
    if (!xp__mul_ok(n, itemsize, bytes) || (uint64_t)*bytes > (uint64_t)(SIZE_MAX / 2)) return false;
    *count = n;
    return true;
}

xp_array *xp__view(const char *fn, const xp_array *base, xp_dtype dt, int ndim,
                   const int64_t *shape, const int64_t *strides, int64_t offset) {
    int64_t size, bytes;
    if (!xp__nonzero_extents_fit(ndim, shape, (int64_t)xp_dtype_size(dt), &size, &bytes))
        return xp__error(XP_ERR_OVERFLOW, fn, "the result's element or byte count overflows");
    xp_array *a = new_object(ndim);
    if (!a) return xp__oom();
    atomic_fetch_add_explicit(&base->buf->refcount, 1, memory_order_relaxed);
    a->buf = base->buf;
    a->dtype = dt;
    a->device = base->device;
    a->ns = base->ns;
    a->offset = offset;
    a->flags = base->flags & XP__F_READONLY;
    for (int i = 0; i < ndim; i++) {
        a->shape[i] = shape[i];
        a->strides[i] = strides[i];
        if (shape[i] == 0) size = 0;
    }
    a->size = size;
    return a;
}

xp_array *xp__wrap(const char *fn, void *data, xp_dtype dtype, int ndim, const int64_t *shape,
                   const int64_t *strides, xp_deleter deleter, void *ctx, bool readonly) {
    int64_t size;
    int64_t st[XP_MAX_NDIM];
    xp_array *err = xp__check_dtype(fn, "dtype", dtype);
    if (!err) err = xp__check_shape(fn, ndim, shape, dtype, &size);
    if (!err && !data && size > 0) err = xp__error(XP_ERR_TYPE, fn, "argument 'data' is NULL");
    if (!err) {
        if (strides)
            memcpy(st, strides, (size_t)ndim * sizeof(int64_t));
        else
            xp__c_strides(ndim, shape, (int64_t)xp_dtype_size(dtype), st);
        bool aligned;
        err = xp__check_extent(fn, "strides", data, ndim, shape, st, size, dtype, &aligned);
        if (!err && !aligned)
            err = xp__error(XP_ERR_VALUE, fn,
                            "argument 'strides': the data or a stride is not a multiple of %zu "
                            "bytes, the alignment of %s",
                            xp__dtype_align(dtype), xp_dtype_name(dtype));
    }
    int bad;
    if (!err && dtype == XP_BOOL && (bad = xp__bool_invalid(data, ndim, shape, st, size)) >= 0)
        err = xp__error(XP_ERR_VALUE, fn,
                        "argument 'data': a bool element holds the byte %d (bool bytes must be "
                        "0 or 1)",
                        bad);
    xp_array *a = NULL;
    xp_buffer *b = NULL;
    xp_allocator used;
    if (!err) {
        a = new_object(ndim);
        b = a ? xp__malloc(sizeof *b, &used) : NULL;
        if (!b) {
            if (a) free_object(a);
            err = xp__oom();
        }
    }
    if (err) {
        if (deleter) deleter(data, ctx);
        return err;
    }
    memset(b, 0, sizeof *b);
    atomic_init(&b->refcount, 1);
    b->data = data;
    b->deleter = deleter;
    b->deleter_ctx = ctx;
    b->alloc = used;
    b->alloc_size = sizeof *b;
    b->device = XP_DEVICE_CPU;
    a->buf = b;
    a->dtype = dtype;
    a->size = size;
    a->device = XP_DEVICE_CPU;
    if (readonly) a->flags |= XP__F_READONLY;
    if (ndim) memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
    if (ndim) memcpy(a->strides, st, (size_t)ndim * sizeof(int64_t));
    return a;
}

XP_API xp_array *xp_array_wrap(void *data, xp_dtype dtype, int ndim, const int64_t *shape,
                               const int64_t *strides, xp_deleter deleter, void *ctx,
                               bool readonly) {
    XP_ENTER;
    XP_LEAVE(xp__wrap("xp_array_wrap", data, dtype, ndim, shape, strides, deleter, ctx, readonly));
}

/* ---- reference counting --------------------------------------------------- */

XP_API xp_array *xp_retain(const xp_array *cx) {
    xp_array *x = (xp_array *)cx;
    if (x && !(x->flags & XP__F_STATIC))
        atomic_fetch_add_explicit(&x->refcount, 1, memory_order_relaxed);
    return x;
}

/* Every array is freed with what its maker recorded in it: the allocator of its
 * object and buffer, the deleter of wrapped memory, the storage operations of a
 * stored array. So an array of another flavor's library is released by that
 * library's code, whichever library's xp_release drops the last reference. */
XP_API void xp_release(const xp_array *cx) {
    xp_array *x = (xp_array *)cx;
    if (!x) return;
    if (x->flags & XP__F_RELEASED) {
        /* debug mode: a second release of a quarantined array is diagnosed, not done */
        xp__status_error(XP_ERR_VALUE, "xp_release",
                         "argument 'x' was already released (debug mode)");
        return;
    }
    if (x->flags & XP__F_STATIC) return;
    if (atomic_fetch_sub_explicit(&x->refcount, 1, memory_order_acq_rel) != 1) return;
    /* the last reference of an array a scope lists: the scope forgets it, so its
     * end does not release it a second time */
    if (x->flags & XP__F_SCOPED) xp__scope_forget(x);
    buffer_release(x->buf);
    if (xp__debug_on()) {
        xp__quarantine(x);
        return;
    }
    free_object(x);
}

/* ---- stored arrays (storage.h) -------------------------------------------- */

XP_API xp_array *xp_array_new_stored(const xp_namespace *ns, const xp_storage_ops *ops, void *ctx,
                                     xp_dtype dtype, int ndim, const int64_t *shape,
                                     xp_device device) {
    static const char fn[] = "xp_array_new_stored";
    XP_ENTER;
    int64_t size = 0;
    xp_array *err = NULL;
    if (!ns) err = xp__error(XP_ERR_TYPE, fn, "argument 'ns' is NULL");
    else if (!ops) err = xp__error(XP_ERR_TYPE, fn, "argument 'ops' is NULL");
    else if (ops->size < sizeof(xp_storage_ops))
        err = xp__error(XP_ERR_VALUE, fn, "argument 'ops': size %u, at least %zu expected",
                        (unsigned)ops->size, sizeof(xp_storage_ops));
    else if (!ops->name || !ops->to_host)
        err = xp__error(XP_ERR_TYPE, fn, "argument 'ops': 'name' and 'to_host' are required");
    if (!err) err = xp__check_dtype(fn, "dtype", dtype);
    if (!err) err = xp__check_shape(fn, ndim, shape, dtype, &size);
    xp_array *a = err ? NULL : new_object(ndim);
    xp_allocator used;
    xp_buffer *b = a ? xp__malloc(sizeof *b, &used) : NULL;
    if (!err && !b) {
        if (a) free_object(a);
        err = xp__oom();
    }
    if (err) {
        if (ops && ops->release) ops->release(ctx);
        XP_LEAVE(err);
    }
    memset(b, 0, sizeof *b);
    atomic_init(&b->refcount, 1);
    b->nbytes = (size_t)size * xp_dtype_size(dtype);
    b->alloc = used;
    b->alloc_size = sizeof *b;
    b->device = device;
    b->storage = ops;
    b->storage_ctx = ctx;
    a->buf = b;
    a->ns = ns;
    a->dtype = dtype;
    a->size = size;
    a->device = device;
    a->flags |= XP__F_READONLY; /* the raw accessors' host copy is read-only */
    if (ndim) memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
    xp__c_strides(ndim, shape, (int64_t)xp_dtype_size(dtype), a->strides);
    XP_LEAVE(a);
}

XP_API const xp_storage_ops *xp_array_storage(const xp_array *x, void **ctx) {
    bool stored = x && !(x->flags & XP__F_ERROR) && x->buf->storage;
    if (ctx) *ctx = stored ? x->buf->storage_ctx : NULL;
    return stored ? x->buf->storage : NULL;
}

/* The one-line description of a stored array's storage. */
static void describe(const xp_array *x, char *buf, size_t cap) {
    int k = x->buf->storage->describe ? x->buf->storage->describe(x, x->buf->storage_ctx, buf, cap) : -1;
    if (k < 0) snprintf(buf, cap, "%s", x->buf->storage->name);
}

xp_array *xp__stored_error(const char *fn, const char *arg, const xp_array *x) {
    char where[160];
    describe(x, where, sizeof where);
    return xp__error(XP_ERR_DEVICE, fn,
                     "argument '%s' is a '%s' array (%s), not host memory: the '%s' flavor's "
                     "functions take host arrays; use the flat function or the array's own table",
                     arg, x->buf->storage->name, where, xp__flavor_name);
}

xp_array *xp__stored_to_host(const char *fn, const xp_array *x, xp_device dev) {
    xp_array *r = xp__new(fn, x->dtype, x->ndim, x->shape, dev);
    if (xp_failed(r)) return r;
    xp_status st = x->buf->storage->to_host(x, x->buf->storage_ctx, xp__data(r));
    if (st == XP_OK) return r;
    xp_release(r);
    char where[160];
    describe(x, where, sizeof where);
    return xp__error(st, fn, "argument 'x': the '%s' storage could not copy its elements (%s) "
                             "to host memory", x->buf->storage->name, where);
}

/* The host copy behind the raw accessors of a stored array: made once, by the
 * first caller (a racing second copy is dropped), owned by the array. */
static char *host_copy(const xp_array *x) {
    xp_buffer *b = __atomic_load_n(&x->buf->host, __ATOMIC_ACQUIRE);
    if (b) return b->data;
    size_t nbytes = (size_t)x->size * xp_dtype_size(x->dtype);
    xp_buffer *nb = new_buffer(nbytes, x->device);
    if (!nb) return NULL;
    if (x->buf->storage->to_host(x, x->buf->storage_ctx, nb->data) != XP_OK) {
        buffer_release(nb);
        return NULL;
    }
    xp_buffer *expected = NULL;
    if (__atomic_compare_exchange_n(&x->buf->host, &expected, nb, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
        return nb->data;
    buffer_release(nb);
    return expected->data;
}

void xp__free_quarantined(xp_array *x) { free_object(x); }

/* ---- attributes ----------------------------------------------------------- */

#define VALID(x) ((x) && !((x)->flags & XP__F_ERROR))

XP_API xp_dtype xp_array_dtype(const xp_array *x) { return VALID(x) ? x->dtype : XP_DTYPE_DEFAULT; }
XP_API int xp_array_ndim(const xp_array *x) { return VALID(x) ? x->ndim : -1; }
XP_API const int64_t *xp_array_shape(const xp_array *x) {
    return VALID(x) && x->ndim ? x->shape : NULL;
}
XP_API const int64_t *xp_array_strides(const xp_array *x) {
    return VALID(x) && x->ndim ? x->strides : NULL;
}
XP_API int64_t xp_array_size(const xp_array *x) { return VALID(x) ? x->size : -1; }
XP_API size_t xp_array_itemsize(const xp_array *x) {
    return VALID(x) ? xp_dtype_size(x->dtype) : 0;
}
XP_API int64_t xp_array_offset(const xp_array *x) { return VALID(x) ? x->offset : 0; }
XP_API xp_device xp_array_device(const xp_array *x) {
    return VALID(x) ? x->device : XP_DEVICE_DEFAULT;
}
XP_API void *xp_array_data(const xp_array *x) {
    if (!VALID(x)) return NULL;
    if (x->buf->storage) return host_copy(x);
    if (XP_DEVICE_TYPE(x->device) != 1) return NULL;
    return xp__data(x);
}
XP_API bool xp_array_is_readonly(const xp_array *x) {
    return !VALID(x) || (x->flags & XP__F_READONLY);
}
XP_API bool xp_array_is_c_contiguous(const xp_array *x) { return VALID(x) && xp__is_c_contig(x); }
XP_API bool xp_array_shares_memory(const xp_array *a, const xp_array *b) {
    return VALID(a) && VALID(b) && a->buf == b->buf; /* stored: one storage record */
}
XP_API bool xp_array_is_weak(const xp_array *x) { return VALID(x) && x->weak != XP__WEAK_NONE; }
