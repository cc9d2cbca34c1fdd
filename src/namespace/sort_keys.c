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
