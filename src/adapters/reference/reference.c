/* The portable reference adapter: the project's own kernels, last in every stack. */
#include "reference.h"

const xp_adapter xp_adapter_reference = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "reference",
    .library = "xparray (portable C)",
    .reduce = XP__REFERENCE_REDUCE,
};
