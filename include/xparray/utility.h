/** @file
 * xparray — utility functions (spec: "Utility Functions"). */
#ifndef XPARRAY_UTILITY_H
#define XPARRAY_UTILITY_H

#include "types.h"
#include "statistical.h"

XP_BEGIN_DECLS

/** `all(x, axis, keepdims)`: bool; reads `axes` and `keepdims` of the options
 * (NULL = all axes). NaN, inf and nonzero complex count as true; empty → true.
 * New reference. Errors: XP_ERR_INDEX (bad/duplicate axis), XP_ERR_TYPE (NULL). */
XP_API xp_array *xp_all(const xp_array *x, const xp_reduce_opts *opts);
/** `any(x, axis, keepdims)`: as xp_all; empty → false. */
XP_API xp_array *xp_any(const xp_array *x, const xp_reduce_opts *opts);

/** Keywords of diff. Zero = defaults: axis unset = -1, n = 0 means the default 1,
 * prepend/append NULL = None (borrowed). */
typedef struct xp_diff_opts {
    /** The axis as a one-element xp_axes; unset = -1; `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    /** Number of differences; default 1. Read when nonzero or when `has_n` is set,
     * so `.n = 0, .has_n = true` asks for n = 0 (x unchanged). */
    int64_t n;
    const xp_array *prepend; /**< values put before x along the axis (borrowed; NULL = None) */
    const xp_array *append; /**< values put after x along the axis (borrowed; NULL = None) */
    bool has_n; /**< `n` is given even when 0 (the options rule in types.h) */
} xp_diff_opts;

/** `diff(x, axis, n, prepend, append)`: the n-th forward difference along the
 * axis of concat(prepend, x, append); dtype = result_type(x, prepend, append)
 * (bool: x[i+1] != x[i], as NumPy). The axis length becomes max(M - n, 0), M the
 * length of the concatenation; n = 0 returns that concatenation unchanged.
 * Errors: XP_ERR_VALUE (0-D x, negative n, prepend/append shape differing from
 * x's except along the axis), XP_ERR_INDEX (bad axis), XP_ERR_TYPE (dtypes that
 * do not promote, NULL x). */
XP_API xp_array *xp_diff(const xp_array *x, const xp_diff_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_UTILITY(M) M(all) M(any) M(diff)

XP_END_DECLS

#endif
