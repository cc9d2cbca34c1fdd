/* The portable reference adapter. */
#ifndef XP_ADAPTER_REFERENCE_H
#define XP_ADAPTER_REFERENCE_H

#include <xparray.h>

extern const xp_adapter xp_adapter_reference;

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
/** The portable FFT slot (fft.c): any length, O(n log n). */
xp_status xp__reference_fft_execute(const xp_fft_problem *p);

#endif
