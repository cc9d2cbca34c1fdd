/* Private helpers shared by indexing.c and manipulation code. */
#ifndef XP_INDEXING_PRIV_H
#define XP_INDEXING_PRIV_H

#include "copy.h"

/** Converts an integer index array `a`, broadcast to (nd, shape), into a new
 * contiguous int64 array with negative values counted from `extent`; any value
 * outside [0, extent) is XP_ERR_INDEX naming fn/arg. On success *out holds it. */
xp_array *xp__index_i64(const char *fn, const char *arg, const xp_array *a, int nd,
                        const int64_t *shape, int64_t extent, xp_array **out);

/** Normalises one axis against ndim: NULL when fine (*out set), else XP_ERR_INDEX. */
xp_array *xp__norm_axis(const char *fn, const char *arg, int64_t axis, int ndim, int *out);

#endif
