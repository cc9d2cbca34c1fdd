/** @file
 * xparray — the array object: reference counting, attributes, errors, scopes,
 * weak scalars and the allocator hook. */
#ifndef XPARRAY_ARRAY_H
#define XPARRAY_ARRAY_H

#include "types.h"

#include <stdio.h>

XP_BEGIN_DECLS

/* ---- reference counting --------------------------------------------------- */

/** Adds a reference to `x` (atomic) and returns it. NULL and the static
 * out-of-memory error are accepted and returned unchanged. */
XP_API xp_array *xp_retain(const xp_array *x);

/** Drops one reference; the last one frees the array (and its buffer once no view
 * uses it, calling the buffer's deleter). NULL is ignored. Releasing an array that
 * an open scope of this thread owns is allowed: the scope forgets it and does not
 * release it again at its end (so a helper's result may be released by hand inside
 * the caller's scope). In debug mode (xp_set_debug) the last release poisons the
 * array instead of freeing its header, and a second release only sets the last
 * error (xp_last_error_message). */
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

/** Extent of axis `axis` (negative counts from the end: -1 is the last); -1 for
 * NULL, an error array, a 0-D array or an axis out of range. Never dereferences
 * anything it was not given (unlike xp_array_shape(x)[0] on a 0-D array). */
XP_API int64_t xp_array_dim(const xp_array *x, int axis);

/* ---- reading elements without allocating ---------------------------------- */

/** Reads x[idx[0], ..., idx[ndim-1]] as a double, allocating nothing: `idx` holds
 * ndim indices (negative count from the end; NULL for a 0-D array); bool and
 * integer elements are converted (int64 beyond 2^53 rounds). Errors (also in
 * xp_last_error_message): XP_ERR_INDEX (index out of bounds, NULL idx for ndim >
 * 0), XP_ERR_TYPE (NULL x or out; complex x: use xp_array_get_complex), an error
 * array's own status, XP_ERR_DEVICE (not host memory). */
XP_API xp_status xp_array_get_double(const xp_array *x, const int64_t *idx, double *out);
/** Reads an element of a bool or integer array as int64 (exact). Errors as
 * xp_array_get_double, plus XP_ERR_TYPE for floating dtypes and XP_ERR_OVERFLOW
 * for a uint64 above INT64_MAX. */
XP_API xp_status xp_array_get_int64(const xp_array *x, const int64_t *idx, int64_t *out);
/** Reads an element of any dtype as a complex number: out[0] the real part,
 * out[1] the imaginary part (0 for real dtypes). Errors as xp_array_get_double. */
XP_API xp_status xp_array_get_complex(const xp_array *x, const int64_t *idx, double out[2]);
/** Copies x's elements in C order (whatever x's strides) into the caller's
 * buffer `buf` of `nbytes` bytes, as x's dtype (size * itemsize bytes are
 * written). Errors (also in xp_last_error_message): XP_ERR_VALUE (nbytes too
 * small), XP_ERR_TYPE (NULL x, NULL buf with a nonzero size), an error array's
 * status, XP_ERR_DEVICE (not host memory). */
XP_API xp_status xp_array_copy_to(const xp_array *x, void *buf, size_t nbytes);

/* ---- printing -------------------------------------------------------------- */

/** NumPy's repr of `x` (for example the two lines of array([[1. , 2.5], [3. , 4. ]])),
 * with a dtype= suffix for dtypes other than float64/int64/bool/complex128, the float
 * rules of numpy's default print options (at most 8 fraction digits, the fewest
 * that show each value, scientific notation when the largest magnitude is
 * >= 1e8, the smallest nonzero < 1e-4 or their ratio > 1e3, columns aligned),
 * lines wrapped at 75 characters, and summarisation as numpy's threshold=1000,
 * edgeitems=3 (`...` in place of the middle). An error array prints as
 * `<error array XP_ERR_...: message>`. Writes at most `size` bytes including
 * the terminating NUL into `buf` (may be NULL with size 0) and returns the length
 * of the full text, as snprintf does; 0 when out of memory. */
XP_API size_t xp_array_format(const xp_array *x, char *buf, size_t size);
/** Prints xp_array_format's text and a newline to `f` (NumPy's `print(repr(x))`).
 * Errors: XP_ERR_TYPE (NULL f), XP_ERR_IO (write failed), XP_ERR_NOMEM. */
XP_API xp_status xp_array_print(const xp_array *x, FILE *f);

/* ---- errors (the cairo model) --------------------------------------------- */

/** True when `x` is an error array (or NULL). */
XP_API bool xp_failed(const xp_array *x);
/** Status carried by an error array; XP_OK for a valid array, XP_ERR_TYPE for NULL. */
XP_API xp_status xp_error_status(const xp_array *x);
/** Message of an error array ("xp_reshape: argument 'shape': ..."); "" for a valid
 * array. Borrowed from `x`. */
XP_API const char *xp_error_message(const xp_array *x);
/** The public functions an error array passed through after the one that made
 * it, innermost first: for `xp_sqrt(xp_divide(xp_subtract(a, b), c))` failing in
 * xp_subtract, the message names xp_subtract and the path is {"xp_divide",
 * "xp_sqrt"}, so the place in the caller's expression is known. Writes up to
 * `max` names (static strings) to `fns` (may be NULL) and returns how many were
 * recorded (at most 8 are kept). 0 for valid arrays, NULL and the static
 * out-of-memory error (which records no path). */
XP_API int xp_error_path(const xp_array *x, const char **fns, int max);
/** The message with its path: "xp_subtract: ... (via xp_divide <- xp_sqrt)".
 * snprintf semantics: writes at most `size` bytes including the NUL to `buf`
 * (may be NULL with size 0) and returns the full length. */
XP_API size_t xp_error_trace(const xp_array *x, char *buf, size_t size);
/** Makes a new error array (for user code that wants to join the error model).
 * `status` must not be XP_OK (XP_ERR_VALUE is used then). Returns a new reference,
 * or the static out-of-memory error. */
XP_API xp_array *xp_error_new(xp_status status, const char *message);

/** The message of the most recent failure of a status-returning function on this
 * thread (xp_save, xp_array_setitem, the in-place operators xp_array_iadd...,
 * xp_broadcast_arrays, xp_nonzero, ...): "xp_save: argument 'path': cannot open
 * '/no/such/x.npy' for writing: No such file or directory". Successful calls leave
 * it unchanged (like errno); "" before any failure or after xp_clear_last_error.
 * Borrowed: valid until this thread's next failing call. */
XP_API const char *xp_last_error_message(void);
/** The status of that failure (XP_OK before any failure or after
 * xp_clear_last_error). */
XP_API xp_status xp_last_error_status(void);
/** Resets this thread's last error to XP_OK and "". */
XP_API void xp_clear_last_error(void);

/* ---- debug mode ----------------------------------------------------------- */

/** Turns debug mode on or off for the process (it starts on when the environment
 * variable XPARRAY_DEBUG is set to anything but "" or "0"). In debug mode a
 * released array is poisoned instead of freed: its data is freed but its header
 * stays in a quarantine (the last 65536 released headers), so any later use is
 * diagnosed without touching freed memory: a function given it returns an
 * XP_ERR_VALUE error array "fn: argument 'x' was already released ...", the
 * attribute functions answer as for an error array, and a second xp_release sets
 * the last error. Switch it while no arrays are being released on other threads. */
XP_API void xp_set_debug(bool on);
/** True when debug mode is on (xp_set_debug or XPARRAY_DEBUG). */
XP_API bool xp_debug_enabled(void);

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
 * returned unchanged. The helper pattern
 * `xp_scope_begin(); r = xp_keep(expr); xp_scope_end(); return r;` therefore hands
 * `r` to the caller's scope when the caller has one open (which releases it at its
 * end; releasing it by hand before that is also correct, see xp_release), and to
 * the caller itself otherwise; helpers nest to any depth this way. A helper that
 * opens two scope levels must keep its result at each level (or use one scope);
 * returning an array past a scope that released it is a use after release, which
 * debug mode (xp_set_debug) diagnoses. */
XP_API xp_array *xp_keep(xp_array *x);
/** Number of scopes open on this thread. */
XP_API int xp_scope_depth(void);
/** Testing hook: nesting depth of public calls on this thread; 0 whenever control
 * is outside the library (the test harness checks it). */
XP_API int xp_internal_call_depth(void);

/* ---- weak scalars (Python scalars) ---------------------------------------- */

/* Weak scalars made while no scope is open on this thread are interned: one
 * immortal, read-only object per (kind, value), shared by every caller, so
 * `xp_add(x, xp_float(2.0))` leaks nothing without a scope, and releasing one by
 * hand (as before) is harmless. The intern table holds 4096 values; past that a
 * call returns an ordinary new reference for the caller to release. Inside a scope
 * they are ordinary scope-owned arrays. */

/** A Python `int`: a weak 0-D array that takes the other operand's dtype. New reference
 * (interned when no scope is open: see above). A value that does not fit that dtype
 * is an error (XP_ERR_VALUE) where it is used. */
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
