/* The thread pool behind xp_set_num_threads (include/xparray/threads.h has the
 * policy). Callers cut their work into independent tasks, each writing only its
 * own outputs; xp__par_for runs them on the pool and the calling thread. */
#ifndef XP_POOL_H
#define XP_POOL_H

#include "core.h"

/** Work touching fewer bytes than this (read plus written) stays on the calling
 * thread: below it, waking a worker costs more than it saves. */
#define XP__PAR_MIN_BYTES ((int64_t)1 << 20)

/** Threads a call may use now: 1 inside a pool task, else the setting. */
int xp__par_threads(void);

typedef void (*xp__task_fn)(void *ctx, int64_t task);

/** Runs fn(ctx, t) for every t < ntasks, on the pool's workers and the calling
 * thread, and returns when all are done. When the pool is busy with another
 * thread's call, or this is a pool task itself, the tasks run here in order. */
void xp__par_for(int64_t ntasks, xp__task_fn fn, void *ctx);

/** The number of pieces to cut `n` items of `item_bytes` each into for
 * elementwise work: 1 below XP__PAR_MIN_BYTES or on one thread, else a few per
 * thread (pieces of at least 256 KiB). Elementwise results do not depend on
 * it. */
int64_t xp__par_pieces(int64_t n, int64_t item_bytes);

/** Splits an N-d range along its first axis of extent > 1: writes that axis to
 * *axis and returns the number of pieces for `bytes` of work (1: don't split). */
int64_t xp__par_axis_pieces(int ndim, const int64_t *shape, int64_t bytes, int *axis);

/** Bounds of piece k of p over n items: [*lo, *hi), contiguous, in order. */
static inline void xp__par_range(int64_t n, int64_t p, int64_t k, int64_t *lo, int64_t *hi) {
    *lo = n / p * k + (k < n % p ? k : n % p);
    *hi = *lo + n / p + (k < n % p);
}

#endif
