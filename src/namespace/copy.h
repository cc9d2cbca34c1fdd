/* Same-dtype strided copies (no conversion): the workhorse of views turned into
 * arrays, concat, take, masks and setitem. */
#ifndef XP_COPY_H
#define XP_COPY_H

#include "iter.h"

/** Copies an (ndim, shape) block of `itemsize`-byte elements from `src` (byte
 * strides `sstrides`) to `dst` (`dstrides`). Axes are visited in the order of
 * dst's strides (largest first); 2-D transpositions are copied in cache blocks. */
void xp__copy_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dstrides,
                  const char *src, const int64_t *sstrides, size_t itemsize);

/** Copies `src` into `dst` (same shape, or src broadcasting to dst's shape),
 * converting to dst's dtype when they differ. XP_ERR_VALUE when shapes do not
 * broadcast. */
xp_status xp__assign(xp_array *dst, const xp_array *src);

/** Gathers `n` elements (or blocks) from `base + offs[k]` into contiguous `dst`.
 * A block is (bnd, bshape) with source strides bstrides; bnd == 0 is one element. */
void xp__gather(int64_t n, const int64_t *offs, const char *base, char *dst, size_t itemsize,
                int bnd, const int64_t *bshape, const int64_t *bstrides);

#endif
