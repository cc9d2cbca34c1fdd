/** @file
 * xparray — inspection (spec: `__array_namespace_info__`). */
#ifndef XPARRAY_INFO_H
#define XPARRAY_INFO_H

#include "types.h"

XP_BEGIN_DECLS

/** `capabilities()`: the three keys of the standard. */
typedef struct xp_capabilities {
    bool boolean_indexing; /**< true: boolean array indexing is supported */
    bool data_dependent_shapes; /**< true: functions with data-dependent output shapes are supported */
    int max_dimensions; /**< 64 */
} xp_capabilities;

/** `default_dtypes()` result. */
typedef struct xp_default_dtypes {
    xp_dtype real_floating;    /**< float64 */
    xp_dtype complex_floating; /**< complex128 */
    xp_dtype integral;         /**< int64 */
    xp_dtype indexing;         /**< int64 */
} xp_default_dtypes;

/** Writes this backend's capabilities. Errors: XP_ERR_VALUE (NULL out). */
XP_API xp_status xp_info_capabilities(xp_capabilities *out);
/** `default_device()`: the CPU for the eager host flavors. */
XP_API xp_device xp_info_default_device(void);
/** `default_dtypes(device=)`: XP_DEVICE_DEFAULT means the default device.
 * Errors: XP_ERR_DEVICE (unknown device), XP_ERR_VALUE (NULL out). */
XP_API xp_status xp_info_default_dtypes(xp_device device, xp_default_dtypes *out);
/** `devices()`: writes up to `cap` devices to `out` and their number to `*n`
 * (`out` may be NULL with cap 0 to count). Errors: XP_ERR_VALUE (NULL n). */
XP_API xp_status xp_info_devices(xp_device *out, int cap, int *n);
/** `dtypes(device=, kind=)`: dtypes of the given kinds (0: all) in the standard's
 * order, written to `out` (room for XP_DTYPE_COUNT), their number to `*n`.
 * Errors: XP_ERR_DEVICE, XP_ERR_VALUE (NULL out or n). */
XP_API xp_status xp_info_dtypes(xp_device device, xp_kind kind, xp_dtype *out, int *n);
/** Name of this library's flavor ("reference", "openblas", "gsl", ...). */
XP_API const char *xp_info_flavor(void);

#define XP_NS_INFO(M)                                                                    \
    M(info_capabilities) M(info_default_device) M(info_default_dtypes) M(info_devices) \
    M(info_dtypes) M(info_flavor)

XP_END_DECLS

#endif
