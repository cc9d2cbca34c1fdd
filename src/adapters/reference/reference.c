/* The portable reference adapter: the project's own kernels, last in every stack. */
#include "reference.h"

static const char *routine(const char *function) {
    (void)function;
    return NULL; /* everything is the adapter's own code */
}

const xp_adapter xp_adapter_reference = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "reference",
    .library = "xparray (portable C)",
    .routine = routine,
    .linalg = {
        .gemm = xp__ref_gemm,
        .getrf = xp__ref_getrf,
        .getrs = xp__ref_getrs,
        .getri = xp__ref_getri,
        .potrf = xp__ref_potrf,
        .geqrf = xp__ref_geqrf,
        .orgqr = xp__ref_orgqr,
    },
    .fft = {.execute = xp__reference_fft_execute},
};
