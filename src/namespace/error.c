/* Error arrays: a status and a message that travel inside results. */
#include "core.h"

#include <stdio.h>

static struct {
    struct xp_array a;
} oom_error = {{.refcount = 1,
                .flags = XP__F_STATIC | XP__F_ERROR,
                .status = XP_ERR_NOMEM,
                .message = (char *)"xparray: out of memory",
                .dtype = XP_DTYPE_DEFAULT,
                .ndim = -1,
                .size = -1}};

xp_array *xp__oom(void) { return &oom_error.a; }

XP_API const char *xp_status_name(xp_status s) {
    switch (s) {
    case XP_OK: return "XP_OK";
    case XP_ERR_VALUE: return "XP_ERR_VALUE";
    case XP_ERR_TYPE: return "XP_ERR_TYPE";
    case XP_ERR_INDEX: return "XP_ERR_INDEX";
    case XP_ERR_NOT_IMPLEMENTED: return "XP_ERR_NOT_IMPLEMENTED";
    case XP_ERR_NOMEM: return "XP_ERR_NOMEM";
    case XP_ERR_DEVICE: return "XP_ERR_DEVICE";
    case XP_ERR_BACKEND: return "XP_ERR_BACKEND";
    case XP_ERR_BUFFER: return "XP_ERR_BUFFER";
    case XP_ERR_OVERFLOW: return "XP_ERR_OVERFLOW";
    case XP_ERR_IO: return "XP_ERR_IO";
    }
    return "XP_ERR_UNKNOWN";
}

/* The object and its message come from one allocation. */
static xp_array *make_error(xp_status st, const char *msg, size_t len) {
    xp_allocator used;
    size_t head = (sizeof(xp_array) + sizeof(xp__errpath) + 7) & ~(size_t)7;
    size_t total = head + len + 1;
    xp_array *e = xp__malloc(total, &used);
    if (!e) return xp__oom();
    memset(e, 0, head);
    e->path = (xp__errpath *)((char *)e + sizeof *e);
    char *m = (char *)e + head;
    memcpy(m, msg, len);
    m[len] = 0;
    atomic_init(&e->refcount, 1);
    e->flags = XP__F_ERROR;
    e->status = st == XP_OK ? XP_ERR_VALUE : st;
    e->message = m;
    e->ndim = -1;
    e->size = -1;
    e->alloc = used;
    e->alloc_size = total;
    return e;
}

xp_array *xp__error(xp_status st, const char *fn, const char *fmt, ...) {
    char buf[512];
    int k = snprintf(buf, sizeof buf, "%s: ", fn ? fn : "xparray");
    if (k < 0) k = 0;
    if ((size_t)k >= sizeof buf) k = (int)sizeof buf - 1;
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(buf + k, sizeof buf - (size_t)k, fmt, ap);
    va_end(ap);
    size_t len = (size_t)k + (m < 0 ? 0 : (size_t)m);
    if (len >= sizeof buf) len = sizeof buf - 1;
    return make_error(st, buf, len);
}

XP_API xp_array *xp_error_new(xp_status status, const char *message) {
    XP_ENTER;
    if (!message) message = "";
    XP_LEAVE(make_error(status, message, strlen(message)));
}

xp_array *xp__check(const char *fn, const char *arg, const xp_array *x) {
    if (!x) return xp__error(XP_ERR_TYPE, fn, "argument '%s' is NULL", arg);
    if (x->flags & XP__F_RELEASED) return xp__released_error(fn, arg);
    if (x->flags & XP__F_ERROR) {
        xp__error_passed(x, fn);
        return xp_retain(x);
    }
    if (__builtin_expect(x->buf->storage != NULL, 0)) return xp__stored_error(fn, arg, x);
    return NULL;
}

void xp__error_passed(const xp_array *cx, const char *fn) {
    xp_array *x = (xp_array *)cx;
    xp__errpath *p = x->path;
    if (!p || !fn || (x->flags & XP__F_STATIC)) return;
    int n = atomic_load_explicit(&p->n, memory_order_acquire);
    /* the same function seen again (its second argument, or the origin itself) */
    const char *last = n ? atomic_load(&p->fn[(n < XP__PATH_MAX ? n : XP__PATH_MAX) - 1]) : NULL;
    if (last == fn || (last && !strcmp(last, fn))) return;
    size_t k = strlen(fn);
    if (!n && !strncmp(x->message, fn, k) && x->message[k] == ':') return;
    int i = atomic_fetch_add_explicit(&p->n, 1, memory_order_acq_rel);
    if (i < XP__PATH_MAX) atomic_store_explicit(&p->fn[i], fn, memory_order_release);
}

XP_API int xp_error_path(const xp_array *x, const char **fns, int max) {
    if (!x || !(x->flags & XP__F_ERROR) || !x->path) return 0;
    int n = atomic_load_explicit(&x->path->n, memory_order_acquire), k = 0;
    if (n > XP__PATH_MAX) n = XP__PATH_MAX;
    for (int i = 0; i < n; i++) {
        const char *f = atomic_load_explicit(&x->path->fn[i], memory_order_acquire);
        if (!f) continue;
        if (fns && k < max) fns[k] = f;
        k++;
    }
    return k;
}

XP_API size_t xp_error_trace(const xp_array *x, char *buf, size_t size) {
    char t[1024];
    int k = snprintf(t, sizeof t, "%s", xp_error_message(x));
    const char *fns[XP__PATH_MAX];
    int n = xp_error_path(x, fns, XP__PATH_MAX);
    for (int i = 0; i < n && k >= 0 && (size_t)k < sizeof t; i++)
        k += snprintf(t + k, sizeof t - (size_t)k, "%s%s", i ? " <- " : " (via ", fns[i]);
    int total = x && x->path ? atomic_load(&x->path->n) : 0;
    if (k >= 0 && (size_t)k < sizeof t && total > n)
        k += snprintf(t + k, sizeof t - (size_t)k, " <- %d more", total - n);
    if (n && k >= 0 && (size_t)k < sizeof t) k += snprintf(t + k, sizeof t - (size_t)k, ")");
    size_t len = k < 0 ? 0 : (size_t)k < sizeof t ? (size_t)k : sizeof t - 1;
    if (buf && size) {
        size_t c = len < size - 1 ? len : size - 1;
        memcpy(buf, t, c);
        buf[c] = 0;
    }
    return len;
}

xp_array *xp__check_dtype(const char *fn, const char *arg, xp_dtype dt) {
    if ((int)dt <= 0 || dt >= XP_DTYPE_COUNT)
        return xp__error(XP_ERR_TYPE, fn, "argument '%s': %d is not a dtype", arg, (int)dt);
    return NULL;
}

bool xp__device_known(xp_device dev) {
    for (int i = 0; i < xp__facts.n_devices; i++)
        if (dev == xp__facts.devices[i]) return true;
    return false;
}

xp_array *xp__check_device(const char *fn, xp_device dev, xp_device *out) {
    if (dev == XP_DEVICE_DEFAULT) dev = xp__default_device();
    if (xp__device_known(dev)) {
        *out = dev;
        return NULL;
    }
    return xp__error(XP_ERR_DEVICE, fn,
                     "argument 'device': device (type %d, id %d) is not available in the "
                     "'%s' flavor",
                     (int)XP_DEVICE_TYPE(dev), (int)XP_DEVICE_ID(dev), xp__flavor_name);
}

xp_array *xp__check_same_device(const char *fn, int n, const xp_array *const *arrays,
                                const char *const *names) {
    const xp_array *first = NULL;
    for (int i = 0; i < n; i++) {
        const xp_array *x = arrays[i];
        if (!x || (x->flags & XP__F_ERROR) || x->weak) continue;
        if (!first) {
            first = x;
        } else if (x->device != first->device) {
            return xp__error(XP_ERR_DEVICE, fn,
                             "argument '%s' is on device (%d, %d) but the other arrays are on "
                             "(%d, %d)",
                             names ? names[i] : "arrays", (int)XP_DEVICE_TYPE(x->device),
                             (int)XP_DEVICE_ID(x->device), (int)XP_DEVICE_TYPE(first->device),
                             (int)XP_DEVICE_ID(first->device));
        }
    }
    return NULL;
}

xp_status xp__fail_all(xp_array *err, int n, xp_array **out) {
    if (out)
        for (int i = 0; i < n; i++) out[i] = xp_retain(err);
    return xp__status_of(err);
}

XP_API bool xp_failed(const xp_array *x) { return !x || (x->flags & XP__F_ERROR); }

XP_API xp_status xp_error_status(const xp_array *x) {
    if (!x) return XP_ERR_TYPE;
    return (x->flags & XP__F_ERROR) ? x->status : XP_OK;
}

XP_API const char *xp_error_message(const xp_array *x) {
    if (!x) return "xparray: NULL array";
    return (x->flags & XP__F_ERROR) ? x->message : "";
}
