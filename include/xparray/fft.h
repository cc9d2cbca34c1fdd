/* xparray — fft (spec section). Filled in by the issue that owns it. */
#ifndef XPARRAY_FFT_H
#define XPARRAY_FFT_H

#include "types.h"

XP_BEGIN_DECLS

/** Function-table members of this section (see namespace.h). */
#define XP_NS_FFT(M)
/** Members of the nested `fft` table (function xp_fft_NAME is member NAME). */

XP_END_DECLS

#endif
