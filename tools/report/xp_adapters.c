/* Which wrapped library serves each function of this flavor, for the audit report
 * (tools/report/report.py). Built once per flavor; prints tab-separated lines:
 *
 *   adapter   NAME  LIBRARY                      the stack, in priority order
 *   loop      OP    DTYPE  ADAPTER               elementwise loop owners
 *   slot      SLOT  ADAPTER                      linalg slot owners (when the ABI has them)
 *   function  NAME  ADAPTER  ROUTINE             linalg.* / fft.*: the first adapter
 *                                                whose routine() answers, else the last
 *                                                adapter (the portable code), routine "-"
 */
#include <stdio.h>
#include <xparray.h>

static void function(const char *name) __attribute__((unused));
static void function(const char *name) {
    const xp_adapter *const *a = xp_adapters();
    const xp_adapter *last = NULL;
    for (int i = 0; a[i]; i++) {
        last = a[i];
        const char *r = a[i]->routine ? a[i]->routine(name) : NULL;
        if (r) {
            printf("function\t%s\t%s\t%s\n", name, a[i]->name, r);
            return;
        }
    }
    printf("function\t%s\t%s\t-\n", name, last ? last->name : "-");
}

int main(void) {
    printf("flavor\t%s\n", xp_info_flavor());
    const xp_adapter *const *a = xp_adapters();
    for (int i = 0; a[i]; i++)
        printf("adapter\t%s\t%s\n", a[i]->name, a[i]->library ? a[i]->library : "-");
    static const char *const ops[] = {
#define XP__OPNAME(name, arity) #name,
        XP_ELEMENTWISE_OPS(XP__OPNAME)
#undef XP__OPNAME
    };
    for (int op = 0; op < XP_OP_COUNT; op++)
        for (int dt = 1; dt < XP_DTYPE_COUNT; dt++) {
            const char *owner = xp_adapter_loop_owner((xp_op)op, (xp_dtype)dt);
            if (owner) printf("loop\t%s\t%s\t%s\n", ops[op], xp_dtype_name((xp_dtype)dt), owner);
        }
#ifdef XP_LINALG_SLOTS
#define XP__SLOT(name)                                                      \
    {                                                                       \
        const char *o = xp_adapter_linalg_owner(#name);                    \
        printf("slot\tlinalg.%s\t%s\n", #name, o ? o : "-");               \
    }
    XP_LINALG_SLOTS(XP__SLOT)
#undef XP__SLOT
#endif
#define XP__LA(name) function("linalg." #name);
#define XP__FFT(name) function("fft." #name);
    XP_NS_LINALG(XP__LA)
    XP_NS_FFT(XP__FFT)
    return 0;
}
