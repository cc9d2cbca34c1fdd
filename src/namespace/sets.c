/* Set functions: unique_all, unique_counts, unique_inverse, unique_values
 * (issue 5). One stable argsort of the flattened input, then one scan over the
 * groups of equal keys (NaNs each their own group). */
#include "reduce.h"

enum { U_VALUES, U_INDICES, U_INVERSE, U_COUNTS };

/* Starts of the groups of equal elements in the n sorted elements at s (NaNs
 * each their own group, -0 == +0); returns the number of groups, start[g] = n. */
static int64_t group_starts(xp_dtype dt, const char *s, int64_t n, int64_t *start) {
    int64_t g = 0;
    if (n > 0) start[g++] = 0;
    switch (dt) {
    case XP_FLOAT32: {
        const float *v = (const float *)s;
        for (int64_t i = 1; i < n; i++)
            if (!(v[i] == v[i - 1])) start[g++] = i;
        break;
    }
    case XP_FLOAT64: {
        const double *v = (const double *)s;
        for (int64_t i = 1; i < n; i++)
            if (!(v[i] == v[i - 1])) start[g++] = i;
        break;
    }
    default: /* integers and bool: equal values have equal bits */
        switch (xp_dtype_size(dt)) {
        case 1:
            for (int64_t i = 1; i < n; i++)
                if (((const uint8_t *)s)[i] != ((const uint8_t *)s)[i - 1]) start[g++] = i;
            break;
        case 2: {
            const uint16_t *v = (const uint16_t *)s;
            for (int64_t i = 1; i < n; i++)
                if (v[i] != v[i - 1]) start[g++] = i;
            break;
        }
        case 4: {
            const uint32_t *v = (const uint32_t *)s;
            for (int64_t i = 1; i < n; i++)
                if (v[i] != v[i - 1]) start[g++] = i;
            break;
        }
        default: {
            const uint64_t *v = (const uint64_t *)s;
            for (int64_t i = 1; i < n; i++)
                if (v[i] != v[i - 1]) start[g++] = i;
            break;
        }
        }
    }
    start[g] = n;
    return g;
}

/* unique_values / unique_counts of a non-complex dtype: a sorted copy of the
 * values (keys alone, sort_keys.c), then one scan over it. The first element
 * of each group is its first occurrence in x (the sort keeps -0/+0 in order). */
static xp_status unique_sorted(const char *fn, const xp_array *x, const char *p, unsigned want,
                               xp_array **out) {
    xp_dtype dt = x->dtype;
    size_t is = xp_dtype_size(dt), ks = xp__sort_key_size(dt);
    int64_t n = x->size;
    size_t m = (size_t)(n > 0 ? n : 1);
    char *sorted = xp__scratch(m * is);
    void *kbuf = ks == is ? NULL : xp__scratch(m * ks), *tbuf = xp__scratch(m * ks);
    int64_t *start = xp__scratch(m * 8 + 8);
    for (int f = 0; f < 4; f++) out[f] = NULL;
    xp_array *fail = NULL;
    if (!sorted || !tbuf || !start || (!kbuf && ks != is)) {
        fail = xp__oom();
    } else {
        xp__sort_values(dt, p, n, false, sorted, kbuf, tbuf);
        int64_t g = group_starts(dt, sorted, n, start);
        out[U_VALUES] = xp__new(fn, dt, 1, &g, x->device);
        if (xp_failed(out[U_VALUES])) {
            fail = xp_retain(out[U_VALUES]);
        } else {
            char *v = xp__data(out[U_VALUES]);
            for (int64_t j = 0; j < g; j++)
                memcpy(v + (size_t)j * is, sorted + (size_t)start[j] * is, is);
        }
        if (!fail && (want & (1u << U_COUNTS))) {
            out[U_COUNTS] = xp__new(fn, XP_INT64, 1, &g, x->device);
            if (xp_failed(out[U_COUNTS])) {
                fail = xp_retain(out[U_COUNTS]);
            } else {
                int64_t *c = (int64_t *)xp__data(out[U_COUNTS]);
                for (int64_t j = 0; j < g; j++) c[j] = start[j + 1] - start[j];
            }
        }
    }
    xp__scratch_free(sorted, m * is);
    xp__scratch_free(kbuf, m * ks);
    xp__scratch_free(tbuf, m * ks);
    xp__scratch_free(start, m * 8 + 8);
    if (fail) {
        for (int f = 0; f < 4; f++) xp_release(out[f]);
        return xp__fail_all(fail, 4, out);
    }
    return XP_OK;
}

/* Fills out[U_*] for the fields in `want` (bit mask); returns the status. */
static xp_status unique_impl(const char *fn, const xp_array *x, unsigned want, xp_array **out) {
    xp_array *err = xp__check(fn, "x", x);
    if (err) return xp__fail_all(err, 4, out);
    xp_array *flat = xp__is_c_contig(x) ? xp_retain(x) : xp__copy_as(fn, x, x->dtype);
    if (xp_failed(flat)) return xp__fail_all(flat, 4, out);
    xp_dtype dt = x->dtype;
    size_t is = xp_dtype_size(dt);
    int64_t n = x->size;
    size_t pb = (size_t)(n > 0 ? n : 1) * 8;
    const char *p = xp__data(flat);
    if (!(want & ((1u << U_INDICES) | (1u << U_INVERSE))) &&
        xp_dtype_kind(dt) != XP_KIND_COMPLEX_FLOATING) {
        xp_status s = unique_sorted(fn, x, p, want, out);
        xp_release(flat);
        return s;
    }
    int64_t *perm = xp__scratch(pb), *start = xp__scratch(pb + 8);
    if (!perm || !start || !xp__argsort_run(dt, p, n, false, perm)) {
        xp__scratch_free(perm, pb);
        xp__scratch_free(start, pb + 8);
        xp_release(flat);
        return xp__fail_all(xp__oom(), 4, out);
    }
    int64_t g = 0;
    uint64_t prev[2] = {0, 0};
    for (int64_t i = 0; i < n; i++) {
        const char *e = p + (size_t)perm[i] * is;
        uint64_t k[2];
        xp__keys(dt, e, k);
        if (i == 0 || k[0] != prev[0] || k[1] != prev[1] || xp__is_nan(dt, e)) start[g++] = i;
        prev[0] = k[0];
        prev[1] = k[1];
    }
    start[g] = n;
    for (int f = 0; f < 4; f++) out[f] = NULL;
    xp_array *fail = NULL;
    if (want & (1u << U_VALUES)) {
        out[U_VALUES] = xp__new(fn, dt, 1, &g, x->device);
        if (!xp_failed(out[U_VALUES])) {
            char *v = xp__data(out[U_VALUES]);
            for (int64_t j = 0; j < g; j++)
                memcpy(v + (size_t)j * is, p + (size_t)perm[start[j]] * is, is);
        } else fail = out[U_VALUES];
    }
    if (!fail && (want & (1u << U_INDICES))) {
        out[U_INDICES] = xp__new(fn, XP_INT64, 1, &g, x->device);
        if (!xp_failed(out[U_INDICES])) {
            int64_t *v = (int64_t *)xp__data(out[U_INDICES]);
            for (int64_t j = 0; j < g; j++) v[j] = perm[start[j]];
        } else fail = out[U_INDICES];
    }
    if (!fail && (want & (1u << U_COUNTS))) {
        out[U_COUNTS] = xp__new(fn, XP_INT64, 1, &g, x->device);
        if (!xp_failed(out[U_COUNTS])) {
            int64_t *v = (int64_t *)xp__data(out[U_COUNTS]);
            for (int64_t j = 0; j < g; j++) v[j] = start[j + 1] - start[j];
        } else fail = out[U_COUNTS];
    }
    if (!fail && (want & (1u << U_INVERSE))) {
        out[U_INVERSE] = xp__new(fn, XP_INT64, x->ndim, x->shape, x->device);
        if (!xp_failed(out[U_INVERSE])) {
            int64_t *v = (int64_t *)xp__data(out[U_INVERSE]);
            for (int64_t j = 0; j < g; j++)
                for (int64_t i = start[j]; i < start[j + 1]; i++) v[perm[i]] = j;
        } else fail = out[U_INVERSE];
    }
    xp__scratch_free(perm, pb);
    xp__scratch_free(start, pb + 8);
    xp_release(flat);
    if (fail) {
        xp_array *e = xp_retain(fail);
        for (int f = 0; f < 4; f++) xp_release(out[f]);
        return xp__fail_all(e, 4, out);
    }
    return XP_OK;
}

XP_API xp_unique_all_result xp_unique_all(const xp_array *x) {
    XP_ENTER;
    xp_array *o[4];
    xp__leave_n(unique_impl("xp_unique_all", x, 15u, o), 4, o);
    return (xp_unique_all_result){o[U_VALUES], o[U_INDICES], o[U_INVERSE], o[U_COUNTS]};
}

XP_API xp_unique_counts_result xp_unique_counts(const xp_array *x) {
    XP_ENTER;
    xp_array *o[4];
    xp_status s = unique_impl("xp_unique_counts", x, (1u << U_VALUES) | (1u << U_COUNTS), o);
    if (s != XP_OK) {
        xp_release(o[U_INDICES]);
        xp_release(o[U_INVERSE]);
    }
    xp_array *r[2] = {o[U_VALUES], o[U_COUNTS]};
    xp__leave_n(s, 2, r);
    return (xp_unique_counts_result){r[0], r[1]};
}

XP_API xp_unique_inverse_result xp_unique_inverse(const xp_array *x) {
    XP_ENTER;
    xp_array *o[4];
    xp_status s = unique_impl("xp_unique_inverse", x, (1u << U_VALUES) | (1u << U_INVERSE), o);
    if (s != XP_OK) {
        xp_release(o[U_INDICES]);
        xp_release(o[U_COUNTS]);
    }
    xp_array *r[2] = {o[U_VALUES], o[U_INVERSE]};
    xp__leave_n(s, 2, r);
    return (xp_unique_inverse_result){r[0], r[1]};
}

XP_API xp_array *xp_unique_values(const xp_array *x) {
    XP_ENTER;
    xp_array *o[4];
    xp_status s = unique_impl("xp_unique_values", x, 1u << U_VALUES, o);
    if (s != XP_OK)
        for (int f = 1; f < 4; f++) xp_release(o[f]);
    XP_LEAVE(o[U_VALUES]);
}
