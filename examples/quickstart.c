/* A first xparray program: create arrays, broadcast, print, check errors once.
 * Build against any flavor: cc quickstart.c $(pkg-config --cflags --libs xparray-reference) */
#include <stdio.h>
#include <xparray.h>

int main(void) {
    xp_scope_begin(); /* every array returned below is released at xp_scope_end() */
    xp_array *x = xp_linspace(0.0, 1.0, 5, NULL);                 /* np.linspace(0, 1, 5) */
    xp_array *m = xp_tril(xp_ones(XP_SHAPE(3, 3), NULL), 0);     /* np.tril(np.ones((3, 3))) */
    xp_array *b = xp_broadcast_to(x, XP_SHAPE(2, 5));             /* np.broadcast_to(x, (2, 5)) */
    xp_array *bad = xp_tril(xp_zeros(XP_SHAPE(4), NULL), 0);      /* 1-D: an error array */
    double m10;
    if (xp_failed(x) || xp_failed(m) || xp_failed(b) ||
        xp_array_get_double(m, (int64_t[]){1, 0}, &m10) != XP_OK) { /* m[1, 0] */
        fprintf(stderr, "unexpected: %s\n", xp_failed(x) ? xp_error_message(x) : xp_failed(m) ? xp_error_message(m) : xp_failed(b) ? xp_error_message(b) : xp_last_error_message());
        xp_scope_end();
        return 1;
    }
    printf("flavor %s: tril check m[1, 0] = %g, broadcast shape = (%lld, %lld)\n", xp_info_flavor(),
           m10, (long long)xp_array_dim(b, 0), (long long)xp_array_dim(b, 1));
    xp_array_print(x, stdout);                                    /* print(repr(x)) */
    printf("errors travel with results: %s (%s)\n", xp_error_message(bad),
           xp_status_name(xp_error_status(bad)));
    int rc = xp_failed(bad) ? 0 : 1; /* read before the scope releases `bad` */
    xp_scope_end();
    return rc;
}
