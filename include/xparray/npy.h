/** @file
 * xparray — NumPy `.npy` files (NEP 1): load, save, memory-map.
 *
 * Not part of the standard: this is how a NumPy user hands data to C in a file
 * (`numpy.save` / `numpy.load`). Format versions 1.0, 2.0 and 3.0; the 13
 * standard dtypes ('|b1', '|i1'/'<i1', ... '<c16'), both byte orders ('>' data
 * is byte-swapped on load), C and Fortran order, 0-D and zero-size arrays.
 * Fortran-order files load as Fortran-strided arrays (no copy), as in NumPy.
 *
 * Untrusted input is checked before anything is allocated from its sizes:
 *   XP_ERR_VALUE    not an .npy file, unknown version, header over 10,000 bytes,
 *                   malformed header dictionary, negative extent, or a file or
 *                   buffer shorter than its header says (truncated);
 *   XP_ERR_TYPE     a dtype xparray does not have: object arrays (pickles, never
 *                   loaded), structured/record dtypes, strings, float16, ...;
 *   XP_ERR_OVERFLOW a shape whose element or byte count overflows;
 *   XP_ERR_IO       the file cannot be opened, read, written or mapped (the
 *                   message carries strerror);
 *   XP_ERR_NOMEM. */
#ifndef XPARRAY_NPY_H
#define XPARRAY_NPY_H

#include "types.h"

XP_BEGIN_DECLS

/** How xp_load maps the file (NumPy's `mmap_mode`). */
typedef enum xp_mmap_mode {
    XP_MMAP_NONE = 0,  /**< read the data into memory (default) */
    XP_MMAP_READ,      /**< 'r': map read-only; the array is read-only */
    XP_MMAP_COPY,      /**< 'c': copy-on-write; writes stay in memory, never reach the file */
    XP_MMAP_READWRITE  /**< 'r+': shared map; writes go to the file */
} xp_mmap_mode;

/** Options of xp_load. */
typedef struct xp_load_opts {
    xp_mmap_mode mmap_mode; /**< XP_MMAP_NONE (0, default): read into memory */
} xp_load_opts;

/** `.npy` format versions for xp_save. */
typedef enum xp_npy_version {
    XP_NPY_VERSION_AUTO = 0, /**< 1.0 when the header fits, else 2.0 (as NumPy) */
    XP_NPY_VERSION_1_0,
    XP_NPY_VERSION_2_0,
    XP_NPY_VERSION_3_0
} xp_npy_version;

/** Options of xp_save / xp_save_buffer. */
typedef struct xp_save_opts {
    xp_npy_version version; /**< the format version; XP_NPY_VERSION_AUTO (0) by default */
} xp_save_opts;

/** `numpy.load(path, mmap_mode=...)` for an `.npy` file: a new array (CPU).
 * With a memory map the file need not fit in memory; the mapping lives until the
 * last view of the array is released. A memory-mapped big-endian file is
 * swapped into private pages (read-only again for XP_MMAP_READ); XP_MMAP_READWRITE
 * refuses it (XP_ERR_VALUE), and any map refuses data whose offset is not a
 * multiple of the element alignment. Bool bytes other than 0/1 (NumPy writes only
 * 0/1, other tools may not) load as true (1): in memory, and in private pages for
 * XP_MMAP_READ and XP_MMAP_COPY (the file is never written); XP_MMAP_READWRITE
 * refuses such a file (XP_ERR_VALUE). Errors: see the header comment; XP_ERR_TYPE
 * (NULL path), XP_ERR_VALUE (bad mmap_mode). */
XP_API xp_array *xp_load(const char *path, const xp_load_opts *opts);

/** xp_load from `nbytes` bytes of an `.npy` file in memory (the data is copied;
 * `opts` must not ask for a memory map). Errors as xp_load. */
XP_API xp_array *xp_load_buffer(const void *data, size_t nbytes, const xp_load_opts *opts);

/** `numpy.save(path, x)`: writes `x` (any strides; a Fortran-contiguous array is
 * written in Fortran order, anything else in C order) in the native byte order.
 * The file is created or truncated. Errors: XP_ERR_TYPE (NULL argument), the
 * status of an error array, XP_ERR_VALUE (bad version, or a header too long for
 * 1.0), XP_ERR_IO, XP_ERR_NOMEM. Returns XP_OK on success. */
XP_API xp_status xp_save(const char *path, const xp_array *x, const xp_save_opts *opts);

/** The bytes xp_save would write, as a new 1-D uint8 array (or an error array). */
XP_API xp_array *xp_save_buffer(const xp_array *x, const xp_save_opts *opts);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_NPY(M) M(load) M(load_buffer) M(save) M(save_buffer)

XP_END_DECLS

#endif
