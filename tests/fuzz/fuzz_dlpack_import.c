/* libFuzzer target: DLPack import (xp_from_dlpack / xp_from_dlpack_legacy).
 *
 * The input describes a producer's tensor; the rest of it is the producer's
 * memory. Layout (little-endian):
 *   0 version major   1 version minor   2 flags   3 ndim (int8)
 *   4 dtype code      5 dtype bits      6-7 lanes
 *   8 device type     9 device id (int8)
 *   10 mode: bit0 legacy struct, bit1 NULL deleter, bit2 NULL shape, bit3 NULL
 *      strides, bit4 NULL data, bits5-6 copy keyword, bit7 ask for a CUDA device
 *   11 unused         12-19 byte_offset
 *   then min(ndim, 64) pairs of int64 (extent, stride in elements), then data.
 *
 * Checked: no crash or leak; the producer's deleter runs exactly once (by the
 * array when the import succeeds, by us when it fails); a tensor whose extent
 * overflows is refused; an honest tensor (its elements inside the data) imports
 * with the right element values. A dishonest tensor whose extent does not
 * overflow cannot be told from an honest one: it is imported with copy=False and
 * never read, as any consumer would trust its producer. */
#include <xparray.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

/* A failed expectation: report it and abort (what libFuzzer catches). */
#define check(ok)                                                              \
    do {                                                                       \
        if (!(ok)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #ok); \
            abort();                                                           \
        }                                                                      \
    } while (0)

static int deleted;
static void del_v(xp_dl_managed_tensor_versioned *t) { (void)t; deleted++; }
static void del_l(xp_dl_managed_tensor *t) { (void)t; deleted++; }

static int64_t rd64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return (int64_t)v;
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t size) {
    if (size < 20) return 0;
    int64_t shape[64] = {0}, strides[64] = {0};
    int ndim = (int8_t)in[3];
    int nd = ndim < 0 ? 0 : ndim > 64 ? 64 : ndim;
    size_t pos = 20;
    for (int d = 0; d < nd; d++) {
        if (pos + 16 <= size) {
            shape[d] = rd64(in + pos);
            strides[d] = rd64(in + pos + 8);
            pos += 16;
        } else {
            shape[d] = 1;
            strides[d] = 1;
        }
    }
    size_t dlen = size - (pos < size ? pos : size);
    unsigned char *payload = malloc(dlen ? dlen : 1);
    if (dlen) memcpy(payload, in + pos, dlen);
    uint8_t mode = in[10];
    uint64_t byte_offset = (uint64_t)rd64(in + 12);

    xp_dl_tensor t;
    memset(&t, 0, sizeof t);
    t.data = (mode & 16) ? NULL : payload;
    t.device.device_type = in[8];
    t.device.device_id = (int8_t)in[9];
    t.ndim = ndim;
    t.dtype.code = in[4];
    t.dtype.bits = in[5];
    t.dtype.lanes = (uint16_t)(in[6] | in[7] << 8);
    t.shape = (mode & 4) ? NULL : shape;
    t.strides = (mode & 8) ? NULL : strides;
    t.byte_offset = byte_offset;

    /* Must it be refused (sizes overflow), and is it honest (every element inside
     * the payload)? Exact arithmetic, independent of the library's. */
    int itemsize = t.dtype.bits / 8;
    int overflow = 0, zero = 0, count_over = 0;
    __int128 count = 1;
    for (int d = 0; d < nd; d++) {
        if (shape[d] < 0) overflow = 1;
        if (shape[d] == 0) zero = 1;
    }
    for (int d = 0; d < nd && !zero; d++)
        if (!(mode & 8) && ((__int128)strides[d] * itemsize > INT64_MAX ||
                            (__int128)strides[d] * itemsize < INT64_MIN))
            overflow = 1;
    for (int d = 0; d < nd && !overflow && !count_over; d++) {
        count *= shape[d];
        if (count > INT64_MAX) count_over = 1;
    }
    if (zero) count = 0;
    if (count_over && !zero) overflow = 1;
    __int128 lo = 0, hi = itemsize, cstride = 1;
    for (int d = nd - 1; d >= 0 && !overflow && count > 0; d--) {
        __int128 st = (mode & 8) ? cstride : strides[d];
        __int128 span = st * itemsize * (__int128)(shape[d] - 1);
        cstride *= shape[d];
        if (span < 0) lo += span; else hi += span;
        if (lo < INT64_MIN || hi > INT64_MAX) overflow = 1;
    }
    int honest = !overflow && byte_offset <= (uint64_t)INT64_MAX &&
                 (count == 0 || (t.data && (__int128)byte_offset + lo >= 0 &&
                                 (__int128)byte_offset + hi <= (__int128)dlen));

    /* bool tensors are read at import (bytes other than 0/1 are normalised in a
     * copy or refused), so a dishonest one would be read outside its data: only
     * an honest producer's bool tensor is meaningful */
    if (t.dtype.code == 6 && !honest) {
        free(payload);
        return 0;
    }
    xp_from_dlpack_opts o = {XP_DEVICE_DEFAULT, (xp_copy)((mode >> 5) & 3)};
    if (mode & 128) o.device = XP_DEVICE(2, 0);
    if (!honest) o.copy = XP_COPY_FALSE;
    /* An honest tensor may still describe a huge array (stride 0): copying it
     * is legitimate but would only test the machine's memory. */
    if (overflow || count > ((__int128)1 << 20)) o.copy = XP_COPY_FALSE;

    xp_dl_managed_tensor_versioned v;
    xp_dl_managed_tensor l;
    xp_array *a;
    deleted = 0;
    if (mode & 1) {
        l.dl_tensor = t;
        l.manager_ctx = NULL;
        l.deleter = (mode & 2) ? NULL : del_l;
        a = xp_from_dlpack_legacy(&l, &o);
    } else {
        v.version.major = in[0];
        v.version.minor = in[1];
        v.flags = in[2];
        v.dl_tensor = t;
        v.manager_ctx = NULL;
        v.deleter = (mode & 2) ? NULL : del_v;
        a = xp_from_dlpack(&v, &o);
    }
    check(a != NULL);
    if (xp_failed(a)) {
        check(deleted == 0);
        check(xp_error_message(a)[0] != 0);
    } else {
        check(!overflow && !(mode & 2));
        check(xp_array_ndim(a) == ndim);
        if (honest && xp_array_size(a) > 0) {
            /* every element equals the producer's, visited in C order */
            int64_t idx[64] = {0};
            const int64_t *sh = xp_array_shape(a), *st = xp_array_strides(a);
            const char *base = xp_array_data(a);
            const char *src = (const char *)payload + byte_offset;
            int64_t cs[64];
            int64_t c = 1;
            for (int d = nd - 1; d >= 0; d--) {
                cs[d] = (mode & 8) ? c : strides[d];
                c *= shape[d];
            }
            /* the first 2^16 elements (stride-0 tensors can be huge) */
            for (int64_t i = 0; i < xp_array_size(a) && i < (1 << 16); i++) {
                const char *p = base, *q = src;
                for (int d = 0; d < nd; d++) {
                    p += idx[d] * st[d];
                    q += idx[d] * cs[d] * itemsize;
                }
                if (t.dtype.code == 6) /* bool: the producer's nonzero bytes arrive as 1 */
                    check(*(const unsigned char *)p == (*(const unsigned char *)q != 0));
                else
                    check(memcmp(p, q, (size_t)itemsize) == 0);
                for (int d = nd - 1; d >= 0; d--) {
                    if (++idx[d] < sh[d]) break;
                    idx[d] = 0;
                }
            }
        }
        /* and out again, then back in */
        xp_dl_managed_tensor_versioned *e = NULL;
        check(xp_array_to_dlpack(a, NULL, &e) == XP_OK);
        xp_array *b = xp_from_dlpack(e, NULL);
        if (xp_failed(b)) fprintf(stderr, "re-import: %s\n", xp_error_message(b));
        check(!xp_failed(b) && xp_array_data(b) == xp_array_data(a));
        xp_release(b);
        check(deleted == 0 || xp_array_data(a) != (void *)((char *)payload + byte_offset));
        xp_release(a);
        a = NULL;
        check(deleted == 1);
    }
    if (a) {
        xp_release(a);
        if (!(mode & 2)) {
            if (mode & 1) l.deleter(&l); else v.deleter(&v);
        }
        check(deleted == ((mode & 2) ? 0 : 1));
    }
    free(payload);
    check(xp_internal_call_depth() == 0);
    return 0;
}
