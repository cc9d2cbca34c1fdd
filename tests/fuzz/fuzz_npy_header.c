/* libFuzzer target: the .npy reader (preamble, header dictionary, sizes, data).
 *
 *   clang-14 -g -O1 -fsanitize=fuzzer,address,undefined ... (see tools/fuzz.sh)
 *
 * Any input must give an array or an error array, never a crash, a leak or an
 * allocation beyond the input's size; an array that loads must save and load
 * back to the same bytes. */
#include <xparray.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

/* A failed expectation: report it and abort (what libFuzzer catches). */
#define check(ok)                                                              \
    do {                                                                       \
        if (!(ok)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #ok); \
            abort();                                                           \
        }                                                                      \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    xp_array *a = xp_load_buffer(data, size, NULL);
    check(a != NULL);
    if (xp_failed(a)) {
        check(xp_error_status(a) != XP_OK && xp_error_message(a)[0] != 0);
    } else {
        /* nothing bigger than the input was made from its sizes */
        check((uint64_t)xp_array_size(a) * xp_array_itemsize(a) <= size);
        for (int v = 0; v <= 3; v++) {
            xp_save_opts o = {(xp_npy_version)v};
            xp_array *b1 = xp_save_buffer(a, &o);
            check(!xp_failed(b1));
            xp_array *c = xp_load_buffer(xp_array_data(b1), (size_t)xp_array_size(b1), NULL);
            check(!xp_failed(c));
            xp_array *b2 = xp_save_buffer(c, &o);
            check(!xp_failed(b2) && xp_array_size(b1) == xp_array_size(b2) &&
                  memcmp(xp_array_data(b1), xp_array_data(b2), (size_t)xp_array_size(b1)) == 0);
            xp_release(b1);
            xp_release(b2);
            xp_release(c);
        }
    }
    xp_release(a);
    check(xp_internal_call_depth() == 0);
    return 0;
}
