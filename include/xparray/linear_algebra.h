/** @file
 * xparray — linear algebra (spec section "Linear Algebra Functions"):
 * matmul, matrix_transpose, tensordot, vecdot.
 *
 * Every function returns a new reference (an error array on failure); inputs are
 * borrowed. Products run in promote(x1, x2) (numeric dtypes only: bool is a
 * type error); the numeric work goes through the adapter's gemm slot
 * (adapter.h), so integer dtypes are exact (wrapping) and floats use BLAS where
 * the flavor has it. */
#ifndef XPARRAY_LINEAR_ALGEBRA_H
#define XPARRAY_LINEAR_ALGEBRA_H

#include "types.h"

XP_BEGIN_DECLS

/** `matmul(x1, x2)` (PEP 465 `@`): 1-D operands are promoted to a matrix and the
 * added axis removed afterwards; leading (batch) dimensions broadcast. No
 * conjugation. Errors: XP_ERR_TYPE (NULL, non-numeric or unpromotable dtypes),
 * XP_ERR_VALUE (0-D operand, mismatched inner dimensions, batch dims that do not
 * broadcast). */
XP_API xp_array *xp_matmul(const xp_array *x1, const xp_array *x2);

/** `matrix_transpose(x)`: a view of x with its last two axes swapped (shares
 * memory, read-only iff x is). Errors: XP_ERR_VALUE (ndim < 2), XP_ERR_TYPE (NULL). */
XP_API xp_array *xp_matrix_transpose(const xp_array *x);

/** The `axes` keyword of tensordot. Zero-initialised (or NULL) means `axes=2`.
 * `n` nonzero, or `has_n` set (needed for n = 0): `axes=n` (the last n axes of x1
 * against the first n of x2).
 * `x1_axes.tuple` set: `axes=(x1_axes, x2_axes)` (sequences of equal length;
 * negative axes allowed). */
typedef struct xp_tensordot_opts {
    bool has_n; /**< true: `axes=n` */
    int64_t n; /**< the number of contracted axes when has_n */
    xp_axes x1_axes; /**< x1's contracted axes (`axes=(x1_axes, x2_axes)`) */
    xp_axes x2_axes; /**< x2's contracted axes */
} xp_tensordot_opts;

/** `tensordot(x1, x2, axes=...)`: contracts the given axes (not broadcast: their
 * sizes must match); result shape is x1's free axes then x2's free axes. No
 * conjugation. Errors: XP_ERR_TYPE (dtypes), XP_ERR_VALUE (n < 0 or larger than
 * an operand's ndim, sequences of different lengths, repeated axes, size
 * mismatch), XP_ERR_INDEX (axis out of range). */
XP_API xp_array *xp_tensordot(const xp_array *x1, const xp_array *x2,
                              const xp_tensordot_opts *opts);

/** The `axis` keyword of vecdot and linalg.cross. The standard requires a
 * negative axis; zero-initialised (or NULL) means the default -1. `axis` is read
 * when nonzero or when `has_axis` is set (axis = 0 given is then refused:
 * XP_ERR_INDEX, as every non-negative axis). */
typedef struct xp_axis_opts {
    int64_t axis; /**< the axis (default -1) */
    bool has_axis; /**< `axis` is given even when 0 */
} xp_axis_opts;

/** `vecdot(x1, x2, axis=-1)`: sum over `axis` of conj(x1) * x2 (float and integer
 * dtypes; the standard asks only floats); the other axes broadcast, the
 * contracted axis must have equal sizes (it is not broadcast). Errors:
 * XP_ERR_TYPE (dtypes), XP_ERR_INDEX (axis outside [-N, -1], N = min ndim),
 * XP_ERR_VALUE (size mismatch on axis, 0-D operands, batch shapes). */
XP_API xp_array *xp_vecdot(const xp_array *x1, const xp_array *x2, const xp_axis_opts *opts);

/** `x1 @= x2` (`__imatmul__`): x1 = matmul(x1, x2) in place, allowed only when the
 * product has x1's shape and dtype (x2 square in its last two axes, batch axes
 * that do not grow x1). x2 may share memory with x1. Returns XP_OK; errors:
 * XP_ERR_TYPE (NULL, dtype of the product differs from x1's, or matmul's type
 * errors), XP_ERR_VALUE (read-only or weak x1, product shape differs from x1's,
 * matmul's shape errors), the status of an error array. */
XP_API xp_status xp_array_imatmul(xp_array *x1, const xp_array *x2);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_LINEAR_ALGEBRA(M) \
    M(matmul) M(matrix_transpose) M(tensordot) M(vecdot) M(array_imatmul)

XP_END_DECLS

#endif
