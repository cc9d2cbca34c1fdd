/** @file
 * xparray — the thread pool (not part of the standard).
 *
 * One pool per process serves the large elementwise functions, the reductions
 * (sum, prod, min, max, mean, var, std), conversions and copies, and sorts along
 * an axis. The policy, in one place:
 *
 * - Only large work is split: a call touching less than about 1 MiB of data
 *   runs on the calling thread, exactly as without a pool.
 * - The thread count includes the calling thread: 1 means no worker threads.
 *   The default is the number of CPUs this process may run on (sched affinity),
 *   at most 8; XPARRAY_NUM_THREADS (read once, at the first use of the pool)
 *   overrides it; an invalid value there (not a number, 0, negative, above
 *   XP_MAX_THREADS) is ignored and the default stays.
 * - Results never depend on the thread count: work is cut into pieces whose
 *   number and bounds depend only on the data's size, and partial results are
 *   combined in a fixed tree (the same pairwise tree a one-threaded sum uses).
 * - No oversubscription: pool tasks never call BLAS, LAPACK or FFTW, a call made
 *   from inside a pool task, or while another thread of the process holds the
 *   pool, runs on its own thread. Setting a count (the setter or the variable)
 *   also sets OpenBLAS's own count (`openblas_set_num_threads`, when the loaded
 *   BLAS is OpenBLAS), so a matrix product uses the same budget. FFTW runs
 *   single-threaded plans (the fftw adapter never enables FFTW's threads).
 * - Worker threads start at the first large call, sleep when idle, are joined
 *   when the count changes and when the library is unloaded, and are never
 *   inherited by a forked child: the child starts its own at its first large
 *   call. */
#ifndef XPARRAY_THREADS_H
#define XPARRAY_THREADS_H

#include "types.h"

XP_BEGIN_DECLS

/** The largest thread count xp_set_num_threads accepts. */
#define XP_MAX_THREADS 256

/** Sets the number of threads large calls may use (the caller included) for
 * this process, and OpenBLAS's thread count when the loaded BLAS is OpenBLAS.
 * Waits for a large call running on the pool in another thread, then joins the
 * workers; new ones start at the next large call. Call it from outside
 * xparray's own callbacks (an allocator hook must not call it).
 * Errors: XP_ERR_VALUE for n < 1 or n > XP_MAX_THREADS (nothing changes). */
XP_API xp_status xp_set_num_threads(int n);

/** The number of threads large calls may use now (the caller included): the
 * last xp_set_num_threads value, else XPARRAY_NUM_THREADS when valid, else the
 * default (CPUs available to the process, at most 8). Always >= 1. */
XP_API int xp_get_num_threads(void);

XP_END_DECLS

#endif
