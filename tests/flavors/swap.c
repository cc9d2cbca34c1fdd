/* Built against the reference flavor; run with LD_LIBRARY_PATH pointing at another
 * flavor's folder (where its libxparray.so.0 lives) the loader must give it that
 * flavor instead: `swap EXPECTED` exits 0 when xp_info_flavor() is EXPECTED and the
 * library works (a small computation through the flat functions). */
#include <stdio.h>
#include <string.h>
#include <xparray.h>

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    const char *got = xp_info_flavor();
    xp_scope_begin();
    xp_array *x = xp_linspace(0.0, 1.0, 5, NULL);
    int ok = !xp_failed(x) && xp_array_size(x) == 5 &&
             ((const double *)xp_array_data(x))[4] == 1.0 &&
             strcmp(xp_namespace_default()->flavor, got) == 0 &&
             xp_array_namespace(x, NULL) == xp_namespace_default();
    xp_scope_end();
    printf("linked against reference, loaded flavor %s (expected %s)%s\n", got, argv[1],
           ok ? "" : ", but it does not work");
    return ok && strcmp(got, argv[1]) == 0 ? 0 : 1;
}
