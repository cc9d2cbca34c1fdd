/* The libm adapter: transcendental kernels from C99 <math.h> and <complex.h>. */
#ifndef XP_ADAPTER_LIBM_H
#define XP_ADAPTER_LIBM_H

#include <xparray.h>

extern const xp_adapter xp_adapter_libm;

#endif
