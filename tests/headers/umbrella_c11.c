/* The umbrella header compiles as strict C11 (-std=c11 -pedantic -Werror) and
 * its basic use links and runs. */
#include <xparray.h>
#include <xparray/adapter_util.h> /* the adapter helper header too */

int main(void) {
    xp_scope_begin();
    xp_array *z = xp_zeros(XP_SHAPE(2, 3), &(xp_create_opts){.dtype = XP_FLOAT32});
    xp_axes ax = XP_AXES(0, -1);
    int ok = !xp_failed(z) && xp_array_size(z) == 6 && ax.n == 2 &&
             xp_array_namespace(z, NULL) == xp_namespace_default();
    xp_scope_end();
    return ok ? 0 : 1;
}
