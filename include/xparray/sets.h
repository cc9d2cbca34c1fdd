/** @file
 * xparray — set functions (spec: "Set Functions").
 *
 * Every function flattens x (C order). `values` come sorted ascending in the
 * order of xp_sort (NaNs last); NaNs are distinct (each one its own value, in
 * their original order), -0 and +0 are one value represented by the element that
 * comes first in x. Results are returned by value; each field is a new reference.
 * On failure every field holds the error array (each a separate reference). */
#ifndef XPARRAY_SETS_H
#define XPARRAY_SETS_H

#include "types.h"

XP_BEGIN_DECLS

/** Result of unique_all: values (x's dtype, 1-D), indices (int64, first
 * occurrence of each value), inverse_indices (int64, x's shape), counts (int64). */
typedef struct xp_unique_all_result {
    xp_array *values;          /**< the distinct values, sorted */
    xp_array *indices;         /**< index of each value's first occurrence in x */
    xp_array *inverse_indices; /**< values[inverse_indices] reconstructs x */
    xp_array *counts;          /**< how often each value occurs */
} xp_unique_all_result;

/** Result of unique_counts: values (x's dtype, 1-D) and counts (int64). */
typedef struct xp_unique_counts_result {
    xp_array *values; /**< the distinct values, sorted */
    xp_array *counts; /**< how often each value occurs */
} xp_unique_counts_result;

/** Result of unique_inverse: values (x's dtype, 1-D) and inverse_indices (int64,
 * x's shape). */
typedef struct xp_unique_inverse_result {
    xp_array *values;          /**< the distinct values, sorted */
    xp_array *inverse_indices; /**< values[inverse_indices] reconstructs x */
} xp_unique_inverse_result;

/** `unique_all(x)`. Errors: XP_ERR_TYPE (NULL x). */
XP_API xp_unique_all_result xp_unique_all(const xp_array *x);
/** `unique_counts(x)`. */
XP_API xp_unique_counts_result xp_unique_counts(const xp_array *x);
/** `unique_inverse(x)`. */
XP_API xp_unique_inverse_result xp_unique_inverse(const xp_array *x);
/** `unique_values(x)`: new reference. */
XP_API xp_array *xp_unique_values(const xp_array *x);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_SETS(M) M(unique_all) M(unique_counts) M(unique_inverse) M(unique_values)

XP_END_DECLS

#endif
