/* The portable reference adapter. */
#ifndef XP_ADAPTER_REFERENCE_H
#define XP_ADAPTER_REFERENCE_H

#include <xparray.h>

extern const xp_adapter xp_adapter_reference;

/** The portable FFT slot (fft.c): any length, O(n log n). */
xp_status xp__reference_fft_execute(const xp_fft_problem *p);

/** Another library's complex 1-D transform for the portable FFT's driver to use
 * on the lengths it takes (the gsl adapter's). `acquire` gives a handle shared by
 * concurrent callers (NULL: out of memory) that `release` gives back; `exec`
 * transforms data[0..n) in place, unnormalised, with e^(sign 2 pi i jk/n), using
 * n complex numbers of scratch (interleaved doubles), and returns false when the
 * library fails. */
typedef struct xp__fft_engine {
    bool (*takes)(int64_t n);
    void *(*acquire)(int64_t n);
    void (*release)(void *h);
    bool (*exec)(void *h, void *data, void *scratch, int sign);
} xp__fft_engine;

/** xp__reference_fft_execute with the complex lines that `eng` takes (eng may be
 * NULL) run by `eng`: the same strided, batched, axis-by-axis driver. */
xp_status xp__fft_portable_run(const xp_fft_problem *p, const xp__fft_engine *eng);
/* linalg slots (products.c, factor.c) */
xp_status xp__ref_gemm(const xp_gemm_args *g);
xp_status xp__ref_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                        int64_t *info);
xp_status xp__ref_getrs(xp_dtype dt, char trans, int64_t n, int64_t nrhs, const void *a,
                        int64_t lda, const int64_t *ipiv, void *b, int64_t ldb, int64_t *info);
xp_status xp__ref_getri(xp_dtype dt, int64_t n, void *a, int64_t lda, const int64_t *ipiv,
                        int64_t *info);
xp_status xp__ref_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info);
xp_status xp__ref_geqrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, void *tau,
                        int64_t *info);
xp_status xp__ref_orgqr(xp_dtype dt, int64_t m, int64_t n, int64_t k, void *a, int64_t lda,
                        const void *tau, int64_t *info);
xp_status xp__ref_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda,
                        void *w, int64_t *info);
xp_status xp__ref_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr,
                       int64_t ldvr, int64_t *info);
xp_status xp__ref_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda,
                        void *s, void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info);

/* ---- reduction kernels (reduce.c, reduce_kernels.inc) ---------------------- */

#define XP__REF_REAL_SFX(X) X(INT8, i8) X(INT16, i16) X(INT32, i32) X(INT64, i64) \
    X(UINT8, u8) X(UINT16, u16) X(UINT32, u32) X(UINT64, u64) X(FLOAT32, f32) X(FLOAT64, f64)
#define XP__REF_DECL(name) \
    xp_status name(int64_t outer, int64_t n, int64_t inner, const void *x, void *out);
#define XP__REF_DECL4(E, S) XP__REF_DECL(xp__ref_sum_##S) XP__REF_DECL(xp__ref_prod_##S) \
    XP__REF_DECL(xp__ref_min_##S) XP__REF_DECL(xp__ref_max_##S)
XP__REF_REAL_SFX(XP__REF_DECL4)
XP__REF_DECL(xp__ref_sum_c64)
XP__REF_DECL(xp__ref_prod_c64)
XP__REF_DECL(xp__ref_sum_c128)
XP__REF_DECL(xp__ref_prod_c128)
XP__REF_DECL(xp__ref_min_b)
XP__REF_DECL(xp__ref_max_b)

#define XP__REF_ROW4(E, S)                                                               \
    [XP_REDUCE_SUM][XP_##E] = xp__ref_sum_##S, [XP_REDUCE_PROD][XP_##E] = xp__ref_prod_##S, \
    [XP_REDUCE_MIN][XP_##E] = xp__ref_min_##S, [XP_REDUCE_MAX][XP_##E] = xp__ref_max_##S,
/** Initialiser of the reference adapter's `.reduce` member. */
#define XP__REFERENCE_REDUCE                                                              \
    {.fn = {XP__REF_REAL_SFX(XP__REF_ROW4)[XP_REDUCE_SUM][XP_COMPLEX64] = xp__ref_sum_c64,  \
            [XP_REDUCE_PROD][XP_COMPLEX64] = xp__ref_prod_c64,                            \
            [XP_REDUCE_SUM][XP_COMPLEX128] = xp__ref_sum_c128,                            \
            [XP_REDUCE_PROD][XP_COMPLEX128] = xp__ref_prod_c128,                          \
            [XP_REDUCE_MIN][XP_BOOL] = xp__ref_min_b, [XP_REDUCE_MAX][XP_BOOL] = xp__ref_max_b}}

#endif
