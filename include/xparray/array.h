/** @file
 * xparray — the array object: reference counting, attributes, errors, scopes,
 * weak scalars and the allocator hook. */
#ifndef XPARRAY_ARRAY_H
#define XPARRAY_ARRAY_H

#include "types.h"

XP_BEGIN_DECLS

/* ---- reference counting --------------------------------------------------- */

/** Adds a reference to `x` (atomic) and returns it. NULL and the static
 * out-of-memory error are accepted and returned unchanged. */
XP_API xp_array *xp_retain(const xp_array *x);

/** Drops one reference; the last one frees the array (and its buffer once no view
 * uses it, calling the buffer's deleter). NULL is ignored. */
XP_API void xp_release(const xp_array *x);

/* ---- attributes (borrowed; valid while `x` lives) -------------------------- */

/** dtype of `x`; XP_DTYPE_DEFAULT for NULL or an error array. */
XP_API xp_dtype xp_array_dtype(const xp_array *x);
/** Number of dimensions (0..XP_MAX_NDIM); -1 for NULL or an error array. */
XP_API int xp_array_ndim(const xp_array *x);
/** Extents, `ndim` of them (NULL for 0-D, NULL or error arrays). */
XP_API const int64_t *xp_array_shape(const xp_array *x);
/** Byte strides, `ndim` of them, negative allowed (NULL for 0-D/NULL/error). */
XP_API const int64_t *xp_array_strides(const xp_array *x);
/** Number of elements (product of the shape); -1 for NULL or an error array. */
XP_API int64_t xp_array_size(const xp_array *x);
/** Bytes per element; 0 for NULL or an error array. */
XP_API size_t xp_array_itemsize(const xp_array *x);
/** Byte offset of element [0,...,0] from the start of the buffer. */
XP_API int64_t xp_array_offset(const xp_array *x);
/** Device the array lives on (XP_DEVICE_DEFAULT for NULL/error arrays). */
XP_API xp_device xp_array_device(const xp_array *x);
/** Host pointer to element [0,...,0], or NULL when the data is not host memory
 * (or `x` is NULL/an error). Writing through it is allowed unless read-only. */
XP_API void *xp_array_data(const xp_array *x);
/** True when writes through this array are refused (imports flagged read-only,
 * read-only memory maps, broadcast views). */
XP_API bool xp_array_is_readonly(const xp_array *x);
/** True when the elements are laid out in C order without gaps. */
XP_API bool xp_array_is_c_contiguous(const xp_array *x);
/** True when `a` and `b` share one buffer (one is a view of the other, or both
 * views of a third). */
XP_API bool xp_array_shares_memory(const xp_array *a, const xp_array *b);

/* ---- errors (the cairo model) --------------------------------------------- */

/** True when `x` is an error array (or NULL). */
XP_API bool xp_failed(const xp_array *x);
/** Status carried by an error array; XP_OK for a valid array, XP_ERR_TYPE for NULL. */
XP_API xp_status xp_error_status(const xp_array *x);
/** Message of an error array ("xp_reshape: argument 'shape': ..."); "" for a valid
 * array. Borrowed from `x`. */
XP_API const char *xp_error_message(const xp_array *x);
/** Makes a new error array (for user code that wants to join the error model).
 * `status` must not be XP_OK (XP_ERR_VALUE is used then). Returns a new reference,
 * or the static out-of-memory error. */
XP_API xp_array *xp_error_new(xp_status status, const char *message);

/* ---- scopes --------------------------------------------------------------- */

/** Opens a scope on this thread (nestable). Arrays returned by xparray functions
 * while it is open belong to it and are released by xp_scope_end(). Should its
 * bookkeeping not fit in memory, the scope still counts (xp_scope_end closes it,
 * xp_scope_depth includes it), but its results belong to the enclosing scope
 * (or to the caller when none is open) and xp_keep leaves them there. */
XP_API void xp_scope_begin(void);
/** Closes the innermost scope of this thread and releases the arrays it owns.
 * Without an open scope it does nothing. */
XP_API void xp_scope_end(void);
/** Moves `x` out of the innermost scope: to the enclosing scope, or to the caller
 * when none encloses it. Returns `x`. An array not owned by the innermost scope is
 * returned unchanged. */
XP_API xp_array *xp_keep(xp_array *x);
/** Number of scopes open on this thread. */
XP_API int xp_scope_depth(void);
/** Testing hook: nesting depth of public calls on this thread; 0 whenever control
 * is outside the library (the test harness checks it). */
XP_API int xp_internal_call_depth(void);

/* ---- weak scalars (Python scalars) ---------------------------------------- */

/** A Python `int`: a weak 0-D array that takes the other operand's dtype. New reference.
 * A value that does not fit that dtype is an error (XP_ERR_VALUE) where it is used. */
XP_API xp_array *xp_int(int64_t v);
/** A Python `int` from the whole uint64 range: the same weak int as xp_int for
 * values up to INT64_MAX, and above it a weak int that fits only uint64 and the
 * floating dtypes (`x + 2**63` on a uint64 array; `full(shape, 2**63, dtype=uint64)`).
 * Where no dtype is given it meets the default int64 and is an error
 * (XP_ERR_VALUE). New reference. */
XP_API xp_array *xp_uint(uint64_t v);
/** A Python `float`: weak 0-D, takes the other operand's dtype. New reference. */
XP_API xp_array *xp_float(double v);
/** A Python `complex`: weak 0-D; with a real-float array it becomes the complex
 * dtype of the same precision. New reference. */
XP_API xp_array *xp_complex(double re, double im);
/** A Python `bool`: weak 0-D, for bool arrays. New reference. */
XP_API xp_array *xp_bool(bool v);
/** True when `x` is a weak scalar made by xp_int/xp_uint/xp_float/xp_complex/xp_bool. */
XP_API bool xp_array_is_weak(const xp_array *x);

/* ---- wrapping memory ------------------------------------------------------ */

/** Deleter for memory wrapped with xp_array_wrap; called once, when the last
 * view of the buffer is released. */
typedef void (*xp_deleter)(void *data, void *ctx);

/** Wraps caller memory without copying. `strides` are byte strides (NULL: C
 * order). The deleter (may be NULL) is called exactly once when the last array
 * using the memory is released — also when this call fails. `readonly` marks the
 * array read-only. The memory must stay valid and unchanged in layout; a bool
 * array's bytes must be 0 or 1 (checked here; never write other bytes into it
 * later). Errors: XP_ERR_VALUE (negative shape, ndim out of range, data or a stride
 * not a multiple of the element's alignment, a bool byte other than 0/1),
 * XP_ERR_TYPE (bad dtype, NULL data with nonzero size), XP_ERR_OVERFLOW (the shape's
 * byte count, or the bytes the strides reach, outside the address space). */
XP_API xp_array *xp_array_wrap(void *data, xp_dtype dtype, int ndim, const int64_t *shape,
                               const int64_t *strides, xp_deleter deleter, void *ctx,
                               bool readonly);

/* ---- allocator hook ------------------------------------------------------- */

/** Every allocation xparray makes goes through this hook. `alloc` returns memory
 * aligned to at least 64 bytes, or NULL; `free` gets the size that was asked. */
typedef struct xp_allocator {
    void *(*alloc)(size_t size, void *ctx); /**< returns `size` bytes aligned to at least 64, or NULL */
    void (*free)(void *ptr, size_t size, void *ctx); /**< releases a block of `size` bytes from `alloc` */
    void *ctx; /**< passed to both */
} xp_allocator;

/** Installs an allocator for this process (NULL restores the built-in caching
 * allocator). Memory is always returned to the allocator that made it, so arrays
 * made before the switch stay valid. Flavors loaded with xp_namespace_by_name,
 * before or after the call, allocate through it too. Set it while no other
 * thread allocates. Errors: XP_ERR_VALUE when `alloc` or `free` is NULL. */
XP_API xp_status xp_set_allocator(const xp_allocator *a);

/** The built-in allocator caches freed blocks of 32 KiB and more (size classes
 * with at most 25% slack; blocks of 2 MiB and more are 2 MiB-aligned and use
 * transparent huge pages) up to 256 MiB / 64 blocks in all, releasing the
 * oldest to the system past that bound. This releases every cached block to
 * the system now. Thread-safe; a no-op for a user allocator's memory. */
XP_API void xp_allocator_trim(void);
/** Bytes the built-in allocator holds in its cache right now (freed by the
 * library, not yet released to the system). */
XP_API size_t xp_allocator_cached_bytes(void);

/** Bytes xparray holds from the allocator hook right now (`in_use`: asked of the
 * hook and not yet given back, headers included) and the most it held at once
 * (`peak`) since the process started or the last xp_alloc_reset_peak(). Every
 * allocation counts: arrays, error messages, the core's and the adapters'
 * scratch and workspace (LAPACK workspaces, FFT buffers), and those of flavors
 * loaded with xp_namespace_by_name (they allocate through this library's hook).
 * Blocks the built-in allocator keeps in its cache are not in use. Memory the
 * wrapped libraries allocate themselves (FFTW's plans, OpenBLAS's buffers) is not
 * seen. Either pointer may be NULL. Thread-safe. */
XP_API void xp_alloc_stats(size_t *in_use, size_t *peak);
/** Starts a new peak: sets it to the bytes in use now. Thread-safe. */
XP_API void xp_alloc_reset_peak(void);

XP_END_DECLS

#endif
