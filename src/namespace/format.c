/* NumPy-style text of an array (numpy's repr: `array([1. , 2.5])`), with
 * summarisation of large arrays, to a buffer or a FILE*. */
#include "core.h"

#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { THRESHOLD = 1000, EDGE = 3, LINEWIDTH = 75, PREC = 8 };

/* ---- a growable string ------------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void put(sbuf *s, const char *t, size_t k) {
    if (s->oom) return;
    if (s->n + k + 1 > s->cap) {
        size_t nc = s->cap ? s->cap : 256;
        while (nc < s->n + k + 1) nc *= 2;
        char *q = xp__scratch(nc);
        if (!q) {
            s->oom = true;
            return;
        }
        if (s->p) {
            memcpy(q, s->p, s->n);
            xp__scratch_free(s->p, s->cap);
        }
        s->p = q;
        s->cap = nc;
    }
    memcpy(s->p + s->n, t, k);
    s->n += k;
    s->p[s->n] = 0;
}
static void puts_(sbuf *s, const char *t) { put(s, t, strlen(t)); }
static void spaces(sbuf *s, int k) {
    for (; k > 0; k--) put(s, " ", 1);
}

/* ---- one real number: numpy's positional or scientific float format --------- */

typedef struct ffmt {
    bool sci;
    bool f32;  /* float32/complex64: the shortest text that gives the float32 back */
    int frac;  /* widest fraction (digits after the point) */
    int left;  /* widest part before the point (sign included) */
    int width; /* widest non-finite text */
} ffmt;

/* The fewest digits (0..PREC) after the point that give v back at PREC digits. */
static int digits(double v, bool sci, bool f32) {
    char ref[64], t[64];
    snprintf(ref, sizeof ref, sci ? "%.*e" : "%.*f", PREC, v);
    double target = strtod(ref, NULL);
    for (int d = 0; d < PREC; d++) {
        snprintf(t, sizeof t, sci ? "%.*e" : "%.*f", d, v);
        double b = strtod(t, NULL);
        if (b == target || b == v || (f32 && (float)b == (float)v)) return d;
    }
    return PREC;
}

/* The text of v with `d` fraction digits and a point always ("1.", "1.5e+00"). */
static int text(char *out, size_t n, double v, bool sci, int d, bool plus) {
    char t[64];
    snprintf(t, sizeof t, sci ? (plus ? "%+.*e" : "%.*e") : (plus ? "%+.*f" : "%.*f"), d, v);
    if (d == 0) { /* insert the point numpy always shows */
        char *e = strchr(t, 'e');
        char tail[16] = "";
        if (e) {
            snprintf(tail, sizeof tail, "%s", e);
            *e = 0;
        }
        return snprintf(out, n, "%s.%s", t, tail);
    }
    return snprintf(out, n, "%s", t);
}

static const char *nonfinite(double v) { return isnan(v) ? "nan" : v > 0 ? "inf" : "-inf"; }

static void ffmt_scan(ffmt *f, const double *v, int64_t n, bool plus, bool f32) {
    f->f32 = f32;
    double maxv = 0, minv = INFINITY;
    for (int64_t i = 0; i < n; i++) {
        if (!isfinite(v[i]) || v[i] == 0) continue;
        double a = fabs(v[i]);
        if (a > maxv) maxv = a;
        if (a < minv) minv = a;
    }
    f->sci = maxv > 0 && (maxv >= 1e8 || minv < 1e-4 || maxv / minv > 1e3);
    f->frac = 0;
    f->left = 0;
    f->width = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) {
            int w = (int)strlen(nonfinite(v[i])) + (plus && !(v[i] < 0) ? 1 : 0);
            if (w > f->width) f->width = w;
            continue;
        }
        int d = digits(v[i], f->sci, f->f32);
        if (d > f->frac) f->frac = d;
    }
    for (int64_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) continue;
        char t[80];
        text(t, sizeof t, v[i], f->sci, f->frac, plus);
        int l = (int)(strchr(t, '.') - t);
        if (l > f->left) f->left = l;
    }
}

/* One real number padded to the common layout. */
static void fput(sbuf *s, const ffmt *f, double v, bool plus) {
    char t[80];
    int total = f->left + 1 + f->frac;
    if (f->sci) total += 4;
    if (!isfinite(v)) {
        const char *nf = nonfinite(v);
        char u[8];
        snprintf(u, sizeof u, "%s%s", plus && !(v < 0) ? "+" : "", nf);
        int w = total > f->width ? total : f->width;
        spaces(s, w - (int)strlen(u));
        puts_(s, u);
        return;
    }
    /* scientific: every mantissa with the common digits (numpy zero-fills them);
     * positional: each value's own digits, padded with spaces */
    int d = f->sci ? f->frac : digits(v, false, f->f32);
    text(t, sizeof t, v, f->sci, d, plus);
    int l = (int)(strchr(t, '.') - t);
    int w = total > f->width ? total : f->width;
    spaces(s, f->left - l + (w - total));
    if (f->sci) { /* pad the mantissa's fraction before the exponent */
        char *e = strchr(t, 'e');
        put(s, t, (size_t)(e - t));
        spaces(s, f->frac - d);
        puts_(s, e);
    } else {
        puts_(s, t);
        spaces(s, f->frac - d);
    }
}

/* ---- walking the printed elements -------------------------------------------- */

typedef struct walker {
    const xp_array *x;
    bool summary;
    /* collected values (first pass) */
    double *re, *im;
    int64_t n, cap;
    int64_t imax, imin; /* integer widths */
    uint64_t umax;
    bool any_false, any_true;
    ffmt fre, fim;
    int width; /* widest element text */
} walker;

static bool pick(const walker *w, int d, int64_t k, int64_t *i) {
    int64_t n = w->x->shape[d];
    if (!w->summary || n <= 2 * EDGE) {
        *i = k;
        return k < n;
    }
    if (k < EDGE) *i = k;
    else if (k == EDGE) *i = -1; /* the "..." */
    else *i = n - (2 * EDGE + 1 - k);
    return k < 2 * EDGE + 1;
}

static double complex load(xp_dtype dt, const char *p) {
    switch (dt) {
    case XP_FLOAT32: return *(const float *)p;
    case XP_FLOAT64: return *(const double *)p;
    case XP_COMPLEX64: return *(const float complex *)p;
    case XP_COMPLEX128: return *(const double complex *)p;
    default: return 0;
    }
}

static int64_t load_int(xp_dtype dt, const char *p) {
    switch (dt) {
    case XP_BOOL: return *(const uint8_t *)p;
    case XP_INT8: return *(const int8_t *)p;
    case XP_INT16: return *(const int16_t *)p;
    case XP_INT32: return *(const int32_t *)p;
    case XP_INT64: return *(const int64_t *)p;
    case XP_UINT8: return *(const uint8_t *)p;
    case XP_UINT16: return *(const uint16_t *)p;
    case XP_UINT32: return *(const uint32_t *)p;
    default: return 0;
    }
}

static void collect(walker *w, int d, const char *p) {
    const xp_array *x = w->x;
    if (d == x->ndim) {
        xp_kind k = xp_dtype_kind(x->dtype);
        if (k & (XP_KIND_REAL_FLOATING | XP_KIND_COMPLEX_FLOATING)) {
            if (w->n == w->cap) {
                int64_t nc = w->cap ? 2 * w->cap : 64;
                double *a = xp__scratch((size_t)nc * sizeof *a), *b = xp__scratch((size_t)nc * sizeof *b);
                if (!a || !b) {
                    xp__scratch_free(a, (size_t)nc * sizeof *a);
                    xp__scratch_free(b, (size_t)nc * sizeof *b);
                    return;
                }
                if (w->n) {
                    memcpy(a, w->re, (size_t)w->n * sizeof *a);
                    memcpy(b, w->im, (size_t)w->n * sizeof *b);
                }
                xp__scratch_free(w->re, (size_t)w->cap * sizeof *a);
                xp__scratch_free(w->im, (size_t)w->cap * sizeof *b);
                w->re = a;
                w->im = b;
                w->cap = nc;
            }
            double complex v = load(x->dtype, p);
            w->re[w->n] = creal(v);
            w->im[w->n] = cimag(v);
            w->n++;
        } else if (x->dtype == XP_BOOL) {
            if (*(const uint8_t *)p) w->any_true = true;
            else w->any_false = true;
        } else if (x->dtype == XP_UINT64) {
            uint64_t u = *(const uint64_t *)p;
            if (u > w->umax) w->umax = u;
        } else {
            int64_t v = load_int(x->dtype, p);
            if (v > w->imax) w->imax = v;
            if (v < w->imin) w->imin = v;
        }
        return;
    }
    int64_t i;
    for (int64_t k = 0; pick(w, d, k, &i); k++)
        if (i >= 0) collect(w, d + 1, p + i * x->strides[d]);
}

static int ftotal(const ffmt *f) {
    int t = f->left + 1 + f->frac + (f->sci ? 4 : 0);
    return t > f->width ? t : f->width;
}

/* Width of every element's text (they are padded to it). */
static int elem_width(const walker *w) {
    switch (xp_dtype_kind(w->x->dtype)) {
    case XP_KIND_REAL_FLOATING: return ftotal(&w->fre);
    case XP_KIND_COMPLEX_FLOATING: return ftotal(&w->fre) + ftotal(&w->fim) + 1;
    default: return w->width;
    }
}

static void element(sbuf *s, const walker *w, const char *p) {
    const xp_array *x = w->x;
    char t[48];
    int k;
    switch (xp_dtype_kind(x->dtype)) {
    case XP_KIND_BOOL:
        k = snprintf(t, sizeof t, "%s", *(const uint8_t *)p ? "True" : "False");
        break;
    case XP_KIND_REAL_FLOATING: fput(s, &w->fre, creal(load(x->dtype, p)), false); return;
    case XP_KIND_COMPLEX_FLOATING: {
        double complex v = load(x->dtype, p);
        fput(s, &w->fre, creal(v), false);
        fput(s, &w->fim, cimag(v), true);
        puts_(s, "j");
        return;
    }
    default:
        if (x->dtype == XP_UINT64) k = snprintf(t, sizeof t, "%llu", (unsigned long long)*(const uint64_t *)p);
        else k = snprintf(t, sizeof t, "%lld", (long long)load_int(x->dtype, p));
    }
    spaces(s, w->width - k);
    put(s, t, (size_t)k);
}

static void emit(sbuf *s, const walker *w, int d, const char *p, int indent, int *col) {
    const xp_array *x = w->x;
    int nd = x->ndim;
    put(s, "[", 1);
    (*col)++;
    int64_t i;
    bool first = true;
    for (int64_t k = 0; pick(w, d, k, &i); k++) {
        if (d == nd - 1) {
            if (!first) {
                put(s, ",", 1);
                (*col)++;
                /* numpy: the line after ", " plus the next word must fit in the
                 * width less ")" and one "]" per axis */
                int word = i < 0 ? 3 : elem_width(w);
                if (*col + 1 + word > LINEWIDTH - 1 - nd) {
                    put(s, "\n", 1);
                    spaces(s, indent + d + 1);
                    *col = indent + d + 1;
                } else {
                    put(s, " ", 1);
                    (*col)++;
                }
            }
            if (i < 0) {
                puts_(s, "...");
                *col += 3;
            } else {
                size_t before = s->n;
                element(s, w, p + i * x->strides[d]);
                *col += (int)(s->n - before);
            }
        } else {
            if (!first) {
                put(s, ",", 1);
                for (int b = 0; b < nd - d - 1; b++) put(s, "\n", 1);
                spaces(s, indent + d + 1);
                *col = indent + d + 1;
            }
            if (i < 0) {
                puts_(s, "...");
                *col += 3;
            } else {
                emit(s, w, d + 1, p + i * x->strides[d], indent, col);
            }
        }
        first = false;
    }
    put(s, "]", 1);
    (*col)++;
}

static bool default_dtype(xp_dtype dt) {
    return dt == XP_FLOAT64 || dt == XP_INT64 || dt == XP_BOOL || dt == XP_COMPLEX128;
}

/* The whole text into s. */
static void format(sbuf *s, const xp_array *x) {
    char t[600];
    if (!x) {
        puts_(s, "<NULL array>");
        return;
    }
    if (x->flags & XP__F_ERROR) {
        snprintf(t, sizeof t, "<error array %s: %s>", xp_status_name(x->status), x->message);
        puts_(s, t);
        return;
    }
    if (XP_DEVICE_TYPE(x->device) != 1) {
        puts_(s, "<array on a device that is not host memory>");
        return;
    }
    const char *name = xp_dtype_name(x->dtype);
    if (x->size == 0) {
        puts_(s, "array([]");
        if (x->ndim != 1) {
            puts_(s, ", shape=(");
            for (int d = 0; d < x->ndim; d++) {
                snprintf(t, sizeof t, d ? ", %lld" : "%lld", (long long)x->shape[d]);
                puts_(s, t);
            }
            puts_(s, x->ndim == 1 ? ",)" : ")");
        }
        snprintf(t, sizeof t, ", dtype=%s)", name);
        puts_(s, t);
        return;
    }
    walker w = {.x = x, .summary = x->size > THRESHOLD, .imax = INT64_MIN, .imin = INT64_MAX};
    collect(&w, 0, xp__data(x));
    bool f32 = x->dtype == XP_FLOAT32 || x->dtype == XP_COMPLEX64;
    ffmt_scan(&w.fre, w.re, w.n, false, f32);
    ffmt_scan(&w.fim, w.im, w.n, true, f32);
    if (x->dtype == XP_BOOL) {
        w.width = w.any_false ? 5 : 4;
    } else if (x->dtype == XP_UINT64) {
        w.width = snprintf(t, sizeof t, "%llu", (unsigned long long)w.umax);
    } else if (xp_dtype_kind(x->dtype) & XP_KIND_INTEGRAL) {
        int a = snprintf(t, sizeof t, "%lld", (long long)w.imax);
        int b = snprintf(t, sizeof t, "%lld", (long long)w.imin);
        w.width = a > b ? a : b;
    }
    puts_(s, "array(");
    int col = 6;
    if (x->ndim == 0) {
        walker w0 = w;
        w0.width = 0;
        w0.fre.left = w0.fim.left = 0;
        element(s, &w0, xp__data(x));
    } else {
        emit(s, &w, 0, xp__data(x), 6, &col);
    }
    if (!default_dtype(x->dtype)) {
        snprintf(t, sizeof t, ", dtype=%s", name);
        puts_(s, t);
    }
    puts_(s, ")");
    xp__scratch_free(w.re, (size_t)w.cap * sizeof *w.re);
    xp__scratch_free(w.im, (size_t)w.cap * sizeof *w.im);
}

XP_API size_t xp_array_format(const xp_array *x, char *buf, size_t size) {
    sbuf s = {0};
    format(&s, x);
    if (s.oom) {
        xp__status_error(XP_ERR_NOMEM, "xp_array_format", "out of memory");
        xp__scratch_free(s.p, s.cap);
        if (buf && size) buf[0] = 0;
        return 0;
    }
    size_t n = s.n;
    if (buf && size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(buf, s.p, k);
        buf[k] = 0;
    }
    xp__scratch_free(s.p, s.cap);
    return n;
}

XP_API xp_status xp_array_print(const xp_array *x, FILE *f) {
    static const char fn[] = "xp_array_print";
    if (!f) return xp__status_error(XP_ERR_TYPE, fn, "argument 'f' is NULL");
    sbuf s = {0};
    format(&s, x);
    xp_status st = XP_OK;
    if (s.oom) st = xp__status_error(XP_ERR_NOMEM, fn, "out of memory");
    else if (fwrite(s.p, 1, s.n, f) != s.n || fputc('\n', f) == EOF)
        st = xp__status_error(XP_ERR_IO, fn, "argument 'f': writing failed");
    xp__scratch_free(s.p, s.cap);
    return st;
}
