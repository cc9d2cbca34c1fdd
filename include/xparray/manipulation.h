/** @file
 * xparray — manipulation functions (spec: "Manipulation Functions").
 *
 * Functions producing several arrays (broadcast_arrays, unstack) write new
 * references into a caller array `out` and return a status; on failure every
 * out[i] holds the error array, so the error still travels with the results. */
#ifndef XPARRAY_MANIPULATION_H
#define XPARRAY_MANIPULATION_H

#include "types.h"

XP_BEGIN_DECLS

/** `broadcast_shapes(*shapes)`: `n` shapes (`ndims[i]`, `shapes[i]`); writes the
 * result's ndim to `*out_ndim` and its extents to `out_shape` (room for
 * XP_MAX_NDIM). No shapes give `()`. Errors: XP_ERR_VALUE (incompatible shapes,
 * negative extent, ndim out of range, NULL). */
XP_API xp_status xp_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes,
                                     int *out_ndim, int64_t *out_shape);

/** `broadcast_to(x, shape)`: a read-only view of `x` with stride 0 on broadcast
 * axes. Errors: XP_ERR_VALUE (x does not broadcast to `shape`). */
XP_API xp_array *xp_broadcast_to(const xp_array *x, int ndim, const int64_t *shape);

/** `broadcast_arrays(*arrays)`: writes `n` read-only views to out[0..n-1].
 * Errors: XP_ERR_VALUE (incompatible shapes), XP_ERR_DEVICE (devices differ). */
XP_API xp_status xp_broadcast_arrays(int n, const xp_array *const *arrays, xp_array **out);

/* ---- issue 4 (indexing and manipulation) declares the rest below ---------- */

/** Required int-or-tuple arguments (axes, shifts, repetitions) are
 * `(int n, const int64_t *v)` pairs; in C `XP_INTS(0, -1)` expands to both, like
 * XP_SHAPE: `xp_permute_dims(x, XP_INTS(1, 0))`. Optional axis arguments live in
 * the options structs as xp_axes (zero = None).
 *
 * Axis errors: an axis outside [-ndim, ndim) is XP_ERR_INDEX (the standard's
 * IndexError); a repeated axis is XP_ERR_VALUE. Views share x's buffer (a write
 * through one is seen by x); copies never alias. */
#define XP_INTS(...) XP_SHAPE(__VA_ARGS__)

/** Options of xp_concat: `axis` (default 0); `axis_none` = true flattens every
 * input (C order) and joins them into one 1-D array (`axis=None`). */
typedef struct xp_concat_opts {
    int64_t axis; /**< the axis (default 0) */
    bool axis_none; /**< true: `axis=None` (flatten and join) */
} xp_concat_opts;

/** `concat(arrays, axis=)`: joins `n` >= 1 arrays of equal ndim (>= 1) whose shapes
 * agree except along `axis`. The dtype is the promotion of all inputs (mixed kinds
 * → XP_ERR_TYPE). New array. Errors: XP_ERR_VALUE (no arrays, shapes differ, 0-D
 * input with an axis), XP_ERR_INDEX (bad axis), XP_ERR_TYPE, XP_ERR_DEVICE. */
XP_API xp_array *xp_concat(int n, const xp_array *const *arrays, const xp_concat_opts *opts);

/** `expand_dims(x, axis)`: inserts extent-1 axes at the `n` given positions, each
 * in [-(ndim+n), ndim+n) of the result. A view. Errors: XP_ERR_INDEX (axis out of
 * range), XP_ERR_VALUE (repeated axis). */
XP_API xp_array *xp_expand_dims(const xp_array *x, int n, const int64_t *axis);

/** Options of xp_flip: `axes` (None, the default, flips every axis). */
typedef struct xp_flip_opts {
    /** Axes to flip; unset = None (all axes); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
} xp_flip_opts;

/** `flip(x, axis=)`: a view with the given axes reversed (negative strides).
 * Errors: XP_ERR_INDEX (bad axis), XP_ERR_VALUE (repeated axis). */
XP_API xp_array *xp_flip(const xp_array *x, const xp_flip_opts *opts);

/** `moveaxis(x, source, destination)`: `n` unique source axes go to `n` unique
 * destination positions; the others keep their order. A view. Errors:
 * XP_ERR_INDEX (axis out of range), XP_ERR_VALUE (repeated axis, n differs). */
XP_API xp_array *xp_moveaxis(const xp_array *x, int n_source, const int64_t *source,
                             int n_destination, const int64_t *destination);

/** `permute_dims(x, axes)`: `axes` is a permutation of the ndim axes (negative
 * allowed). A view. Errors: XP_ERR_VALUE (length differs from ndim, repeated
 * axis), XP_ERR_INDEX (axis out of range). */
XP_API xp_array *xp_permute_dims(const xp_array *x, int n, const int64_t *axes);

/** Options of xp_repeat: `axis` holds at most one axis; None (the default)
 * flattens x first (C order) and gives a 1-D result. */
typedef struct xp_repeat_opts {
    /** The axis as a one-element xp_axes; unset = None (flatten); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
} xp_repeat_opts;

/** `repeat(x, repeats, axis=)`: `repeats` is a weak int (xp_int(3)) or an integer
 * array (0-D, or 1-D of length 1 or of the axis' extent); each element repeats
 * that many times. New array. Errors: XP_ERR_VALUE (negative repeats, bad length),
 * XP_ERR_TYPE (non-integer repeats), XP_ERR_INDEX (bad axis). */
XP_API xp_array *xp_repeat(const xp_array *x, const xp_array *repeats, const xp_repeat_opts *opts);

/** Options of xp_reshape: `copy` (XP_COPY_DEFAULT = None: a view when the strides
 * allow, else a copy; XP_COPY_TRUE: always a copy; XP_COPY_FALSE: a view or
 * XP_ERR_VALUE). */
typedef struct xp_reshape_opts {
    xp_copy copy; /**< XP_COPY_DEFAULT: None (a view when possible) */
} xp_reshape_opts;

/** `reshape(x, shape, copy=)`: `shape` may hold one -1 (inferred). Elements keep
 * their C order. Errors: XP_ERR_VALUE (size mismatch, more than one -1, another
 * negative extent, copy=False when a view is impossible). */
XP_API xp_array *xp_reshape(const xp_array *x, int ndim, const int64_t *shape,
                            const xp_reshape_opts *opts);

/** Options of xp_roll: `axes` (None, the default: roll the flattened array). */
typedef struct xp_roll_opts {
    /** Axes to roll; unset = None (flatten, roll, restore the shape); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
} xp_roll_opts;

/** `roll(x, shift, axis=)`: `n` shifts; with axes given, one shift per axis or
 * one shift for all of them; with axis None exactly one shift. New array. Errors:
 * XP_ERR_VALUE (shift/axis counts differ), XP_ERR_INDEX (bad axis). */
XP_API xp_array *xp_roll(const xp_array *x, int n, const int64_t *shift, const xp_roll_opts *opts);

/** `squeeze(x, axis)`: removes the `n` given axes, which must have extent 1. A view.
 * Errors: XP_ERR_VALUE (an axis of extent != 1, repeated axis), XP_ERR_INDEX (bad
 * axis). */
XP_API xp_array *xp_squeeze(const xp_array *x, int n, const int64_t *axis);

/** Options of xp_stack and xp_unstack: `axis` (default 0). */
typedef struct xp_stack_opts {
    int64_t axis; /**< the new axis (default 0) */
} xp_stack_opts;

/** `stack(arrays, axis=)`: joins `n` >= 1 arrays of one shape along a new axis at
 * `axis` in [-(ndim+1), ndim+1). Dtype: the promotion of all inputs (mixed kinds →
 * XP_ERR_TYPE). New array. Errors: XP_ERR_VALUE (no arrays, shapes differ),
 * XP_ERR_INDEX (bad axis), XP_ERR_DEVICE. */
XP_API xp_array *xp_stack(int n, const xp_array *const *arrays, const xp_stack_opts *opts);

/** `tile(x, repetitions)`: the shorter of x.shape and repetitions is padded with
 * leading 1s; the result repeats x that many times along each axis. New array.
 * Errors: XP_ERR_VALUE (negative repetition), XP_ERR_OVERFLOW. */
XP_API xp_array *xp_tile(const xp_array *x, int n, const int64_t *repetitions);

/** `unstack(x, axis=)`: writes the x.shape[axis] views x[..., i, ...] (axis
 * removed) to out[0..]. The caller sizes `out` with `xp_array_shape(x)[axis]`
 * entries (normalise a negative axis by adding ndim). On failure the error array
 * is written to out[0] when x or axis is bad (the count is unknown then), else to
 * every out[i]. Errors: XP_ERR_INDEX (0-D x, bad axis), XP_ERR_TYPE (NULL out). */
XP_API xp_status xp_unstack(const xp_array *x, const xp_stack_opts *opts, xp_array **out);
/** The chainable form of unstack: one array whose leading axis runs over the
 * pieces (x with `axis` moved to the front, a view; piece k is r[k]). New
 * reference. Errors: XP_ERR_INDEX (0-D x, bad axis), as an error array. */
XP_API xp_array *xp_unstack_stacked(const xp_array *x, const xp_stack_opts *opts);
/** The chainable form of broadcast_arrays: one new array of shape (n, *shape)
 * whose entry k is arrays[k] broadcast to the common shape, as their promoted
 * dtype (NumPy's `np.stack(np.broadcast_arrays(*arrays))`). New reference.
 * Errors: those of xp_broadcast_arrays and xp_stack (XP_ERR_TYPE for dtypes that
 * do not promote), XP_ERR_VALUE for n < 1, as an error array. */
XP_API xp_array *xp_broadcast_arrays_stacked(int n, const xp_array *const *arrays);

/** `x.T`: the transpose of a 2-D array, a view. Errors: XP_ERR_VALUE (ndim != 2). */
XP_API xp_array *xp_array_T(const xp_array *x);

/** `x.mT`: x with its last two axes swapped, a view. Errors: XP_ERR_VALUE (ndim < 2). */
XP_API xp_array *xp_array_mT(const xp_array *x);

#define XP_NS_MANIPULATION(M)                                                              \
    M(broadcast_shapes) M(broadcast_to) M(broadcast_arrays) M(broadcast_arrays_stacked) M(concat) M(expand_dims) M(flip) \
    M(moveaxis) M(permute_dims) M(repeat) M(reshape) M(roll) M(squeeze) M(stack) M(tile)     \
    M(unstack) M(unstack_stacked) M(array_T) M(array_mT)

XP_END_DECLS

#endif
