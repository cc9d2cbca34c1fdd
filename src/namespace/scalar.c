/* Weak scalars: Python ints, floats, complexes and bools as 0-D arrays that take
 * the other operand's dtype. */
#include "core.h"

#include <complex.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>

/* ---- interned scalars (made while no scope is open) ------------------------
 * One immortal object per (kind, value bits): header, buffer header and 16 bytes
 * of data in one block from the C heap (never freed, so not from the allocator
 * hook, whose user allocator may be gone later). */
#define XP__INTERN_MAX 4096
#define XP__INTERN_SLOTS (2 * XP__INTERN_MAX)
typedef struct intern_slot {
    int weak;
    xp_dtype dt; /* xp_int(-1) and xp_uint(2**64 - 1) share their bits */
    unsigned char bits[16];
    xp_array *a;
} intern_slot;
static intern_slot intern_tab[XP__INTERN_SLOTS];
static int intern_count;
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

static xp_array *intern_new(int weak, xp_dtype dt, const unsigned char *bits) {
    size_t ha = (sizeof(xp_array) + 15) & ~(size_t)15;
    size_t hb = (sizeof(xp_buffer) + 15) & ~(size_t)15;
    char *block = calloc(1, ha + hb + 16);
    if (!block) return NULL;
    xp_array *a = (xp_array *)block;
    xp_buffer *b = (xp_buffer *)(block + ha);
    atomic_init(&b->refcount, 1);
    b->data = block + ha + hb;
    b->nbytes = xp_dtype_size(dt);
    b->device = XP_DEVICE_CPU;
    memcpy(b->data, bits, b->nbytes);
    atomic_init(&a->refcount, 1);
    a->flags = XP__F_STATIC | XP__F_INTERNED | XP__F_READONLY;
    a->weak = weak;
    a->dtype = dt;
    a->ndim = 0;
    a->size = 1;
    a->device = XP_DEVICE_CPU;
    a->ns = &xp__eager;
    a->buf = b;
    a->shape = a->dims;
    a->strides = a->dims;
    return a;
}

/* The interned scalar for (weak, value), or NULL when the table is full. */
static xp_array *interned(int weak, xp_dtype dt, const void *value) {
    unsigned char bits[16] = {0};
    memcpy(bits, value, xp_dtype_size(dt));
    uint64_t h = 1469598103934665603ull ^ (uint64_t)weak ^ ((uint64_t)dt << 8);
    for (int i = 0; i < 16; i++) h = (h ^ bits[i]) * 1099511628211ull;
    xp_array *r = NULL;
    pthread_mutex_lock(&intern_lock);
    for (size_t k = 0, i = h % XP__INTERN_SLOTS; k < XP__INTERN_SLOTS;
         k++, i = (i + 1) % XP__INTERN_SLOTS) {
        intern_slot *s = &intern_tab[i];
        if (s->a && s->weak == weak && s->dt == dt && !memcmp(s->bits, bits, 16)) {
            r = s->a;
            break;
        }
        if (!s->a) {
            if (intern_count < XP__INTERN_MAX && (r = intern_new(weak, dt, bits))) {
                s->weak = weak;
                s->dt = dt;
                memcpy(s->bits, bits, 16);
                s->a = r;
                intern_count++;
            }
            break;
        }
    }
    pthread_mutex_unlock(&intern_lock);
    return r;
}

static xp_array *make(int weak, xp_dtype dt, const void *value) {
    if (xp_scope_depth() == 0) {
        xp_array *r = interned(weak, dt, value);
        if (r) return r;
    }
    xp_array *a = xp__new("xp_scalar", dt, 0, NULL, XP_DEVICE_CPU);
    if (xp_failed(a)) return a;
    memcpy(xp__data(a), value, xp_dtype_size(dt));
    a->weak = weak;
    return a;
}

XP_API xp_array *xp_int(int64_t v) {
    XP_ENTER;
    XP_LEAVE(make(XP__WEAK_INT, XP_INT64, &v));
}

XP_API xp_array *xp_uint(uint64_t v) {
    XP_ENTER;
    if (v <= (uint64_t)INT64_MAX) {
        int64_t s = (int64_t)v;
        XP_LEAVE(make(XP__WEAK_INT, XP_INT64, &s));
    }
    /* above int64: the same weak int, its value held in a uint64 element */
    XP_LEAVE(make(XP__WEAK_INT, XP_UINT64, &v));
}

XP_API xp_array *xp_float(double v) {
    XP_ENTER;
    XP_LEAVE(make(XP__WEAK_FLOAT, XP_FLOAT64, &v));
}

XP_API xp_array *xp_complex(double re, double im) {
    XP_ENTER;
    double v[2] = {re, im};
    XP_LEAVE(make(XP__WEAK_COMPLEX, XP_COMPLEX128, v));
}

XP_API xp_array *xp_bool(bool b) {
    XP_ENTER;
    uint8_t v = b ? 1 : 0;
    XP_LEAVE(make(XP__WEAK_BOOL, XP_BOOL, &v));
}

xp_dtype xp__weak_default(int weak) {
    switch (weak) {
    case XP__WEAK_BOOL: return XP_BOOL;
    case XP__WEAK_INT: return XP_INT64;
    case XP__WEAK_FLOAT: return XP_FLOAT64;
    case XP__WEAK_COMPLEX: return XP_COMPLEX128;
    }
    return XP_DTYPE_DEFAULT;
}

xp_dtype xp__weak_dtype(int weak, xp_dtype other) {
    xp_kind k = xp_dtype_kind(other);
    switch (weak) {
    case XP__WEAK_BOOL: return k == XP_KIND_BOOL ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_INT: return (k & (XP_KIND_INTEGRAL | XP_KIND_FLOATING)) ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_FLOAT: return (k & XP_KIND_FLOATING) ? other : XP_DTYPE_DEFAULT;
    case XP__WEAK_COMPLEX:
        if (k == XP_KIND_COMPLEX_FLOATING) return other;
        if (other == XP_FLOAT32) return XP_COMPLEX64;
        if (other == XP_FLOAT64) return XP_COMPLEX128;
        return XP_DTYPE_DEFAULT;
    }
    return other;
}

bool xp__weak_int_fits(const xp_array *s, xp_dtype dt) {
    if (s->weak != XP__WEAK_INT) return true;
    xp_iinfo_t ii;
    if (xp_iinfo(dt, &ii) != XP_OK) return true;
    if (s->dtype == XP_UINT64) {
        uint64_t u;
        memcpy(&u, xp__data(s), sizeof u);
        return u <= ii.max;
    }
    int64_t v;
    memcpy(&v, xp__data(s), sizeof v);
    if (v < 0) return v >= ii.min;
    return (uint64_t)v <= ii.max;
}

const char *xp__weak_int_text(const xp_array *s, char buf[24]) {
    if (s->dtype == XP_UINT64) {
        uint64_t u;
        memcpy(&u, xp__data(s), sizeof u);
        snprintf(buf, 24, "%llu", (unsigned long long)u);
    } else {
        int64_t v;
        memcpy(&v, xp__data(s), sizeof v);
        snprintf(buf, 24, "%lld", (long long)v);
    }
    return buf;
}
