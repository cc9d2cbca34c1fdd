/* xparray — elementwise functions (spec: "Element-wise Functions") and the
 * array object's operators that are not plain aliases of them.
 *
 * Every function returns a new array (or an error array) and borrows its inputs.
 * Binary functions broadcast their operands and promote them by the standard's
 * lattice; a weak scalar (xp_int, xp_float, xp_complex, xp_bool) takes the other
 * operand's dtype. Common errors: XP_ERR_TYPE (a dtype the function does not take,
 * mixed-kind promotion, a scalar of a kind the array cannot hold, NULL),
 * XP_ERR_VALUE (shapes that do not broadcast), XP_ERR_DEVICE (devices differ);
 * an error array given as input is returned as is. */
#ifndef XPARRAY_ELEMENTWISE_H
#define XPARRAY_ELEMENTWISE_H

#include "types.h"

XP_BEGIN_DECLS

/** `abs(x)`. Input: numeric. Output: same as x; complex -> real float of same precision. */
XP_API xp_array *xp_abs(const xp_array *x);
/** `acos(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_acos(const xp_array *x);
/** `acosh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_acosh(const xp_array *x);
/** `add(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_add(const xp_array *x1, const xp_array *x2);
/** `asin(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_asin(const xp_array *x);
/** `asinh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_asinh(const xp_array *x);
/** `atan(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_atan(const xp_array *x);
/** `atan2(x1, x2)`. Input: real floating-point. Output: real floating-point promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_atan2(const xp_array *x1, const xp_array *x2);
/** `atanh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_atanh(const xp_array *x);
/** `bitwise_and(x1, x2)`. Input: integer or boolean. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_and(const xp_array *x1, const xp_array *x2);
/** `bitwise_left_shift(x1, x2)`. Input: integer. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_left_shift(const xp_array *x1, const xp_array *x2);
/** `bitwise_invert(x)`. Input: integer or boolean. Output: same as x. */
XP_API xp_array *xp_bitwise_invert(const xp_array *x);
/** `bitwise_or(x1, x2)`. Input: integer or boolean. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_or(const xp_array *x1, const xp_array *x2);
/** `bitwise_right_shift(x1, x2)`. Input: integer. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_right_shift(const xp_array *x1, const xp_array *x2);
/** `bitwise_xor(x1, x2)`. Input: integer or boolean. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_xor(const xp_array *x1, const xp_array *x2);
/** `ceil(x)`. Input: real-valued. Output: same as x. */
XP_API xp_array *xp_ceil(const xp_array *x);
/** `clip(x, min, max)`: `min`/`max` are arrays or weak scalars, NULL for None.
 * Input: real-valued; min/max should match x dtype. Output: same as x (should). */
XP_API xp_array *xp_clip(const xp_array *x, const xp_array *min, const xp_array *max);
/** `conj(x)`. Input: numeric [must]. Output: same as x. */
XP_API xp_array *xp_conj(const xp_array *x);
/** `copysign(x1, x2)`. Input: real floating-point. Output: real floating-point promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_copysign(const xp_array *x1, const xp_array *x2);
/** `cos(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_cos(const xp_array *x);
/** `cosh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_cosh(const xp_array *x);
/** `divide(x1, x2)`. Input: numeric. Output: floating-point promote(x1, x2); integer inputs impl-defined (if allowed: real float). Either operand may be a weak scalar. */
XP_API xp_array *xp_divide(const xp_array *x1, const xp_array *x2);
/** `equal(x1, x2)`. Input: any. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_equal(const xp_array *x1, const xp_array *x2);
/** `exp(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_exp(const xp_array *x);
/** `expm1(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_expm1(const xp_array *x);
/** `floor(x)`. Input: real-valued. Output: same as x. */
XP_API xp_array *xp_floor(const xp_array *x);
/** `floor_divide(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_floor_divide(const xp_array *x1, const xp_array *x2);
/** `greater(x1, x2)`. Input: real-valued. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_greater(const xp_array *x1, const xp_array *x2);
/** `greater_equal(x1, x2)`. Input: real-valued. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_greater_equal(const xp_array *x1, const xp_array *x2);
/** `hypot(x1, x2)`. Input: real floating-point. Output: real floating-point promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_hypot(const xp_array *x1, const xp_array *x2);
/** `imag(x)`. Input: complex floating-point. Output: real float of matching precision (c64->f32, c128->f64). */
XP_API xp_array *xp_imag(const xp_array *x);
/** `isfinite(x)`. Input: numeric. Output: bool. */
XP_API xp_array *xp_isfinite(const xp_array *x);
/** `isinf(x)`. Input: numeric. Output: bool. */
XP_API xp_array *xp_isinf(const xp_array *x);
/** `isnan(x)`. Input: numeric. Output: bool. */
XP_API xp_array *xp_isnan(const xp_array *x);
/** `less(x1, x2)`. Input: real-valued. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_less(const xp_array *x1, const xp_array *x2);
/** `less_equal(x1, x2)`. Input: real-valued. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_less_equal(const xp_array *x1, const xp_array *x2);
/** `log(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_log(const xp_array *x);
/** `log1p(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_log1p(const xp_array *x);
/** `log2(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_log2(const xp_array *x);
/** `log10(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_log10(const xp_array *x);
/** `logaddexp(x1, x2)`. Input: real floating-point. Output: real floating-point promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_logaddexp(const xp_array *x1, const xp_array *x2);
/** `logical_and(x1, x2)`. Input: boolean (real-valued optional: 0=False). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_and(const xp_array *x1, const xp_array *x2);
/** `logical_not(x)`. Input: boolean (real-valued optional: 0=False). Output: bool. */
XP_API xp_array *xp_logical_not(const xp_array *x);
/** `logical_or(x1, x2)`. Input: boolean (real-valued optional: 0=False). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_or(const xp_array *x1, const xp_array *x2);
/** `logical_xor(x1, x2)`. Input: boolean (real-valued optional: 0=False). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_xor(const xp_array *x1, const xp_array *x2);
/** `maximum(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_maximum(const xp_array *x1, const xp_array *x2);
/** `minimum(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_minimum(const xp_array *x1, const xp_array *x2);
/** `multiply(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_multiply(const xp_array *x1, const xp_array *x2);
/** `negative(x)`. Input: numeric. Output: same as x. */
XP_API xp_array *xp_negative(const xp_array *x);
/** `nextafter(x1, x2)`. Input: real floating-point; x2 same dtype as x1. Output: same as x1. Either operand may be a weak scalar. */
XP_API xp_array *xp_nextafter(const xp_array *x1, const xp_array *x2);
/** `not_equal(x1, x2)`. Input: any. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_not_equal(const xp_array *x1, const xp_array *x2);
/** `positive(x)`. Input: numeric. Output: same as x. */
XP_API xp_array *xp_positive(const xp_array *x);
/** `pow(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_pow(const xp_array *x1, const xp_array *x2);
/** `real(x)`. Input: numeric [must]. Output: real float of matching precision (c64->f32, c128->f64; real float -> same). */
XP_API xp_array *xp_real(const xp_array *x);
/** `reciprocal(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_reciprocal(const xp_array *x);
/** `remainder(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_remainder(const xp_array *x1, const xp_array *x2);
/** `round(x)`. Input: numeric. Output: same as x. */
XP_API xp_array *xp_round(const xp_array *x);
/** `sign(x)`. Input: numeric. Output: same as x. */
XP_API xp_array *xp_sign(const xp_array *x);
/** `signbit(x)`. Input: real floating-point. Output: bool. */
XP_API xp_array *xp_signbit(const xp_array *x);
/** `sin(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_sin(const xp_array *x);
/** `sinh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_sinh(const xp_array *x);
/** `square(x)`. Input: numeric. Output: same as x (promotion of x with itself). */
XP_API xp_array *xp_square(const xp_array *x);
/** `sqrt(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_sqrt(const xp_array *x);
/** `subtract(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_subtract(const xp_array *x1, const xp_array *x2);
/** `tan(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_tan(const xp_array *x);
/** `tanh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_tanh(const xp_array *x);
/** `trunc(x)`. Input: real-valued. Output: same as x. */
XP_API xp_array *xp_trunc(const xp_array *x);

/* ---- in-place operators (`x1 op= x2`) ------------------------------------- */

/** In-place operators: compute `x1 op x2` and write it into `x1`. The result
 * must keep x1's dtype and shape: x2 must broadcast to x1's shape and
 * promote(x1, x2) must be x1's dtype (weak scalars take x1's dtype).
 * Return XP_OK, or XP_ERR_TYPE / XP_ERR_VALUE (x1 unchanged), XP_ERR_VALUE for a
 * read-only x1, or the status of an error array given as input. */
XP_API xp_status xp_array_iadd(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_isub(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_imul(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_itruediv(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_ifloordiv(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_ipow(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_imod(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_iand(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_ior(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_ixor(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_ilshift(xp_array *x1, const xp_array *x2);
XP_API xp_status xp_array_irshift(xp_array *x1, const xp_array *x2);

/* ---- Python conversions of 0-D arrays ------------------------------------- */

/** `bool(x)` for a 0-D (or one-element) array: nonzero is true; complex is true
 * when either component is nonzero. Errors: XP_ERR_VALUE (more than one element). */
XP_API xp_status xp_array_bool(const xp_array *x, bool *out);
/** `int(x)`: integer and bool values; floats truncate toward zero.
 * Errors: XP_ERR_TYPE (complex), XP_ERR_VALUE (NaN, inf, out of int64, not 0-D/size 1). */
XP_API xp_status xp_array_int(const xp_array *x, int64_t *out);
/** `float(x)`: real values as double. Errors: XP_ERR_TYPE (complex). */
XP_API xp_status xp_array_float(const xp_array *x, double *out);
/** `complex(x)`: any numeric value as (re, im). */
XP_API xp_status xp_array_complex(const xp_array *x, double *re, double *im);
/** `operator.index(x)`: integer (not bool, not float) 0-D arrays only.
 * Errors: XP_ERR_TYPE (other dtypes). */
XP_API xp_status xp_array_index(const xp_array *x, int64_t *out);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_ELEMENTWISE(M) \
    M(abs) M(acos) M(acosh) M(add) M(asin) M(asinh) M(atan) M(atan2) M(atanh) M(bitwise_and) \
    M(bitwise_left_shift) M(bitwise_invert) M(bitwise_or) M(bitwise_right_shift) \
    M(bitwise_xor) M(ceil) M(clip) M(conj) M(copysign) M(cos) M(cosh) M(divide) M(equal) \
    M(exp) M(expm1) M(floor) M(floor_divide) M(greater) M(greater_equal) M(hypot) M(imag) \
    M(isfinite) M(isinf) M(isnan) M(less) M(less_equal) M(log) M(log1p) M(log2) M(log10) \
    M(logaddexp) M(logical_and) M(logical_not) M(logical_or) M(logical_xor) M(maximum) \
    M(minimum) M(multiply) M(negative) M(nextafter) M(not_equal) M(positive) M(pow) M(real) \
    M(reciprocal) M(remainder) M(round) M(sign) M(signbit) M(sin) M(sinh) M(square) M(sqrt) \
    M(subtract) M(tan) M(tanh) M(trunc) M(array_iadd) M(array_isub) M(array_imul) \
    M(array_itruediv) M(array_ifloordiv) M(array_ipow) M(array_imod) M(array_iand) \
    M(array_ior) M(array_ixor) M(array_ilshift) M(array_irshift) M(array_bool) M(array_int) \
    M(array_float) M(array_complex) M(array_index)

XP_END_DECLS

#endif
