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
