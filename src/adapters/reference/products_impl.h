/* Cache-blocked gemm for one dtype: included by products.c with
 *   XP_T      element type
 *   XP_SUF    name suffix
 *   XP_MAC(c, a, b)  c += a * b (integers wrap)
 *   XP_CONJ(a)       conjugate (identity for real types)
 * Blocks of KB×NB of B are packed contiguously (they stay in L2) and each row of
 * C (NB wide, in L1) accumulates the rank-1 updates of that block. */
#define XP__CAT2(a, b) a##b
#define XP__CAT(a, b) XP__CAT2(a, b)

static xp_status XP__CAT(gemm_, XP_SUF)(const xp_gemm_args *g) {
    enum { KB = 128, NB = 256 };
    const int64_t m = g->m, n = g->n, k = g->k;
    if (m <= 8 && n <= 8 && k <= 8) {
        /* tiny matrices (batches of 3×3): a direct dot per element, no packing */
        for (int64_t bt = 0; bt < g->batch; bt++) {
            const char *A = g->a + bt * g->a_bs, *B = g->b + bt * g->b_bs;
            char *C = g->c + bt * g->c_bs;
            for (int64_t i = 0; i < m; i++) {
                XP_T *crow = (XP_T *)(void *)(C + i * g->c_rs);
                for (int64_t j = 0; j < n; j++) {
                    XP_T s = 0;
                    for (int64_t p = 0; p < k; p++) {
                        XP_T a, b;
                        memcpy(&a, A + i * g->a_rs + p * g->a_cs, sizeof a);
                        memcpy(&b, B + p * g->b_rs + j * g->b_cs, sizeof b);
                        if (g->conj_a) a = XP_CONJ(a);
                        XP_MAC(s, a, b);
                    }
                    crow[j] = s;
                }
            }
        }
        return XP_OK;
    }
    const int64_t kb0 = k < KB ? k : KB, nb0 = n < NB ? n : NB;
    size_t bytes = (size_t)kb0 * (size_t)nb0 * sizeof(XP_T);
    XP_T stackbuf[64];
    XP_T *bp = bytes <= sizeof stackbuf ? stackbuf : xp_adapter_scratch(bytes);
    if (!bp) return XP_ERR_NOMEM;
    for (int64_t bt = 0; bt < g->batch; bt++) {
        const char *A = g->a + bt * g->a_bs, *B = g->b + bt * g->b_bs;
        char *C = g->c + bt * g->c_bs;
        for (int64_t i = 0; i < m; i++) memset(C + i * g->c_rs, 0, (size_t)n * sizeof(XP_T));
        for (int64_t jj = 0; jj < n; jj += NB) {
            int64_t nb = n - jj < NB ? n - jj : NB;
            for (int64_t kk = 0; kk < k; kk += KB) {
                int64_t kb = k - kk < KB ? k - kk : KB;
                for (int64_t p = 0; p < kb; p++) {
                    const char *src = B + (kk + p) * g->b_rs + jj * g->b_cs;
                    XP_T *dst = bp + p * nb;
                    if (g->b_cs == (int64_t)sizeof(XP_T))
                        memcpy(dst, src, (size_t)nb * sizeof(XP_T));
                    else
                        for (int64_t j = 0; j < nb; j++)
                            memcpy(dst + j, src + j * g->b_cs, sizeof(XP_T));
                }
                for (int64_t i = 0; i < m; i++) {
                    XP_T *restrict crow = (XP_T *)(void *)(C + i * g->c_rs) + jj;
                    const char *arow = A + i * g->a_rs + kk * g->a_cs;
                    for (int64_t p = 0; p < kb; p++) {
                        XP_T a;
                        memcpy(&a, arow + p * g->a_cs, sizeof a);
                        if (g->conj_a) a = XP_CONJ(a);
                        const XP_T *restrict brow = bp + p * nb;
                        for (int64_t j = 0; j < nb; j++) XP_MAC(crow[j], a, brow[j]);
                    }
                }
            }
        }
    }
    if (bp != stackbuf) xp_adapter_scratch_free(bp, bytes);
    return XP_OK;
}

#undef XP__CAT
#undef XP__CAT2
