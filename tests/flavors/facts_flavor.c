/* Flavor "factstest", built for the test suite only (src/flavors/factstest): the
 * portable adapters, one device and no data-dependent output shapes. Its facts
 * differ from the real flavors' so a test can tell that the shared core answers
 * xp_info_* and checks `device=` arguments from the flavor's own file. */
#include "../../src/namespace/core.h"
#include "../../src/adapters/libm/libm.h"
#include "../../src/adapters/reference/reference.h"

const char xp__flavor_name[] = "factstest";
const xp_adapter *const xp__flavor_adapters[] = {&xp_adapter_libm, &xp_adapter_reference, NULL};

static const xp_device devices[] = {XP_DEVICE_CPU};
const xp__flavor_facts xp__facts = {
    .devices = devices,
    .n_devices = 1,
    .capabilities = {.boolean_indexing = true, .data_dependent_shapes = false,
                     .max_dimensions = XP_MAX_NDIM},
};
