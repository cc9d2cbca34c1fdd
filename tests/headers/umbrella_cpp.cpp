// The umbrella header compiles as C++ (-pedantic -Werror) and links.
#include <xparray.h>
#include <xparray/adapter_util.h> /* the adapter helper header too */

int main() {
    const int64_t shape[2] = {2, 3};
    xp_create_opts o{};
    o.dtype = XP_INT32;
    xp_array *z = xp_zeros(2, shape, &o);
    bool ok = !xp_failed(z) && xp_array_size(z) == 6 && xp_namespace_default()->zeros != nullptr &&
              xp_array_namespace(z, NULL) == xp_namespace_default();
    xp_release(z);
    return ok ? 0 : 1;
}
