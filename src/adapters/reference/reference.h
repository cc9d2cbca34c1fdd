/* The portable reference adapter. */
#ifndef XP_ADAPTER_REFERENCE_H
#define XP_ADAPTER_REFERENCE_H

#include <xparray.h>

extern const xp_adapter xp_adapter_reference;

/** The portable FFT slot (fft.c): any length, O(n log n). */
xp_status xp__reference_fft_execute(const xp_fft_problem *p);

#endif
