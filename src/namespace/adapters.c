/* The adapter stack of this flavor: validated and merged once, thread-safely. */
#include "core.h"

#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const xp_adapter *valid[16];
#define XP__CHAIN 4 /* adapters that may fill one elementwise slot, in stack order */
static xp_loop_fn merged[XP_OP_COUNT][XP_DTYPE_COUNT][XP__CHAIN + 1];
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
        for (int dt = 0; dt < XP_DTYPE_COUNT; dt++) {
            int n = 0;
            for (int i = 0; valid[i] && n < XP__CHAIN; i++)
                if (valid[i]->elementwise.loop[op][dt]) {
                    if (n == 0) owner[op][dt] = valid[i]->name;
                    merged[op][dt][n++] = valid[i]->elementwise.loop[op][dt];
                }
        }
}

xp_status xp__loop_call(xp_op op, xp_dtype dt, int64_t n, char *const *args, const int64_t *steps,
                        const void *aux) {
    pthread_once(&once, merge);
    xp_status st = XP_ERR_NOT_IMPLEMENTED;
    for (int k = 0; merged[op][dt][k]; k++) {
        st = merged[op][dt][k](n, args, steps, aux);
        if (st != XP_ERR_NOT_IMPLEMENTED) return st;
    }
    return st;
}

xp_status xp__chain_loop(int64_t n, char *const *args, const int64_t *steps, const void *aux) {
    const xp__chain_aux *c = aux;
    return xp__loop_call(c->op, c->dt, n, args, steps, c->aux);
}

XP_API const xp_adapter *const *xp_adapters(void) {
    pthread_once(&once, merge);
    return valid;
}

XP_API xp_loop_fn xp_adapter_loop(xp_op op, xp_dtype dtype) {
    if ((int)op < 0 || op >= XP_OP_COUNT || (int)dtype <= 0 || dtype >= XP_DTYPE_COUNT) return NULL;
    pthread_once(&once, merge);
    return merged[op][dtype][0];
}

XP_API const char *xp_adapter_loop_owner(xp_op op, xp_dtype dtype) {
    if ((int)op < 0 || op >= XP_OP_COUNT || (int)dtype <= 0 || dtype >= XP_DTYPE_COUNT) return NULL;
    pthread_once(&once, merge);
    return owner[op][dtype];
}
