/* Flavor "gsl": the GNU Scientific Library's BLAS, linear algebra,
 * eigensystems and (for complex lines of power-of-two lengths >= 2^19, where it
 * is faster) FFT, then libm's transcendental kernels, then the portable code
 * (which serves every other FFT). */
#include "../namespace/core.h"
#include "../adapters/gsl/gsl.h"
#include "../adapters/libm/libm.h"
#include "../adapters/reference/reference.h"

const char xp__flavor_name[] = "gsl";
const xp_adapter *const xp__flavor_adapters[] = {
    &xp_adapter_gsl,
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
