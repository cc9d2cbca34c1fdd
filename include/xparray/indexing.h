/** @file
 * xparray — indexing (spec: "Indexing", `__getitem__`/`__setitem__`, take,
 * take_along_axis).
 *
 * A key is an array of `xp_index` values, passed as `(int n, const xp_index *key)`.
 * In C, `XP_KEY(...)` expands to both, like XP_SHAPE:
 *
 *   NumPy / Array API            xparray
 *   x[1:, ::-1, None]            xp_array_getitem(x, XP_KEY(XP_SLICE(1, XP_END, 1),
 *                                                        XP_SLICE(XP_END, XP_END, -1),
 *                                                        XP_NEWAXIS))
 *   x[..., 0]                    xp_array_getitem(x, XP_KEY(XP_ELLIPSIS, XP_I(0)))
 *   x[:, 2]                      xp_array_getitem(x, XP_KEY(XP_ALL, XP_I(2)))
 *   x[()]                        xp_array_getitem(x, XP_KEY_EMPTY)
 *   x[mask]                      xp_array_getitem(x, XP_KEY(XP_IDX(mask)))
 *   x[idx0, idx1]                xp_array_getitem(x, XP_KEY(XP_IDX(idx0), XP_IDX(idx1)))
 *   x[1:3] = 0.5                 xp_array_setitem(x, XP_KEY(XP_SLICE(1, 3, 1)), xp_float(0.5))
 *
 * `XP_END` marks an omitted slice bound (`i:` or `:j`); an omitted step is 1 (use 1
 * or XP_END). The helpers are also plain inline functions (xp_index_int, ...) for
 * C++ and for keys built at run time.
 *
 * Rules (the standard's §"Indexing"; everything else is XP_ERR_INDEX):
 * - integers count from the end when negative; out of range → XP_ERR_INDEX;
 * - slices follow Python (bounds are clipped); a step of 0 → XP_ERR_INDEX;
 * - at most one ellipsis; newaxis inserts an extent-1 axis;
 * - without an ellipsis the key must index every axis (flat indexing is not part
 *   of the standard: `x[0]` on a 2-D array is written `x[0, ...]`);
 * - integer arrays (any integer dtype; a 0-D one acts as an integer): the key
 *   holds only integers and integer arrays, one per axis; they broadcast to a
 *   shape S and the result (shape S) gathers x[i0[s], i1[s], ...];
 * - a boolean mask must be the sole index: its M axes must equal x's first M axes;
 *   they become one axis of length count_nonzero(mask) (C order); a 0-D mask adds
 *   an axis of length 1 (true) or 0 (false);
 * - float or complex index arrays → XP_ERR_INDEX.
 * Basic indexing (integers, slices, ellipsis, newaxis) returns a view sharing x's
 * buffer; integer-array and mask indexing return copies. Results are always arrays
 * (a single element gives a 0-D array). */
#ifndef XPARRAY_INDEXING_H
#define XPARRAY_INDEXING_H

#include "types.h"

XP_BEGIN_DECLS

/** The kinds of index in a key. */
typedef enum xp_index_kind {
    XP_INDEX_INT = 1,  /**< an integer: removes the axis */
    XP_INDEX_SLICE,    /**< start:stop:step, keeps the axis */
    XP_INDEX_ELLIPSIS, /**< `...`: as many full slices as needed */
    XP_INDEX_NEWAXIS,  /**< `None`: inserts an axis of extent 1 */
    XP_INDEX_ARRAY     /**< an integer index array or a boolean mask (by its dtype) */
} xp_index_kind;

/** An omitted slice bound (Python's empty `i:` / `:j`). */
#define XP_END INT64_MIN

/** One entry of a key. */
typedef struct xp_index {
    xp_index_kind kind; /**< which member below is used */
    int64_t i;             /**< XP_INDEX_INT */
    int64_t start; /**< XP_INDEX_SLICE: XP_END when omitted */
    int64_t stop; /**< XP_INDEX_SLICE: XP_END when omitted */
    int64_t step;          /**< XP_INDEX_SLICE: XP_END (or 1) when omitted; 0 is an error */
    const xp_array *array; /**< XP_INDEX_ARRAY (borrowed) */
} xp_index;

/** An integer index `i` (negative counts from the end). */
static inline xp_index xp_index_int(int64_t i) {
    xp_index r = {XP_INDEX_INT, i, 0, 0, 0, NULL};
    return r;
}
/** A slice `start:stop:step`; XP_END for an omitted part. */
static inline xp_index xp_index_slice(int64_t start, int64_t stop, int64_t step) {
    xp_index r = {XP_INDEX_SLICE, 0, start, stop, step, NULL};
    return r;
}
/** `...`: as many full slices as the remaining dimensions need. */
static inline xp_index xp_index_ellipsis(void) {
    xp_index r = {XP_INDEX_ELLIPSIS, 0, 0, 0, 0, NULL};
    return r;
}
/** `None`: a new axis of length 1. */
static inline xp_index xp_index_newaxis(void) {
    xp_index r = {XP_INDEX_NEWAXIS, 0, 0, 0, 0, NULL};
    return r;
}
/** An integer array (borrowed) or boolean mask index. */
static inline xp_index xp_index_array(const xp_array *a) {
    xp_index r = {XP_INDEX_ARRAY, 0, 0, 0, 0, a};
    return r;
}

/** `i` */
#define XP_I(i) xp_index_int(i)
/** `start:stop:step` (XP_END for an omitted part) */
#define XP_SLICE(start, stop, step) xp_index_slice((start), (stop), (step))
/** `:` */
#define XP_ALL xp_index_slice(XP_END, XP_END, XP_END)
/** `start:` */
#define XP_FROM(start) xp_index_slice((start), XP_END, XP_END)
/** `:stop` */
#define XP_TO(stop) xp_index_slice(XP_END, (stop), XP_END)
/** `start:stop` */
#define XP_RANGE(start, stop) xp_index_slice((start), (stop), XP_END)
/** both bounds omitted, step `step` (`XP_STEP(-1)` reverses the axis) */
#define XP_STEP(step) xp_index_slice(XP_END, XP_END, (step))
/** `...` */
#define XP_ELLIPSIS xp_index_ellipsis()
/** `None` */
#define XP_NEWAXIS xp_index_newaxis()
/** an integer index array or a boolean mask */
#define XP_IDX(a) xp_index_array(a)
/** `(int n, const xp_index *key)` from a list of entries (C only). */
#define XP_KEY(...) \
    (int)(sizeof((xp_index[]){__VA_ARGS__}) / sizeof(xp_index)), (const xp_index[]){__VA_ARGS__}
/** The empty key `()`. */
#define XP_KEY_EMPTY 0, (const xp_index *)NULL

/** Builds a key for an array of run-time `ndim`: fills key[0..ndim) with `:` and
 * returns ndim (0 when ndim is out of 0..XP_MAX_NDIM), so
 * `xp_index k[XP_MAX_NDIM]; int n = xp_key_all(k, nd); k[axis] = XP_I(i);
 * xp_array_getitem(x, n, k)` is NumPy's `x[(slice(None),) * axis + (i,)]`. */
static inline int xp_key_all(xp_index *key, int ndim) {
    if (ndim < 0 || ndim > XP_MAX_NDIM) return 0;
    for (int d = 0; d < ndim; d++) key[d] = xp_index_slice(XP_END, XP_END, XP_END);
    return ndim;
}
/** Like xp_key_all, then puts `entry` at `axis` (negative counts from the end);
 * returns ndim, or 0 when ndim or axis is out of range. The common
 * "take index i along a run-time axis": `xp_key_at(k, nd, axis, XP_I(i))`. */
static inline int xp_key_at(xp_index *key, int ndim, int axis, xp_index entry) {
    if (axis < 0) axis += ndim;
    if (axis < 0 || axis >= ndim || !xp_key_all(key, ndim)) return 0;
    key[axis] = entry;
    return ndim;
}

/** `x[key]` (n entries; n == 0 is `x[()]`). A view for basic keys, a new array for
 * index arrays and masks; a new reference either way. Errors: XP_ERR_INDEX (bad key:
 * see the rules above; NULL key with n > 0; an index array of another device is
 * XP_ERR_DEVICE), or the status of an error array among x and the key's arrays. */
XP_API xp_array *xp_array_getitem(const xp_array *x, int n, const xp_index *key);

/** `x[key] = value`: `value` (an array or a weak scalar) must promote to x's dtype
 * (else XP_ERR_TYPE; a weak int out of the dtype's range is XP_ERR_VALUE) and
 * broadcast to the selection's shape (else XP_ERR_VALUE). Masks and integer arrays
 * are accepted; with integer arrays the assignments happen in C order of the
 * broadcast index shape, so for duplicate indices the last write wins. A value
 * sharing x's memory is copied first. Errors: XP_ERR_VALUE (read-only x), the key
 * errors of xp_array_getitem, XP_ERR_TYPE (NULL x or value). */
XP_API xp_status xp_array_setitem(xp_array *x, int n, const xp_index *key, const xp_array *value);

/** Options of xp_take: `axis` holds at most one axis; None (the default) is
 * allowed for 1-D x only. */
typedef struct xp_take_opts {
    /** The axis as a one-element xp_axes; unset = None (only for 1-D x); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
} xp_take_opts;

/** `take(x, indices, axis=)`: `indices` is a 1-D integer array; negative
 * values count from the end. Returns a new array whose `axis` has len(indices).
 * Errors: XP_ERR_INDEX (index out of range, bad axis, axis None with x.ndim != 1,
 * 0-D x), XP_ERR_TYPE (non-integer indices), XP_ERR_VALUE (indices not 1-D). */
XP_API xp_array *xp_take(const xp_array *x, const xp_array *indices, const xp_take_opts *opts);

/** `take_along_axis(x, indices, axis)` (the standard's default axis is -1): x and
 * integer `indices` have the same ndim and broadcast against each other except
 * along `axis`; out[..., j, ...] = x[..., indices[..., j, ...], ...]. Errors:
 * XP_ERR_INDEX (index out of range, bad axis), XP_ERR_TYPE (non-integer indices),
 * XP_ERR_VALUE (ndim differs, shapes do not broadcast). */
XP_API xp_array *xp_take_along_axis(const xp_array *x, const xp_array *indices, int64_t axis);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_INDEXING(M) M(array_getitem) M(array_setitem) M(take) M(take_along_axis)

XP_END_DECLS

#endif
