/* Inspection: __array_namespace_info__, answered from the facts the flavor's own
 * file states (xp__facts, xp__flavor_name in src/flavors/<flavor>.c). */
#include "core.h"

XP_API xp_status xp_info_capabilities(xp_capabilities *out) {
    if (!out) return XP_ERR_VALUE;
    *out = xp__facts.capabilities;
    return XP_OK;
}

XP_API xp_device xp_info_default_device(void) { return xp__default_device(); }

static bool known(xp_device d) { return d == XP_DEVICE_DEFAULT || xp__device_known(d); }

XP_API xp_status xp_info_default_dtypes(xp_device device, xp_default_dtypes *out) {
    if (!out) return XP_ERR_VALUE;
    if (!known(device)) return XP_ERR_DEVICE;
    *out = (xp_default_dtypes){XP_FLOAT64, XP_COMPLEX128, XP_INT64, XP_INT64};
    return XP_OK;
}

XP_API xp_status xp_info_devices(xp_device *out, int cap, int *n) {
    if (!n || cap < 0 || (cap > 0 && !out)) return XP_ERR_VALUE;
    *n = xp__facts.n_devices;
    for (int i = 0; i < cap && i < xp__facts.n_devices; i++) out[i] = xp__facts.devices[i];
    return XP_OK;
}

XP_API xp_status xp_info_dtypes(xp_device device, xp_kind kind, xp_dtype *out, int *n) {
    if (!out || !n) return XP_ERR_VALUE;
    if (!known(device)) return XP_ERR_DEVICE;
    if (kind & ~(xp_kind)XP_KIND_NUMERIC & ~(xp_kind)XP_KIND_BOOL) return XP_ERR_VALUE;
    int k = 0;
    for (int d = 1; d < XP_DTYPE_COUNT; d++)
        if (!kind || xp_isdtype((xp_dtype)d, kind)) out[k++] = (xp_dtype)d;
    *n = k;
    return XP_OK;
}

XP_API const char *xp_info_flavor(void) { return xp__flavor_name; }
