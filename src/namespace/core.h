/* xparray core — private definitions shared by every source file of the core
 * (the array object, errors, scopes, allocation, entry/leave of public calls). */
#ifndef XP_CORE_H
#define XP_CORE_H

#include <xparray.h>
/* before eager_names.h, which empties XP_API: headers outside the umbrella whose
 * functions the core defines must be declared while XP_API still exports */
#include <xparray/adapter_util.h>

#include "eager_names.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>

/* ---- buffers and arrays --------------------------------------------------- */

/** A reference-counted block of memory shared by an array and its views. */
typedef struct xp_buffer {
    _Atomic int64_t refcount;
    void *data;          /* first byte of the element storage */
    size_t nbytes;       /* bytes usable from `data` (0 for wrapped memory of unknown size) */
    xp_deleter deleter;  /* external memory: called once at the end */
    void *deleter_ctx;
    xp_allocator alloc;  /* the allocator that made this block (owned memory) */
    size_t alloc_size;   /* bytes asked of it, header included */
    xp_device device;
    bool owned;          /* block = this header followed by the data */
    /* A stored array's elements (storage.h): NULL for host memory. Then `data` is
     * NULL and `host` the host copy behind the raw accessors, made on the first
     * raw access. Kept here, not in the array object, so host arrays keep their
     * object size. */
    const xp_storage_ops *storage;
    void *storage_ctx;   /* the owning flavor's handle on the elements */
    struct xp_buffer *host;
} xp_buffer;

enum {
    XP__F_STATIC = 1u << 0,   /* never freed (the out-of-memory error) */
    XP__F_ERROR = 1u << 1,    /* an error array */
    XP__F_READONLY = 1u << 2, /* writes refused */
    XP__F_SCOPED = 1u << 3,   /* listed in one of this thread's open scopes */
    XP__F_RELEASED = 1u << 4, /* debug mode: released, header kept in quarantine */
    XP__F_INTERNED = 1u << 5, /* an interned weak scalar (also XP__F_STATIC) */
};

enum { XP__WEAK_NONE = 0, XP__WEAK_BOOL, XP__WEAK_INT, XP__WEAK_FLOAT, XP__WEAK_COMPLEX };

struct xp_array {
    _Atomic int64_t refcount;
    uint32_t flags;
    int weak;            /* XP__WEAK_*: a Python scalar */
    xp_status status;    /* error arrays */
    char *message;       /* error arrays: owned unless XP__F_STATIC */
    xp_dtype dtype;
    int ndim;
    int64_t size;
    int64_t offset;      /* bytes from buf->data to element [0,...,0] */
    xp_device device;
    const xp_namespace *ns;
    xp_buffer *buf;      /* host memory, or a stored array's storage record */
    xp_allocator alloc;  /* the allocator that made this object */
    size_t alloc_size;
    int64_t *shape;      /* ndim extents */
    int64_t *strides;    /* ndim byte strides */
    struct xp__errpath *path; /* error arrays: the functions it passed through */
    int64_t dims[];      /* storage for shape and strides */
};

/** The functions an error array passed through after the one that made it
 * (xp_error_path): the first XP__PATH_MAX are kept, `n` counts them all. Names are
 * the functions' static name strings. */
#define XP__PATH_MAX 8
typedef struct xp__errpath {
    _Atomic int n;
    const char *_Atomic fn[XP__PATH_MAX];
} xp__errpath;

/* ---- allocation (every allocation goes through the hook) ------------------ */

/** Allocates `size` bytes (64-byte aligned) with the current allocator; records it. */
void *xp__malloc(size_t size, xp_allocator *used);
void xp__mfree(void *p, size_t size, const xp_allocator *used);
/** Plain scratch memory with the current allocator: freed by xp__scratch_free. */
void *xp__scratch(size_t size);
void xp__scratch_free(void *p, size_t size);
/** The hook given to flavors loaded by name: it allocates through this library's
 * current hook (see alloc.c). */
extern const xp_allocator xp__forwarding_allocator;

/* ---- errors --------------------------------------------------------------- */

/** The static out-of-memory error array (never freed, never allocates). */
xp_array *xp__oom(void);
/** A new error array "fn: <formatted message>". Never NULL (falls back to OOM). */
xp_array *xp__error(xp_status st, const char *fn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Checks an array argument: NULL → type error naming fn/arg; an error array →
 * a new reference to it; otherwise NULL (the argument is fine). */
xp_array *xp__check(const char *fn, const char *arg, const xp_array *x);
/** Checks a `copy` keyword: one of the xp_copy values (XP_ERR_VALUE otherwise). */
static inline xp_array *xp__check_copy(const char *fn, xp_copy c) {
    if ((unsigned)c <= XP_COPY_NONE) return NULL;
    return xp__error(XP_ERR_VALUE, fn, "argument 'copy': %d is not an xp_copy value", (int)c);
}

/** Records that error array `x` passed through function `fn` (xp_error_path);
 * xp__check does it for every error argument. */
void xp__error_passed(const xp_array *x, const char *fn);
/** Checks a dtype argument (must be one of the 13). */
xp_array *xp__check_dtype(const char *fn, const char *arg, xp_dtype dt);
/** Resolves a `device=` argument (DEFAULT → CPU); NULL when fine, else error. */
xp_array *xp__check_device(const char *fn, xp_device dev, xp_device *out);
/** True for the devices this flavor has (the host flavors: XP_DEVICE_CPU and
 * XP_DEVICE_CPU1, a second host device for testing device rules, as
 * array-api-strict has). */
bool xp__device_known(xp_device dev);
/** Every non-weak array among `n` must be on one device (XP_ERR_DEVICE naming the
 * argument otherwise). NULL and error arrays are skipped (check them first). */
xp_array *xp__check_same_device(const char *fn, int n, const xp_array *const *arrays,
                                const char *const *names);
/** Status-returning functions report an error array's status/message this way:
 * writes `err` to every out[i] (each a new reference) and releases `err`. */
xp_status xp__fail_all(xp_array *err, int n, xp_array **out);
/** Status-returning functions record why they failed: sets this thread's last
 * error (xp_last_error_message) to "fn: <message>" and returns `st`. */
xp_status xp__status_error(xp_status st, const char *fn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Records an error array's status and message as this thread's last error,
 * releases it and returns its status. */
xp_status xp__status_of(xp_array *err);
/** A released array reached function `fn` as argument `arg` (debug mode): a new
 * error array saying so. */
xp_array *xp__released_error(const char *fn, const char *arg);
/** Debug mode (XPARRAY_DEBUG=1 or xp_set_debug): released arrays are poisoned. */
bool xp__debug_on(void);
/** Quarantines a released array's header (debug mode); its buffer is already gone. */
void xp__quarantine(xp_array *x);
/** Frees an array object's header (the quarantine evicting its oldest entry). */
void xp__free_quarantined(xp_array *x);
/** Scopes: the last reference of a scope-listed array was released by the user;
 * the scope forgets it so its end does not release it again. */
void xp__scope_forget(xp_array *x);

/* ---- array construction --------------------------------------------------- */

/** Validates a shape: ndim in 0..64, extents >= 0, product and byte count fit.
 * Writes the element count. NULL on success, else an error array. */
xp_array *xp__check_shape(const char *fn, int ndim, const int64_t *shape, xp_dtype dt,
                          int64_t *size_out);
/** NumPy's size rule: the product of the extents other than 0, and that times
 * `itemsize`, fit (bytes up to SIZE_MAX / 2). Writes that product and the bytes. */
bool xp__nonzero_extents_fit(int ndim, const int64_t *shape, int64_t itemsize, int64_t *count,
                             int64_t *bytes);
/** A new C-contiguous array with uninitialised data. Validates the shape. */
xp_array *xp__new(const char *fn, xp_dtype dt, int ndim, const int64_t *shape, xp_device dev);
/** A new C-contiguous zero-filled array. */
xp_array *xp__new_zeroed(const char *fn, xp_dtype dt, int ndim, const int64_t *shape,
                         xp_device dev);
/** A view of base's buffer with its own dtype/shape/strides/offset (retains the
 * buffer). Read-only iff base is. The caller guarantees the extent is in bounds;
 * a shape breaking xp__nonzero_extents_fit gives XP_ERR_OVERFLOW naming `fn`. */
xp_array *xp__view(const char *fn, const xp_array *base, xp_dtype dt, int ndim,
                   const int64_t *shape, const int64_t *strides, int64_t offset);
/* Stored arrays (storage.h): the eager bodies work on host memory only, and
 * xp__check refuses a stored array (XP_ERR_DEVICE naming fn and arg). */
/** The error for a stored array handed to an eager body. */
xp_array *xp__stored_error(const char *fn, const char *arg, const xp_array *x);
/** Writes a stored array's elements, C order, into a new host array of this
 * library (an error array on failure). */
xp_array *xp__stored_to_host(const char *fn, const xp_array *x, xp_device dev);
/** Host address of element [0,...,0]. */
static inline char *xp__data(const xp_array *x) { return (char *)x->buf->data + x->offset; }
/** True when C-contiguous. */
bool xp__is_c_contig(const xp_array *x);
/** C-order byte strides for a shape. */
void xp__c_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides);
/** Checked arithmetic: false on overflow. */
static inline bool xp__mul_ok(int64_t a, int64_t b, int64_t *r) {
    return !__builtin_mul_overflow(a, b, r);
}
static inline bool xp__add_ok(int64_t a, int64_t b, int64_t *r) {
    return !__builtin_add_overflow(a, b, r);
}

/* ---- public entry and exit (scope ownership) ------------------------------ */

/** Every public function that returns arrays opens with XP_ENTER and leaves
 * through XP_LEAVE (or xp__leave_n): a result reaching user code is registered in
 * the innermost open scope; arrays passed between xparray's own functions are not. */
void xp__enter(void);
xp_array *xp__leave(xp_array *r);
/** For functions writing `n` arrays to `out` and returning a status. */
xp_status xp__leave_n(xp_status st, int n, xp_array **out);
/** The flat functions' way in for results of another table's function: registers
 * `r` (or each of `n` arrays of `out`) in the innermost open scope of this library
 * when the call came from user code. */
xp_array *xp__adopt(xp_array *r);
void xp__adopt_n(int n, xp_array **out);
/** Leaves a call level without owning anything (the dispatcher, after another
 * table's function, whose results it then adopts once). */
void xp__exit_quiet(void);
#define XP_ENTER xp__enter()
#define XP_LEAVE(r) return xp__leave(r)
/** Calling user code from inside the library (a callback): the call depth is
 * set to 0 so the callback's results belong to its scopes as in user code, and
 * restored afterwards. */
int xp__depth_suspend(void);
void xp__depth_resume(int depth);
/** Depth of nested public calls on this thread (0 outside the library). */
int xp__call_depth(void);

/* ---- weak scalars --------------------------------------------------------- */

/** The dtype a weak scalar takes against an array dtype `other`, following the
 * standard's scalar rules; XP_DTYPE_DEFAULT when the scalar's kind does not fit
 * (e.g. a float with an int array). */
xp_dtype xp__weak_dtype(int weak, xp_dtype other);
/** The default dtype of a weak scalar's own kind (bool, int64, float64, complex128). */
xp_dtype xp__weak_default(int weak);
/** Checks that an int weak scalar fits `dt` (integer dtypes). */
bool xp__weak_int_fits(const xp_array *s, xp_dtype dt);
/** The value of weak int `s` as decimal text in `buf` (a weak int holds an int64,
 * or a uint64 above INT64_MAX made by xp_uint). */
const char *xp__weak_int_text(const xp_array *s, char buf[24]);

/* ---- adapter slots -------------------------------------------------------- */

/** Runs the elementwise loop for (op, dt): the adapters that fill the slot are
 * tried in stack order, and one answering XP_ERR_NOT_IMPLEMENTED (a layout or
 * size it cannot take) hands the call to the next. */
xp_status xp__loop_call(xp_op op, xp_dtype dt, int64_t n, char *const *args, const int64_t *steps,
                        const void *aux);
/** The same as an xp_loop_fn for the iterator: `aux` is an xp__chain_aux. */
typedef struct xp__chain_aux {
    xp_op op;
    xp_dtype dt;
    const void *aux; /* the op's own aux (clip's bounds) */
} xp__chain_aux;
xp_status xp__chain_loop(int64_t n, char *const *args, const int64_t *steps, const void *aux);
/** NULL when this flavor's adapter stack was read without error; otherwise a new
 * XP_ERR_BACKEND error array "fn: <what is wrong, naming the adapter>". Every
 * message for a slot no adapter took asks it first (the stack is then empty). */
xp_array *xp__adapters_error(const char *fn);
/** Tests only: an adapter list merged instead of the flavor's (set before the
 * first call into the library; adapters.c). */
extern const xp_adapter *const *xp__adapters_list_override;

/* ---- the flavor ----------------------------------------------------------- */

/** The eager table: the bodies of every function of the standard, on host memory
 * (src/namespace/namespace.c). In an eager flavor it is the library's public table
 * (xp_namespace_default()) and every array its bodies make carries it in `ns`;
 * another flavor built into the library (lazy, distributed) calls it for its
 * chunks or local blocks. The flat xp_* functions run its bodies directly when
 * their arrays carry it (src/namespace/dispatch.c, generated). */
extern const xp_namespace xp__eager;

/* Facts each flavor states in its own file, src/flavors/<flavor>.c: */
/** Its name ("reference", "openblas", "gsl", ...). */
extern const char xp__flavor_name[];
/** Its adapter stack, first filled slot wins, NULL-terminated. */
extern const xp_adapter *const xp__flavor_adapters[];
/** Its devices (the first is the default device) and capabilities. */
typedef struct xp__flavor_facts {
    const xp_device *devices;
    int n_devices;
    xp_capabilities capabilities;
} xp__flavor_facts;
extern const xp__flavor_facts xp__facts;
/** The flavor's default device (xp__facts.devices[0]). */
static inline xp_device xp__default_device(void) { return xp__facts.devices[0]; }

#endif
