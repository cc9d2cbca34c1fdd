/** @file
 * xparray — elementwise functions (spec: "Element-wise Functions") and the
 * array object's operators that are not plain aliases of them.
 *
 * Every function returns a new array (or an error array) and borrows its inputs.
 * Binary functions broadcast their operands and promote them by the standard's
 * lattice; a weak scalar (xp_int, xp_float, xp_complex, xp_bool) takes the other
 * operand's dtype. Common errors: XP_ERR_TYPE (a dtype the function does not take,
 * mixed-kind promotion, a scalar of a kind the array cannot hold, NULL),
 * XP_ERR_VALUE (shapes that do not broadcast), XP_ERR_DEVICE (devices differ);
 * an error array given as input is returned as is.
 *
 * Python scalars: an int scalar fits integer, real and complex arrays (and must
 * lie in an integer dtype's range: XP_ERR_VALUE otherwise, naming the argument);
 * a float scalar fits real and complex arrays; a complex scalar fits complex
 * arrays and turns a real-float array's result complex (float32 -> complex64,
 * float64 -> complex128); a bool scalar fits bool arrays only. Everything else
 * (float with an integer array, bool with numbers, int with bool) is XP_ERR_TYPE.
 * Two scalars compute in the default dtype of the wider kind.
 *
 * Promotion across kinds (integer with float, bool with numbers, uint64 with a
 * signed integer) is XP_ERR_TYPE: the standard leaves it undefined.
 *
 * Implementation-defined choices (NumPy's answers; none of them is C undefined
 * behaviour):
 * - integer overflow wraps modulo 2^bits (add, subtract, multiply, square,
 *   negative, pow, left shift); abs and negative of the minimum integer give the
 *   minimum integer;
 * - floor_divide and remainder by zero give 0; MIN // -1 gives MIN, MIN % -1 gives 0;
 * - shifts by an amount >= the bit width, or negative: left shift gives 0, right
 *   shift gives 0 for non-negative x1 and -1 for negative x1;
 * - an integer to a negative integer power is XP_ERR_VALUE ("integers to negative
 *   integer powers are not allowed");
 * - integer inputs to the floating-point functions (divide, reciprocal, sqrt, exp,
 *   log*, trigonometric and hyperbolic functions, atan2, hypot, copysign,
 *   logaddexp) are computed in float64, the default real float; nextafter and
 *   signbit take real floats only;
 * - the logical functions take bool only; comparisons other than equal and
 *   not_equal, maximum, minimum, clip, floor/ceil/trunc and floor_divide/remainder
 *   take real values only (complex: XP_ERR_TYPE);
 * - maximum/minimum propagate NaN; which zero they return for (+0, -0) is unspecified;
 * - complex multiply and divide are C99's (Annex G recovery of infinities).
 * Accuracy: real + - * /, sqrt and reciprocal are correctly rounded (plain IEEE
 * operations); transcendental functions are the C library's (see the libm adapter),
 * except where a flavor stacks the SLEEF adapter (openblas): there contiguous
 * float32/float64 runs of exp, expm1, log, log1p, log2, log10, tan, sinh, cosh,
 * tanh, asin, acos, atan, asinh, acosh and atanh are within 1 ULP, and sin and cos
 * within 3.5 ULP (SLEEF's u35 routines; NumPy's SVML loops are ~4 ULP); NaN,
 * infinite, zero and subnormal inputs, and inputs beyond each routine's safe range,
 * get the C library's result. */
#ifndef XPARRAY_ELEMENTWISE_H
#define XPARRAY_ELEMENTWISE_H

#include "types.h"

XP_BEGIN_DECLS

/** `abs(x)`. Input: numeric. Output: same as x; complex -> real float of same precision.
 * abs of the minimum signed integer is that minimum (wraps). */
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
/** `bitwise_left_shift(x1, x2)`. Input: integer. Output: promote(x1, x2). Either operand may be a weak scalar.
 * Bits shifted out are lost; x2 >= bit width or x2 < 0 gives 0. */
XP_API xp_array *xp_bitwise_left_shift(const xp_array *x1, const xp_array *x2);
/** `bitwise_invert(x)`. Input: integer or boolean. Output: same as x. */
XP_API xp_array *xp_bitwise_invert(const xp_array *x);
/** `bitwise_or(x1, x2)`. Input: integer or boolean. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_or(const xp_array *x1, const xp_array *x2);
/** `bitwise_right_shift(x1, x2)`. Input: integer. Output: promote(x1, x2). Either operand may be a weak scalar.
 * Arithmetic shift for signed x1; x2 >= bit width or x2 < 0 gives 0 (x1 >= 0) or -1 (x1 < 0). */
XP_API xp_array *xp_bitwise_right_shift(const xp_array *x1, const xp_array *x2);
/** `bitwise_xor(x1, x2)`. Input: integer or boolean. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_bitwise_xor(const xp_array *x1, const xp_array *x2);
/** `ceil(x)`. Input: real-valued. Output: same as x. */
XP_API xp_array *xp_ceil(const xp_array *x);
/** `clip(x, min, max)`: `min`/`max` are arrays or weak scalars, NULL for None.
 * Input: real-valued. Output: x's dtype, at the broadcast shape of x, min and max.
 * Array bounds must promote to x's dtype (else XP_ERR_TYPE); scalar bounds follow
 * the scalar rules against x's dtype. A NaN in x or in a bound gives NaN; with
 * min > max the result is max. */
XP_API xp_array *xp_clip(const xp_array *x, const xp_array *min, const xp_array *max);
/** `conj(x)`. Input: numeric [must]. Output: same as x. */
XP_API xp_array *xp_conj(const xp_array *x);
/** `copysign(x1, x2)`. Input: real floating-point. Output: real floating-point promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_copysign(const xp_array *x1, const xp_array *x2);
/** `cos(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_cos(const xp_array *x);
/** `cosh(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_cosh(const xp_array *x);
/** `divide(x1, x2)`. Input: numeric. Output: floating-point promote(x1, x2). Either operand may be a weak scalar.
 * Integer operands are divided in float64 (NumPy's true division). */
XP_API xp_array *xp_divide(const xp_array *x1, const xp_array *x2);
/** `equal(x1, x2)`. Input: any. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_equal(const xp_array *x1, const xp_array *x2);
/** `exp(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_exp(const xp_array *x);
/** `expm1(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_expm1(const xp_array *x);
/** `floor(x)`. Input: real-valued. Output: same as x. */
XP_API xp_array *xp_floor(const xp_array *x);
/** `floor_divide(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar.
 * Python's `//` (rounds toward -infinity). Integers: x // 0 = 0, MIN // -1 = MIN.
 * Floats: the standard's special cases (inf // finite = ±inf, finite // ±inf = ±0). */
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
/** `logical_and(x1, x2)`. Input: bool (numbers: XP_ERR_TYPE). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_and(const xp_array *x1, const xp_array *x2);
/** `logical_not(x)`. Input: bool (numbers: XP_ERR_TYPE). Output: bool. */
XP_API xp_array *xp_logical_not(const xp_array *x);
/** `logical_or(x1, x2)`. Input: bool (numbers: XP_ERR_TYPE). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_or(const xp_array *x1, const xp_array *x2);
/** `logical_xor(x1, x2)`. Input: bool (numbers: XP_ERR_TYPE). Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_logical_xor(const xp_array *x1, const xp_array *x2);
/** `maximum(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_maximum(const xp_array *x1, const xp_array *x2);
/** `minimum(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_minimum(const xp_array *x1, const xp_array *x2);
/** `multiply(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar. */
XP_API xp_array *xp_multiply(const xp_array *x1, const xp_array *x2);
/** `negative(x)`. Input: numeric. Output: same as x. Integers wrap (-MIN = MIN). */
XP_API xp_array *xp_negative(const xp_array *x);
/** `nextafter(x1, x2)`. Input: real floating-point; x2 must have x1's dtype (else XP_ERR_TYPE). Output: same as x1. Either operand may be a weak scalar. */
XP_API xp_array *xp_nextafter(const xp_array *x1, const xp_array *x2);
/** `not_equal(x1, x2)`. Input: any. Output: bool. Either operand may be a weak scalar. */
XP_API xp_array *xp_not_equal(const xp_array *x1, const xp_array *x2);
/** `positive(x)`. Input: numeric. Output: same as x. */
XP_API xp_array *xp_positive(const xp_array *x);
/** `pow(x1, x2)`. Input: numeric. Output: promote(x1, x2). Either operand may be a weak scalar.
 * Integers: repeated squaring, wrapping; a negative exponent is XP_ERR_VALUE.
 * Complex: exp(x2 * log(x1)) (C's cpow), except x1 ** 0 = 1 and 0 ** (positive real) = 0. */
XP_API xp_array *xp_pow(const xp_array *x1, const xp_array *x2);
/** `real(x)`. Input: numeric. Output: real float of matching precision (c64->f32, c128->f64); real and integer x: a copy, same dtype. */
XP_API xp_array *xp_real(const xp_array *x);
/** `reciprocal(x)`. Input: floating-point. Output: floating-point per promotion (= x.dtype for float x). */
XP_API xp_array *xp_reciprocal(const xp_array *x);
/** `remainder(x1, x2)`. Input: real-valued. Output: promote(x1, x2). Either operand may be a weak scalar.
 * Python's `%`: the result has x2's sign. Integers: x % 0 = 0. */
XP_API xp_array *xp_remainder(const xp_array *x1, const xp_array *x2);
/** `round(x)`. Input: numeric. Output: same as x. Half to even; complex: each component. */
XP_API xp_array *xp_round(const xp_array *x);
/** `sign(x)`. Input: numeric. Output: same as x. Real: -1, 0 (for ±0) or 1, NaN for NaN.
 * Complex: z / |z|; (0, +0) for a zero; (NaN, NaN) when a component is NaN. */
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

/** `x1 += x2`. In-place operators: compute `x1 op x2` and write it into `x1`. The result
 * must keep x1's dtype and shape: x2 must broadcast to x1's shape and
 * promote(x1, x2) must be x1's dtype (weak scalars take x1's dtype).
 * Return XP_OK, or XP_ERR_TYPE / XP_ERR_VALUE (x1 unchanged), XP_ERR_VALUE for a
 * read-only x1, or the status of an error array given as input.
 * Errors: XP_ERR_TYPE (NULL argument, a dtype the operation does not take, a
 * result dtype other than x1's, e.g. int /= int or float32 += float64),
 * XP_ERR_VALUE (x2 does not broadcast to x1's shape, out-of-range int scalar,
 * read-only or scalar x1, integer **= negative, x1 untouched then).
 * x2 may share memory with x1 (any view): the result is then computed into a
 * temporary first, so it equals `x1[...] = x1 op x2`. */
XP_API xp_status xp_array_iadd(xp_array *x1, const xp_array *x2);
/** `x1 -= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_isub(xp_array *x1, const xp_array *x2);
/** `x1 *= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_imul(xp_array *x1, const xp_array *x2);
/** `x1 /= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_itruediv(xp_array *x1, const xp_array *x2);
/** `x1 //= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_ifloordiv(xp_array *x1, const xp_array *x2);
/** `x1 **= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_ipow(xp_array *x1, const xp_array *x2);
/** `x1 %= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_imod(xp_array *x1, const xp_array *x2);
/** `x1 &= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_iand(xp_array *x1, const xp_array *x2);
/** `x1 |= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_ior(xp_array *x1, const xp_array *x2);
/** `x1 ^= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_ixor(xp_array *x1, const xp_array *x2);
/** `x1 <<= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_ilshift(xp_array *x1, const xp_array *x2);
/** `x1 >>= x2`, as xp_array_iadd(). */
XP_API xp_status xp_array_irshift(xp_array *x1, const xp_array *x2);

/* ---- Python conversions of 0-D arrays ------------------------------------- */

/** `bool(x)` for a 0-D (or one-element) array: nonzero is true (NaN too); complex is true
 * when either component is nonzero. Errors: XP_ERR_VALUE (size != 1, NULL out),
 * XP_ERR_TYPE (NULL x). The same size rule holds for the conversions below. */
XP_API xp_status xp_array_bool(const xp_array *x, bool *out);
/** `int(x)`: integer and bool values; floats truncate toward zero.
 * Errors: XP_ERR_TYPE (complex), XP_ERR_VALUE (NaN, inf, out of int64, not 0-D/size 1). */
XP_API xp_status xp_array_int(const xp_array *x, int64_t *out);
/** `int(x)` for values in [0, 2^64): the whole uint64 range (xp_array_int stops at
 * INT64_MAX); floats truncate toward zero. Errors: XP_ERR_TYPE (complex, NULL x),
 * XP_ERR_VALUE (negative, NaN, inf, 2^64 or more, not 0-D/size 1, NULL out). */
XP_API xp_status xp_array_uint(const xp_array *x, uint64_t *out);
/** `float(x)`: real values as double. Errors: XP_ERR_TYPE (complex). */
XP_API xp_status xp_array_float(const xp_array *x, double *out);
/** `complex(x)`: any numeric value as (re, im); a real NaN gives NaN + NaN j (the
 * standard's special case), other reals (x, +0). */
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
    M(array_float) M(array_complex) M(array_index) M(array_uint)

XP_END_DECLS

#endif
