/* Order-preserving integer keys and the stable LSD radix sort behind sort,
 * argsort, unique_*, searchsorted and isin (issue 5). */
#include "reduce.h"
#include "dtype_traits.h"

#include <math.h>

void xp__keys(xp_dtype dt, const char *p, uint64_t k[2]) {
    k[1] = 0;
    switch (dt) {
    case XP_BOOL: k[0] = *(const uint8_t *)p != 0; break;
    case XP_INT8: k[0] = (uint8_t)(*(const uint8_t *)p ^ 0x80u); break;
    case XP_INT16: { uint16_t v; memcpy(&v, p, 2); k[0] = (uint16_t)(v ^ 0x8000u); break; }
    case XP_INT32: { uint32_t v; memcpy(&v, p, 4); k[0] = v ^ 0x80000000u; break; }
    case XP_INT64: { uint64_t v; memcpy(&v, p, 8); k[0] = v ^ (UINT64_C(1) << 63); break; }
    case XP_UINT8: k[0] = *(const uint8_t *)p; break;
    case XP_UINT16: { uint16_t v; memcpy(&v, p, 2); k[0] = v; break; }
    case XP_UINT32: { uint32_t v; memcpy(&v, p, 4); k[0] = v; break; }
    case XP_UINT64: { uint64_t v; memcpy(&v, p, 8); k[0] = v; break; }
    case XP_FLOAT32: { float v; memcpy(&v, p, 4); k[0] = xp__key_f32(v); break; }
    case XP_FLOAT64: { double v; memcpy(&v, p, 8); k[0] = xp__key_f64(v); break; }
    case XP_COMPLEX64: {
        float v[2];
        memcpy(v, p, 8);
        k[0] = xp__key_f32(v[0]);
        k[1] = xp__key_f32(v[1]);
        break;
    }
    case XP_COMPLEX128: {
        double v[2];
        memcpy(v, p, 16);
        k[0] = xp__key_f64(v[0]);
        k[1] = xp__key_f64(v[1]);
        break;
    }
    default: k[0] = 0; break;
    }
}

bool xp__is_nan(xp_dtype dt, const char *p) {
    switch (dt) {
    case XP_FLOAT32: { float v; memcpy(&v, p, 4); return v != v; }
    case XP_FLOAT64: { double v; memcpy(&v, p, 8); return v != v; }
    case XP_COMPLEX64: { float v[2]; memcpy(v, p, 8); return v[0] != v[0] || v[1] != v[1]; }
    case XP_COMPLEX128: { double v[2]; memcpy(v, p, 16); return v[0] != v[0] || v[1] != v[1]; }
    default: return false;
    }
}

/* Stable insertion sort of pairs for short runs. */
static void insertion_pairs(uint64_t *key, uint64_t *val, int64_t n) {
    for (int64_t i = 1; i < n; i++) {
        uint64_t k = key[i], v = val[i];
        int64_t j = i;
        while (j > 0 && key[j - 1] > k) {
            key[j] = key[j - 1];
            val[j] = val[j - 1];
            j--;
        }
        key[j] = k;
        val[j] = v;
    }
}

void xp__radix_pairs(uint64_t *key, uint64_t *val, int64_t n, uint64_t *tk, uint64_t *tv) {
    if (n <= 48) {
        insertion_pairs(key, val, n);
        return;
    }
    /* all eight byte histograms in one pass */
    int64_t (*cnt)[256] = xp__scratch(8 * 256 * sizeof(int64_t));
    if (!cnt) { /* fall back: still correct, just slow */
        insertion_pairs(key, val, n);
        return;
    }
    memset(cnt, 0, 8 * 256 * sizeof(int64_t));
    for (int64_t i = 0; i < n; i++) {
        uint64_t k = key[i];
        for (int b = 0; b < 8; b++) cnt[b][(k >> (8 * b)) & 255]++;
    }
    uint64_t *sk = key, *sv = val, *dk = tk, *dv = tv;
    for (int b = 0; b < 8; b++) {
        int shift = 8 * b;
        if (cnt[b][(key[0] >> shift) & 255] == n) continue; /* one digit value: skip */
        int64_t pos[256], s = 0;
        for (int d = 0; d < 256; d++) {
            pos[d] = s;
            s += cnt[b][d];
        }
        for (int64_t i = 0; i < n; i++) {
            uint64_t k = sk[i];
            int64_t p = pos[(k >> shift) & 255]++;
            dk[p] = k;
            dv[p] = sv[i];
        }
        uint64_t *t = sk; sk = dk; dk = t;
        t = sv; sv = dv; dv = t;
    }
    if (sk != key) {
        memcpy(key, sk, (size_t)n * 8);
        memcpy(val, sv, (size_t)n * 8);
    }
    xp__scratch_free(cnt, 8 * 256 * sizeof(int64_t));
}

bool xp__argsort_run(xp_dtype dt, const char *p, int64_t n, bool descending, int64_t *perm) {
    if (n <= 0) return true;
    size_t bytes = (size_t)n * 8;
    uint64_t *key = xp__scratch(bytes), *val = xp__scratch(bytes), *tk = xp__scratch(bytes),
             *tv = xp__scratch(bytes);
    bool ok = key && val && tk && tv;
    if (ok) {
        size_t is = xp_dtype_size(dt);
        bool cplx = xp_dtype_kind(dt) == XP_KIND_COMPLEX_FLOATING;
        uint64_t flip = descending ? UINT64_MAX : 0;
        uint64_t k[2];
        /* complex: sort by the minor key first, then stably by the major one */
        for (int64_t i = 0; i < n; i++) {
            xp__keys(dt, p + (size_t)i * is, k);
            key[i] = (cplx ? k[1] : k[0]) ^ flip;
            val[i] = (uint64_t)i;
        }
        xp__radix_pairs(key, val, n, tk, tv);
        if (cplx) {
            for (int64_t i = 0; i < n; i++) {
                xp__keys(dt, p + (size_t)val[i] * is, k);
                key[i] = k[0] ^ flip;
            }
            xp__radix_pairs(key, val, n, tk, tv);
        }
        memcpy(perm, val, bytes);
    }
    xp__scratch_free(key, bytes);
    xp__scratch_free(val, bytes);
    xp__scratch_free(tk, bytes);
    xp__scratch_free(tv, bytes);
    return ok;
}

/* ---- Sorting values by their keys alone (sort, unique_values/counts) -------
 * For every non-complex dtype the key is a bijection of the element's bits,
 * except that -0/+0 share one key and every NaN has the top key. So sort keys
 * only (4 or 8 bytes an element instead of 16 for key+index pairs) and map
 * each key back to its value; the elements of the two shared keys are taken
 * from the input in their original order, which is what a stable sort gives. */

/* The histograms of the byte digits. Four interleaved copies of 32-bit
 * counters (n < 2^32 here): a digit that repeats from key to key (the
 * exponent byte of floats, small integers) would otherwise chain every
 * increment on the one before through memory. */
static void hist_u32(const uint32_t *key, int64_t n, int64_t (*cnt)[256]) {
    memset(cnt, 0, 4 * 256 * sizeof(int64_t));
    uint32_t c[4][4][256];
    memset(c, 0, sizeof c);
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int u = 0; u < 4; u++) {
            uint32_t k = key[i + u];
            c[u][0][k & 255]++;
            c[u][1][(k >> 8) & 255]++;
            c[u][2][(k >> 16) & 255]++;
            c[u][3][k >> 24]++;
        }
    for (; i < n; i++)
        for (int b = 0; b < 4; b++) cnt[b][(key[i] >> (8 * b)) & 255]++;
    for (int u = 0; u < 4; u++)
        for (int b = 0; b < 4; b++)
            for (int v = 0; v < 256; v++) cnt[b][v] += c[u][b][v];
}

static void hist_u64(const uint64_t *key, int64_t n, int64_t (*cnt)[256]) {
    memset(cnt, 0, 8 * 256 * sizeof(int64_t));
    uint32_t c[2][8][256];
    memset(c, 0, sizeof c);
    int64_t i = 0;
    for (; i + 2 <= n; i += 2)
        for (int u = 0; u < 2; u++) {
            uint64_t k = key[i + u];
            for (int b = 0; b < 8; b++) c[u][b][(k >> (8 * b)) & 255]++;
        }
    for (; i < n; i++)
        for (int b = 0; b < 8; b++) cnt[b][(key[i] >> (8 * b)) & 255]++;
    for (int u = 0; u < 2; u++)
        for (int b = 0; b < 8; b++)
            for (int v = 0; v < 256; v++) cnt[b][v] += c[u][b][v];
}

#define SW_T uint32_t
#define SW_DIG 4
#define SW_(x) x##_u32
#include "sort_width.inc"
#undef SW_T
#undef SW_DIG
#undef SW_
#define SW_T uint64_t
#define SW_DIG 8
#define SW_(x) x##_u64
#include "sort_width.inc"
#undef SW_T
#undef SW_DIG
#undef SW_

/* From 2^16 keys on, 32-bit keys take three passes of 11-bit digits instead
 * of four of 8 (the 2048 write streams of a pass still fit in L2, and a
 * repeating top digit, as floats' exponents, is spread over more buckets).
 * The counters come from scratch; false when it cannot be had. */
enum { R11 = 2048, R11_FROM = 65536 };
static bool radix11_u32(uint32_t *key, int64_t n, uint32_t *t) {
    size_t cb = 3 * R11 * sizeof(int64_t), hb = 2 * 3 * R11 * sizeof(uint32_t);
    int64_t *cnt = xp__scratch(cb + hb);
    if (!cnt) return false;
    uint32_t *c = (uint32_t *)(cnt + 3 * R11); /* two interleaved copies */
    memset(cnt, 0, cb + hb);
    int64_t i = 0;
    for (; i + 2 <= n; i += 2)
        for (int u = 0; u < 2; u++) {
            uint32_t k = key[i + u], *cu = c + u * 3 * R11;
            cu[k & 2047]++;
            cu[R11 + ((k >> 11) & 2047)]++;
            cu[2 * R11 + (k >> 22)]++;
        }
    for (; i < n; i++) {
        uint32_t k = key[i];
        cnt[k & 2047]++;
        cnt[R11 + ((k >> 11) & 2047)]++;
        cnt[2 * R11 + (k >> 22)]++;
    }
    for (int v = 0; v < 3 * R11; v++) cnt[v] += (int64_t)c[v] + c[3 * R11 + v];
    uint32_t *s = key, *d = t;
    int64_t *pos = (int64_t *)(void *)c; /* the copies are spent: reuse them */
    for (int b = 0; b < 3; b++) {
        int shift = 11 * b;
        const int64_t *cb1 = cnt + b * R11;
        if (cb1[(key[0] >> shift) & 2047] == n) continue;
        int64_t sum = 0;
        for (int v = 0; v < R11; v++) {
            pos[v] = sum;
            sum += cb1[v];
        }
        for (int64_t j = 0; j < n; j++) {
            uint32_t k = s[j];
            d[pos[(k >> shift) & 2047]++] = k;
        }
        uint32_t *x = s;
        s = d;
        d = x;
    }
    if (s != key) memcpy(key, s, (size_t)n * 4);
    xp__scratch_free(cnt, cb + hb);
    return true;
}

/* Stable sorts of keys alone: insertion sort up to 48 keys, else one
 * histogram pass and the radix passes. */
static void radix_u32(uint32_t *key, int64_t n, uint32_t *t) {
    if (n <= 48) {
        insertion_u32(key, n);
        return;
    }
    if (n >= R11_FROM && radix11_u32(key, n, t)) return;
    radix8_u32(key, n, t);
}

static void radix_u64(uint64_t *key, int64_t n, uint64_t *t) {
    if (n <= 48) {
        insertion_u64(key, n);
        return;
    }
    radix8_u64(key, n, t);
}

size_t xp__sort_key_size(xp_dtype dt) {
    return xp_dtype_size(dt) <= 4 ? 4 : 8;
}

void xp__sort_values(xp_dtype dt, const char *p, int64_t n, bool desc, char *dst, void *kbuf,
                     void *tbuf) {
    size_t is = xp_dtype_size(dt);
    if (n <= 0) return;
    if (is <= 4) {
        uint32_t *key = kbuf ? kbuf : (void *)dst, flip = desc ? UINT32_MAX : 0;
        switch (dt) {
        case XP_FLOAT32: {
            const float *x = (const float *)p;
            for (int64_t i = 0; i < n; i++) key[i] = (uint32_t)xp__key_f32(x[i]) ^ flip;
            break;
        }
        case XP_BOOL:
            for (int64_t i = 0; i < n; i++) key[i] = (uint32_t)(p[i] != 0) ^ flip;
            break;
        case XP_INT8:
        case XP_UINT8: {
            uint32_t sb = dt == XP_INT8 ? 0x80u : 0;
            for (int64_t i = 0; i < n; i++) key[i] = ((const uint8_t *)p)[i] ^ sb ^ flip;
            break;
        }
        case XP_INT16:
        case XP_UINT16: {
            uint32_t sb = dt == XP_INT16 ? 0x8000u : 0;
            const uint16_t *x = (const uint16_t *)p;
            for (int64_t i = 0; i < n; i++) key[i] = x[i] ^ sb ^ flip;
            break;
        }
        default: { /* int32, uint32 */
            uint32_t sb = dt == XP_INT32 ? 0x80000000u : 0;
            const uint32_t *x = (const uint32_t *)p;
            for (int64_t i = 0; i < n; i++) key[i] = x[i] ^ sb ^ flip;
            break;
        }
        }
        radix_u32(key, n, tbuf);
        switch (dt) {
        case XP_FLOAT32: {
            const float *x = (const float *)p;
            float *y = (float *)(void *)dst;
            uint32_t zk = (UINT32_C(1) << 31) ^ flip, nk = UINT32_MAX ^ flip;
            int64_t zi = 0, ni = 0;
            for (int64_t i = 0; i < n; i++) {
                uint32_t k = key[i];
                if (k == zk) {
                    while (!(x[zi] == 0)) zi++;
                    y[i] = x[zi++];
                } else if (k == nk) {
                    while (x[ni] == x[ni]) ni++;
                    y[i] = x[ni++];
                } else {
                    uint32_t b = k ^ flip;
                    b = (b >> 31) ? b & 0x7FFFFFFFu : ~b;
                    memcpy(&y[i], &b, 4);
                }
            }
            break;
        }
        case XP_BOOL:
        case XP_INT8:
        case XP_UINT8: {
            uint32_t sb = dt == XP_INT8 ? 0x80u : 0;
            for (int64_t i = 0; i < n; i++) ((uint8_t *)dst)[i] = (uint8_t)(key[i] ^ flip ^ sb);
            break;
        }
        case XP_INT16:
        case XP_UINT16: {
            uint32_t sb = dt == XP_INT16 ? 0x8000u : 0;
            uint16_t *y = (uint16_t *)(void *)dst;
            for (int64_t i = 0; i < n; i++) y[i] = (uint16_t)(key[i] ^ flip ^ sb);
            break;
        }
        default: {
            uint32_t sb = dt == XP_INT32 ? 0x80000000u : 0;
            uint32_t *y = (uint32_t *)(void *)dst;
            for (int64_t i = 0; i < n; i++) y[i] = key[i] ^ flip ^ sb;
            break;
        }
        }
        return;
    }
    uint64_t *key = kbuf ? kbuf : (void *)dst, flip = desc ? UINT64_MAX : 0;
    if (dt == XP_FLOAT64) {
        const double *x = (const double *)p;
        for (int64_t i = 0; i < n; i++) key[i] = xp__key_f64(x[i]) ^ flip;
        radix_u64(key, n, tbuf);
        double *y = (double *)(void *)dst;
        uint64_t zk = (UINT64_C(1) << 63) ^ flip, nk = UINT64_MAX ^ flip;
        int64_t zi = 0, ni = 0;
        for (int64_t i = 0; i < n; i++) {
            uint64_t k = key[i];
            if (k == zk) {
                while (!(x[zi] == 0)) zi++;
                y[i] = x[zi++];
            } else if (k == nk) {
                while (x[ni] == x[ni]) ni++;
                y[i] = x[ni++];
            } else {
                uint64_t b = k ^ flip;
                b = (b >> 63) ? b & ~(UINT64_C(1) << 63) : ~b;
                memcpy(&y[i], &b, 8);
            }
        }
        return;
    }
    /* int64, uint64 */
    uint64_t sb = dt == XP_INT64 ? UINT64_C(1) << 63 : 0;
    const uint64_t *x = (const uint64_t *)p;
    for (int64_t i = 0; i < n; i++) key[i] = x[i] ^ sb ^ flip;
    radix_u64(key, n, tbuf);
    uint64_t *y = (uint64_t *)(void *)dst;
    for (int64_t i = 0; i < n; i++) y[i] = key[i] ^ flip ^ sb;
}
