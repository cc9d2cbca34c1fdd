/* Flavor "gsl": the GNU Scientific Library's BLAS, linear algebra, eigensystems
 * and FFT, then the portable code. */
#include "../namespace/core.h"
#include "../adapters/gsl/gsl.h"
#include "../adapters/reference/reference.h"

const char xp__flavor_name[] = "gsl";
const xp_adapter *const xp__flavor_adapters[] = {
    &xp_adapter_gsl,
    &xp_adapter_reference,
    NULL,
};
