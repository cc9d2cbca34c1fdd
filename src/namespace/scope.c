/* Scopes: thread-local stacks of owned results, released at xp_scope_end. */
#include "core.h"

typedef struct scope_stack {
    xp_array **items; /* results owned by open scopes, innermost last */
    size_t n, cap;
    size_t *marks;    /* marks[k]: first item of scope k */
    size_t nmarks, capmarks;
    int unrecorded;   /* scopes opened on top of the recorded ones without a mark
                       * (their mark could not be stored: out of memory) */
    int depth;        /* nested public calls */
} scope_stack;

static _Thread_local scope_stack tls;

static bool grow(void **p, size_t *cap, size_t elem, size_t need) {
    if (need <= *cap) return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) ncap *= 2;
    void *q = xp__scratch(ncap * elem);
    if (!q) return false;
    if (*p) {
        memcpy(q, *p, *cap * elem);
        xp__scratch_free(*p, *cap * elem);
    }
    *p = q;
    *cap = ncap;
    return true;
}

static void maybe_free_storage(void) {
    if (tls.nmarks || tls.unrecorded) return;
    xp__scratch_free(tls.items, tls.cap * sizeof *tls.items);
    xp__scratch_free(tls.marks, tls.capmarks * sizeof *tls.marks);
    tls.items = NULL;
    tls.marks = NULL;
    tls.n = tls.cap = tls.nmarks = tls.capmarks = 0;
}

/* A scope whose mark cannot be stored (out of memory) is counted instead, and so
 * is every scope opened inside it, so the recorded scopes stay the outer ones and
 * xp_scope_end closes an unrecorded one first. While one is open, results go to
 * the innermost recorded scope (released at its end, later than they would have
 * been, never earlier) and xp_keep leaves them there (where keeping them from the
 * unrecorded scope would have moved them). */
XP_API void xp_scope_begin(void) {
    if (tls.unrecorded ||
        !grow((void **)&tls.marks, &tls.capmarks, sizeof *tls.marks, tls.nmarks + 1)) {
        tls.unrecorded++;
        return;
    }
    tls.marks[tls.nmarks++] = tls.n;
}

XP_API void xp_scope_end(void) {
    if (tls.unrecorded) {
        tls.unrecorded--;
        maybe_free_storage();
        return;
    }
    if (!tls.nmarks) return;
    size_t mark = tls.marks[--tls.nmarks];
    while (tls.n > mark) {
        xp_array *x = tls.items[--tls.n];
        if (!x) continue; /* released by its user already (xp__scope_forget) */
        if (x->flags & XP__F_SCOPED) x->flags &= ~(uint32_t)XP__F_SCOPED;
        xp_release(x);
    }
    maybe_free_storage();
}

XP_API int xp_scope_depth(void) { return (int)tls.nmarks + tls.unrecorded; }

XP_API xp_array *xp_keep(xp_array *x) {
    if (!x || !tls.nmarks || tls.unrecorded) return x;
    size_t mark = tls.marks[tls.nmarks - 1];
    for (size_t i = tls.n; i-- > mark;) {
        if (tls.items[i] != x) continue;
        if (tls.nmarks >= 2) {
            /* hand the slot to the enclosing scope: swap with the first slot of the
             * innermost scope and move the innermost scope's mark past it */
            tls.items[i] = tls.items[mark];
            tls.items[mark] = x;
            tls.marks[tls.nmarks - 1] = mark + 1;
        } else {
            tls.items[i] = tls.items[--tls.n];
            x->flags &= ~(uint32_t)XP__F_SCOPED; /* the caller owns it now */
        }
        return x;
    }
    return x;
}

static xp_array *own(xp_array *r) {
    if (!r || !tls.nmarks || (r->flags & XP__F_STATIC)) return r;
    if (!grow((void **)&tls.items, &tls.cap, sizeof *tls.items, tls.n + 1)) {
        xp_release(r);
        return xp__oom();
    }
    tls.items[tls.n++] = r;
    /* a fresh result (ours alone, so no other thread reads its flags yet) is
     * marked; a retained input returned as is (asarray) is left untouched */
    if (atomic_load_explicit(&r->refcount, memory_order_relaxed) == 1) r->flags |= XP__F_SCOPED;
    return r;
}

void xp__scope_forget(xp_array *x) {
    for (size_t i = tls.n; i-- > 0;)
        if (tls.items[i] == x) {
            tls.items[i] = NULL;
            return;
        }
}

void xp__enter(void) { tls.depth++; }

int xp__call_depth(void) { return tls.depth; }

void xp__exit_quiet(void) { tls.depth--; }

XP_API int xp_internal_call_depth(void) { return tls.depth; }

xp_array *xp__leave(xp_array *r) {
    if (--tls.depth == 0) return own(r);
    return r;
}

xp_array *xp__adopt(xp_array *r) {
    if (tls.depth == 0) return own(r);
    return r;
}

void xp__adopt_n(int n, xp_array **out) {
    if (tls.depth == 0 && out)
        for (int i = 0; i < n; i++) out[i] = own(out[i]);
}

xp_status xp__leave_n(xp_status st, int n, xp_array **out) {
    if (--tls.depth == 0 && out)
        for (int i = 0; i < n; i++) out[i] = own(out[i]);
    return st;
}

int xp__depth_suspend(void) {
    int d = tls.depth;
    tls.depth = 0;
    return d;
}

void xp__depth_resume(int depth) { tls.depth = depth; }
