/* Flavor "openblas": CBLAS from OpenBLAS, LAPACKE, FFTW, then the portable code. */
#include "../namespace/core.h"
#include "../adapters/libm/libm.h"
#include "../adapters/reference/reference.h"

#ifdef XP_HAVE_CBLAS
extern const xp_adapter xp_adapter_cblas;
#endif
#ifdef XP_HAVE_LAPACKE
extern const xp_adapter xp_adapter_lapacke;
#endif
#ifdef XP_HAVE_FFTW
extern const xp_adapter xp_adapter_fftw;
#endif
#ifdef XP_HAVE_SLEEF
#include "../adapters/sleef/sleef_ops.h"
#endif

const char xp__flavor_name[] = "openblas";
const xp_adapter *const xp__flavor_adapters[] = {
#ifdef XP_HAVE_CBLAS
    &xp_adapter_cblas,
#endif
#ifdef XP_HAVE_LAPACKE
    &xp_adapter_lapacke,
#endif
#ifdef XP_HAVE_FFTW
    &xp_adapter_fftw,
#endif
#ifdef XP_HAVE_SLEEF
    &xp_adapter_sleef,
#endif
    &xp_adapter_libm,
    &xp_adapter_reference,
    NULL,
};

/* Host memory: the CPU (the default device) and a second host device, CPU1, for
 * code that tests its device handling (as array-api-strict has). Eager: every
 * output shape is known, data-dependent ones included. */
static const xp_device devices[] = {XP_DEVICE_CPU, XP_DEVICE_CPU1};
const xp__flavor_facts xp__facts = {
    .devices = devices,
    .n_devices = 2,
    .capabilities = {.boolean_indexing = true, .data_dependent_shapes = true,
                     .max_dimensions = XP_MAX_NDIM},
};
