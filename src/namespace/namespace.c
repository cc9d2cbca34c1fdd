/* The eager table (the bodies of every function of the standard, on host memory),
 * and array_namespace. Inside the core, xp_add names the body xp__eager_add
 * (eager_names.h); the public xp_add is in dispatch.c. */
#include "core.h"

#define INIT(name) .name = xp_##name,
#define INIT_LINALG(name) .name = xp_linalg_##name,
#define INIT_FFT(name) .name = xp_fft_##name,

const xp_namespace xp__eager = {
    .abi_version = XP_NAMESPACE_ABI_VERSION,
    .size = sizeof(xp_namespace),
    .flavor = xp__flavor_name,
    .api_version = XP_ARRAY_API_VERSION,
    XP_NS_DATA_TYPES(INIT) XP_NS_CREATION(INIT) XP_NS_INFO(INIT) XP_NS_ELEMENTWISE(INIT)
    XP_NS_INDEXING(INIT) XP_NS_MANIPULATION(INIT) XP_NS_SEARCHING(INIT) XP_NS_SETS(INIT)
    XP_NS_SORTING(INIT) XP_NS_STATISTICAL(INIT) XP_NS_UTILITY(INIT)
    XP_NS_LINEAR_ALGEBRA(INIT) XP_NS_DLPACK(INIT) XP_NS_NPY(INIT)
    .linalg = {XP_NS_LINALG(INIT_LINALG) .xp__end = 0},
    .fft = {XP_NS_FFT(INIT_FFT) .xp__end = 0},
};

XP_API const xp_namespace *xp_namespace_default(void) { return &xp__eager; }

XP_API xp_status xp_array_namespace_n(int n, const xp_array *const *arrays,
                                      const xp_namespace **out) {
    if (!out) return XP_ERR_VALUE;
    *out = &xp__eager;
    if (n < 1 || !arrays) return XP_ERR_VALUE;
    const xp_array *first = NULL;
    for (int i = 0; i < n; i++) {
        const xp_array *x = arrays[i];
        if (!x) return XP_ERR_TYPE;
        if (x->flags & XP__F_ERROR) return x->status;
        if (x->weak) continue;
        if (!first) {
            first = x;
            continue;
        }
        if (x->ns != first->ns) return XP_ERR_VALUE;
        if (x->device != first->device) return XP_ERR_DEVICE;
    }
    if (!first) return XP_ERR_VALUE;
    *out = first->ns;
    return XP_OK;
}

XP_API const xp_namespace *xp_array_namespace(const xp_array *x, ...) {
    const xp_array *arr[256];
    int n = 0;
    va_list ap;
    va_start(ap, x);
    for (const xp_array *a = x; a && n < 256; a = va_arg(ap, const xp_array *)) arr[n++] = a;
    va_end(ap);
    const xp_namespace *ns;
    return xp_array_namespace_n(n, arr, &ns) == XP_OK ? ns : NULL;
}
