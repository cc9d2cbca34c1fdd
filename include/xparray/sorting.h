/** @file
 * xparray — sorting functions (spec: "Sorting Functions").
 *
 * Order: real values ascending with -0 == +0 (their relative order is kept), NaN
 * after everything (+inf included); complex values lexicographically by real
 * part, then imaginary part, NaN components last in their position; bool
 * false < true. Sorting is always stable (LSD radix sort on order-preserving
 * integer keys; `stable=false` is accepted and also stable).
 * `descending=true` gives the reverse order of values with equal elements still
 * in their original relative order — as array-api-strict and NumPy's
 * flip(sort) — so NaNs come first in a descending sort. */
#ifndef XPARRAY_SORTING_H
#define XPARRAY_SORTING_H

#include "types.h"

XP_BEGIN_DECLS

/** Keywords of sort/argsort. Zero = defaults: axis unset = -1, ascending,
 * stable. `unstable` is the standard's stable=False (the sort stays stable). */
typedef struct xp_sort_opts {
    /** The axis as a one-element xp_axes; unset = -1; `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    bool descending; /**< sort in descending order */
    bool unstable; /**< stable=False: stability not required (the sort stays stable) */
} xp_sort_opts;

/** `sort(x, axis, descending, stable)`: a sorted copy. New reference. Errors:
 * XP_ERR_VALUE (0-D x), XP_ERR_INDEX (bad axis), XP_ERR_TYPE (NULL). */
XP_API xp_array *xp_sort(const xp_array *x, const xp_sort_opts *opts);
/** `argsort(x, axis, descending, stable)`: int64 indices along the axis. */
XP_API xp_array *xp_argsort(const xp_array *x, const xp_sort_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_SORTING(M) M(sort) M(argsort)

XP_END_DECLS

#endif
