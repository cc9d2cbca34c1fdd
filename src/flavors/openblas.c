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
