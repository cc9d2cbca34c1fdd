/* The GSL adapter: GSL's BLAS, linear algebra, eigensystems and FFT. */
#ifndef XP_ADAPTER_GSL_H
#define XP_ADAPTER_GSL_H

#include <xparray.h>
#include <xparray/adapter_util.h>

#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_vector.h>

extern const xp_adapter xp_adapter_gsl;


/** A status for a GSL return code: XP_OK for GSL_SUCCESS; XP_ERR_NOMEM for
 * GSL_ENOMEM; XP_ERR_BACKEND otherwise (the caller puts gsl_strerror(code) and the
 * number in its message). */
xp_status xp__gsl_status(int code);

/* GSL containers over hook memory (gsl_mem.c): NULL when memory runs out; free
 * them with xp__gsl_drop (NULL is ignored), never with gsl_*_free. */
gsl_matrix *xp__gsl_matrix(size_t n1, size_t n2);
gsl_matrix_complex *xp__gsl_matrix_complex(size_t n1, size_t n2);
gsl_vector *xp__gsl_vector(size_t n);
gsl_vector_complex *xp__gsl_vector_complex(size_t n);
gsl_permutation *xp__gsl_permutation(size_t n);
void xp__gsl_drop(void *obj);

/* slots (gsl_blas.c, gsl_linalg.c, gsl_fft.c); the table (gsl.c) calls them inside
 * the error-handler guard */
/** Complex transforms with a power-of-two length of at least 2^19 on some axis
 * (GSL's FFT for those lines, the portable one for the rest); otherwise
 * XP_ERR_NOT_IMPLEMENTED. */
xp_status xp__gsl_fft_execute(const xp_fft_problem *p);
xp_status xp__gsl_gemm(const xp_gemm_args *g);
xp_status xp__gsl_potrf(xp_dtype dt, char uplo, int64_t n, void *a, int64_t lda, int64_t *info);
xp_status xp__gsl_getrf(xp_dtype dt, int64_t m, int64_t n, void *a, int64_t lda, int64_t *ipiv,
                        int64_t *info);
xp_status xp__gsl_syevd(xp_dtype dt, char jobz, char uplo, int64_t n, void *a, int64_t lda, void *w,
                        int64_t *info);
xp_status xp__gsl_geev(xp_dtype dt, int64_t n, void *a, int64_t lda, void *w, void *vr, int64_t ldvr,
                       int64_t *info);
xp_status xp__gsl_gesdd(xp_dtype dt, char jobz, int64_t m, int64_t n, void *a, int64_t lda, void *s,
                        void *u, int64_t ldu, void *vt, int64_t ldvt, int64_t *info);

#endif
