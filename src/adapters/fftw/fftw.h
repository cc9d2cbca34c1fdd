/* The fftw adapter (FFTW 3, double and single precision). */
#ifndef XP_ADAPTER_FFTW_H
#define XP_ADAPTER_FFTW_H

#include <xparray.h>

extern const xp_adapter xp_adapter_fftw;

#endif
