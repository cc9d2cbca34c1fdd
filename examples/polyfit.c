/* A ported program: numpy.polyfit with its residual statistics, written once
 * against xparray and built against every flavor.
 *
 * The NumPy it ports (least squares through a QR factorisation, as
 * numpy.linalg.lstsq does in spirit, plus the usual goodness-of-fit figures):
 *
 *     def polyfit(x, y, deg):
 *         V = x[:, None] ** np.arange(deg, -1, -1)      # np.vander(x, deg + 1)
 *         Q, R = np.linalg.qr(V)
 *         coef = np.linalg.solve(R, Q.T @ y)            # highest power first
 *         resid = y - V @ coef
 *         ss_res = np.sum(resid ** 2)
 *         r2 = 1 - ss_res / np.sum((y - y.mean()) ** 2)
 *         sigma = np.sqrt(ss_res / (len(x) - deg - 1)) # residual standard deviation
 *         return coef, r2, sigma
 *
 * Usage: polyfit DEG < data   — data: whitespace-separated pairs "x y".
 * Prints "flavor NAME", "coef c_deg ... c_0", "r2 R2", "sigma SIGMA" with 17
 * significant digits (tests/flavors/test_polyfit.py checks them). Build against an
 * installed flavor: cc polyfit.c $(pkg-config --cflags --libs xparray-gsl) */
#include <stdio.h>
#include <stdlib.h>
#include <xparray.h>

typedef struct fit {
    xp_array *coef; /* (deg + 1,) float64, highest power first */
    xp_array *r2, *sigma; /* 0-D */
} fit;

/* The port: every array below is a temporary of the scope but the three kept. */
static fit polyfit(const xp_array *x, const xp_array *y, int deg) {
    xp_scope_begin();
    xp_array *V = xp_extra_vander(x, deg + 1, false); /* np.vander(x, deg + 1) */
    xp_qr_result qr = xp_linalg_qr(V, NULL);
    xp_array *coef = xp_linalg_solve(qr.R, xp_matmul(xp_matrix_transpose(qr.Q), y));
    xp_array *ss_res = xp_sum(xp_square(xp_subtract(y, xp_matmul(V, coef))), NULL);
    xp_array *ss_tot = xp_sum(xp_square(xp_subtract(y, xp_mean(y, NULL))), NULL);
    fit f = {
        .coef = xp_keep(coef),
        .r2 = xp_keep(xp_subtract(xp_float(1.0), xp_divide(ss_res, ss_tot))),
        .sigma = xp_keep(xp_sqrt(xp_divide(ss_res, xp_int(xp_array_dim(x, 0) - deg - 1)))),
    };
    xp_scope_end();
    return f;
}

int main(int argc, char **argv) {
    int deg = argc > 1 ? atoi(argv[1]) : 2;
    size_t cap = 1024, n = 0;
    double *xs = malloc(cap * sizeof *xs), *ys = malloc(cap * sizeof *ys);
    while (xs && ys && scanf("%lf %lf", &xs[n], &ys[n]) == 2) {
        if (++n == cap) {
            cap *= 2;
            double *a = realloc(xs, cap * sizeof *xs), *b = a ? realloc(ys, cap * sizeof *ys) : NULL;
            if (a) xs = a;
            if (b) ys = b;
            if (!a || !b) break;
        }
    }
    if (!xs || !ys || deg < 0 || deg > 62 || n < (size_t)deg + 2) {
        fprintf(stderr, "polyfit: need 0 <= DEG < 63 and at least DEG + 2 pairs \"x y\" on stdin\n");
        free(xs);
        free(ys);
        return 2;
    }
    xp_scope_begin();
    xp_array *x = xp_asarray_buffer(xs, XP_FLOAT64, XP_SHAPE((int64_t)n), NULL);
    xp_array *y = xp_asarray_buffer(ys, XP_FLOAT64, XP_SHAPE((int64_t)n), NULL);
    fit f = polyfit(x, y, deg);
    double r2, sigma, coef[64];
    /* one check per result: the first error reached the end intact */
    xp_array *bad = xp_failed(f.coef) ? f.coef : xp_failed(f.r2) ? f.r2 : xp_failed(f.sigma) ? f.sigma : NULL;
    int rc = bad || xp_array_get_double(f.r2, NULL, &r2) || xp_array_get_double(f.sigma, NULL, &sigma) ||
             xp_array_copy_to(f.coef, coef, sizeof coef);
    if (rc) {
        fprintf(stderr, "polyfit: %s\n", bad ? xp_error_message(bad) : xp_last_error_message());
    } else {
        printf("flavor %s\ncoef", xp_info_flavor());
        for (int i = 0; i <= deg; i++) printf(" %.17g", coef[i]);
        printf("\nr2 %.17g\nsigma %.17g\n", r2, sigma);
    }
    xp_scope_end(); /* releases x, y and the results polyfit kept into this scope */
    free(xs);
    free(ys);
    return rc;
}
