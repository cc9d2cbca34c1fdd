/** @file
 * xparray — statistical functions (spec: "Statistical Functions").
 *
 * Axes: `xp_axes` (types.h); unset = None = every axis; negative axes count from
 * the end; an axis out of range or given twice is XP_ERR_INDEX. Reductions of a
 * 0-D array accept None, `()`, 0 and -1.
 *
 * Accumulation: `sum`, `prod` and `cumulative_*` without `dtype` accumulate bool
 * and signed integers in int64, unsigned integers in uint64 (wrapping on
 * overflow), floats and complex in their own dtype. An explicit `dtype` converts
 * the input to it first (as xp_astype) and accumulates there.
 *
 * Float summation (sum, mean, var, std) is pairwise over blocks: runs of up to
 * 128 elements are summed with 8 independent accumulators and the block sums
 * are combined as a binary tree, so the rounding error grows as O(log n) rather
 * than O(n). A reduction down the leading axis of a contiguous block (axis 0 of a
 * C-order matrix) adds whole rows into a vector of partial sums, each column
 * summed pairwise the same way: blocks of up to 32 rows (four rows a pass),
 * block sums combined as a binary tree. var/std sum the squared deviations
 * with the same two schemes.
 *
 * mean/var/std of integer or bool input return float64 (NumPy's choice, allowed
 * by the standard); of complex input: mean keeps the dtype, var/std return the
 * real dtype of the same precision (|x - mean|^2 averaged). var/std along the
 * last (contiguous) axis use two passes (mean, then the sum of squared
 * deviations); along any other axis one pass: per block of up to 32 rows the
 * means and squared deviations from them while the block is in cache (on data
 * shifted by the first row), blocks combined pairwise by Chan et al.'s formula
 * M2 = M2a + M2b + d^2 na nb / n. NaN propagates through every
 * reduction (min/max included). Empty reductions: sum 0, prod 1, mean/var/std NaN;
 * min/max of an empty reduction is XP_ERR_VALUE. */
#ifndef XPARRAY_STATISTICAL_H
#define XPARRAY_STATISTICAL_H

#include "types.h"

XP_BEGIN_DECLS

/** Keywords shared by sum/prod/min/max/mean/std/var (and all/any/count_nonzero,
 * which read only `axes` and `keepdims`). Zero-initialised = the defaults:
 * axis=None, keepdims=False, dtype=None, correction=0. `dtype` is read by sum and
 * prod only, `correction` by var and std only (it must be >= 0; when it is >= the
 * number of elements reduced, the result is NaN). */
typedef struct xp_reduce_opts {
    /** Axes to reduce; unset = None (all axes); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    bool keepdims; /**< keep the reduced axes with length 1 */
    xp_dtype dtype; /**< accumulation and result dtype; XP_DTYPE_DEFAULT: the function's default */
    double correction; /**< degrees of freedom subtracted (std, var; default 0) */
} xp_reduce_opts;

/** Keywords of cumulative_sum/cumulative_prod. `axis`: unset = None (allowed only
 * for 0-D or 1-D input), else one axis. `include_initial` prepends the identity
 * (0 or 1) along the axis. */
typedef struct xp_cumulative_opts {
    /** The axis; unset = None (only for 0-D or 1-D x); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    xp_dtype dtype; /**< result dtype; XP_DTYPE_DEFAULT: as sum */
    bool include_initial; /**< prepend the identity (0 or 1) along the axis */
} xp_cumulative_opts;

/** `sum(x, axis, dtype, keepdims)`. New reference. Errors: XP_ERR_INDEX (bad or
 * duplicate axis), XP_ERR_TYPE (NULL, unknown dtype, complex input with a real
 * dtype). */
XP_API xp_array *xp_sum(const xp_array *x, const xp_reduce_opts *opts);
/** `prod(x, axis, dtype, keepdims)`: as xp_sum; empty → 1. */
XP_API xp_array *xp_prod(const xp_array *x, const xp_reduce_opts *opts);
/** `min(x, axis, keepdims)`: same dtype as x; NaN propagates. Complex: refused
 * (XP_ERR_TYPE). Empty reduction: XP_ERR_VALUE. */
XP_API xp_array *xp_min(const xp_array *x, const xp_reduce_opts *opts);
/** `max(x, axis, keepdims)`: as xp_min. */
XP_API xp_array *xp_max(const xp_array *x, const xp_reduce_opts *opts);
/** `mean(x, axis, keepdims)`: float/complex keep their dtype, integers and bool
 * give float64. Empty → NaN. */
XP_API xp_array *xp_mean(const xp_array *x, const xp_reduce_opts *opts);
/** `var(x, axis, correction, keepdims)`: sum((x - mean)^2) / (N - correction);
 * NaN when N - correction <= 0. Errors as xp_sum, XP_ERR_VALUE for a negative
 * or NaN correction. */
XP_API xp_array *xp_var(const xp_array *x, const xp_reduce_opts *opts);
/** `std(x, axis, correction, keepdims)`: sqrt of xp_var. */
XP_API xp_array *xp_std(const xp_array *x, const xp_reduce_opts *opts);
/** `cumulative_sum(x, axis, dtype, include_initial)`: shape of x (the axis one
 * longer with include_initial); a 0-D x is treated as 1-D of length 1. Errors:
 * XP_ERR_VALUE (axis None with ndim > 1), XP_ERR_INDEX (bad axis), XP_ERR_TYPE. */
XP_API xp_array *xp_cumulative_sum(const xp_array *x, const xp_cumulative_opts *opts);
/** `cumulative_prod`: as xp_cumulative_sum with products (initial 1). */
XP_API xp_array *xp_cumulative_prod(const xp_array *x, const xp_cumulative_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_STATISTICAL(M) \
    M(sum) M(prod) M(min) M(max) M(mean) M(var) M(std) M(cumulative_sum) M(cumulative_prod)

XP_END_DECLS

#endif
