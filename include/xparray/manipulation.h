/* xparray — manipulation functions (spec: "Manipulation Functions").
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

#define XP_NS_MANIPULATION(M) M(broadcast_shapes) M(broadcast_to) M(broadcast_arrays)

XP_END_DECLS

#endif
