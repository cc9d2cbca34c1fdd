/** @file
 * xparray — data types: names, traits, promotion, casting (spec: "Data Type Functions"). */
#ifndef XPARRAY_DATA_TYPES_H
#define XPARRAY_DATA_TYPES_H

#include "types.h"

XP_BEGIN_DECLS

/** Canonical name of a dtype ("float64"), or NULL for a value that is not one. */
XP_API const char *xp_dtype_name(xp_dtype dt);
/** The dtype named `name` ("int32", ...), or XP_DTYPE_DEFAULT when unknown. */
XP_API xp_dtype xp_dtype_from_name(const char *name);
/** Bytes per element (bool 1, complex128 16); 0 for an unknown dtype. */
XP_API size_t xp_dtype_size(xp_dtype dt);
/** Kind flag of a dtype (one XP_KIND_* bit); 0 for an unknown dtype. */
XP_API xp_kind xp_dtype_kind(xp_dtype dt);

/** `finfo` result. Values of the real component type for complex dtypes. */
typedef struct xp_finfo_t {
    int bits; /**< bits of the (component) type */
    double eps; /**< machine epsilon */
    double max; /**< largest finite value */
    double min; /**< most negative finite value */
    double smallest_normal; /**< smallest positive normal value */
    xp_dtype dtype; /**< float32 or float64 (the component type for complex) */
} xp_finfo_t;

/** `iinfo` result. */
typedef struct xp_iinfo_t {
    int bits; /**< bits of the type */
    int64_t min; /**< smallest value */
    uint64_t max; /**< largest value */
    xp_dtype dtype; /**< the integer dtype */
} xp_iinfo_t;

/** Machine limits of a floating dtype. Errors: XP_ERR_TYPE (not floating),
 * XP_ERR_VALUE (NULL out). */
XP_API xp_status xp_finfo(xp_dtype dt, xp_finfo_t *out);
/** Machine limits of an integer dtype. Errors: XP_ERR_TYPE (not integral). */
XP_API xp_status xp_iinfo(xp_dtype dt, xp_iinfo_t *out);

/** `isdtype(dtype, kind)` where kind is a bitwise-or of XP_KIND_* flags (a tuple
 * of kind strings). False for an unknown dtype. */
XP_API bool xp_isdtype(xp_dtype dt, xp_kind kinds);
/** `isdtype` with the standard's kind strings: "bool", "signed integer",
 * "unsigned integer", "integral", "real floating", "complex floating", "numeric",
 * or a dtype name. Writes the answer to `*out`. Errors: XP_ERR_VALUE (unknown
 * string), XP_ERR_TYPE (unknown dtype). */
XP_API xp_status xp_isdtype_str(xp_dtype dt, const char *kind, bool *out);
/** Parses a kind string into its flags (0 for an unknown string). */
XP_API xp_kind xp_kind_from_name(const char *kind);

/** `can_cast(from, to)`: true when `from` promotes to `to` by the promotion
 * lattice (safe casting). False for unknown dtypes. */
XP_API bool xp_can_cast(xp_dtype from, xp_dtype to);

/** `result_type` of two dtypes over the standard's lattice; XP_DTYPE_DEFAULT when
 * the standard leaves the pair undefined (mixed kinds, uint64 with signed). */
XP_API xp_dtype xp_promote_types(xp_dtype a, xp_dtype b);

/** `result_type(*arrays_and_dtypes)`: `n_arrays` arrays (weak scalars allowed) and
 * `n_dtypes` dtypes. Writes the result to `*out`. Errors: XP_ERR_TYPE (mixed
 * kinds, or no array/dtype given — weak scalars alone), XP_ERR_VALUE (NULL).
 * An error array among the arrays returns its status. */
XP_API xp_status xp_result_type(int n_arrays, const xp_array *const *arrays, int n_dtypes,
                                const xp_dtype *dtypes, xp_dtype *out);

/** Options of xp_astype. `copy`: XP_COPY_DEFAULT/TRUE always copies; FALSE
 * returns a new reference to `x` when the dtype (and device) already match.
 * `device`: XP_DEVICE_DEFAULT keeps x's device. */
typedef struct xp_astype_opts {
    xp_copy copy; /**< XP_COPY_DEFAULT: copy (astype's default is True) */
    xp_device device; /**< XP_DEVICE_DEFAULT: x's device */
} xp_astype_opts;

/** `astype(x, dtype)`: casts ignoring promotion rules. Conversions follow C, made
 * total: to bool is `!= 0` (complex: either component); float to integer truncates
 * toward zero, and NaN, ±inf or values outside int64 give INT64_MIN before
 * wrapping to the target width (NumPy's x86 answer); integer narrowing wraps.
 * Complex to real is refused (XP_ERR_TYPE), as the standard advises. Errors:
 * XP_ERR_TYPE (unknown dtype, complex→real), XP_ERR_DEVICE (unknown device). */
XP_API xp_array *xp_astype(const xp_array *x, xp_dtype dtype, const xp_astype_opts *opts);

#define XP_NS_DATA_TYPES(M)                                                                \
    M(dtype_name) M(dtype_from_name) M(dtype_size) M(dtype_kind) M(finfo) M(iinfo) M(isdtype) \
    M(isdtype_str) M(kind_from_name) M(can_cast) M(promote_types) M(result_type) M(astype)

XP_END_DECLS

#endif
