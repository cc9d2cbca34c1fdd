/** @file
 * xparray — fundamental types shared by every public header.
 *
 * The array object is opaque (see array.h); the types here are plain values:
 * statuses, dtypes, devices, the copy keyword and axis tuples. */
#ifndef XPARRAY_TYPES_H
#define XPARRAY_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(XPARRAY_BUILDING)
#define XP_API __attribute__((visibility("default")))
#else
#define XP_API
#endif

#ifdef __cplusplus
#define XP_BEGIN_DECLS extern "C" {
#define XP_END_DECLS }
#else
#define XP_BEGIN_DECLS
#define XP_END_DECLS
#endif

XP_BEGIN_DECLS

/** The standard's version this library implements (`__array_api_version__`). */
#define XP_ARRAY_API_VERSION "2025.12"

/** Largest number of dimensions an array may have (`capabilities()["max dimensions"]`). */
#define XP_MAX_NDIM 64

/** The opaque, reference-counted array. Every function returning one hands the
 * caller a new reference; inputs are borrowed. */
typedef struct xp_array xp_array;

/** Outcome of an operation. Error arrays carry one; mutators and metadata queries
 * return one. Each mirrors an exception class of the standard. */
typedef enum xp_status {
    XP_OK = 0,
    XP_ERR_VALUE,           /**< ValueError: bad value, shape mismatch, copy=False impossible */
    XP_ERR_TYPE,            /**< TypeError: dtype not accepted, mixed kinds, NULL argument */
    XP_ERR_INDEX,           /**< IndexError: out-of-range index, bad axis, bad key */
    XP_ERR_NOT_IMPLEMENTED, /**< no adapter of this backend provides the operation */
    XP_ERR_NOMEM,           /**< an allocation failed (the static out-of-memory error) */
    XP_ERR_DEVICE,          /**< arrays on different devices, or an unsupported device */
    XP_ERR_BACKEND,         /**< a wrapped library failed; its own code is in the message */
    XP_ERR_BUFFER,          /**< BufferError: DLPack export/import impossible */
    XP_ERR_OVERFLOW,        /**< a size or byte count overflows int64 / size_t */
    XP_ERR_IO               /**< a file could not be read or written */
} xp_status;

/** Name of a status ("XP_ERR_VALUE", ...), never NULL. */
XP_API const char *xp_status_name(xp_status s);

/** The 13 standard dtypes, as an X-macro: X(ENUM, name, kind, bits). */
#define XP_DTYPES(X)                                   \
    X(BOOL, bool, XP_KIND_BOOL, 8)                     \
    X(INT8, int8, XP_KIND_SIGNED, 8)                   \
    X(INT16, int16, XP_KIND_SIGNED, 16)                \
    X(INT32, int32, XP_KIND_SIGNED, 32)                \
    X(INT64, int64, XP_KIND_SIGNED, 64)                \
    X(UINT8, uint8, XP_KIND_UNSIGNED, 8)               \
    X(UINT16, uint16, XP_KIND_UNSIGNED, 16)            \
    X(UINT32, uint32, XP_KIND_UNSIGNED, 32)            \
    X(UINT64, uint64, XP_KIND_UNSIGNED, 64)            \
    X(FLOAT32, float32, XP_KIND_REAL_FLOATING, 32)     \
    X(FLOAT64, float64, XP_KIND_REAL_FLOATING, 64)     \
    X(COMPLEX64, complex64, XP_KIND_COMPLEX_FLOATING, 64) \
    X(COMPLEX128, complex128, XP_KIND_COMPLEX_FLOATING, 128)

/** A data type. `XP_DTYPE_DEFAULT` (0) in an options struct means "the standard's
 * default for this function". Bool elements are one byte holding 0 or 1 (C `bool`);
 * complex elements are two IEEE components, real first (C `double _Complex`,
 * C++ `std::complex<double>`). */
typedef enum xp_dtype {
    XP_DTYPE_DEFAULT = 0,
#define XP__DT_ENUM(E, n, k, b) XP_##E,
    XP_DTYPES(XP__DT_ENUM)
#undef XP__DT_ENUM
    XP_DTYPE_COUNT
} xp_dtype;

/** Kinds, as bit flags, so a tuple of kinds is their bitwise or. */
typedef enum xp_kind {
    XP_KIND_BOOL = 1 << 0,
    XP_KIND_SIGNED = 1 << 1,
    XP_KIND_UNSIGNED = 1 << 2,
    XP_KIND_REAL_FLOATING = 1 << 3,
    XP_KIND_COMPLEX_FLOATING = 1 << 4,
    XP_KIND_INTEGRAL = XP_KIND_SIGNED | XP_KIND_UNSIGNED,
    XP_KIND_FLOATING = XP_KIND_REAL_FLOATING | XP_KIND_COMPLEX_FLOATING,
    XP_KIND_NUMERIC = XP_KIND_INTEGRAL | XP_KIND_FLOATING
} xp_kind;

/** A device: a value comparable with `==`. The high 32 bits are the DLPack device
 * type (kDLCPU = 1, kDLCUDA = 2, ...), the low 32 bits the device id.
 * `XP_DEVICE_DEFAULT` (0) in an options struct means "no explicit device". */
typedef int64_t xp_device;
/** The device of DLPack device type `type` and id `id`. */
#define XP_DEVICE(type, id) ((xp_device)(((uint64_t)(uint32_t)(type) << 32) | (uint32_t)(id)))
/** "No explicit device" (the input's device, or the default device). */
#define XP_DEVICE_DEFAULT ((xp_device)0)
/** The host ("cpu"), DLPack kDLCPU device 0. */
#define XP_DEVICE_CPU XP_DEVICE(1, 0)
/** A second host device of the CPU flavors ("cpu:1"), like array-api-strict's
 * test devices: host memory, but arrays on it do not mix with "cpu" arrays. */
#define XP_DEVICE_CPU1 XP_DEVICE(1, 1)
/** DLPack device type of a device value. */
#define XP_DEVICE_TYPE(d) ((int32_t)((uint64_t)(d) >> 32))
/** Device id of a device value. */
#define XP_DEVICE_ID(d) ((int32_t)(uint32_t)((uint64_t)(d)&0xffffffffu))

/* Options structs: a zero-initialised struct (or NULL) is every keyword's default.
 * Where the standard gives a numeric keyword's zero a meaning of its own (diff's
 * n = 0, fftfreq's d = 0.0, tensordot's axes = 0; fft's n = 0 and vecdot/cross's
 * axis = 0, both errors), the struct carries a flag
 * `has_<name>`: the field is read when it is nonzero or when the flag is set, so a
 * meaningful zero is `.n = 0, .has_n = true` and a nonzero value needs no flag. */

/** The `copy` keyword: zero is the function's documented default (None for
 * asarray/reshape/from_dlpack, True for astype). Any other value is refused
 * (XP_ERR_VALUE naming 'copy'). */
typedef enum xp_copy {
    XP_COPY_DEFAULT = 0, /**< the function's default */
    XP_COPY_TRUE = 1,    /**< always copy */
    XP_COPY_FALSE = 2,   /**< never copy: XP_ERR_VALUE when a copy is needed */
    XP_COPY_NONE = 3 /**< explicit None: copy only when needed */
} xp_copy;

/** An `axis` argument: None, one int or a tuple of ints. Zero-initialised means
 * None. `XP_AXES(0, -1)` builds a tuple; `XP_AXES_EMPTY` is the empty tuple `()`. */
typedef struct xp_axes {
    int32_t n;      /**< number of axes in `v` */
    bool tuple;     /**< true when given (int or tuple); false with n == 0 means None */
    int64_t v[XP_MAX_NDIM]; /**< the axes (negative counts from the end) */
} xp_axes;
/** A tuple of axes: `XP_AXES(0, -1)` is `axis=(0, -1)`, `XP_AXES(1)` is `axis=1`. */
#define XP_AXES(...) \
    { (int32_t)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), true, { __VA_ARGS__ } }
/** The empty tuple of axes, `axis=()`. */
#define XP_AXES_EMPTY { 0, true, { 0 } }
/** One axis: `XP_AXIS(-1)` (the same as `XP_AXES(-1)`). */
#define XP_AXIS(i) XP_AXES(i)
/** `axis=None` spelled out (the same as leaving the field zero). */
#define XP_AXIS_NONE { 0, false, { 0 } }
/* Every options struct with an axis keyword has one xp_axes field reachable as
 * both `.axis` and `.axes`, so `{ .axis = XP_AXIS(0) }` and
 * `{ .axes = XP_AXES(0, 1) }` work everywhere; zero is None (or the function's
 * documented default axis). Scalar `int64_t axis` arguments (concat, stack,
 * take_along_axis, vecdot, cross) have a fixed default instead of None. */

/** Shape arguments are `(int ndim, const int64_t *shape)` pairs; in C,
 * `XP_SHAPE(3, 4)` expands to both: `xp_zeros(XP_SHAPE(3, 4), NULL)`. */
#define XP_SHAPE(...) \
    (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), (const int64_t[]){__VA_ARGS__}

XP_END_DECLS

#endif
