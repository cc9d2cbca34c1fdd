/** @file
 * xparray — creation functions (spec: "Creation Functions").
 *
 * Every function returns a new reference, or an error array. `opts` may be NULL:
 * zero fields mean the standard's defaults (dtype: float64 unless stated; device:
 * the CPU). Shapes are `(ndim, shape)` pairs; XP_SHAPE(3, 4) writes both.
 * Common errors: XP_ERR_VALUE (negative extent, ndim outside 0..64),
 * XP_ERR_OVERFLOW (element or byte count overflows), XP_ERR_TYPE (unknown dtype),
 * XP_ERR_DEVICE (device this backend does not have), XP_ERR_NOMEM. */
#ifndef XPARRAY_CREATION_H
#define XPARRAY_CREATION_H

#include "types.h"

XP_BEGIN_DECLS

/** `dtype=` and `device=` of the creation functions. */
typedef struct xp_create_opts {
    xp_dtype dtype; /**< XP_DTYPE_DEFAULT (0): the function's default dtype */
    xp_device device; /**< XP_DEVICE_DEFAULT (0): the default device */
} xp_create_opts;

/** Sentinel for an optional integer argument given as None (`eye`'s n_cols). */
#define XP_NONE INT64_MIN

/** `arange(start, stop, step)` with float arguments: default dtype float64.
 * Length is ceil((stop - start) / step), 0 when the signs disagree.
 * Errors: XP_ERR_VALUE (step 0, non-finite bounds), XP_ERR_OVERFLOW (length). */
XP_API xp_array *xp_arange(double start, double stop, double step, const xp_create_opts *opts);
/** `arange(start, stop, step)` with int arguments: default dtype int64; exact for
 * the whole int64 range. Errors as xp_arange. */
XP_API xp_array *xp_arange_int(int64_t start, int64_t stop, int64_t step,
                               const xp_create_opts *opts);

/** Options of xp_asarray / xp_asarray_buffer. */
typedef struct xp_asarray_opts {
    xp_dtype dtype;   /**< default: the source's dtype */
    xp_device device; /**< default: the source's device (CPU for buffers) */
    xp_copy copy;     /**< default None: copy only when needed */
} xp_asarray_opts;

/** `asarray(x)` for an array or weak scalar. A weak scalar becomes a 0-D array
 * of its kind's default dtype (bool, int64, float64, complex128) unless `dtype`
 * is given. `copy`: TRUE always copies; FALSE returns a new reference to `x` and
 * fails with XP_ERR_VALUE when a copy (dtype change, device change) is needed;
 * NONE/DEFAULT copies only when needed: `x` itself is returned when no dtype or
 * device change is asked, so the result may be a strided view (use
 * xp_ascontiguousarray for C-contiguous data). */
XP_API xp_array *xp_asarray(const xp_array *x, const xp_asarray_opts *opts);

/** NumPy's `ascontiguousarray(x, dtype)`: `x` itself (a new reference) when it is
 * already C-contiguous with that dtype, else a C-contiguous copy (cast to `dtype`
 * as xp_astype would). `dtype` 0 (XP_DTYPE_DEFAULT) keeps x's dtype (a weak
 * scalar's default dtype). Unlike xp_asarray, which may return a strided view, the
 * result's data can always be read linearly through xp_array_data. Errors:
 * XP_ERR_TYPE (NULL x, bad dtype, complex scalar to a real dtype). */
XP_API xp_array *xp_ascontiguousarray(const xp_array *x, xp_dtype dtype);

/** `asarray` from a C buffer of `dtype` elements in C order (`double a[2][3]`
 * is a buffer of shape (2, 3)). The data is copied, except with copy=FALSE, which
 * wraps the caller's memory without copying or owning it (it must outlive every
 * view; use xp_array_wrap to hand over ownership). With `opts->dtype` different
 * from `dtype` the values are cast (as xp_astype). Bool bytes other than 0/1 are
 * copied as true (1); copy=FALSE refuses them (XP_ERR_VALUE, as xp_array_wrap).
 * Errors: XP_ERR_TYPE (NULL data with a nonzero size), XP_ERR_VALUE (copy=FALSE
 * with a dtype change), and the common ones. */
XP_API xp_array *xp_asarray_buffer(const void *data, xp_dtype dtype, int ndim,
                                   const int64_t *shape, const xp_asarray_opts *opts);

/** `empty(shape)`: uninitialised contents. */
XP_API xp_array *xp_empty(int ndim, const int64_t *shape, const xp_create_opts *opts);
/** `zeros(shape)`. */
XP_API xp_array *xp_zeros(int ndim, const int64_t *shape, const xp_create_opts *opts);
/** `ones(shape)`; complex ones are 1+0j. */
XP_API xp_array *xp_ones(int ndim, const int64_t *shape, const xp_create_opts *opts);
/** `full(shape, fill_value)`: `fill_value` is a weak scalar (xp_int, xp_float, ...)
 * or 0-D array (borrowed). Default dtype from the scalar's kind: bool, int64,
 * float64, complex128; a 0-D array's own dtype. Errors: XP_ERR_TYPE (fill value
 * of a kind the dtype cannot hold, e.g. complex into float; not 0-D), XP_ERR_VALUE
 * (an int out of the dtype's range: xp_uint(2^63) needs dtype uint64). */
XP_API xp_array *xp_full(int ndim, const int64_t *shape, const xp_array *fill_value,
                         const xp_create_opts *opts);

/** `empty_like(x)`: x's shape, dtype and device unless overridden. */
XP_API xp_array *xp_empty_like(const xp_array *x, const xp_create_opts *opts);
/** `zeros_like(x)`. */
XP_API xp_array *xp_zeros_like(const xp_array *x, const xp_create_opts *opts);
/** `ones_like(x)`. */
XP_API xp_array *xp_ones_like(const xp_array *x, const xp_create_opts *opts);
/** `full_like(x, fill_value)`: default dtype x's. */
XP_API xp_array *xp_full_like(const xp_array *x, const xp_array *fill_value,
                              const xp_create_opts *opts);

/** Options of xp_eye. */
typedef struct xp_eye_opts {
    int64_t k; /**< diagonal offset; 0 is the main diagonal */
    xp_dtype dtype; /**< XP_DTYPE_DEFAULT (0): float64 */
    xp_device device; /**< XP_DEVICE_DEFAULT (0): the default device */
} xp_eye_opts;

/** `eye(n_rows, n_cols)`: ones on diagonal k. `n_cols` XP_NONE means n_rows.
 * Errors: XP_ERR_VALUE (negative sizes). */
XP_API xp_array *xp_eye(int64_t n_rows, int64_t n_cols, const xp_eye_opts *opts);

/** Options of xp_linspace. */
typedef struct xp_linspace_opts {
    xp_dtype dtype;    /**< default float64 (complex128 for xp_linspace_complex) */
    xp_device device; /**< XP_DEVICE_DEFAULT (0): the default device */
    bool no_endpoint;  /**< true: endpoint=False (stop excluded) */
} xp_linspace_opts;

/** `linspace(start, stop, num)`: `num` evenly spaced values; element i is
 * start + i*step, and the last is exactly `stop` when the endpoint is included.
 * An integer dtype truncates toward zero. Errors: XP_ERR_VALUE (num < 0). */
XP_API xp_array *xp_linspace(double start, double stop, int64_t num,
                             const xp_linspace_opts *opts);
/** `linspace` with complex endpoints: default dtype complex128; a real dtype is an
 * XP_ERR_TYPE. */
XP_API xp_array *xp_linspace_complex(double start_re, double start_im, double stop_re,
                                     double stop_im, int64_t num, const xp_linspace_opts *opts);

/** `meshgrid` indexing: XP_INDEXING_XY (default) or XP_INDEXING_IJ. */
typedef enum xp_indexing { XP_INDEXING_XY = 0, XP_INDEXING_IJ = 1 } xp_indexing;

/** `meshgrid(*arrays, indexing)`: `n` 1-D arrays of one dtype in, `n` arrays out
 * (written to out[0..n-1], each a new reference; on failure every out[i] is the
 * error array). Errors: XP_ERR_VALUE (not 1-D), XP_ERR_TYPE (dtypes differ). */
XP_API xp_status xp_meshgrid(int n, const xp_array *const *arrays, xp_indexing indexing,
                             xp_array **out);
/** The chainable form of meshgrid: one array of shape (n, *grid) whose entry k is
 * meshgrid's output k (NumPy's `np.stack(np.meshgrid(*arrays))`); r[k] is a view.
 * New reference. Errors as xp_meshgrid, returned as an error array
 * (XP_ERR_VALUE for n < 1 or n > 64). */
XP_API xp_array *xp_meshgrid_stacked(int n, const xp_array *const *arrays, xp_indexing indexing);

/** `tril(x, k)`: zeros above diagonal k of the last two axes. Errors:
 * XP_ERR_VALUE (ndim < 2). */
XP_API xp_array *xp_tril(const xp_array *x, int64_t k);
/** `triu(x, k)`: zeros below diagonal k of the last two axes. */
XP_API xp_array *xp_triu(const xp_array *x, int64_t k);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_CREATION(M)                                                                  \
    M(arange) M(arange_int) M(asarray) M(ascontiguousarray) M(asarray_buffer) M(empty) M(zeros) M(ones) M(full) \
    M(empty_like) M(zeros_like) M(ones_like) M(full_like) M(eye) M(linspace)               \
    M(linspace_complex) M(meshgrid) M(meshgrid_stacked) M(tril) M(triu)

XP_END_DECLS

#endif
