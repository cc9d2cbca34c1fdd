/** @file
 * xparray extra — helpers outside the standard, in the spirit of array-api-extra
 * (what SciPy uses beside array-api-compat): functional updates (`at`),
 * apply_where, sliding windows, Vandermonde matrices, least squares and FFT
 * sizes. Written once over the standard functions, so every flavor has them.
 * Ownership, errors and scopes follow the rest of the API: every returned array
 * is a new reference (or an error array), inputs are borrowed. */
#ifndef XPARRAY_EXTRA_H
#define XPARRAY_EXTRA_H

#include "array.h"
#include "indexing.h"

XP_BEGIN_DECLS

/** Options of xp_extra_sliding_window_view: the axes the window slides along
 * (`.axis` / `.axes`); unset = every axis (then one window extent per axis). */
typedef struct xp_extra_window_opts {
    /** `.axis` and `.axes` name the same field (either spelling). */
    union { xp_axes axis; xp_axes axes; };
} xp_extra_window_opts;

/** NumPy's `sliding_window_view(x, window_shape, axis)`: a read-only view whose
 * listed axes shrink to extent - window + 1 and whose trailing `n` axes run over
 * each window (`n` extents in `window_shape`, one per listed axis; an axis may be
 * listed twice). Welch's overlapping segments are
 * `xp_array_getitem(view, XP_KEY(XP_STEP(step), XP_ELLIPSIS))`. Errors: XP_ERR_VALUE (negative
 * window, window larger than the axis, n differs from the number of axes),
 * XP_ERR_INDEX (axis out of range), XP_ERR_TYPE (NULL). */
XP_API xp_array *xp_extra_sliding_window_view(const xp_array *x, int n,
                                              const int64_t *window_shape,
                                              const xp_extra_window_opts *opts);

/** NumPy's `vander(x, N, increasing)`: the (len(x), N) matrix of powers of the
 * 1-D x, columns x^(N-1) ... x^0 (x^0 ... x^(N-1) when `increasing`), built by
 * repeated multiplication as NumPy does. `N` = XP_EXTRA_SQUARE (NumPy's None)
 * gives a square matrix. Dtype: x's (a weak scalar is refused).
 * Errors: XP_ERR_VALUE (x not 1-D, N < 0), XP_ERR_TYPE (bool x, NULL). */
XP_API xp_array *xp_extra_vander(const xp_array *x, int64_t N, bool increasing);
/** `N` of xp_extra_vander meaning None (a square matrix). */
#define XP_EXTRA_SQUARE INT64_MIN

/** Least squares, NumPy's `lstsq(a, b)[0]`: the x minimising ||a @ x - b|| (the
 * minimum-norm one when a is rank-deficient), computed as pinv(a) @ b with the
 * default cutoff max(M, N) * eps * largest singular value (NumPy's rcond=None).
 * `a` is (M, N) floating; `b` is (M,) or (M, K). Errors: XP_ERR_VALUE (shapes),
 * XP_ERR_TYPE (integer or bool dtypes, NULL), those of xp_linalg_pinv. */
XP_API xp_array *xp_extra_lstsq(const xp_array *a, const xp_array *b);

/** SciPy's `next_fast_len(target, real)`: the smallest n >= target whose prime
 * factors are 2, 3 and 5 (`real`, as pocketfft's real transforms like) or 2, 3,
 * 5, 7 and 11 (complex). Targets up to 6 return themselves. -1 for a negative
 * target or when no such n fits int64 (the last error says which). */
XP_API int64_t xp_extra_next_fast_len(int64_t target, bool real);

/* ---- at(x, key): functional updates -------------------------------------- */

/** The update an xp_extra_at call makes (array-api-extra's `at(x, idx).op(y)`). */
typedef enum xp_extra_at_op {
    XP_AT_SET = 0,   /**< x[key] = y */
    XP_AT_ADD,       /**< x[key] += y */
    XP_AT_SUBTRACT,  /**< x[key] -= y */
    XP_AT_MULTIPLY,  /**< x[key] *= y */
    XP_AT_DIVIDE,    /**< x[key] /= y */
    XP_AT_POWER,     /**< x[key] **= y */
    XP_AT_MIN,       /**< x[key] = minimum(x[key], y) */
    XP_AT_MAX        /**< x[key] = maximum(x[key], y) */
} xp_extra_at_op;

/** A copy of `x` with `x[key] op= y` applied; `x` is unchanged (what JAX's
 * `x.at[key].add(y)` and array-api-extra's `at` give). `y` is an array or weak
 * scalar broadcasting to the selection. The update is computed as NumPy's
 * `x[key] op= y` (buffered: with an integer-array key repeating an index, the
 * last write wins, nothing accumulates). The result keeps x's dtype: an update
 * whose result dtype differs is XP_ERR_TYPE. Errors: those of xp_array_getitem
 * and xp_array_setitem, XP_ERR_VALUE (unknown op). */
XP_API xp_array *xp_extra_at(const xp_array *x, int n, const xp_index *key, xp_extra_at_op op,
                             const xp_array *y);
/** `at(x, key).set(y)`: xp_extra_at with XP_AT_SET. */
XP_API xp_array *xp_extra_at_set(const xp_array *x, int n, const xp_index *key, const xp_array *y);
/** `at(x, key).add(y)`: xp_extra_at with XP_AT_ADD. */
XP_API xp_array *xp_extra_at_add(const xp_array *x, int n, const xp_index *key, const xp_array *y);
/** `at(x, key).multiply(y)`: xp_extra_at with XP_AT_MULTIPLY. */
XP_API xp_array *xp_extra_at_multiply(const xp_array *x, int n, const xp_index *key,
                                      const xp_array *y);

/* ---- apply_where ------------------------------------------------------------ */

/** A function applied by xp_extra_apply_where to `n` 1-D arrays (the selected
 * elements of the arguments); returns an array of the same length (or one that
 * broadcasts to it). It runs in its own scope: its temporaries may be left to
 * it, and its result is released by apply_where. */
typedef xp_array *(*xp_extra_fn)(int n, const xp_array *const *args, void *ctx);

/** array-api-extra's `apply_where(cond, args, f1, f2, fill_value=)`: the array of
 * the broadcast shape of cond and args holding f1(args) where cond is true and
 * f2(args) elsewhere, each function seeing only its own elements (so log of the
 * negative entries is never computed). With `f2` NULL the other entries are
 * `fill` (an array or weak scalar broadcasting to the shape; required then).
 * Dtype: the promotion of f1's and f2's (or fill's) results. Errors: XP_ERR_TYPE
 * (cond not bool, NULL f1, f2 and fill both NULL), shapes that do not broadcast,
 * a function's error array (returned as is). */
XP_API xp_array *xp_extra_apply_where(const xp_array *cond, int n, const xp_array *const *args,
                                      xp_extra_fn f1, xp_extra_fn f2, void *ctx,
                                      const xp_array *fill);

XP_END_DECLS

#endif
