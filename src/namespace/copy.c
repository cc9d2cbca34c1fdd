/* Same-dtype strided copies, cache-blocked transposition, gathers. */
#include "copy.h"

#include <stdlib.h>

/* One strided run of n elements; fixed-size memcpy compiles to plain moves and
 * stays correct for unaligned (wrapped) memory. */
#define RUN(SZ)                                                        \
    for (int64_t i = 0; i < n; i++) memcpy(d + i * ds, s + i * ss, SZ); \
    return

static void copy_run(int64_t n, char *d, int64_t ds, const char *s, int64_t ss, size_t is) {
    if (ds == (int64_t)is && ss == (int64_t)is) {
        memcpy(d, s, (size_t)n * is);
        return;
    }
    switch (is) {
    case 1: RUN(1);
    case 2: RUN(2);
    case 4: RUN(4);
    case 8: RUN(8);
    case 16: RUN(16);
    default: RUN(is);
    }
}
#undef RUN

/* A 2-D block (rows a, columns b) copied tile by tile so that both the source's
 * and the destination's cache lines are reused (transposition). */
#define TILE 32
static void copy_tiled(int64_t na, int64_t nb, char *d, int64_t da, int64_t db, const char *s,
                       int64_t sa, int64_t sb, size_t is) {
    for (int64_t a0 = 0; a0 < na; a0 += TILE) {
        int64_t a1 = a0 + TILE < na ? a0 + TILE : na;
        for (int64_t b0 = 0; b0 < nb; b0 += TILE) {
            int64_t b1 = b0 + TILE < nb ? b0 + TILE : nb;
            for (int64_t a = a0; a < a1; a++)
                copy_run(b1 - b0, d + a * da + b0 * db, db, s + a * sa + b0 * sb, sb, is);
        }
    }
}

static int64_t iabs64(int64_t v) { return v == INT64_MIN ? INT64_MAX : v < 0 ? -v : v; }

void xp__copy_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dstrides,
                  const char *src, const int64_t *sstrides, size_t itemsize) {
    /* visit axes by decreasing |dst stride| (stable; ties: larger src stride first) */
    int64_t sh[XP_MAX_NDIM], ds[XP_MAX_NDIM], ss[XP_MAX_NDIM];
    for (int i = 0; i < ndim; i++) {
        int64_t e = shape[i], a = dstrides[i], b = sstrides[i];
        int j = i;
        while (j > 0 && (iabs64(ds[j - 1]) < iabs64(a) ||
                         (iabs64(ds[j - 1]) == iabs64(a) && iabs64(ss[j - 1]) < iabs64(b)))) {
            sh[j] = sh[j - 1];
            ds[j] = ds[j - 1];
            ss[j] = ss[j - 1];
            j--;
        }
        sh[j] = e;
        ds[j] = a;
        ss[j] = b;
    }
    const int64_t *st[2] = {ds, ss};
    char *base[2] = {dst, (char *)src};
    xp_iter it;
    if (!xp__iter_init(&it, 2, base, ndim, sh, st)) return;
    int nd = it.ndim;
    if (nd >= 2 && iabs64(it.strides[1][nd - 1]) > iabs64(it.strides[1][nd - 2]) &&
        it.shape[nd - 1] >= 8 && it.shape[nd - 2] >= 8) {
        int64_t idx[XP_MAX_NDIM] = {0};
        char *d = it.ptr[0], *s = it.ptr[1];
        for (;;) {
            copy_tiled(it.shape[nd - 2], it.shape[nd - 1], d, it.strides[0][nd - 2],
                       it.strides[0][nd - 1], s, it.strides[1][nd - 2], it.strides[1][nd - 1],
                       itemsize);
            int k = nd - 3;
            for (; k >= 0; k--) {
                if (++idx[k] < it.shape[k]) {
                    d += it.strides[0][k];
                    s += it.strides[1][k];
                    break;
                }
                idx[k] = 0;
                d -= it.strides[0][k] * (it.shape[k] - 1);
                s -= it.strides[1][k] * (it.shape[k] - 1);
            }
            if (k < 0) return;
        }
    }
    do copy_run(it.inner_n, it.ptr[0], it.inner_step[0], it.ptr[1], it.inner_step[1], itemsize);
    while (xp__iter_next(&it));
}

xp_status xp__assign(xp_array *dst, const xp_array *src) {
    if (src->dtype != dst->dtype) return xp__copy_into(dst, src);
    if (src->ndim > dst->ndim) return XP_ERR_VALUE;
    int off = dst->ndim - src->ndim;
    for (int d = 0; d < src->ndim; d++)
        if (src->shape[d] != 1 && src->shape[d] != dst->shape[off + d]) return XP_ERR_VALUE;
    if (dst->size == 0) return XP_OK;
    int64_t st[XP_MAX_NDIM];
    xp__bcast_strides(src, dst->ndim, dst->shape, st);
    xp__copy_raw(dst->ndim, dst->shape, xp__data(dst), dst->strides, xp__data(src), st,
                 xp_dtype_size(dst->dtype));
    return XP_OK;
}

#define GATHER(SZ)                                                              \
    for (int64_t k = 0; k < n; k++) memcpy(dst + k * (SZ), base + offs[k], SZ); \
    return

void xp__gather(int64_t n, const int64_t *offs, const char *base, char *dst, size_t is, int bnd,
                const int64_t *bshape, const int64_t *bstrides) {
    if (bnd == 0) {
        switch (is) {
        case 1: GATHER(1);
        case 2: GATHER(2);
        case 4: GATHER(4);
        case 8: GATHER(8);
        case 16: GATHER(16);
        default: GATHER(is);
        }
    }
    int64_t cs[XP_MAX_NDIM], bsize = 1;
    xp__c_strides(bnd, bshape, (int64_t)is, cs);
    for (int d = 0; d < bnd; d++) bsize *= bshape[d];
    if (bsize == 0) return;
    for (int64_t k = 0; k < n; k++)
        xp__copy_raw(bnd, bshape, dst + k * bsize * (int64_t)is, cs, base + offs[k], bstrides, is);
}
#undef GATHER
