/* The allocator hook: every allocation of the library goes through it.
 *
 * The default allocator is a caching one. On virtual machines the first touch
 * of a fresh 4 KiB page costs more than the arithmetic done on it (see
 * FIELD-NOTES.md), so large blocks are kept for reuse instead of going back to
 * the system at every free:
 *
 * - blocks under XP__CACHE_MIN (32 KiB) go straight to malloc, whose own bins
 *   (its per-thread cache) are fast for small sizes: they are asked of plain
 *   malloc with 64 bytes of slack, aligned inside it, not of aligned_alloc,
 *   whose chunk splitting made a tiny array's malloc/free pair cost ~100 ns;
 * - larger blocks are rounded up to a size class (four classes per power of
 *   two: 2^k, 1.25*2^k, 1.5*2^k, 1.75*2^k, so at most 25% slack) and, on free,
 *   parked in a cache keyed by class;
 * - blocks of 2 MiB and more are 2 MiB-aligned anonymous mappings with
 *   madvise(MADV_HUGEPAGE), so even their first touch is cheap;
 * - the cache holds at most XP__CACHE_BYTES (256 MiB) in at most
 *   XP__CACHE_SLOTS (64) blocks; freeing past the bound releases the oldest
 *   cached blocks to the system; a single block larger than the bound is never
 *   cached; xp_allocator_trim() releases everything cached.
 *
 * Thread-safe (one pthread mutex around the cache). Under AddressSanitizer the
 * blocks come from malloc (so LeakSanitizer still sees leaks) and cached blocks
 * are poisoned, so a use after free is still reported. */
#include "core.h"

#include <xparray/adapter_util.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define XP__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XP__ASAN 1
#endif
#endif
#ifdef XP__ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define XP__CACHE_MIN ((size_t)32 << 10)
#define XP__HUGE ((size_t)2 << 20)
#define XP__CACHE_BYTES ((size_t)256 << 20)
#define XP__CACHE_SLOTS 64

/* ---- size classes and the system blocks behind them ----------------------- */

/* The class size a request of `size` bytes (>= XP__CACHE_MIN) is served with;
 * 0 on overflow. */
static size_t class_size(size_t size) {
    int k = 63 - __builtin_clzll((unsigned long long)size); /* 2^k <= size */
    size_t q = (size_t)1 << (k - 2);                        /* quarter step */
    size_t c = (size + q - 1) & ~(q - 1);
    if (c < size) return 0;
    if (c >= XP__HUGE) {
        size_t h = (c + XP__HUGE - 1) & ~(XP__HUGE - 1);
        if (h < c) return 0;
        c = h;
    }
    return c;
}

static void *system_block(size_t csize) {
#ifndef XP__ASAN
    if (csize >= XP__HUGE) {
        size_t span = csize + XP__HUGE;
        if (span < csize) return NULL;
        char *m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) return NULL;
        uintptr_t a = ((uintptr_t)m + XP__HUGE - 1) & ~(uintptr_t)(XP__HUGE - 1);
        size_t head = a - (uintptr_t)m, tail = span - head - csize;
        if (head) munmap(m, head);
        if (tail) munmap((char *)a + csize, tail);
#ifdef MADV_HUGEPAGE
        madvise((void *)a, csize, MADV_HUGEPAGE);
#endif
        return (void *)a;
    }
#endif
    return aligned_alloc(4096, csize); /* csize is a multiple of 4 KiB */
}

static void system_release(void *p, size_t csize) {
#ifndef XP__ASAN
    if (csize >= XP__HUGE) {
        munmap(p, csize);
        return;
    }
#endif
    free(p);
}

/* Small blocks: malloc's pointer is kept in the 8 bytes before the 64-byte
 * aligned start (malloc aligns to 16, so there are at least 16 bytes there). */
static void *small_alloc(size_t size) {
    char *m = malloc(size + 64);
    if (!m) return NULL;
    char *p = (char *)(((uintptr_t)m + 64) & ~(uintptr_t)63);
    memcpy(p - sizeof m, &m, sizeof m);
    return p;
}

static void small_free(void *p) {
    void *m;
    memcpy(&m, (char *)p - sizeof m, sizeof m);
    free(m);
}

/* ---- the cache ------------------------------------------------------------ */

typedef struct {
    void *p;
    size_t csize;
} cached_block;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cached_block cache[XP__CACHE_SLOTS]; /* oldest first */
static int cache_n;
static size_t cache_bytes;

/* Removes slot i (lock held). */
static cached_block take_slot(int i) {
    cached_block b = cache[i];
    memmove(cache + i, cache + i + 1, (size_t)(cache_n - i - 1) * sizeof *cache);
    cache_n--;
    cache_bytes -= b.csize;
    return b;
}

static void *caching_alloc(size_t size, void *ctx) {
    (void)ctx;
    if (size == 0) size = 1;
    if (size < XP__CACHE_MIN) return small_alloc(size);
    size_t csize = class_size(size);
    if (!csize) return NULL;
    void *p = NULL;
    pthread_mutex_lock(&cache_lock);
    for (int i = cache_n - 1; i >= 0; i--) /* newest first: warmest in cache */
        if (cache[i].csize == csize) {
            p = take_slot(i).p;
            break;
        }
    pthread_mutex_unlock(&cache_lock);
    if (p) {
        UNPOISON(p, csize);
        return p;
    }
    return system_block(csize);
}

static void caching_free(void *p, size_t size, void *ctx) {
    (void)ctx;
    if (!p) return;
    if (size == 0) size = 1;
    if (size < XP__CACHE_MIN) {
        small_free(p);
        return;
    }
    size_t csize = class_size(size);
    if (csize > XP__CACHE_BYTES) {
        system_release(p, csize);
        return;
    }
    cached_block evicted[XP__CACHE_SLOTS + 1];
    int ne = 0;
    POISON(p, csize);
    pthread_mutex_lock(&cache_lock);
    while (cache_n > 0 && (cache_n == XP__CACHE_SLOTS || cache_bytes + csize > XP__CACHE_BYTES))
        evicted[ne++] = take_slot(0);
    cache[cache_n++] = (cached_block){p, csize};
    cache_bytes += csize;
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < ne; i++) {
        UNPOISON(evicted[i].p, evicted[i].csize);
        system_release(evicted[i].p, evicted[i].csize);
    }
}

XP_API void xp_allocator_trim(void) {
    pthread_mutex_lock(&cache_lock);
    cached_block all[XP__CACHE_SLOTS];
    int n = cache_n;
    memcpy(all, cache, (size_t)n * sizeof *cache);
    cache_n = 0;
    cache_bytes = 0;
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < n; i++) {
        UNPOISON(all[i].p, all[i].csize);
        system_release(all[i].p, all[i].csize);
    }
}

XP_API size_t xp_allocator_cached_bytes(void) {
    pthread_mutex_lock(&cache_lock);
    size_t b = cache_bytes;
    pthread_mutex_unlock(&cache_lock);
    return b;
}

/* ---- the hook ------------------------------------------------------------- */

static const xp_allocator default_allocator = {caching_alloc, caching_free, NULL};
static xp_allocator current = {caching_alloc, caching_free, NULL};

/* Bytes handed out by the hook and not yet given back, and the most at once. */
static _Atomic size_t bytes_in_use, bytes_peak;

static void count_alloc(size_t n) {
    size_t now = atomic_fetch_add_explicit(&bytes_in_use, n, memory_order_relaxed) + n;
    size_t p = atomic_load_explicit(&bytes_peak, memory_order_relaxed);
    while (now > p && !atomic_compare_exchange_weak_explicit(&bytes_peak, &p, now,
                                                             memory_order_relaxed,
                                                             memory_order_relaxed)) {
    }
}

XP_API xp_status xp_set_allocator(const xp_allocator *a) {
    if (a && (!a->alloc || !a->free)) return XP_ERR_VALUE;
    current = a ? *a : default_allocator;
    return XP_OK;
}

XP_API void xp_alloc_stats(size_t *in_use, size_t *peak) {
    if (in_use) *in_use = atomic_load_explicit(&bytes_in_use, memory_order_relaxed);
    if (peak) *peak = atomic_load_explicit(&bytes_peak, memory_order_relaxed);
}

XP_API void xp_alloc_reset_peak(void) {
    atomic_store_explicit(&bytes_peak, atomic_load_explicit(&bytes_in_use, memory_order_relaxed),
                          memory_order_relaxed);
}

static void *forward_alloc(size_t size, void *ctx);
static void forward_free(void *p, size_t size, void *ctx);

/* A block is counted where a real hook hands it out and gives it back. Blocks of
 * flavors loaded by name come through forward_alloc, which counts them as this
 * library's scratch; so they are not counted again here when such a block is
 * freed by this library's code (xp_release of a loaded flavor's array). */
void *xp__malloc(size_t size, xp_allocator *used) {
    xp_allocator a = current;
    if (used) *used = a;
    void *p = a.alloc(size, a.ctx);
    if (p && a.alloc != forward_alloc) count_alloc(size);
    return p;
}

void xp__mfree(void *p, size_t size, const xp_allocator *used) {
    if (!p) return;
    if (used->free != forward_free)
        atomic_fetch_sub_explicit(&bytes_in_use, size, memory_order_relaxed);
    used->free(p, size, used->ctx);
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

XP_API void *xp_adapter_scratch(size_t size) { return xp__scratch(size); }

XP_API void xp_adapter_scratch_free(void *p, size_t size) { xp__scratch_free(p, size); }

/* ---- the hook of flavors loaded beside this library ------------------------ */

/* A flavor loaded by name (flavors.c) allocates through this library: its hook
 * is set to this pair, which takes scratch blocks of this library's current
 * hook, so one hook (and one account) serves every table of the process, and a
 * later xp_set_allocator here reaches the loaded flavors too. */
static void *forward_alloc(size_t size, void *ctx) {
    (void)ctx;
    return xp__scratch(size);
}

static void forward_free(void *p, size_t size, void *ctx) {
    (void)ctx;
    xp__scratch_free(p, size);
}

const xp_allocator xp__forwarding_allocator = {forward_alloc, forward_free, NULL};
