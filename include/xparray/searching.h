/** @file
 * xparray — searching functions (spec: "Searching Functions").
 *
 * Order used by argmax/argmin/searchsorted (and by sort): real numbers by value
 * with -0 == +0, NaN above everything (so argmax finds the first NaN, and argmin
 * also returns the first NaN: "NaN wins" as NumPy); complex numbers
 * lexicographically (real part, then imaginary part), a NaN component above every
 * number in that component. */
#ifndef XPARRAY_SEARCHING_H
#define XPARRAY_SEARCHING_H

#include "types.h"
#include "statistical.h"

XP_BEGIN_DECLS

/** Keywords of argmax/argmin: `axis` unset = None (index into the flattened
 * array), else exactly one axis. */
typedef struct xp_arg_opts {
    /** The axis as a one-element xp_axes; unset = None (flattened); `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    bool keepdims; /**< keep the reduced axis with length 1 */
} xp_arg_opts;

/** `argmax(x, axis, keepdims)`: int64 index of the first maximum (the first NaN
 * when there is one). Errors: XP_ERR_VALUE (empty reduction), XP_ERR_INDEX (bad
 * axis, or a tuple of more than one axis), XP_ERR_TYPE (NULL). */
XP_API xp_array *xp_argmax(const xp_array *x, const xp_arg_opts *opts);
/** `argmin(x, axis, keepdims)`: first minimum (the first NaN when there is one). */
XP_API xp_array *xp_argmin(const xp_array *x, const xp_arg_opts *opts);

/** `count_nonzero(x, axis, keepdims)`: int64 count of nonzero elements (NaN and
 * complex with either component nonzero count); reads `axes`/`keepdims`. */
XP_API xp_array *xp_count_nonzero(const xp_array *x, const xp_reduce_opts *opts);

/** `nonzero(x)`: writes ndim(x) int64 index arrays (one per axis, row-major order
 * of the nonzero elements) to out[0..ndim-1]; `out` needs room for ndim(x). On
 * failure out[0] (or out[0..ndim-1] when ndim is known) holds the error array.
 * Errors: XP_ERR_VALUE (0-D input), XP_ERR_TYPE (NULL x or out). */
XP_API xp_status xp_nonzero(const xp_array *x, xp_array **out);
/** The chainable form of nonzero: one int64 array of shape (ndim(x), nnz) whose
 * row k is nonzero(x)[k] (NumPy's `np.array(np.nonzero(x))`, `argwhere(x).T`);
 * row k is `xp_array_getitem(r, XP_KEY(XP_I(k)))`. New reference. Errors as
 * xp_nonzero (XP_ERR_VALUE for 0-D input), returned as an error array. */
XP_API xp_array *xp_nonzero_stacked(const xp_array *x);

/** The `side` keyword of searchsorted. */
typedef enum xp_side { XP_SIDE_LEFT = 0, XP_SIDE_RIGHT = 1 } xp_side;

/** Keywords of searchsorted: `sorter` (borrowed; NULL = None) holds integer
 * indices that sort x1. */
typedef struct xp_searchsorted_opts {
    xp_side side; /**< XP_SIDE_LEFT (default) or XP_SIDE_RIGHT */
    const xp_array *sorter; /**< indices that sort x1 (borrowed; NULL = None) */
} xp_searchsorted_opts;

/** `searchsorted(x1, x2, side, sorter)`: int64 insertion indices with x2's shape.
 * x2 may be a weak scalar (xp_int/xp_float). Both are compared in their promoted
 * dtype with the sort order above (NaN last). Errors: XP_ERR_VALUE (x1 not 1-D,
 * sorter not 1-D of x1's length, bad side), XP_ERR_TYPE (dtypes that do not
 * promote, sorter not integer), XP_ERR_INDEX (a sorter index out of range). */
XP_API xp_array *xp_searchsorted(const xp_array *x1, const xp_array *x2,
                                 const xp_searchsorted_opts *opts);

/** `where(condition, x1, x2)`: broadcast; dtype = result_type(x1, x2) (weak
 * scalars take the other's dtype). Errors: XP_ERR_TYPE (condition not bool, both
 * branches weak, dtypes that do not promote), XP_ERR_VALUE (shapes). */
XP_API xp_array *xp_where(const xp_array *condition, const xp_array *x1, const xp_array *x2);

/** Keywords of isin. */
typedef struct xp_isin_opts {
    bool invert; /**< true: the result is `not isin` */
} xp_isin_opts;

/** `isin(x1, x2, invert)`: bool of x1's shape, true where the element equals
 * (as xp_equal: NaN never, -0 == +0) some element of x2; `invert` negates.
 * Either may be a weak scalar (not both). All dtypes are accepted (the standard
 * asks for integers). Errors: XP_ERR_TYPE (dtypes that do not promote). */
XP_API xp_array *xp_isin(const xp_array *x1, const xp_array *x2, const xp_isin_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_SEARCHING(M) \
    M(argmax) M(argmin) M(count_nonzero) M(nonzero) M(nonzero_stacked) M(searchsorted) M(where) M(isin)

XP_END_DECLS

#endif
