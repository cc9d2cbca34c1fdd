/** @file
 * xparray — the fft extension (`xp.fft`): discrete Fourier transforms.
 *
 * Every transform returns a new array (inputs borrowed, never modified) or an
 * error array. Dtype rules are the standard's strict ones (2023.12+):
 *   fft, ifft, fftn, ifftn    complex in, same dtype out;
 *   rfft, rfftn, ihfft        real floating in, complex of matching precision out;
 *   irfft, irfftn, hfft       complex in, real floating of matching precision out.
 * Any other input dtype is XP_ERR_TYPE (no implicit promotion of real input to
 * fft, nor of integers to anything).
 *
 * Common errors: XP_ERR_TYPE (NULL or wrong-dtype input), XP_ERR_INDEX (an axis
 * out of range), XP_ERR_VALUE (a repeated axis, a transform length < 1, `s`
 * without `axes` of the same length, a norm outside the enum, more than one axis
 * given to a 1-D transform), XP_ERR_NOT_IMPLEMENTED (no adapter of this flavor
 * transforms that dtype), XP_ERR_NOMEM.
 *
 * Planning (FFTW flavors): plans are made on first use of a (kind, dtype, shape,
 * strides, alignment) and cached, so repeated transforms of one shape do not
 * re-plan. The default planner effort is FFTW_ESTIMATE (milliseconds at most);
 * xp_fft_set_planner opts into measured plans and the wisdom functions let a
 * program plan once and reuse the result. Note: FFTW aborts the process when it
 * runs out of memory inside its planner; xparray cannot intercept that. */
#ifndef XPARRAY_FFT_H
#define XPARRAY_FFT_H

#include "types.h"

XP_BEGIN_DECLS

/** The `norm` keyword. The zero value is the standard's default, "backward".
 * Scale factors for a transform of N points (N = prod(s) for n-D transforms):
 * backward: forward 1, inverse 1/N; ortho: both 1/sqrt(N); forward: forward
 * 1/N, inverse 1. Any other value is XP_ERR_VALUE. */
typedef enum xp_fft_norm {
    XP_FFT_NORM_BACKWARD = 0,
    XP_FFT_NORM_ORTHO = 1,
    XP_FFT_NORM_FORWARD = 2
} xp_fft_norm;

/** Parses "backward", "ortho" or "forward" (NULL = "backward") into `*out`.
 * Returns XP_OK, or XP_ERR_VALUE for any other string (out unchanged). */
XP_API xp_status xp_fft_norm_from_name(const char *name, xp_fft_norm *out);

/** Options of the 1-D transforms (fft, ifft, rfft, irfft, hfft, ihfft).
 * Zero-initialised (or NULL) means n=None, axis=-1, norm="backward". */
typedef struct xp_fft_opts {
    /** Transform length; unset = None (the default for that function: the input
     * length, or 2*(M-1) output points for irfft/hfft). Read when nonzero or when
     * `has_n` is set; a given n below 1 (0 included) is an XP_ERR_VALUE. */
    int64_t n;
    /** The axis as a one-element xp_axes (`XP_AXES(0)`); unset = -1. */
    /** `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    xp_fft_norm norm; /**< normalisation; XP_FFT_NORM_BACKWARD (0) is the default */
    bool has_n; /**< `n` is given even when 0 (then refused, as the standard's n >= 1) */
} xp_fft_opts;

/** Options of the n-D transforms (fftn, ifftn, rfftn, irfftn).
 * Zero-initialised (or NULL) means s=None, axes=None (all axes), norm="backward". */
typedef struct xp_fftn_opts {
    /** Transform lengths, one per axis of `axes` (`XP_AXES(8, -1)`: -1 keeps
     * that axis's size); unset = None (the input sizes). A given `s` requires
     * `axes` of the same length (XP_ERR_VALUE otherwise). */
    xp_axes s;
    /** Axes to transform, any subset in any order, negative allowed; unset =
     * all axes; the empty tuple transforms nothing (a copy is returned). */
    /** `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
    xp_fft_norm norm; /**< normalisation; XP_FFT_NORM_BACKWARD (0) is the default */
} xp_fftn_opts;

/** Options of fftfreq / rfftfreq. */
typedef struct xp_fftfreq_opts {
    /** Sample spacing; default 1.0. Read when nonzero or when `has_d` is set, so
     * `.d = 0.0, .has_d = true` divides by zero as the standard says (inf/NaN). */
    double d;
    xp_dtype dtype;   /**< a real floating dtype; default float64 (else XP_ERR_TYPE) */
    xp_device device; /**< default CPU */
    bool has_d;       /**< `d` is given even when 0 */
} xp_fftfreq_opts;

/** Options of fftshift / ifftshift: `axes` unset = all axes. */
typedef struct xp_fftshift_opts {
    /** Axes to shift; unset = all axes; `.axis` and `.axes` name the same field. */
    union { xp_axes axis; xp_axes axes; };
} xp_fftshift_opts;

/** `fft(x, n, axis, norm)`: 1-D forward DFT of a complex array. */
XP_API xp_array *xp_fft_fft(const xp_array *x, const xp_fft_opts *opts);
/** `ifft(x, n, axis, norm)`: 1-D inverse DFT of a complex array. */
XP_API xp_array *xp_fft_ifft(const xp_array *x, const xp_fft_opts *opts);
/** `fftn(x, s, axes, norm)`: n-D forward DFT of a complex array. */
XP_API xp_array *xp_fft_fftn(const xp_array *x, const xp_fftn_opts *opts);
/** `ifftn(x, s, axes, norm)`: n-D inverse DFT of a complex array. */
XP_API xp_array *xp_fft_ifftn(const xp_array *x, const xp_fftn_opts *opts);
/** `rfft(x, n, axis, norm)`: forward DFT of a real array; the axis becomes n//2+1
 * long (non-negative frequencies). */
XP_API xp_array *xp_fft_rfft(const xp_array *x, const xp_fft_opts *opts);
/** `irfft(x, n, axis, norm)`: inverse of rfft; `n` is the output length (default
 * 2*(M-1)); the input is trimmed or zero-padded to n//2+1. The imaginary parts of
 * the zero (and, for even n, Nyquist) bins are ignored. */
XP_API xp_array *xp_fft_irfft(const xp_array *x, const xp_fft_opts *opts);
/** `rfftn(x, s, axes, norm)`: n-D forward DFT of a real array; the last
 * transformed axis becomes s[-1]//2+1 long. */
XP_API xp_array *xp_fft_rfftn(const xp_array *x, const xp_fftn_opts *opts);
/** `irfftn(x, s, axes, norm)`: inverse of rfftn; the last axis's output length
 * defaults to 2*(M-1). Computed as ifftn over the other axes, then irfft. */
XP_API xp_array *xp_fft_irfftn(const xp_array *x, const xp_fftn_opts *opts);
/** `hfft(x, n, axis, norm)`: the real spectrum of a Hermitian-symmetric signal
 * given by its first half (complex in, `n` real points out, default 2*(M-1)). */
XP_API xp_array *xp_fft_hfft(const xp_array *x, const xp_fft_opts *opts);
/** `ihfft(x, n, axis, norm)`: inverse of hfft (real in, n//2+1 complex out). */
XP_API xp_array *xp_fft_ihfft(const xp_array *x, const xp_fft_opts *opts);
/** `fftfreq(n, d, dtype, device)`: the n sample frequencies [0, 1, ..., -1]/(d*n).
 * Errors: XP_ERR_VALUE (n < 1), XP_ERR_TYPE (a non-real-floating dtype). */
XP_API xp_array *xp_fft_fftfreq(int64_t n, const xp_fftfreq_opts *opts);
/** `rfftfreq(n, d, dtype, device)`: the n//2+1 frequencies [0, 1, ..., n//2]/(d*n)
 * (the Nyquist bin is positive). Errors as xp_fft_fftfreq. */
XP_API xp_array *xp_fft_rfftfreq(int64_t n, const xp_fftfreq_opts *opts);
/** `fftshift(x, axes)`: rolls the zero frequency to the centre (any dtype). */
XP_API xp_array *xp_fft_fftshift(const xp_array *x, const xp_fftshift_opts *opts);
/** `ifftshift(x, axes)`: the inverse of fftshift (differs for odd lengths). */
XP_API xp_array *xp_fft_ifftshift(const xp_array *x, const xp_fftshift_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_FFT(M) \
    M(fft) M(ifft) M(fftn) M(ifftn) M(rfft) M(irfft) M(rfftn) M(irfftn) M(hfft) M(ihfft) \
    M(fftfreq) M(rfftfreq) M(fftshift) M(ifftshift)
/** Members of the nested `fft` table (function xp_fft_NAME is member NAME). */

/* ---- planning and wisdom (not part of the standard) ------------------------ */

/** Planner effort for plans made from now on (cached plans are kept; a new
 * effort makes new plans). The zero value is ESTIMATE, the default. */
typedef enum xp_fft_planner {
    XP_FFT_PLANNER_ESTIMATE = 0,  /**< heuristic plans, no measuring (FFTW_ESTIMATE) */
    XP_FFT_PLANNER_MEASURE = 1,   /**< FFTW_MEASURE: can take seconds per new shape */
    XP_FFT_PLANNER_PATIENT = 2,   /**< FFTW_PATIENT */
    XP_FFT_PLANNER_EXHAUSTIVE = 3 /**< FFTW_EXHAUSTIVE */
} xp_fft_planner;

/** Sets the planner effort and a time limit per plan in seconds (<= 0: none).
 * Thread-safe. Errors: XP_ERR_VALUE (unknown effort), XP_ERR_NOT_IMPLEMENTED (no
 * adapter of this flavor plans). */
XP_API xp_status xp_fft_set_planner(xp_fft_planner effort, double time_limit);

/** Exports the accumulated planner wisdom (double and single precision) as a
 * NUL-terminated string into `buf` of `cap` bytes; `*len` (if not NULL) gets the
 * length the string needs, without the NUL. Returns XP_ERR_VALUE when `cap` is
 * too small (call with buf NULL, cap 0 to learn the length), XP_ERR_NOT_IMPLEMENTED
 * when no adapter keeps wisdom. */
XP_API xp_status xp_fft_export_wisdom(char *buf, size_t cap, size_t *len);
/** Imports wisdom made by xp_fft_export_wisdom (or FFTW's own exporters).
 * Errors: XP_ERR_VALUE (malformed text), XP_ERR_TYPE (NULL), XP_ERR_NOT_IMPLEMENTED. */
XP_API xp_status xp_fft_import_wisdom(const char *wisdom);
/** Writes the wisdom to a file. Errors: XP_ERR_IO, XP_ERR_NOT_IMPLEMENTED. */
XP_API xp_status xp_fft_export_wisdom_file(const char *path);
/** Reads wisdom from a file. Errors: XP_ERR_IO (unreadable), XP_ERR_VALUE
 * (malformed), XP_ERR_NOT_IMPLEMENTED. */
XP_API xp_status xp_fft_import_wisdom_file(const char *path);

XP_END_DECLS

#endif
