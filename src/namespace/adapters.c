/* The adapter stack of this flavor: validated and merged once, thread-safely. */
#include "core.h"

#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const xp_adapter *valid[16];
static xp_loop_fn merged[XP_OP_COUNT][XP_DTYPE_COUNT];
static const char *owner[XP_OP_COUNT][XP_DTYPE_COUNT];

static void merge(void) {
    int k = 0;
    for (int i = 0; xp__flavor_adapters[i] && k < 15; i++) {
        const xp_adapter *a = xp__flavor_adapters[i];
        if (a->abi_version != XP_ADAPTER_ABI_VERSION || a->size != sizeof(xp_adapter)) continue;
        valid[k++] = a;
    }
    valid[k] = NULL;
    for (int op = 0; op < XP_OP_COUNT; op++)
        for (int dt = 0; dt < XP_DTYPE_COUNT; dt++)
            for (int i = 0; valid[i]; i++)
                if (valid[i]->elementwise.loop[op][dt]) {
                    merged[op][dt] = valid[i]->elementwise.loop[op][dt];
                    owner[op][dt] = valid[i]->name;
                    break;
                }
}

XP_API const xp_adapter *const *xp_adapters(void) {
    pthread_once(&once, merge);
    return valid;
}

XP_API xp_loop_fn xp_adapter_loop(xp_op op, xp_dtype dtype) {
    if ((int)op < 0 || op >= XP_OP_COUNT || (int)dtype <= 0 || dtype >= XP_DTYPE_COUNT) return NULL;
    pthread_once(&once, merge);
    return merged[op][dtype];
}

XP_API const char *xp_adapter_loop_owner(xp_op op, xp_dtype dtype) {
    if ((int)op < 0 || op >= XP_OP_COUNT || (int)dtype <= 0 || dtype >= XP_DTYPE_COUNT) return NULL;
    pthread_once(&once, merge);
    return owner[op][dtype];
}
