/* The allocator hook: every allocation of the library goes through it. */
#include "core.h"

#include <stdlib.h>

static void *default_alloc(size_t size, void *ctx) {
    (void)ctx;
    if (size == 0) size = 1;
    size_t rounded = (size + 63) & ~(size_t)63;
    if (rounded < size) return NULL;
    return aligned_alloc(64, rounded);
}

static void default_free(void *p, size_t size, void *ctx) {
    (void)size;
    (void)ctx;
    free(p);
}

static const xp_allocator default_allocator = {default_alloc, default_free, NULL};
static xp_allocator current = {default_alloc, default_free, NULL};

XP_API xp_status xp_set_allocator(const xp_allocator *a) {
    if (a && (!a->alloc || !a->free)) return XP_ERR_VALUE;
    current = a ? *a : default_allocator;
    return XP_OK;
}

void *xp__malloc(size_t size, xp_allocator *used) {
    xp_allocator a = current;
    if (used) *used = a;
    return a.alloc(size, a.ctx);
}

void xp__mfree(void *p, size_t size, const xp_allocator *used) {
    if (p) used->free(p, size, used->ctx);
}

/* Scratch blocks remember their allocator in a 64-byte header. */
void *xp__scratch(size_t size) {
    xp_allocator a;
    if (size > SIZE_MAX - 64) return NULL;
    char *p = xp__malloc(size + 64, &a);
    if (!p) return NULL;
    memcpy(p, &a, sizeof a);
    return p + 64;
}

void xp__scratch_free(void *q, size_t size) {
    if (!q) return;
    char *p = (char *)q - 64;
    xp_allocator a;
    memcpy(&a, p, sizeof a);
    xp__mfree(p, size + 64, &a);
}
