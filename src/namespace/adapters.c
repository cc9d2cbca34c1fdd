/* The adapter stack of this flavor: read, validated and merged once, thread-safely.
 *
 * How an adapter's table is read (the ABI grows by appending slots at the end
 * of xp_adapter; see adapter.h):
 * - abi_version must be XP_ADAPTER_ABI_VERSION: another version is another layout;
 * - `size` is the table's size as its adapter was built. A larger table (built
 *   against a newer header) is read up to this library's sizeof(xp_adapter): the
 *   slots known here are used, the newer ones ignored. A smaller one (an older
 *   header) is copied into a zeroed table up to its size: the slots it predates
 *   are empty. A size below the head (version, size, name, library, routine) or
 *   not a whole number of pointers is an error;
 * - at most XP__MAX_ADAPTERS adapters in the stack, and at most XP__CHAIN of them
 *   filling one elementwise (op, dtype) slot.
 * Any error refuses the whole stack, never one adapter silently: no adapter
 * serves this flavor then, xp_adapters_status() says which adapter and why, every
 * function that needs an adapter slot fails with XP_ERR_BACKEND and that message
 * (xp__adapters_error), and xp_namespace_by_name() refuses to load the flavor. */
#include "core.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#define XP__MAX_ADAPTERS 16
#define XP__CHAIN 4 /* adapters that may fill one elementwise slot, in stack order */
#define XP__HEAD_SIZE (offsetof(xp_adapter, routine) + sizeof(void *))

static pthread_once_t once = PTHREAD_ONCE_INIT;
static xp_adapter copies[XP__MAX_ADAPTERS]; /* older (smaller) tables, read into this layout */
static const xp_adapter *valid[XP__MAX_ADAPTERS + 1];
static xp_loop_fn merged[XP_OP_COUNT][XP_DTYPE_COUNT][XP__CHAIN + 1];
static const char *owner[XP_OP_COUNT][XP_DTYPE_COUNT];
static xp_status stack_status = XP_OK;
static char stack_message[256];

/* Tests only (a statically linked test program sets it before the first call):
 * the adapter list to merge instead of the flavor's. */
const xp_adapter *const *xp__adapters_list_override;

static const char *name_of(const xp_adapter *a) { return a->name ? a->name : "(unnamed)"; }

/* Refuses the stack: no adapter serves this flavor, every slot use reports why. */
__attribute__((format(printf, 1, 2))) static void refuse(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(stack_message, sizeof stack_message, fmt, ap);
    va_end(ap);
    stack_status = XP_ERR_BACKEND;
    valid[0] = NULL;
    memset(merged, 0, sizeof merged);
    memset(owner, 0, sizeof owner);
}

static void merge(void) {
    const xp_adapter *const *list =
        xp__adapters_list_override ? xp__adapters_list_override : xp__flavor_adapters;
    int k = 0;
    for (int i = 0; list[i]; i++) {
        const xp_adapter *a = list[i];
        if (k == XP__MAX_ADAPTERS) {
            refuse("flavor '%s' stacks more than %d adapters (adapter '%s' is number %d)",
                   xp__flavor_name, XP__MAX_ADAPTERS, name_of(a), i + 1);
            return;
        }
        if (a->abi_version != XP_ADAPTER_ABI_VERSION) {
            /* the head (abi_version, size, name) is laid out alike in every version */
            refuse("adapter '%s' (number %d of flavor '%s') was built for adapter ABI version "
                   "%u; this library reads version %d",
                   a->name ? a->name : "(unnamed)", i + 1, xp__flavor_name,
                   (unsigned)a->abi_version, XP_ADAPTER_ABI_VERSION);
            return;
        }
        if (a->size < XP__HEAD_SIZE || a->size % sizeof(void *) != 0) {
            refuse("adapter '%s' (number %d of flavor '%s') gives a table size of %u bytes "
                   "(at least %zu, a multiple of %zu)",
                   a->name ? a->name : "(unnamed)", i + 1, xp__flavor_name, (unsigned)a->size,
                   XP__HEAD_SIZE, sizeof(void *));
            return;
        }
        if (!a->name) {
            refuse("adapter number %d of flavor '%s' has no name", i + 1, xp__flavor_name);
            return;
        }
        if (a->size < sizeof(xp_adapter)) { /* older: the slots it predates stay empty */
            memset(&copies[k], 0, sizeof copies[k]);
            memcpy(&copies[k], a, a->size);
            a = &copies[k];
        }
        valid[k++] = a;
    }
    valid[k] = NULL;
    for (int op = 0; op < XP_OP_COUNT; op++)
        for (int dt = 0; dt < XP_DTYPE_COUNT; dt++) {
            int n = 0;
            for (int i = 0; valid[i]; i++) {
                if (!valid[i]->elementwise.loop[op][dt]) continue;
                if (n == XP__CHAIN) {
                    refuse("adapter '%s' of flavor '%s' is the %dth to fill the elementwise "
                           "slot (op %d, %s); at most %d may",
                           valid[i]->name, xp__flavor_name, n + 1, op, xp_dtype_name(dt),
                           XP__CHAIN);
                    return;
                }
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

xp_array *xp__adapters_error(const char *fn) {
    pthread_once(&once, merge);
    if (stack_status == XP_OK) return NULL;
    return xp__error(stack_status, fn, "%s", stack_message);
}

XP_API xp_status xp_adapters_status(const char **message) {
    pthread_once(&once, merge);
    if (message) *message = stack_status == XP_OK ? "" : stack_message;
    return stack_status;
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
