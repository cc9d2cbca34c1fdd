/* GSL's containers over memory from the allocator hook.
 *
 * gsl_matrix_alloc & co. allocate with GSL's own malloc, which the hook does not
 * see; the slots build their matrices, vectors and permutations here instead,
 * the way GSL builds views: the struct points into one block of
 * xp_adapter_scratch memory (no gsl_block, not the owner). They are freed with
 * xp__gsl_drop, never with gsl_*_free. On a failed allocation the constructors
 * return NULL (the slot answers XP_ERR_NOMEM) without calling GSL's handler. */
#include "gsl.h"

#include <stdint.h>

/* One block: [bytes][the struct][padding to 64][data]. */
static void *hold(size_t obj, size_t n, size_t elem, void **data) {
    size_t head = (sizeof(size_t) + obj + 63) & ~(size_t)63;
    if (elem && n > (SIZE_MAX - head) / elem) return NULL;
    size_t bytes = head + n * elem;
    char *p = xp_adapter_scratch(bytes);
    if (!p) return NULL;
    memcpy(p, &bytes, sizeof bytes);
    *data = p + head;
    return p + sizeof(size_t);
}

void xp__gsl_drop(void *obj) {
    if (!obj) return;
    char *p = (char *)obj - sizeof(size_t);
    size_t bytes;
    memcpy(&bytes, p, sizeof bytes);
    xp_adapter_scratch_free(p, bytes);
}

static bool mul_ok(size_t a, size_t b, size_t *r) { return !__builtin_mul_overflow(a, b, r); }

gsl_matrix *xp__gsl_matrix(size_t n1, size_t n2) {
    size_t n;
    void *d;
    if (!mul_ok(n1, n2, &n)) return NULL;
    gsl_matrix *m = hold(sizeof *m, n, sizeof(double), &d);
    if (m) *m = (gsl_matrix){.size1 = n1, .size2 = n2, .tda = n2, .data = d, .block = NULL, .owner = 0};
    return m;
}

gsl_matrix_complex *xp__gsl_matrix_complex(size_t n1, size_t n2) {
    size_t n;
    void *d;
    if (!mul_ok(n1, n2, &n)) return NULL;
    gsl_matrix_complex *m = hold(sizeof *m, n, 2 * sizeof(double), &d);
    if (m)
        *m = (gsl_matrix_complex){
            .size1 = n1, .size2 = n2, .tda = n2, .data = d, .block = NULL, .owner = 0};
    return m;
}

gsl_vector *xp__gsl_vector(size_t n) {
    void *d;
    gsl_vector *v = hold(sizeof *v, n, sizeof(double), &d);
    if (v) *v = (gsl_vector){.size = n, .stride = 1, .data = d, .block = NULL, .owner = 0};
    return v;
}

gsl_vector_complex *xp__gsl_vector_complex(size_t n) {
    void *d;
    gsl_vector_complex *v = hold(sizeof *v, n, 2 * sizeof(double), &d);
    if (v) *v = (gsl_vector_complex){.size = n, .stride = 1, .data = d, .block = NULL, .owner = 0};
    return v;
}

gsl_permutation *xp__gsl_permutation(size_t n) {
    void *d;
    gsl_permutation *p = hold(sizeof *p, n, sizeof(size_t), &d);
    if (p) *p = (gsl_permutation){.size = n, .data = d};
    return p;
}
