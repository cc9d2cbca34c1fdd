/* Plans of the portable FFT (fft_plan.c): precomputed factorizations and
 * twiddles for one length, shared through a bounded, thread-safe cache.
 *
 * A complex plan of length n runs a Stockham (self-sorting) mixed-radix
 * transform: radix 4, 2, 3, 5 and 7 butterflies written out, any other odd factor
 * by a direct DFT that uses the factor's symmetric pairs; lengths whose largest
 * prime factor would make that slower run Bluestein's algorithm over a 2-3-5
 * length instead. A real plan of even length n is a complex plan of length n/2
 * plus the post-processing twiddles. Arithmetic is in double for both precisions
 * (float32 data is converted on the way in and out, as NumPy's pocketfft does). */
#ifndef XP_REFERENCE_FFT_PLAN_H
#define XP_REFERENCE_FFT_PLAN_H

#include <stdbool.h>
#include <stdint.h>

typedef struct { double re, im; } xp__cx;

typedef struct xp__fft_plan xp__fft_plan;

/** The plan of a complex transform of length n (real = false), or of a real
 * transform of even length n (real = true), from the cache or newly made; NULL
 * when memory runs out. Each acquire is matched by one xp__fft_plan_release. */
xp__fft_plan *xp__fft_plan_acquire(int64_t n, bool real);
void xp__fft_plan_release(xp__fft_plan *p);

/** Complex numbers of scratch that one execution of `p` needs. */
int64_t xp__fft_plan_scratch(const xp__fft_plan *p);

/** In place on data[0..n): the unnormalised DFT with e^(sign 2 pi i jk/n),
 * using `scratch` (xp__fft_plan_scratch(p) numbers). Complex plans only. */
void xp__fft_exec_c(const xp__fft_plan *p, xp__cx *data, xp__cx *scratch, int sign);

/** Real plans: forward. `data` holds the n reals packed as n/2 complex numbers
 * (x[2j] + i x[2j+1]) and has room for n/2 + 1; on return it holds the n/2 + 1
 * nonnegative-frequency coefficients. */
void xp__fft_exec_r2c(const xp__fft_plan *p, xp__cx *data, xp__cx *scratch);

/** Real plans: backward. `data` holds the n/2 + 1 coefficients (imaginary parts
 * of the first and last ignored); on return data[0..n/2) holds the n real
 * outputs packed as above (unnormalised: n times the inverse). */
void xp__fft_exec_c2r(const xp__fft_plan *p, xp__cx *data, xp__cx *scratch);

#endif
