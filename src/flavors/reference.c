/* Flavor "reference": libc and libm only. */
#include "../namespace/core.h"
#include "../adapters/libm/libm.h"
#include "../adapters/reference/reference.h"

const char xp__flavor_name[] = "reference";
const xp_adapter *const xp__flavor_adapters[] = {&xp_adapter_libm, &xp_adapter_reference, NULL};
