/* Real geev for one precision, included by lapacke.c with
 *   XP_T (float/double), XP_C (matching complex), XP_SUF, XP_GEEV (LAPACKE_?geev_work).
 * LAPACK stores a complex-conjugate pair of eigenvectors as two real columns
 * (re, im); they are written out as complex columns v and conj(v). */
#define XP__CAT2(a, b) a##b
#define XP__CAT(a, b) XP__CAT2(a, b)

static xp_status XP__CAT(geev_, XP_SUF)(int N, void *a, int LA, XP_C *W, XP_C *VR, int64_t ldvr,
                                         int64_t *info) {
    ws_block wk = {0};
    XP_T q = 0;
    XP_GEEV(COL, 'N', VR ? 'V' : 'N', N, a, LA, NULL, NULL, NULL, 1, NULL, N, &q, -1);
    size_t lw = (size_t)q + 1;
    size_t need = (lw + 2 * (size_t)N + (VR ? (size_t)N * (size_t)N : 0)) * sizeof(XP_T);
    XP_T *ws = ws_take(&wk, need);
    if (!ws) return XP_ERR_NOMEM;
    XP_T *wr = ws + lw, *wi = wr + N, *v = wi + N;
    lapack_int r = XP_GEEV(COL, 'N', VR ? 'V' : 'N', N, a, LA, wr, wi, NULL, 1, VR ? v : NULL, N,
                           ws, (int)lw);
    for (int j = 0; r == 0 && j < N; j++) {
        W[j] = wr[j] + wi[j] * (XP_C)I;
        if (!VR) continue;
        if (wi[j] != 0 && j + 1 < N) {
            for (int i = 0; i < N; i++) {
                XP_T re = v[i + j * N], im = v[i + (j + 1) * N];
                VR[i + j * ldvr] = re + im * (XP_C)I;
                VR[i + (j + 1) * ldvr] = re - im * (XP_C)I;
            }
            W[j + 1] = wr[j + 1] + wi[j + 1] * (XP_C)I;
            j++;
        } else {
            for (int i = 0; i < N; i++) VR[i + j * ldvr] = v[i + j * N];
        }
    }
    ws_drop(&wk);
    *info = r;
    return XP_OK;
}

#undef XP__CAT
#undef XP__CAT2
