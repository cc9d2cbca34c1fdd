/* The thread pool: workers sleeping on a condition variable, one job at a time.
 *
 * A job is a task count and a function; the caller publishes it, wakes the
 * workers and takes tasks itself from a shared counter. A worker joins a job
 * only while it is open (registered under the pool mutex), so once the caller
 * has closed the job and every registered worker has left, all tasks are done
 * and no late worker can touch the caller's stack. pthread mutexes throughout
 * (ThreadSanitizer models them; it does not model C11 mtx_t). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "pool.h"

#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#define DEFAULT_CAP 8

typedef struct job {
    xp__task_fn fn;
    void *ctx;
    int64_t ntasks;
    _Atomic int64_t next;
} job;

static struct {
    pthread_mutex_t run; /* held by the thread whose job the pool runs */
    pthread_mutex_t m;   /* guards everything below */
    pthread_cond_t wake, left;
    pthread_t th[XP_MAX_THREADS];
    int nworkers;
    int inside; /* workers registered in the open job */
    uint64_t gen;
    job *open;
    bool stop;
} P = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
       PTHREAD_COND_INITIALIZER};

static _Atomic int setting; /* 0 until initialised */
static _Thread_local bool in_task;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void run_tasks(job *j) {
    int64_t t;
    while ((t = atomic_fetch_add_explicit(&j->next, 1, memory_order_relaxed)) < j->ntasks)
        j->fn(j->ctx, t);
}

static void *worker(void *arg) {
    uint64_t seen = (uint64_t)(uintptr_t)arg;
    in_task = true;
    pthread_mutex_lock(&P.m);
    for (;;) {
        while (!P.stop && P.gen == seen) pthread_cond_wait(&P.wake, &P.m);
        if (P.stop) break;
        seen = P.gen;
        job *j = P.open;
        if (!j) continue; /* woke after the job closed */
        P.inside++;
        pthread_mutex_unlock(&P.m);
        run_tasks(j);
        pthread_mutex_lock(&P.m);
        if (--P.inside == 0) pthread_cond_signal(&P.left);
    }
    pthread_mutex_unlock(&P.m);
    return NULL;
}

/* Joins every worker; the caller holds P.run. */
static void stop_workers(void) {
    pthread_mutex_lock(&P.m);
    P.stop = true;
    pthread_cond_broadcast(&P.wake);
    int n = P.nworkers;
    pthread_mutex_unlock(&P.m);
    for (int i = 0; i < n; i++) pthread_join(P.th[i], NULL);
    pthread_mutex_lock(&P.m);
    P.stop = false;
    P.nworkers = 0;
    pthread_mutex_unlock(&P.m);
}

/* Starts workers up to `want`; keeps those it got when one fails to start.
 * The caller holds P.run. */
static void start_workers(int want) {
    pthread_mutex_lock(&P.m);
    uint64_t gen = P.gen;
    while (P.nworkers < want) {
        if (pthread_create(&P.th[P.nworkers], NULL, worker, (void *)(uintptr_t)gen) != 0) break;
        P.nworkers++;
    }
    pthread_mutex_unlock(&P.m);
}

/* fork: no job may be running while the address space is copied; the child has
 * no workers (threads are not inherited) and starts its own when needed. */
static void fork_prepare(void) {
    pthread_mutex_lock(&P.run);
    pthread_mutex_lock(&P.m);
}
static void fork_parent(void) {
    pthread_mutex_unlock(&P.m);
    pthread_mutex_unlock(&P.run);
}
static void fork_child(void) {
    P.nworkers = 0;
    P.inside = 0;
    P.open = NULL;
    P.stop = false;
    /* fresh locks and condition variables: the parent's workers were waiting on
     * `wake`, and glibc's broadcast waits for registered waiters to leave, which
     * threads that do not exist here never do */
    P.wake = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
    P.left = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
    P.m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    P.run = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
}

/* OpenBLAS's own count: found in the global scope, else in a BLAS already
 * loaded privately (a flavor opened with RTLD_LOCAL); never loads a library. */
static void set_openblas(int n) {
    void (*f)(int);
    *(void **)&f = dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
    if (f) {
        f(n);
        return;
    }
    static const char *const names[] = {"libopenblas.so.0", "libblas.so.3"};
    for (int i = 0; i < 2; i++) {
        void *h = dlopen(names[i], RTLD_NOW | RTLD_NOLOAD);
        if (!h) continue;
        *(void **)&f = dlsym(h, "openblas_set_num_threads");
        if (f) f(n);
        dlclose(h);
        if (f) return;
    }
}

static int parse_count(const char *s) {
    if (!s || !*s) return 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 1 || v > XP_MAX_THREADS) return 0;
    return (int)v;
}

static int default_count(void) {
    int n = 1;
#ifdef CPU_COUNT
    cpu_set_t cs;
    if (sched_getaffinity(0, sizeof cs, &cs) == 0) n = CPU_COUNT(&cs);
#endif
    return n < 1 ? 1 : n > DEFAULT_CAP ? DEFAULT_CAP : n;
}

static void init_once(void) {
    pthread_atfork(fork_prepare, fork_parent, fork_child);
    int n = parse_count(getenv("XPARRAY_NUM_THREADS"));
    if (n)
        set_openblas(n);
    else
        n = default_count();
    int zero = 0;
    atomic_compare_exchange_strong(&setting, &zero, n);
}

/* At load: the variable reaches OpenBLAS before any product runs. */
__attribute__((constructor)) static void pool_load(void) { pthread_once(&once, init_once); }

__attribute__((destructor)) static void pool_unload(void) {
    /* a job still running on another thread at exit keeps its workers */
    if (pthread_mutex_trylock(&P.run) != 0) return;
    stop_workers();
    pthread_mutex_unlock(&P.run);
}

XP_API int xp_get_num_threads(void) {
    int n = atomic_load_explicit(&setting, memory_order_relaxed);
    if (n) return n;
    pthread_once(&once, init_once);
    return atomic_load(&setting);
}

XP_API xp_status xp_set_num_threads(int n) {
    if (n < 1 || n > XP_MAX_THREADS) return XP_ERR_VALUE;
    pthread_once(&once, init_once);
    pthread_mutex_lock(&P.run);
    if (atomic_load(&setting) != n) {
        stop_workers();
        atomic_store(&setting, n);
    }
    pthread_mutex_unlock(&P.run);
    set_openblas(n);
    return XP_OK;
}

int xp__par_threads(void) { return in_task ? 1 : xp_get_num_threads(); }

void xp__par_for(int64_t ntasks, xp__task_fn fn, void *ctx) {
    int want = xp__par_threads();
    if (ntasks > 1 && want > 1 && pthread_mutex_trylock(&P.run) == 0) {
        want = atomic_load(&setting); /* as set now that the pool is ours */
        if (want - 1 > P.nworkers) start_workers(want - 1);
        if (P.nworkers > 0) {
            job j = {fn, ctx, ntasks, 0};
            pthread_mutex_lock(&P.m);
            P.open = &j;
            P.gen++;
            pthread_cond_broadcast(&P.wake);
            pthread_mutex_unlock(&P.m);
            in_task = true;
            run_tasks(&j);
            in_task = false;
            pthread_mutex_lock(&P.m);
            P.open = NULL;
            while (P.inside > 0) pthread_cond_wait(&P.left, &P.m);
            pthread_mutex_unlock(&P.m);
            pthread_mutex_unlock(&P.run);
            return;
        }
        pthread_mutex_unlock(&P.run);
    }
    if (ntasks == 1) { /* one task: it may use the pool itself */
        fn(ctx, 0);
        return;
    }
    bool was = in_task;
    in_task = true;
    for (int64_t t = 0; t < ntasks; t++) fn(ctx, t);
    in_task = was;
}

int64_t xp__par_pieces(int64_t n, int64_t item_bytes) {
    int64_t bytes = n * item_bytes;
    if (bytes < XP__PAR_MIN_BYTES) return 1;
    int th = xp__par_threads();
    if (th < 2) return 1;
    int64_t p = (int64_t)th * 4, most = bytes / (256 << 10);
    p = p < most ? p : most;
    p = p < n ? p : n;
    return p < 1 ? 1 : p;
}

int64_t xp__par_axis_pieces(int ndim, const int64_t *shape, int64_t bytes, int *axis) {
    int d = 0;
    while (d < ndim && shape[d] == 1) d++;
    *axis = d;
    if (d >= ndim || bytes < XP__PAR_MIN_BYTES) return 1;
    int64_t size = 1;
    for (int k = 0; k < ndim; k++) size *= shape[k];
    if (size <= 0) return 1;
    int64_t p = xp__par_pieces(size, bytes / size > 0 ? bytes / size : 1);
    return p < shape[d] ? p : shape[d];
}
