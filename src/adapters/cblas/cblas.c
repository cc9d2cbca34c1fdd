/* The cblas adapter: the gemm slot over CBLAS (gemm, gemv, dot) for float32,
 * float64, complex64 and complex128.
 *
 * Layouts BLAS can take (rows or columns contiguous, the other stride a
 * non-negative multiple of the element size, including transposed views) are
 * passed straight through; other operands (negative or odd strides) are packed
 * into a scratch copy. Sizes beyond BLAS's int range, integer dtypes and tiny
 * products (where a call costs more than the arithmetic) are passed down to the
 * next adapter (XP_ERR_NOT_IMPLEMENTED). */
#include <xparray.h>
#include <xparray/adapter_util.h>

#include <complex.h>

#include <cblas.h>
#include <limits.h>
#include <string.h>

/* Below this many multiply-adds per matrix the portable kernel wins. */
#define XP_CBLAS_MIN_WORK 4096

static bool fits(int64_t v) { return v >= 0 && v <= INT_MAX; }

/* BLAS view of a rows×cols operand: NoTrans (row-major) or Trans (column-major)
 * with leading dimension `ld`; false when it must be packed. */
static bool blas_layout(int64_t rs, int64_t cs, int64_t rows, int64_t cols, int64_t is,
                        bool *trans, int64_t *ld) {
    if ((cs == is || cols == 1) && (rows == 1 || (rs > 0 && rs % is == 0 && rs / is >= cols))) {
        *trans = false;
        *ld = rows == 1 ? (cols > 1 ? cols : 1) : rs / is;
        return fits(*ld);
    }
    if ((rs == is || rows == 1) && (cols == 1 || (cs > 0 && cs % is == 0 && cs / is >= rows))) {
        *trans = true;
        *ld = cols == 1 ? (rows > 1 ? rows : 1) : cs / is;
        return fits(*ld);
    }
    return false;
}

/* Packs a rows×cols operand into contiguous row-major scratch (conjugating if asked). */
static void pack(char *dst, const char *src, int64_t rs, int64_t cs, int64_t rows, int64_t cols,
                 xp_dtype dt, bool conj) {
    size_t is = xp_dtype_size(dt);
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++) {
            char *d = dst + (size_t)(i * cols + j) * is;
            memcpy(d, src + i * rs + j * cs, is);
            if (conj && dt == XP_COMPLEX64) ((float *)(void *)d)[1] *= -1;
            if (conj && dt == XP_COMPLEX128) ((double *)(void *)d)[1] *= -1;
        }
}

static xp_status dot(const xp_gemm_args *g, int64_t is) {
    int64_t k = g->k, ia = g->a_cs / is, ib = g->b_rs / is;
    if (g->a_cs % is || g->b_rs % is || !fits(ia < 0 ? -ia : ia) || !fits(ib < 0 ? -ib : ib))
        return XP_ERR_NOT_IMPLEMENTED;
    for (int64_t t = 0; t < g->batch; t++) {
        const char *a = g->a + t * g->a_bs, *b = g->b + t * g->b_bs;
        /* BLAS walks a negative increment from the lowest address */
        if (ia < 0) a += (k - 1) * g->a_cs;
        if (ib < 0) b += (k - 1) * g->b_rs;
        char *c = g->c + t * g->c_bs;
        int n = (int)k, x = (int)ia, y = (int)ib;
        switch (g->dtype) {
        case XP_FLOAT32: *(float *)(void *)c = cblas_sdot(n, (const float *)(const void *)a, x, (const float *)(const void *)b, y); break;
        case XP_FLOAT64: *(double *)(void *)c = cblas_ddot(n, (const double *)(const void *)a, x, (const double *)(const void *)b, y); break;
        case XP_COMPLEX64:
            if (g->conj_a) cblas_cdotc_sub(n, a, x, b, y, c);
            else cblas_cdotu_sub(n, a, x, b, y, c);
            break;
        default:
            if (g->conj_a) cblas_zdotc_sub(n, a, x, b, y, c);
            else cblas_zdotu_sub(n, a, x, b, y, c);
            break;
        }
    }
    return XP_OK;
}

static xp_status gemm(const xp_gemm_args *g) {
    xp_dtype dt = g->dtype;
    if (dt != XP_FLOAT32 && dt != XP_FLOAT64 && dt != XP_COMPLEX64 && dt != XP_COMPLEX128)
        return XP_ERR_NOT_IMPLEMENTED;
    int64_t is = (int64_t)xp_dtype_size(dt), m = g->m, n = g->n, k = g->k;
    if (!fits(m) || !fits(n) || !fits(k)) return XP_ERR_NOT_IMPLEMENTED;
    bool cx = dt == XP_COMPLEX64 || dt == XP_COMPLEX128;
    if (m == 1 && n == 1) return k < 32 ? XP_ERR_NOT_IMPLEMENTED : dot(g, is);
    if ((double)m * (double)n * (double)k < XP_CBLAS_MIN_WORK) return XP_ERR_NOT_IMPLEMENTED;
    if (g->c_cs != is || (m > 1 && (g->c_rs % is || g->c_rs / is < n || !fits(g->c_rs / is))))
        return XP_ERR_NOT_IMPLEMENTED;
    int64_t ldc = m == 1 ? n : g->c_rs / is;
    bool ta, tb, pa = false, pb = false;
    int64_t lda, ldb;
    if (!blas_layout(g->a_rs, g->a_cs, m, k, is, &ta, &lda)) pa = true, ta = false, lda = k;
    if (!blas_layout(g->b_rs, g->b_cs, k, n, is, &tb, &ldb)) pb = true, tb = false, ldb = n;
    /* CBLAS has ConjTrans but no plain conjugation: pack a row-major conj(A) */
    bool conj_pack = g->conj_a && cx && !ta;
    if (conj_pack) pa = true, ta = false, lda = k;
    size_t abytes = pa ? (size_t)(m * k) * (size_t)is : 0, bbytes = pb ? (size_t)(k * n) * (size_t)is : 0;
    char *ws = (pa || pb) ? xp_adapter_scratch(abytes + bbytes) : NULL;
    if ((pa || pb) && !ws) return XP_ERR_NOMEM;
    enum CBLAS_TRANSPOSE TA = ta ? (g->conj_a && cx ? CblasConjTrans : CblasTrans) : CblasNoTrans;
    enum CBLAS_TRANSPOSE TB = tb ? CblasTrans : CblasNoTrans;
    const float one_f[2] = {1, 0}, zero_f[2] = {0, 0};
    const double one_d[2] = {1, 0}, zero_d[2] = {0, 0};
    for (int64_t t = 0; t < g->batch; t++) {
        const char *a = g->a + t * g->a_bs, *b = g->b + t * g->b_bs;
        char *c = g->c + t * g->c_bs;
        if (pa && (t == 0 || g->a_bs != 0)) pack(ws, a, g->a_rs, g->a_cs, m, k, dt, conj_pack);
        if (pb && (t == 0 || g->b_bs != 0)) pack(ws + abytes, b, g->b_rs, g->b_cs, k, n, dt, false);
        if (pa) a = ws;
        if (pb) b = ws + abytes;
        int M = (int)m, N = (int)n, K = (int)k, LA = (int)lda, LB = (int)ldb, LC = (int)ldc;
        switch (dt) {
        case XP_FLOAT32:
            cblas_sgemm(CblasRowMajor, TA, TB, M, N, K, 1.0f, (const float *)(const void *)a, LA,
                        (const float *)(const void *)b, LB, 0.0f, (float *)(void *)c, LC);
            break;
        case XP_FLOAT64:
            cblas_dgemm(CblasRowMajor, TA, TB, M, N, K, 1.0, (const double *)(const void *)a, LA,
                        (const double *)(const void *)b, LB, 0.0, (double *)(void *)c, LC);
            break;
        case XP_COMPLEX64:
            cblas_cgemm(CblasRowMajor, TA, TB, M, N, K, one_f, a, LA, b, LB, zero_f, c, LC);
            break;
        default:
            cblas_zgemm(CblasRowMajor, TA, TB, M, N, K, one_d, a, LA, b, LB, zero_d, c, LC);
            break;
        }
    }
    if (ws) xp_adapter_scratch_free(ws, abytes + bbytes);
    return XP_OK;
}

static const char *routine(const char *function) {
    if (!function) return NULL;
    if (!strcmp(function, "vecdot") || !strcmp(function, "linalg.vecdot")) return "dot/dotc";
    if (!strcmp(function, "matmul") || !strcmp(function, "linalg.matmul") ||
        !strcmp(function, "tensordot") || !strcmp(function, "linalg.tensordot") ||
        !strcmp(function, "linalg.matrix_power"))
        return "gemm";
    return NULL;
}

const xp_adapter xp_adapter_cblas = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "cblas",
    .library = "CBLAS (OpenBLAS via libblas.so.3)",
    .routine = routine,
    .linalg = {.gemm = gemm},
};
