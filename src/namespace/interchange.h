/* Helpers shared by the interchange code (DLPack and .npy). */
#ifndef XP_INTERCHANGE_H
#define XP_INTERCHANGE_H

#include "core.h"

/** Copies `ndim`-d data at `src` (byte strides `src_strides`, any alignment) into
 * the C-contiguous block `dst`, element by element with memcpy. */
void xp__gather_bytes(char *dst, const char *src, int ndim, const int64_t *shape,
                      const int64_t *src_strides, size_t itemsize);

/** Reverses the byte order of `n` contiguous elements of `dt` in place (each
 * component of a complex element separately). */
void xp__byteswap(char *p, int64_t n, xp_dtype dt);

/** The alignment an element of `dt` needs (its component size). */
size_t xp__dtype_align(xp_dtype dt);

/** Checks the layout of foreign memory: the bytes element [0,...,0] at `first`
 * and the byte `strides` reach must lie inside the address space (XP_ERR_OVERFLOW
 * naming `arg` otherwise). `*aligned` tells whether `first` and every used stride
 * are multiples of the element's alignment. Zero-size layouts always pass. */
xp_array *xp__check_extent(const char *fn, const char *arg, const char *first, int ndim,
                           const int64_t *shape, const int64_t *strides, int64_t size,
                           xp_dtype dt, bool *aligned);

/** The first bool byte other than 0 and 1 in the strided layout, or -1 when
 * every byte is a bool value. */
int xp__bool_invalid(const char *first, int ndim, const int64_t *shape, const int64_t *strides,
                     int64_t size);

/** Rewrites every bool byte of the strided layout to 0 or 1 (nonzero → 1). */
void xp__bool_normalize(char *first, int ndim, const int64_t *shape, const int64_t *strides,
                        int64_t size);

/** xp_array_wrap with errors naming `fn`: checks the extent, the alignment and
 * (bool) the byte values before wrapping; calls the deleter on failure. */
xp_array *xp__wrap(const char *fn, void *data, xp_dtype dtype, int ndim, const int64_t *shape,
                   const int64_t *strides, xp_deleter deleter, void *ctx, bool readonly);

/** A parsed `.npy` header. */
typedef struct xp_npy_header {
    int major, minor;        /* format version */
    size_t data_offset;      /* bytes before the data (magic + lengths + dict) */
    xp_dtype dtype;
    bool big_endian;         /* data must be byte-swapped (multi-byte dtypes only) */
    bool fortran_order;
    int ndim;
    int64_t shape[XP_MAX_NDIM];
    int64_t size;            /* element count */
    uint64_t nbytes;         /* data bytes */
} xp_npy_header;

/** Longest preamble + header xparray reads (NumPy's 10,000-byte cap on the
 * dictionary plus the 12-byte preamble of versions 2.0/3.0). */
#define XP_NPY_MAX_HEADER (12 + 10000)

/** Parses the first `len` bytes of an .npy file (the preamble and the whole
 * header dictionary; more is ignored). On failure returns an error array naming
 * `fn`; on success NULL and fills `*h` (data bytes are not checked: the caller
 * compares h->nbytes with what it has). Allocates nothing but the error. */
xp_array *xp__npy_parse_header(const char *fn, const unsigned char *buf, size_t len,
                               xp_npy_header *h);

#endif
