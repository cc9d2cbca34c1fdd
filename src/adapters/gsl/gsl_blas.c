/* The gemm slot over GSL's BLAS (gsl_blas_{s,d,c,z}gemm), on gsl_matrix views of
 * the operands' own memory (no copies): an operand whose elements are unit-strided
 * along one axis is a row-major view, transposed (CblasTrans / CblasConjTrans)
 * when its unit stride is the row stride. Other layouts (negative, zero or
 * non-multiple strides, conjugation of an untransposed A) pass down. */
#include "gsl.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_matrix.h>

typedef struct view {
    size_t rows, cols, tda; /* the stored row-major matrix */
    CBLAS_TRANSPOSE_t trans;
} view;

/* op(X) is r×c with byte strides rs, cs: how to see it as a row-major matrix. */
static bool as_view(int64_t r, int64_t c, int64_t rs, int64_t cs, int64_t isz, bool conj, view *v) {
    if (c == 1) cs = isz;
    if (r == 1) rs = c * isz;
    if (cs == isz && rs > 0 && rs % isz == 0 && rs / isz >= c && !conj) {
        *v = (view){(size_t)r, (size_t)c, (size_t)(rs / isz), CblasNoTrans};
        return true;
    }
    if (r == 1) rs = isz; /* a strided row: a transposed column */
    if (rs == isz && cs > 0 && cs % isz == 0 && cs / isz >= r) {
        *v = (view){(size_t)c, (size_t)r, (size_t)(cs / isz), conj ? CblasConjTrans : CblasTrans};
        return true;
    }
    return false;
}

static xp_status one(const xp_gemm_args *g, const char *a, const char *b, char *c, const view *va,
                     const view *vb, size_t ldc) {
    size_t m = (size_t)g->m, n = (size_t)g->n;
    int rc;
    for (size_t i = 0; i < m; i++) memset(c + i * ldc * xp_dtype_size(g->dtype), 0, n * xp_dtype_size(g->dtype));
    switch (g->dtype) {
    case XP_FLOAT64: {
        gsl_matrix_const_view A = gsl_matrix_const_view_array_with_tda((const double *)(const void *)a, va->rows, va->cols, va->tda);
        gsl_matrix_const_view B = gsl_matrix_const_view_array_with_tda((const double *)(const void *)b, vb->rows, vb->cols, vb->tda);
        gsl_matrix_view C = gsl_matrix_view_array_with_tda((double *)(void *)c, m, n, ldc);
        rc = gsl_blas_dgemm(va->trans, vb->trans, 1.0, &A.matrix, &B.matrix, 0.0, &C.matrix);
        break;
    }
    case XP_FLOAT32: {
        gsl_matrix_float_const_view A = gsl_matrix_float_const_view_array_with_tda((const float *)(const void *)a, va->rows, va->cols, va->tda);
        gsl_matrix_float_const_view B = gsl_matrix_float_const_view_array_with_tda((const float *)(const void *)b, vb->rows, vb->cols, vb->tda);
        gsl_matrix_float_view C = gsl_matrix_float_view_array_with_tda((float *)(void *)c, m, n, ldc);
        rc = gsl_blas_sgemm(va->trans, vb->trans, 1.0f, &A.matrix, &B.matrix, 0.0f, &C.matrix);
        break;
    }
    case XP_COMPLEX128: {
        gsl_matrix_complex_const_view A = gsl_matrix_complex_const_view_array_with_tda((const double *)(const void *)a, va->rows, va->cols, va->tda);
        gsl_matrix_complex_const_view B = gsl_matrix_complex_const_view_array_with_tda((const double *)(const void *)b, vb->rows, vb->cols, vb->tda);
        gsl_matrix_complex_view C = gsl_matrix_complex_view_array_with_tda((double *)(void *)c, m, n, ldc);
        rc = gsl_blas_zgemm(va->trans, vb->trans, GSL_COMPLEX_ONE, &A.matrix, &B.matrix, GSL_COMPLEX_ZERO, &C.matrix);
        break;
    }
    case XP_COMPLEX64: {
        gsl_complex_float one_f = {{1.0f, 0.0f}}, zero_f = {{0.0f, 0.0f}};
        gsl_matrix_complex_float_const_view A = gsl_matrix_complex_float_const_view_array_with_tda((const float *)(const void *)a, va->rows, va->cols, va->tda);
        gsl_matrix_complex_float_const_view B = gsl_matrix_complex_float_const_view_array_with_tda((const float *)(const void *)b, vb->rows, vb->cols, vb->tda);
        gsl_matrix_complex_float_view C = gsl_matrix_complex_float_view_array_with_tda((float *)(void *)c, m, n, ldc);
        rc = gsl_blas_cgemm(va->trans, vb->trans, one_f, &A.matrix, &B.matrix, zero_f, &C.matrix);
        break;
    }
    default: return XP_ERR_NOT_IMPLEMENTED;
    }
    return xp__gsl_status(rc);
}

xp_status xp__gsl_gemm(const xp_gemm_args *g) {
    xp_dtype dt = g->dtype;
    if (dt != XP_FLOAT32 && dt != XP_FLOAT64 && dt != XP_COMPLEX64 && dt != XP_COMPLEX128)
        return XP_ERR_NOT_IMPLEMENTED;
    int64_t isz = (int64_t)xp_dtype_size(dt);
    view va, vb;
    if (!as_view(g->m, g->k, g->a_rs, g->a_cs, isz, g->conj_a && (dt == XP_COMPLEX64 || dt == XP_COMPLEX128), &va) ||
        !as_view(g->k, g->n, g->b_rs, g->b_cs, isz, false, &vb))
        return XP_ERR_NOT_IMPLEMENTED;
    int64_t c_rs = g->m == 1 ? g->n * isz : g->c_rs;
    if (g->c_cs != isz || c_rs <= 0 || c_rs % isz != 0 || c_rs / isz < g->n) return XP_ERR_NOT_IMPLEMENTED;
    for (int64_t b = 0; b < g->batch; b++) {
        xp_status st = one(g, g->a + b * g->a_bs, g->b + b * g->b_bs, g->c + b * g->c_bs, &va, &vb,
                           (size_t)(c_rs / isz));
        if (st != XP_OK) return st;
    }
    return XP_OK;
}
