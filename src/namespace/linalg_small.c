/* Batched solve of tiny systems (n <= 4) in the namespace itself: one fully
 * unrolled LU with partial pivoting per batch entry, read straight from the
 * inputs' strides and written straight into the C-order result, with no copy, no
 * scratch and no adapter dispatch per entry (the 10,000 3x3 batches of NumPy
 * users; issue 6).
 *
 * The arithmetic is the reference adapter's getrf + getrs('T') on the column-major
 * view of the C-order matrix (the general path of solve_impl), operation for
 * operation: LU of M = A^T with the first largest |M(i,j)| as pivot (cabs for
 * complex), then U^T y = b, L^T z = y, x = P z. A zero pivot is reported as
 * getrf's info (the first zero pivot, 1-based), so the error matches the general
 * path's exactly. Every flavor takes this path for n <= 4: LAPACK's call overhead
 * dominates at these sizes (the lapacke adapter already passes n < 9 down to the
 * reference code). */
#include "linalg_core.h"
#include "dtype_traits.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#if defined(__GNUC__)
#define XP__AINLINE static inline __attribute__((always_inline))
#else
#define XP__AINLINE static inline
#endif

/* Where the batch loop is: byte pointers into x1 and x2 and the multi-index. */
typedef struct {
    int bnd;
    const int64_t *bshape;
    const int64_t *sa, *sb; /* batch byte strides of x1 and x2 over bshape (0: broadcast) */
    int64_t ar, ac;         /* x1's row and column byte strides */
    int64_t br, bc;         /* x2's row and column byte strides (bc unused for vectors) */
    int64_t k;              /* right-hand sides per system */
} small_geom;

/* LU of M (N×N, m[i][j] = M(i,j) = A[j][i]) and the solve for k columns of B,
 * written to X (C order N×k). Returns getrf's info: 0, or the first zero pivot.
 * An A with a NaN or an infinity gets an all-NaN X, as on the general path. */
#define XP__SMALL_KERNEL(SUF, T, ABS)                                                      \
    XP__AINLINE int64_t small_##SUF(const int N, const char *A, const char *B, T *X,         \
                                    const small_geom *g) {                                   \
        T m[4][4];                                                                           \
        int piv[4];                                                                          \
        T z = 0; /* 0 * a stays 0 unless an entry is a NaN or an infinity */                \
        for (int i = 0; i < N; i++)                                                          \
            for (int j = 0; j < N; j++) {                                                    \
                m[i][j] = *(const T *)(const void *)(A + j * g->ar + i * g->ac);             \
                z += m[i][j] * 0;                                                            \
            }                                                                                \
        if (z != z) { /* a NaN or an infinity in A: NaN solution, both parts if complex */  \
            const T qnan = (T)NAN + (T)(NAN * I);                                            \
            for (int i = 0; i < N; i++)                                                      \
                for (int64_t c = 0; c < g->k; c++) X[i * g->k + c] = qnan;                   \
            return 0;                                                                        \
        }                                                                                    \
        for (int j = 0; j < N; j++) {                                                        \
            int p = j;                                                                       \
            double best = ABS(m[j][j]);                                                      \
            for (int i = j + 1; i < N; i++) {                                                \
                double v = ABS(m[i][j]);                                                     \
                if (v > best) best = v, p = i;                                               \
            }                                                                                \
            piv[j] = p;                                                                      \
            if (m[p][j] == 0) return j + 1;                                                  \
            if (p != j)                                                                      \
                for (int c = 0; c < N; c++) {                                                \
                    T t = m[j][c];                                                           \
                    m[j][c] = m[p][c];                                                       \
                    m[p][c] = t;                                                             \
                }                                                                            \
            T d = m[j][j];                                                                   \
            for (int i = j + 1; i < N; i++) m[i][j] /= d;                                    \
            for (int c = j + 1; c < N; c++) {                                                \
                T u = m[j][c];                                                               \
                for (int i = j + 1; i < N; i++) m[i][c] -= m[i][j] * u;                      \
            }                                                                                \
        }                                                                                    \
        for (int64_t c = 0; c < g->k; c++) {                                                 \
            T x[4];                                                                          \
            for (int i = 0; i < N; i++)                                                      \
                x[i] = *(const T *)(const void *)(B + i * g->br + c * g->bc);                \
            for (int j = 0; j < N; j++) { /* U^T y = b */                                    \
                T s = x[j];                                                                  \
                for (int i = 0; i < j; i++) s -= m[i][j] * x[i];                             \
                x[j] = s / m[j][j];                                                          \
            }                                                                                \
            for (int j = N - 1; j >= 0; j--) { /* L^T z = y */                               \
                T s = x[j];                                                                  \
                for (int i = j + 1; i < N; i++) s -= m[i][j] * x[i];                         \
                x[j] = s;                                                                    \
            }                                                                                \
            for (int i = N - 1; i >= 0; i--) { /* x = P z */                                 \
                T t = x[i];                                                                  \
                x[i] = x[piv[i]];                                                            \
                x[piv[i]] = t;                                                               \
            }                                                                                \
            for (int i = 0; i < N; i++) X[i * g->k + c] = x[i];                              \
        }                                                                                    \
        return 0;                                                                            \
    }                                                                                        \
    /* All batches with N fixed; returns the first nonzero info. */                          \
    XP__AINLINE int64_t batch_n_##SUF(const int N, const char *a, const char *b, T *X,        \
                                      int64_t nbatch, const small_geom *g) {                 \
        int64_t idx[XP_MAX_NDIM] = {0};                                                      \
        for (int64_t t = 0; t < nbatch; t++) {                                               \
            int64_t info = small_##SUF(N, a, b, X, g);                                       \
            if (info) return info;                                                           \
            X += N * g->k;                                                                   \
            for (int d = g->bnd - 1; d >= 0; d--) { /* next batch entry, C order */          \
                a += g->sa[d];                                                               \
                b += g->sb[d];                                                               \
                if (++idx[d] < g->bshape[d]) break;                                          \
                a -= g->sa[d] * g->bshape[d];                                                \
                b -= g->sb[d] * g->bshape[d];                                                \
                idx[d] = 0;                                                                  \
            }                                                                                \
        }                                                                                    \
        return 0;                                                                            \
    }                                                                                        \
    static int64_t batch_##SUF(int64_t n, const char *a, const char *b, void *X,              \
                               int64_t nbatch, const small_geom *g) {                        \
        switch (n) {                                                                         \
        case 1: return batch_n_##SUF(1, a, b, (T *)X, nbatch, g);                            \
        case 2: return batch_n_##SUF(2, a, b, (T *)X, nbatch, g);                            \
        case 3: return batch_n_##SUF(3, a, b, (T *)X, nbatch, g);                            \
        default: return batch_n_##SUF(4, a, b, (T *)X, nbatch, g);                           \
        }                                                                                    \
    }

XP__SMALL_KERNEL(f32, float, fabsf)
XP__SMALL_KERNEL(f64, double, fabs)
XP__SMALL_KERNEL(c64, xp_c64_t, cabsf)
XP__SMALL_KERNEL(c128, xp_c128_t, cabs)

xp_array *xp__la_solve_small(const char *fn, const xp_array *x1, const xp_array *x2, xp_array *r,
                             int bnd, const int64_t *bshape, bool vec, int64_t n, int64_t k) {
    xp_dtype dt = r->dtype;
    /* operands of another dtype are promoted first (a copy); the rest are read in place */
    xp_array *c1 = NULL, *c2 = NULL, *res = r;
    if (x1->dtype != dt) {
        c1 = xp__copy_as(fn, x1, dt);
        if (xp_failed(c1)) {
            xp_release(r);
            return c1;
        }
        x1 = c1;
    }
    if (x2->dtype != dt) {
        c2 = xp__copy_as(fn, x2, dt);
        if (xp_failed(c2)) {
            xp_release(r);
            xp_release(c1);
            return c2;
        }
        x2 = c2;
    }
    int64_t sa[XP_MAX_NDIM], sb[XP_MAX_NDIM];
    int off1 = bnd - (x1->ndim - 2), nb2 = vec ? 0 : x2->ndim - 2, off2 = bnd - nb2;
    for (int d = 0; d < bnd; d++) {
        int xd = d - off1;
        sa[d] = (xd >= 0 && x1->shape[xd] != 1) ? x1->strides[xd] : 0;
        xd = d - off2;
        sb[d] = (xd >= 0 && x2->shape[xd] != 1) ? x2->strides[xd] : 0;
    }
    small_geom g = {
        .bnd = bnd,
        .bshape = bshape,
        .sa = sa,
        .sb = sb,
        .ar = x1->strides[x1->ndim - 2],
        .ac = x1->strides[x1->ndim - 1],
        .br = x2->strides[vec ? 0 : x2->ndim - 2],
        .bc = vec ? 0 : x2->strides[x2->ndim - 1],
        .k = k,
    };
    int64_t nbatch = r->size / (n * k), info;
    const char *a = xp__data(x1), *b = xp__data(x2);
    switch (dt) {
    case XP_FLOAT32: info = batch_f32(n, a, b, xp__data(r), nbatch, &g); break;
    case XP_FLOAT64: info = batch_f64(n, a, b, xp__data(r), nbatch, &g); break;
    case XP_COMPLEX64: info = batch_c64(n, a, b, xp__data(r), nbatch, &g); break;
    default: info = batch_c128(n, a, b, xp__data(r), nbatch, &g); break;
    }
    if (info) {
        xp_release(r);
        res = xp__la_fail(fn, "getrf", XP_OK, info, XP_ERR_VALUE, "singular matrix");
    }
    xp_release(c1);
    xp_release(c2);
    return res;
}
