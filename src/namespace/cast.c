/* Dtype conversions: one loop per (from, to) pair, total (no undefined
 * behaviour): float→int saturates to INT64_MIN outside int64 (NumPy's x86
 * answer) before wrapping to the target width; complex→real takes the real part
 * (astype refuses it before getting here; real() and friends use it). */
#include "iter.h"
#include "pool.h"
#include "copy.h"
#include "dtype_traits.h"

#include <math.h>

static inline int64_t f2i64(double v) {
    if (v >= -9223372036854775808.0 && v < 9223372036854775808.0) return (int64_t)v;
    if (v >= 0 && v < 18446744073709551616.0) return (int64_t)(uint64_t)v;
    return INT64_MIN;
}

/* Normalised source value: a bool byte other than 0/1 (imported memory) is true. */
#define N_BOOL(v) ((v) != 0)
#define N_INT8(v) (v)
#define N_INT16(v) (v)
#define N_INT32(v) (v)
#define N_INT64(v) (v)
#define N_UINT8(v) (v)
#define N_UINT16(v) (v)
#define N_UINT32(v) (v)
#define N_UINT64(v) (v)
#define N_FLOAT32(v) (v)
#define N_FLOAT64(v) (v)
#define N_COMPLEX64(v) (v)
#define N_COMPLEX128(v) (v)

/* Source category → integer (int64 bits) conversion. */
#define I64_BOOL(v) ((int64_t)((v) != 0))
#define I64_INT8(v) ((int64_t)(v))
#define I64_INT16(v) ((int64_t)(v))
#define I64_INT32(v) ((int64_t)(v))
#define I64_INT64(v) ((int64_t)(v))
#define I64_UINT8(v) ((int64_t)(v))
#define I64_UINT16(v) ((int64_t)(v))
#define I64_UINT32(v) ((int64_t)(v))
#define I64_UINT64(v) ((int64_t)(v))
#define I64_FLOAT32(v) f2i64((double)(v))
#define I64_FLOAT64(v) f2i64(v)
#define I64_COMPLEX64(v) f2i64((double)crealf(v))
#define I64_COMPLEX128(v) f2i64(creal(v))

/* Source → real (double) conversion. */
#define R_BOOL(v) ((double)((v) != 0))
#define R_INT8(v) ((double)(v))
#define R_INT16(v) ((double)(v))
#define R_INT32(v) ((double)(v))
#define R_INT64(v) ((double)(v))
#define R_UINT8(v) ((double)(v))
#define R_UINT16(v) ((double)(v))
#define R_UINT32(v) ((double)(v))
#define R_UINT64(v) ((double)(v))
#define R_FLOAT32(v) (v)
#define R_FLOAT64(v) (v)
#define R_COMPLEX64(v) crealf(v)
#define R_COMPLEX128(v) creal(v)

/* Source → bool. */
#define B_ANY(v) ((v) != 0)

/* Target writers: W_<TARGET>(SRC, v) gives the target value. */
#define W_BOOL(S, T, v) ((T)B_ANY(v))
#define W_INT8(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_INT16(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_INT32(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_INT64(S, T, v) ((T)I64_##S(v))
#define W_UINT8(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_UINT16(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_UINT32(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_UINT64(S, T, v) ((T)(uint64_t)I64_##S(v))
#define W_FLOAT32(S, T, v) ((T)R_##S(v))
#define W_FLOAT64(S, T, v) ((T)R_##S(v))
#define W_COMPLEX64(S, T, v) ((T)N_##S(v))
#define W_COMPLEX128(S, T, v) ((T)N_##S(v))

#define CAST_FN(SE, ST, DE, DT)                                                         \
    static xp_status cast_##SE##_##DE(int64_t n, char *const *a, const int64_t *s,     \
                                      const void *aux) {                               \
        (void)aux;                                                                     \
        const char *in = a[0];                                                         \
        char *out = a[1];                                                              \
        if (s[0] == (int64_t)sizeof(ST) && s[1] == (int64_t)sizeof(DT)) {              \
            const ST *restrict x = (const ST *)in;                                     \
            DT *restrict y = (DT *)out;                                                \
            for (int64_t i = 0; i < n; i++) y[i] = W_##DE(SE, DT, x[i]);               \
            return XP_OK;                                                              \
        }                                                                              \
        for (int64_t i = 0; i < n; i++, in += s[0], out += s[1]) {                     \
            ST v;                                                                      \
            memcpy(&v, in, sizeof v);                                                  \
            DT w = W_##DE(SE, DT, v);                                                  \
            memcpy(out, &w, sizeof w);                                                 \
        }                                                                              \
        return XP_OK;                                                                  \
    }

#define CAST_TO_ALL(SE, ST, SR) XP_CTYPES_TARGETS(CAST_FN, SE, ST)
#define XP_CTYPES_TARGETS(F, SE, ST)                                                    \
    F(SE, ST, BOOL, uint8_t) F(SE, ST, INT8, int8_t) F(SE, ST, INT16, int16_t)          \
    F(SE, ST, INT32, int32_t) F(SE, ST, INT64, int64_t) F(SE, ST, UINT8, uint8_t)       \
    F(SE, ST, UINT16, uint16_t) F(SE, ST, UINT32, uint32_t) F(SE, ST, UINT64, uint64_t) \
    F(SE, ST, FLOAT32, float) F(SE, ST, FLOAT64, double) F(SE, ST, COMPLEX64, xp_c64_t) \
    F(SE, ST, COMPLEX128, xp_c128_t)

XP_CTYPES(CAST_TO_ALL)

#define ROW_ENTRY(SE, ST, DE, DT) [XP_##DE] = cast_##SE##_##DE,
#define ROW(SE, ST, SR) [XP_##SE] = {XP_CTYPES_TARGETS(ROW_ENTRY, SE, ST)},
static const xp_loop_fn cast_table[XP_DTYPE_COUNT][XP_DTYPE_COUNT] = {XP_CTYPES(ROW)};

xp_loop_fn xp__cast_loop(xp_dtype from, xp_dtype to) {
    if ((int)from <= 0 || from >= XP_DTYPE_COUNT || (int)to <= 0 || to >= XP_DTYPE_COUNT)
        return NULL;
    return cast_table[from][to];
}

xp_status xp__copy_into(xp_array *dst, const xp_array *src) {
    int nd;
    int64_t shape[XP_MAX_NDIM];
    const int64_t *shapes[2] = {src->shape, dst->shape};
    int ndims[2] = {src->ndim, dst->ndim};
    xp_array *err = xp__bcast_shapes("xp_copy", 2, ndims, shapes, &nd, shape);
    if (err || nd != dst->ndim || memcmp(shape, dst->shape, (size_t)nd * sizeof *shape)) {
        xp_release(err);
        return XP_ERR_VALUE;
    }
    if (src->dtype == dst->dtype && dst->dtype != XP_BOOL) { /* plain copy: reordered, blocked */
        int64_t st[XP_MAX_NDIM];
        xp__bcast_strides(src, nd, shape, st);
        xp__copy_raw(nd, shape, xp__data(dst), dst->strides, xp__data(src), st,
                     xp_dtype_size(dst->dtype));
        return XP_OK;
    }
    xp_loop_fn f = xp__cast_loop(src->dtype, dst->dtype);
    if (!f) return XP_ERR_TYPE;
    const xp_array *ops[2] = {src, dst};
    return xp__iter_run(2, ops, dst->ndim, dst->shape, f, NULL);
}

xp_array *xp__copy_as(const char *fn, const xp_array *x, xp_dtype dt) {
    return xp__copy_to(fn, x, dt, x->device);
}

/* A plain copy of one piece: the loop signature of xp__iter_run_split's pieces
 * is not needed, so copies are cut here along the same axis. */
typedef struct copy_job {
    int ndim, axis;
    int64_t pieces;
    const int64_t *shape, *dst_strides, *src_strides;
    char *dst;
    const char *src;
    size_t itemsize;
} copy_job;

static void copy_piece(void *ctx, int64_t k) {
    copy_job *c = ctx;
    int64_t lo, hi, shape[XP_MAX_NDIM];
    xp__par_range(c->shape[c->axis], c->pieces, k, &lo, &hi);
    memcpy(shape, c->shape, (size_t)c->ndim * sizeof *shape);
    shape[c->axis] = hi - lo;
    xp__copy_raw(c->ndim, shape, c->dst + lo * c->dst_strides[c->axis], c->dst_strides,
                 c->src + lo * c->src_strides[c->axis], c->src_strides, c->itemsize);
}

/* Copies (converting) x into the fresh array r of x's shape: large copies run
 * on the thread pool (r overlaps nothing, so pieces may run in any order). */
static xp_status copy_fresh(xp_array *r, const xp_array *x) {
    size_t is = xp_dtype_size(x->dtype), os = xp_dtype_size(r->dtype);
    int axis;
    int64_t pieces = xp__par_axis_pieces(r->ndim, r->shape, r->size * (int64_t)(is + os), &axis);
    if (pieces < 2) return xp__copy_into(r, x);
    if (x->dtype == r->dtype && r->dtype != XP_BOOL) {
        copy_job c = {r->ndim, axis, pieces, r->shape, r->strides, x->strides,
                      xp__data(r), xp__data(x), is};
        xp__par_for(pieces, copy_piece, &c);
        return XP_OK;
    }
    xp_loop_fn f = xp__cast_loop(x->dtype, r->dtype);
    if (!f) return XP_ERR_TYPE;
    const xp_array *ops[2] = {x, r};
    return xp__iter_run_par(2, ops, r->ndim, r->shape, f, NULL);
}

xp_array *xp__copy_to(const char *fn, const xp_array *x, xp_dtype dt, xp_device dev) {
    xp_array *r = xp__new(fn, dt, x->ndim, x->shape, dev);
    if (xp_failed(r)) return r;
    xp_status st = copy_fresh(r, x);
    if (st != XP_OK) {
        xp_release(r);
        return xp__error(st, fn, "cannot convert %s to %s", xp_dtype_name(x->dtype),
                         xp_dtype_name(dt));
    }
    return r;
}
