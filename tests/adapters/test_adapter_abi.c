/* How a flavor reads its adapter tables (src/namespace/adapters.c), with fake
 * adapters: this program is a flavor of its own (it defines the flavor's adapter
 * list) linked with the core statically, one scenario per run (argv[1]):
 *   older     an adapter built with a smaller table: read up to its size
 *   newer     an adapter built with a larger table: its known prefix is used
 *   version   another ABI version: the stack is refused, naming the adapter
 *   small     a size below the table's head: refused
 *   too-many  more adapters than a stack holds: refused
 *   chain     more adapters filling one elementwise slot than may: refused
 * A refused stack: xp_adapters_status says why, xp_adapters() is empty, and the
 * functions that need a slot (elementwise, reduction, linalg, fft) fail with
 * XP_ERR_BACKEND and that message. Prints "N passed, N failed". */
#include "../../src/namespace/core.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

const char xp__flavor_name[] = "abi-test";
static const xp_adapter *list[24];
const xp_adapter *const xp__flavor_adapters[] = {NULL};
/* the facts every flavor defines (a host flavor with one device) */
static const xp_device devices[] = {XP_DEVICE_CPU};
const xp__flavor_facts xp__facts = {
    .devices = devices,
    .n_devices = 1,
    .capabilities = {.boolean_indexing = true, .data_dependent_shapes = true,
                     .max_dimensions = XP_MAX_NDIM},
};

static int passed, failed;
#define CHECK(c)                                                        \
    do {                                                                \
        if (c) passed++;                                                \
        else {                                                          \
            failed++;                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
        }                                                               \
    } while (0)

static int add_calls;
/* float64 add, counting its calls */
static xp_status add_f64(int64_t n, char *const *args, const int64_t *steps, const void *aux) {
    (void)aux;
    add_calls++;
    for (int64_t i = 0; i < n; i++)
        *(double *)(args[2] + i * steps[2]) =
            *(const double *)(args[0] + i * steps[0]) + *(const double *)(args[1] + i * steps[1]);
    return XP_OK;
}

static xp_adapter base(const char *name) {
    xp_adapter a;
    memset(&a, 0, sizeof a);
    a.abi_version = XP_ADAPTER_ABI_VERSION;
    a.size = sizeof(xp_adapter);
    a.name = name;
    a.library = "test";
    a.elementwise.loop[XP_OP_add][XP_FLOAT64] = add_f64;
    return a;
}

static bool contains(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static xp_array *vec(double v0, double v1) {
    int64_t n = 2;
    xp_array *x = xp_empty(1, &n, &(xp_create_opts){XP_FLOAT64, XP_DEVICE_DEFAULT});
    double *d = xp_array_data(x);
    d[0] = v0;
    d[1] = v1;
    return x;
}

/* The stack was read: add runs the fake adapter's loop. */
static void expect_working(const char *name) {
    CHECK(xp_adapters_status(NULL) == XP_OK);
    CHECK(xp_adapters()[0] && !strcmp(xp_adapters()[0]->name, name));
    CHECK(contains(xp_adapter_loop_owner(XP_OP_add, XP_FLOAT64), name));
    xp_array *x = vec(1, 2), *r = xp_add(x, x);
    CHECK(!xp_failed(r) && add_calls > 0 && ((double *)xp_array_data(r))[1] == 4);
    xp_release(r);
    xp_release(x);
}

/* The stack was refused: every slot use reports it, naming `name`. */
static void expect_refused(const char *name, const char *what) {
    const char *msg = NULL;
    CHECK(xp_adapters_status(&msg) == XP_ERR_BACKEND);
    CHECK(contains(msg, name) && contains(msg, what));
    if (msg) fprintf(stderr, "refused: %s\n", msg);
    CHECK(xp_adapters()[0] == NULL);
    xp_array *x = vec(1, 2);
    xp_array *r[4] = {xp_add(x, x), xp_sum(x, NULL), xp_matmul(x, x), xp_fft_rfft(x, NULL)};
    const char *fns[4] = {"xp_add", "xp_sum", "xp_matmul", "xp_fft_rfft"};
    for (int i = 0; i < 4; i++) {
        if (!(xp_failed(r[i]) && xp_error_status(r[i]) == XP_ERR_BACKEND))
            fprintf(stderr, "%s: %s\n", fns[i], xp_failed(r[i]) ? xp_error_message(r[i]) : "ok");
        CHECK(xp_failed(r[i]) && xp_error_status(r[i]) == XP_ERR_BACKEND);
        CHECK(contains(xp_error_message(r[i]), fns[i]) && contains(xp_error_message(r[i]), name));
        xp_release(r[i]);
    }
    CHECK(xp_fft_set_planner(XP_FFT_PLANNER_ESTIMATE, 0) == XP_ERR_BACKEND);
    CHECK(add_calls == 0);
    xp_release(x);
}

int main(int argc, char **argv) {
    const char *s = argc > 1 ? argv[1] : "";
    static xp_adapter many[20];
    /* an older table: the bytes past its size are garbage the reader must not use */
    static union {
        xp_adapter a;
        unsigned char bytes[sizeof(xp_adapter)];
    } old;
    /* a newer table: slots this library does not know follow the known ones */
    static struct {
        xp_adapter a;
        void *future_slots[8];
    } newer;
    if (!strcmp(s, "older")) {
        old.a = base("older");
        size_t keep = offsetof(xp_adapter, reduce); /* elementwise slots only */
        memset(old.bytes + keep, 0xA5, sizeof old.bytes - keep);
        old.a.size = (uint32_t)keep;
        list[0] = &old.a;
        xp__adapters_list_override = list;
        expect_working("older");
        CHECK(xp_adapter_linalg_owner("gemm") == NULL); /* garbage not read as slots */
        CHECK(xp_adapters()[0]->fft.execute == NULL);
        CHECK(xp_adapters()[0] != &old.a); /* read into a full-size table */
    } else if (!strcmp(s, "newer")) {
        newer.a = base("newer");
        for (int i = 0; i < 8; i++) newer.future_slots[i] = (void *)(uintptr_t)0xdeadbeef;
        newer.a.size = (uint32_t)sizeof newer;
        list[0] = &newer.a;
        xp__adapters_list_override = list;
        expect_working("newer");
    } else if (!strcmp(s, "version")) {
        many[0] = base("from-the-future");
        many[0].abi_version = XP_ADAPTER_ABI_VERSION + 1;
        list[0] = &many[0];
        xp__adapters_list_override = list;
        expect_refused("from-the-future", "ABI version");
    } else if (!strcmp(s, "small")) {
        many[0] = base("truncated");
        many[0].size = (uint32_t)offsetof(xp_adapter, name);
        list[0] = &many[0];
        xp__adapters_list_override = list;
        expect_refused("number 1", "table size");
    } else if (!strcmp(s, "too-many")) {
        char names[20][16];
        for (int i = 0; i < 17; i++) {
            snprintf(names[i], sizeof names[i], "fake%d", i);
            many[i] = base(names[i]);
            many[i].elementwise.loop[XP_OP_add][XP_FLOAT64] = NULL;
            list[i] = &many[i];
        }
        xp__adapters_list_override = list;
        expect_refused("fake16", "more than 16 adapters");
    } else if (!strcmp(s, "chain")) {
        char names[6][16];
        for (int i = 0; i < 5; i++) {
            snprintf(names[i], sizeof names[i], "loop%d", i);
            many[i] = base(names[i]);
            list[i] = &many[i];
        }
        xp__adapters_list_override = list;
        expect_refused("loop4", "elementwise slot");
    } else {
        fprintf(stderr, "unknown scenario '%s'\n", s);
        return 2;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
