/* NumPy .npy files: load (read or memory-map) and save. */
#include "interchange.h"
#include "iter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- load ----------------------------------------------------------------- */

/* Byte strides of the file's layout (C or Fortran order). */
static void layout_strides(const xp_npy_header *h, int64_t *strides) {
    int64_t is = (int64_t)xp_dtype_size(h->dtype);
    if (!h->fortran_order) {
        xp__c_strides(h->ndim, h->shape, is, strides);
        return;
    }
    int64_t s = is;
    for (int i = 0; i < h->ndim; i++) {
        strides[i] = s; /* saturates: only zero-size arrays get that far */
        if (__builtin_mul_overflow(s, h->shape[i] > 0 ? h->shape[i] : 1, &s)) s = INT64_MAX;
    }
}

/* A fresh array of the header's shape and layout; data left to the caller. */
static xp_array *new_for(const char *fn, const xp_npy_header *h) {
    xp_array *r = xp__new(fn, h->dtype, h->ndim, h->shape, XP_DEVICE_CPU);
    if (xp_failed(r) || !h->fortran_order || h->ndim < 2) return r;
    int64_t strides[XP_MAX_NDIM];
    layout_strides(h, strides);
    xp_array *v = xp__view(fn, r, h->dtype, h->ndim, h->shape, strides, 0);
    xp_release(r);
    return v;
}

/* Rewrites the bool bytes of `n` contiguous elements to 0/1 (a file may hold any
 * byte in a bool array; inside the library a bool is 0 or 1). */
static void fix_bools(char *p, const xp_npy_header *h) {
    if (h->dtype == XP_BOOL) xp__bool_normalize(p, 1, &h->size, &(int64_t){1}, h->size);
}

static int bad_bool(const char *p, const xp_npy_header *h) {
    return h->dtype == XP_BOOL ? xp__bool_invalid(p, 1, &h->size, &(int64_t){1}, h->size) : -1;
}

static xp_array *check_data(const char *fn, const xp_npy_header *h, uint64_t have) {
    if (have < h->data_offset || have - h->data_offset < h->nbytes)
        return xp__error(XP_ERR_VALUE, fn,
                         "truncated .npy file: the header promises %llu data bytes, %llu present",
                         (unsigned long long)h->nbytes,
                         (unsigned long long)(have > h->data_offset ? have - h->data_offset : 0));
    return NULL;
}

XP_API xp_array *xp_load_buffer(const void *data, size_t nbytes, const xp_load_opts *opts) {
    static const char fn[] = "xp_load_buffer";
    XP_ENTER;
    if (!data && nbytes) XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'data' is NULL"));
    if (opts && opts->mmap_mode != XP_MMAP_NONE)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'mmap_mode': a buffer cannot be mapped"));
    xp_npy_header h;
    xp_array *err = xp__npy_parse_header(fn, data, data ? nbytes : 0, &h);
    if (!err) err = check_data(fn, &h, nbytes);
    if (err) XP_LEAVE(err);
    xp_array *r = new_for(fn, &h);
    if (xp_failed(r)) XP_LEAVE(r);
    if (h.nbytes) {
        memcpy(r->buf->data, (const char *)data + h.data_offset, (size_t)h.nbytes);
        if (h.big_endian) xp__byteswap(r->buf->data, h.size, h.dtype);
        fix_bools(r->buf->data, &h);
    }
    XP_LEAVE(r);
}

/* pread until `n` bytes or end of file; returns bytes read or -1. */
static int64_t read_full(int fd, void *buf, size_t n, uint64_t off) {
    size_t done = 0;
    while (done < n) {
        size_t chunk = n - done > (1u << 30) ? (1u << 30) : n - done;
        ssize_t k = pread(fd, (char *)buf + done, chunk, (off_t)(off + done));
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return -1;
        if (k == 0) break;
        done += (size_t)k;
    }
    return (int64_t)done;
}

typedef struct mapping {
    void *base;
    size_t len;
} mapping;

static void unmap(void *data, void *ctx) {
    (void)data;
    mapping *m = ctx;
    munmap(m->base, m->len);
    xp__scratch_free(m, sizeof *m);
}

/* Maps `len` bytes of the file; NULL (errno set) on failure. */
static void *map_bytes(int fd, size_t len, xp_mmap_mode mode, bool writable) {
    int flags = mode == XP_MMAP_READWRITE ? MAP_SHARED : (writable ? MAP_PRIVATE : MAP_SHARED);
    void *base = mmap(NULL, len, PROT_READ | (writable ? PROT_WRITE : 0), flags, fd, 0);
    return base == MAP_FAILED ? NULL : base;
}

static xp_array *map_file(const char *fn, int fd, const xp_npy_header *h, xp_mmap_mode mode) {
    size_t al = xp__dtype_align(h->dtype);
    if (h->data_offset % al != 0)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'mmap_mode': the data starts at byte %zu, not aligned for %s; "
                         "load without a memory map",
                         h->data_offset, xp_dtype_name(h->dtype));
    if (mode == XP_MMAP_READWRITE && h->big_endian)
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'mmap_mode': big-endian data cannot be mapped read-write");
    size_t len = h->data_offset + (size_t)h->nbytes;
    bool swap = h->big_endian && h->size > 0;
    bool writable = mode != XP_MMAP_READ || swap;
    mapping *m = xp__scratch(sizeof *m);
    if (!m) return xp__oom();
    void *base = map_bytes(fd, len, mode, writable);
    int bad = base ? bad_bool((char *)base + h->data_offset, h) : -1;
    if (bad >= 0 && mode == XP_MMAP_READWRITE) {
        munmap(base, len);
        xp__scratch_free(m, sizeof *m);
        return xp__error(XP_ERR_VALUE, fn,
                         "argument 'mmap_mode': a bool element of the file holds the byte %d; "
                         "normalising it to 0/1 would write to the file: load it without a "
                         "memory map or with XP_MMAP_COPY",
                         bad);
    }
    if (bad >= 0 && !writable) { /* read-only: normalise in private pages */
        munmap(base, len);
        writable = true;
        base = map_bytes(fd, len, mode, writable);
    }
    if (!base) {
        int e = errno;
        xp__scratch_free(m, sizeof *m);
        return xp__error(XP_ERR_IO, fn, "cannot map the file: %s", strerror(e));
    }
    m->base = base;
    m->len = len;
    char *first = (char *)base + h->data_offset;
    if (swap) xp__byteswap(first, h->size, h->dtype);
    if (bad >= 0) fix_bools(first, h);
    if ((swap || bad >= 0) && mode == XP_MMAP_READ && mprotect(base, len, PROT_READ) != 0) {
        int e = errno;
        unmap(NULL, m);
        return xp__error(XP_ERR_IO, fn, "cannot protect the mapping: %s", strerror(e));
    }
    int64_t strides[XP_MAX_NDIM];
    layout_strides(h, strides);
    return xp__wrap(fn, first, h->dtype, h->ndim, h->shape, strides, unmap, m,
                    mode == XP_MMAP_READ);
}

static xp_array *load_fd(const char *fn, int fd, xp_mmap_mode mode) {
    struct stat st;
    if (fstat(fd, &st) != 0) return xp__error(XP_ERR_IO, fn, "cannot stat the file: %s", strerror(errno));
    if (!S_ISREG(st.st_mode)) return xp__error(XP_ERR_IO, fn, "argument 'path' is not a regular file");
    unsigned char head[XP_NPY_MAX_HEADER];
    size_t want = (uint64_t)st.st_size < sizeof head ? (size_t)st.st_size : sizeof head;
    int64_t got = read_full(fd, head, want, 0);
    if (got < 0) return xp__error(XP_ERR_IO, fn, "cannot read the file: %s", strerror(errno));
    xp_npy_header h;
    xp_array *err = xp__npy_parse_header(fn, head, (size_t)got, &h);
    if (!err) err = check_data(fn, &h, (uint64_t)st.st_size);
    if (err) return err;
    if (mode != XP_MMAP_NONE) return map_file(fn, fd, &h, mode);
    xp_array *r = new_for(fn, &h);
    if (xp_failed(r) || !h.nbytes) return r;
    int64_t k = read_full(fd, r->buf->data, (size_t)h.nbytes, h.data_offset);
    if (k != (int64_t)h.nbytes) {
        int e = errno;
        xp_release(r);
        return k < 0 ? xp__error(XP_ERR_IO, fn, "cannot read the file: %s", strerror(e))
                     : xp__error(XP_ERR_VALUE, fn, "truncated .npy file (it shrank while read)");
    }
    if (h.big_endian) xp__byteswap(r->buf->data, h.size, h.dtype);
    fix_bools(r->buf->data, &h);
    return r;
}

XP_API xp_array *xp_load(const char *path, const xp_load_opts *opts) {
    static const char fn[] = "xp_load";
    XP_ENTER;
    if (!path) XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'path' is NULL"));
    xp_mmap_mode mode = opts ? opts->mmap_mode : XP_MMAP_NONE;
    if ((unsigned)mode > XP_MMAP_READWRITE)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'mmap_mode': unknown mode %d", (int)mode));
    int fd = open(path, (mode == XP_MMAP_READWRITE ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        XP_LEAVE(xp__error(XP_ERR_IO, fn, "cannot open '%s': %s", path, strerror(errno)));
    xp_array *r = load_fd(fn, fd, mode);
    close(fd);
    XP_LEAVE(r);
}

/* ---- save ----------------------------------------------------------------- */

static bool is_f_contig(const xp_array *x) {
    int64_t s = (int64_t)xp_dtype_size(x->dtype);
    if (x->size == 0) return true;
    for (int i = 0; i < x->ndim; i++) {
        if (x->shape[i] != 1 && x->strides[i] != s) return false;
        s *= x->shape[i]; /* no overflow: size > 0 and the byte count fits */
    }
    return true;
}

static const char *descr_of(xp_dtype dt) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define XP__E ">"
#else
#define XP__E "<"
#endif
    switch (dt) {
    case XP_BOOL: return "|b1";
    case XP_INT8: return "|i1";
    case XP_INT16: return XP__E "i2";
    case XP_INT32: return XP__E "i4";
    case XP_INT64: return XP__E "i8";
    case XP_UINT8: return "|u1";
    case XP_UINT16: return XP__E "u2";
    case XP_UINT32: return XP__E "u4";
    case XP_UINT64: return XP__E "u8";
    case XP_FLOAT32: return XP__E "f4";
    case XP_FLOAT64: return XP__E "f8";
    case XP_COMPLEX64: return XP__E "c8";
    default: return XP__E "c16";
    }
#undef XP__E
}

/* Writes preamble + padded header for `x` into out (room for XP_NPY_MAX_HEADER
 * + 64); returns its length, or 0 when the version cannot hold it. */
static size_t build_header(const xp_array *x, bool fortran, xp_npy_version v, unsigned char *out) {
    char dict[XP_NPY_MAX_HEADER];
    int n = snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': %s, 'shape': (",
                     descr_of(x->dtype), fortran ? "True" : "False");
    for (int i = 0; i < x->ndim; i++)
        n += snprintf(dict + n, sizeof dict - (size_t)n, i ? ", %lld" : "%lld",
                      (long long)x->shape[i]);
    n += snprintf(dict + n, sizeof dict - (size_t)n, "%s), }", x->ndim == 1 ? "," : "");
    if (v == XP_NPY_VERSION_AUTO) v = XP_NPY_VERSION_1_0;
    size_t pre = v == XP_NPY_VERSION_1_0 ? 10 : 12;
    size_t hlen = (size_t)n + 1;
    hlen += (64 - (pre + hlen) % 64) % 64;
    if (v == XP_NPY_VERSION_1_0 && hlen > 0xffff) return 0;
    memcpy(out, "\x93NUMPY", 6);
    out[6] = (unsigned char)(v == XP_NPY_VERSION_1_0 ? 1 : v == XP_NPY_VERSION_2_0 ? 2 : 3);
    out[7] = 0;
    for (size_t i = 0; i < pre - 8; i++) out[8 + i] = (unsigned char)(hlen >> (8 * i));
    memcpy(out + pre, dict, (size_t)n);
    memset(out + pre + n, ' ', hlen - (size_t)n - 1);
    out[pre + hlen - 1] = '\n';
    return pre + hlen;
}

/* Validates and prepares a save: header bytes and a contiguous source. */
static xp_array *prepare(const char *fn, const xp_array *x, const xp_save_opts *opts,
                         unsigned char *head, size_t *head_len, xp_array **src) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return err;
    xp_npy_version v = opts ? opts->version : XP_NPY_VERSION_AUTO;
    if ((unsigned)v > XP_NPY_VERSION_3_0)
        return xp__error(XP_ERR_VALUE, fn, "argument 'version': unknown version %d", (int)v);
    bool c = xp__is_c_contig(x), f = !c && is_f_contig(x);
    *src = c || f ? xp_retain(x) : xp__copy_as(fn, x, x->dtype);
    if (xp_failed(*src)) {
        err = *src;
        *src = NULL;
        return err;
    }
    *head_len = build_header(x, f, v, head);
    if (!*head_len) {
        xp_release(*src);
        *src = NULL;
        return xp__error(XP_ERR_VALUE, fn, "argument 'version': the header is too long for 1.0");
    }
    return NULL;
}

XP_API xp_status xp_save(const char *path, const xp_array *x, const xp_save_opts *opts) {
    static const char fn[] = "xp_save";
    if (!path) return xp__status_error(XP_ERR_TYPE, fn, "argument 'path' is NULL");
    unsigned char head[XP_NPY_MAX_HEADER + 64];
    size_t hl;
    xp_array *src = NULL;
    xp_array *err = prepare(fn, x, opts, head, &hl, &src);
    if (err) return xp__status_of(err);
    xp_status st = XP_OK;
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        st = xp__status_error(XP_ERR_IO, fn, "argument 'path': cannot open '%s' for writing: %s",
                              path, strerror(errno));
    } else {
        size_t nb = (size_t)src->size * xp_dtype_size(src->dtype);
        if (fwrite(head, 1, hl, fp) != hl || (nb && fwrite(xp__data(src), 1, nb, fp) != nb))
            st = xp__status_error(XP_ERR_IO, fn, "argument 'path': writing '%s' failed: %s", path,
                                  strerror(errno));
        if (fclose(fp) != 0 && st == XP_OK)
            st = xp__status_error(XP_ERR_IO, fn, "argument 'path': closing '%s' failed: %s", path,
                                  strerror(errno));
    }
    xp_release(src);
    return st;
}

XP_API xp_array *xp_save_buffer(const xp_array *x, const xp_save_opts *opts) {
    static const char fn[] = "xp_save_buffer";
    XP_ENTER;
    unsigned char head[XP_NPY_MAX_HEADER + 64];
    size_t hl;
    xp_array *src = NULL;
    xp_array *err = prepare(fn, x, opts, head, &hl, &src);
    if (err) XP_LEAVE(err);
    size_t nb = (size_t)src->size * xp_dtype_size(src->dtype);
    int64_t total = (int64_t)(hl + nb);
    xp_array *r = xp__new(fn, XP_UINT8, 1, &total, XP_DEVICE_CPU);
    if (!xp_failed(r)) {
        memcpy(r->buf->data, head, hl);
        if (nb) memcpy((char *)r->buf->data + hl, xp__data(src), nb);
    }
    xp_release(src);
    XP_LEAVE(r);
}
