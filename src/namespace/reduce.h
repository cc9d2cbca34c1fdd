/* Shared machinery of the reductions, scans, sorts and searches (issue 5):
 * axis parsing, the [outer][n][inner] block layout, and the reduction slots. */
#ifndef XP_REDUCE_H
#define XP_REDUCE_H

#include "iter.h"

/** Parses an `axis` argument (None = every axis) for an ndim-D array into
 * red[0..ndim): XP_ERR_INDEX for an axis out of range or repeated. A 0-D array
 * accepts 0 and -1. NULL when fine. */
xp_array *xp__axes_mask(const char *fn, const char *arg, int ndim, const xp_axes *axes,
                        bool *red);

/** Parses a single-axis argument: None (unset) gives `none_value` (-1 for "None"
 * when the caller handles it), a tuple of more than one axis is refused. The
 * result is normalised to 0..ndim-1 (or none_value). */
xp_array *xp__one_axis(const char *fn, const char *arg, int ndim, const xp_axes *axis,
                       int none_value, int *out);

/** Output shape of a reduction; returns its ndim. */
int xp__red_shape(const xp_array *x, const bool *red, bool keepdims, int64_t *shape);

/** A reduction's data layout: C-contiguous [outer][n][inner]. */
typedef struct xp_red3 {
    int64_t outer, n, inner;
} xp_red3;

/** An array whose C-contiguous data is x's elements as dtype `dt` laid out as
 * [outer][n][inner] with the reduced axes in the middle: x itself (retained) when
 * it already is, else a permuted, converted copy (kept axes first). */
xp_array *xp__red_block(const char *fn, const xp_array *x, const bool *red, xp_dtype dt,
                        xp_red3 *L);

/** Runs the reduction slot (op, dt) of the adapter stack. */
xp_status xp__reduce_run(xp_reduce_op op, xp_dtype dt, const xp_red3 *L, const void *x,
                         void *out);

/** Extents before, along and after `axis`. */
void xp__split3(int ndim, const int64_t *shape, int axis, int64_t *outer, int64_t *m,
                int64_t *inner);

/** x as a C-contiguous array of dtype dt with `axis` moved last (x itself,
 * retained, when it already is). */
xp_array *xp__axis_last(const char *fn, const xp_array *x, int axis, xp_dtype dt);

/** Copies `tmp` (x's shape with `axis` moved last, C-contiguous) into `out`
 * (x's shape). */
xp_status xp__axis_back(xp_array *out, const xp_array *tmp, int axis);

/** The standard's accumulation dtype of sum/prod/cumulative_* for input dtype dt. */
xp_dtype xp__acc_dtype(xp_dtype dt);

/** Order-preserving key of a double / float (NaN top, -0 == +0). */
static inline uint64_t xp__key_f64(double v) {
    if (v != v) return UINT64_MAX;
    if (v == 0) return UINT64_C(1) << 63; /* -0 == +0 */
    uint64_t b;
    memcpy(&b, &v, 8);
    return (b >> 63) ? ~b : b | (UINT64_C(1) << 63);
}

static inline uint64_t xp__key_f32(float v) {
    if (v != v) return UINT32_MAX;
    if (v == 0) return UINT32_C(1) << 31;
    uint32_t b;
    memcpy(&b, &v, 4);
    return (b >> 31) ? (uint32_t)~b : b | (UINT32_C(1) << 31);
}

/** Order-preserving keys (see sorting.h for the order): `k[0]` the major key,
 * `k[1]` the minor one (0 except for complex). NaN components map to the top. */
void xp__keys(xp_dtype dt, const char *p, uint64_t k[2]);
/** True when the element is NaN (complex: either component). */
bool xp__is_nan(xp_dtype dt, const char *p);

/** Stable LSD radix sort of (key, val) pairs by key; tk/tv are scratch of n each. */
void xp__radix_pairs(uint64_t *key, uint64_t *val, int64_t n, uint64_t *tk, uint64_t *tv);

/** Bytes of one key of xp__sort_values: 4 for dtypes of up to 4 bytes, else 8. */
size_t xp__sort_key_size(xp_dtype dt);

/** Sorts the n contiguous elements at p (any non-complex dtype; the order of
 * sorting.h, stable for -0/+0 and NaNs) into dst (n elements, not overlapping
 * p) by sorting their keys alone. kbuf: scratch of n keys
 * (xp__sort_key_size each), or NULL when the dtype's size equals the key size
 * (dst holds the keys then); tbuf: scratch of n keys. */
void xp__sort_values(xp_dtype dt, const char *p, int64_t n, bool desc, char *dst, void *kbuf,
                     void *tbuf);

/** Stable argsort of the n contiguous elements at p (dtype dt): writes the
 * permutation to perm. descending reverses the order of values (equal elements
 * keep their order). Needs scratch; returns false on allocation failure. */
bool xp__argsort_run(xp_dtype dt, const char *p, int64_t n, bool descending, int64_t *perm);

#endif
