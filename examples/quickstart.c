/* A first xparray program: create arrays, broadcast, check errors once.
 * Build against any flavor: cc quickstart.c $(pkg-config --cflags --libs xparray-reference) */
#include <stdio.h>
#include <xparray.h>

int main(void) {
    xp_scope_begin(); /* every array returned below is released at xp_scope_end() */
    xp_array *x = xp_linspace(0.0, 1.0, 5, NULL);                 /* np.linspace(0, 1, 5) */
    xp_array *m = xp_tril(xp_ones(XP_SHAPE(3, 3), NULL), 0);     /* np.tril(np.ones((3, 3))) */
    xp_array *b = xp_broadcast_to(x, XP_SHAPE(2, 5));             /* np.broadcast_to(x, (2, 5)) */
    xp_array *bad = xp_tril(xp_zeros(XP_SHAPE(4), NULL), 0);      /* 1-D: an error array */
    if (xp_failed(x) || xp_failed(m) || xp_failed(b)) {
        fprintf(stderr, "unexpected: %s\n", xp_error_message(xp_failed(x) ? x : xp_failed(m) ? m : b));
        xp_scope_end();
        return 1;
    }
    const double *px = xp_array_data(x);
    printf("flavor %s: linspace = [%g %g %g %g %g], tril sum check = %g, broadcast shape = (%lld, %lld)\n",
           xp_info_flavor(), px[0], px[1], px[2], px[3], px[4],
           ((const double *)xp_array_data(m))[3], (long long)xp_array_shape(b)[0],
           (long long)xp_array_shape(b)[1]);
    printf("errors travel with results: %s (%s)\n", xp_error_message(bad),
           xp_status_name(xp_error_status(bad)));
    int rc = xp_failed(bad) ? 0 : 1; /* read before the scope releases `bad` */
    xp_scope_end();
    return rc;
}
