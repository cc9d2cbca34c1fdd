/* The .npy header (NEP 1): preamble and the Python-literal dictionary
 *   {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }
 * parsed without trusting anything in it. */
#include "interchange.h"

typedef struct cursor {
    const char *p, *end;
} cursor;

static void skip_ws(cursor *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

/* Consumes `ch` after optional whitespace. */
static bool eat(cursor *c, char ch) {
    skip_ws(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

/* A quoted string without escapes into out[cap]; false if malformed/too long. */
static bool string_lit(cursor *c, char *out, size_t cap) {
    skip_ws(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"')) return false;
    char q = *c->p++;
    size_t n = 0;
    while (c->p < c->end && *c->p != q) {
        unsigned char ch = (unsigned char)*c->p;
        if (ch == '\\' || ch < 0x20 || ch > 0x7e || n + 1 >= cap) return false;
        out[n++] = *c->p++;
    }
    if (c->p >= c->end) return false;
    c->p++;
    out[n] = 0;
    return true;
}

static bool word(cursor *c, const char *w) {
    skip_ws(c);
    size_t n = strlen(w);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0) return false;
    c->p += n;
    return true;
}

/* Maps a descr such as '<f8' or '|b1'. */
static xp_array *parse_descr(const char *fn, const char *d, xp_npy_header *h) {
    static const struct {
        const char *code;
        xp_dtype dt;
    } map[] = {{"b1", XP_BOOL},    {"i1", XP_INT8},     {"i2", XP_INT16},      {"i4", XP_INT32},
               {"i8", XP_INT64},   {"u1", XP_UINT8},    {"u2", XP_UINT16},     {"u4", XP_UINT32},
               {"u8", XP_UINT64},  {"f4", XP_FLOAT32},  {"f8", XP_FLOAT64},    {"c8", XP_COMPLEX64},
               {"c16", XP_COMPLEX128}};
    char order = '=';
    const char *code = d;
    if (*d == '<' || *d == '>' || *d == '|' || *d == '=') {
        order = *d;
        code = d + 1;
    }
    if (code[0] == 'O')
        return xp__error(XP_ERR_TYPE, fn,
                         "object arrays ('%s') are never loaded: they are pickles", d);
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(code, map[i].code) != 0) continue;
        h->dtype = map[i].dt;
        size_t w = xp__dtype_align(h->dtype);
        if (w > 1 && order == '|')
            return xp__error(XP_ERR_VALUE, fn, "descr '%s': byte order '|' for a multi-byte type",
                             d);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        h->big_endian = w > 1 && order == '<';
#else
        h->big_endian = w > 1 && order == '>';
#endif
        return NULL;
    }
    return xp__error(XP_ERR_TYPE, fn, "dtype '%s' is not one of the 13 standard dtypes", d);
}

/* `(2, 3)`, `(5,)`, `()`: extents may carry Python 2's 'L' suffix. */
static xp_array *parse_shape(const char *fn, cursor *c, xp_npy_header *h) {
    if (!eat(c, '('))
        return xp__error(XP_ERR_VALUE, fn, "malformed header: 'shape' is not a tuple");
    h->ndim = 0;
    if (eat(c, ')')) return NULL;
    for (;;) {
        skip_ws(c);
        if (c->p < c->end && *c->p == '-')
            return xp__error(XP_ERR_VALUE, fn, "header: negative extent in 'shape'");
        if (c->p >= c->end || *c->p < '0' || *c->p > '9')
            return xp__error(XP_ERR_VALUE, fn, "malformed header: bad extent in 'shape'");
        int64_t v = 0;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
            if (!xp__mul_ok(v, 10, &v) || !xp__add_ok(v, *c->p - '0', &v))
                return xp__error(XP_ERR_OVERFLOW, fn, "header: an extent of 'shape' overflows");
            c->p++;
        }
        if (c->p < c->end && (*c->p == 'L' || *c->p == 'l')) c->p++;
        if (h->ndim == XP_MAX_NDIM)
            return xp__error(XP_ERR_VALUE, fn, "header: 'shape' has more than %d dimensions",
                             XP_MAX_NDIM);
        h->shape[h->ndim++] = v;
        bool comma = eat(c, ',');
        if (eat(c, ')')) {
            if (h->ndim == 1 && !comma)
                return xp__error(XP_ERR_VALUE, fn, "malformed header: 'shape' is not a tuple");
            return NULL;
        }
        if (!comma) return xp__error(XP_ERR_VALUE, fn, "malformed header: bad 'shape' tuple");
    }
}

static xp_array *parse_dict(const char *fn, cursor *c, xp_npy_header *h) {
    bool have[3] = {false, false, false};
    char descr[64] = "";
    xp_array *err;
    if (!eat(c, '{')) return xp__error(XP_ERR_VALUE, fn, "malformed header: not a dictionary");
    for (;;) {
        if (eat(c, '}')) break;
        char key[32];
        if (!string_lit(c, key, sizeof key) || !eat(c, ':'))
            return xp__error(XP_ERR_VALUE, fn, "malformed header: bad key");
        int k = strcmp(key, "descr") == 0           ? 0
                : strcmp(key, "fortran_order") == 0 ? 1
                : strcmp(key, "shape") == 0         ? 2
                                                    : -1;
        if (k < 0) return xp__error(XP_ERR_VALUE, fn, "header: unexpected key '%s'", key);
        if (have[k]) return xp__error(XP_ERR_VALUE, fn, "header: key '%s' repeated", key);
        have[k] = true;
        if (k == 0) {
            skip_ws(c);
            if (c->p < c->end && (*c->p == '[' || *c->p == '{'))
                return xp__error(XP_ERR_TYPE, fn, "structured dtypes are not supported");
            if (!string_lit(c, descr, sizeof descr))
                return xp__error(XP_ERR_VALUE, fn, "malformed header: bad 'descr'");
        } else if (k == 1) {
            if (word(c, "True"))
                h->fortran_order = true;
            else if (word(c, "False"))
                h->fortran_order = false;
            else
                return xp__error(XP_ERR_VALUE, fn, "malformed header: bad 'fortran_order'");
        } else if ((err = parse_shape(fn, c, h))) {
            return err;
        }
        if (eat(c, '}')) break;
        if (!eat(c, ',')) return xp__error(XP_ERR_VALUE, fn, "malformed header: expected ','");
    }
    skip_ws(c);
    if (c->p != c->end) return xp__error(XP_ERR_VALUE, fn, "malformed header: text after '}'");
    if (!have[0] || !have[1] || !have[2])
        return xp__error(XP_ERR_VALUE, fn, "header: missing key '%s'",
                         !have[0] ? "descr" : !have[1] ? "fortran_order" : "shape");
    return parse_descr(fn, descr, h);
}

xp_array *xp__npy_parse_header(const char *fn, const unsigned char *buf, size_t len,
                               xp_npy_header *h) {
    memset(h, 0, sizeof *h);
    if (len >= 1 && buf[0] == 0x80)
        return xp__error(XP_ERR_VALUE, fn, "not an .npy file: a pickle, never loaded");
    if (len < 10 || memcmp(buf, "\x93NUMPY", 6) != 0)
        return xp__error(XP_ERR_VALUE, fn, len < 10 && len > 0 && buf[0] == 0x93
                                               ? "truncated .npy file (no complete preamble)"
                                               : "not an .npy file (bad magic)");
    h->major = buf[6];
    h->minor = buf[7];
    if (h->minor != 0 || h->major < 1 || h->major > 3)
        return xp__error(XP_ERR_VALUE, fn, "unsupported .npy format version %d.%d", h->major,
                         h->minor);
    size_t pre = h->major == 1 ? 10 : 12;
    if (len < pre) return xp__error(XP_ERR_VALUE, fn, "truncated .npy file (no complete preamble)");
    uint64_t hlen = h->major == 1 ? (uint64_t)buf[8] | (uint64_t)buf[9] << 8
                                  : (uint64_t)buf[8] | (uint64_t)buf[9] << 8 |
                                        (uint64_t)buf[10] << 16 | (uint64_t)buf[11] << 24;
    if (hlen > 10000)
        return xp__error(XP_ERR_VALUE, fn, "header of %llu bytes (the limit is 10000)",
                         (unsigned long long)hlen);
    if (len - pre < hlen)
        return xp__error(XP_ERR_VALUE, fn, "truncated .npy file (header of %llu bytes, %zu present)",
                         (unsigned long long)hlen, len - pre);
    h->data_offset = pre + (size_t)hlen;
    cursor c = {(const char *)buf + pre, (const char *)buf + pre + hlen};
    xp_array *err = parse_dict(fn, &c, h);
    if (err) return err;
    if ((err = xp__check_shape(fn, h->ndim, h->shape, h->dtype, &h->size))) return err;
    h->nbytes = (uint64_t)h->size * xp_dtype_size(h->dtype);
    return NULL;
}
