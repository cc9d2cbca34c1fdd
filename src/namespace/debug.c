/* Debug mode (released arrays poisoned and quarantined) and the thread's last
 * error of status-returning functions. */
#include "core.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- debug mode ------------------------------------------------------------- */

/* -1: not decided yet (XPARRAY_DEBUG is read on first use); 0 off; 1 on */
static _Atomic int debug_mode = -1;

bool xp__debug_on(void) {
    int m = atomic_load_explicit(&debug_mode, memory_order_relaxed);
    if (m < 0) {
        const char *e = getenv("XPARRAY_DEBUG");
        m = e && *e && strcmp(e, "0") != 0;
        int expected = -1;
        atomic_compare_exchange_strong(&debug_mode, &expected, m);
        m = atomic_load(&debug_mode);
    }
    return m == 1;
}

XP_API void xp_set_debug(bool on) { atomic_store(&debug_mode, on ? 1 : 0); }

XP_API bool xp_debug_enabled(void) { return xp__debug_on(); }

/* Released headers stay readable here until XP__QUARANTINE more releases push
 * them out (then they are freed, oldest first). */
#define XP__QUARANTINE 65536
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static xp_array *q_ring[XP__QUARANTINE];
static size_t q_next;

static const char released_msg[] =
    "xparray: this array was released (xp_release or the end of the scope that owned it) "
    "and is poisoned (debug mode)";

void xp__quarantine(xp_array *x) {
    x->flags = XP__F_ERROR | XP__F_RELEASED | XP__F_STATIC;
    x->status = XP_ERR_VALUE;
    x->message = (char *)released_msg;
    x->buf = NULL;
    x->ndim = -1;
    x->size = -1;
    x->weak = XP__WEAK_NONE;
    pthread_mutex_lock(&q_lock);
    xp_array *old = q_ring[q_next];
    q_ring[q_next] = x;
    q_next = (q_next + 1) % XP__QUARANTINE;
    pthread_mutex_unlock(&q_lock);
    if (old) xp__free_quarantined(old);
}

xp_array *xp__released_error(const char *fn, const char *arg) {
    return xp__error(XP_ERR_VALUE, fn,
                     "argument '%s' was already released (xp_release or the end of the scope "
                     "that owned it): use after release",
                     arg);
}

/* ---- last error of status-returning functions -------------------------------- */

static _Thread_local struct {
    xp_status status;
    char message[512];
} last;

xp_status xp__status_error(xp_status st, const char *fn, const char *fmt, ...) {
    int k = snprintf(last.message, sizeof last.message, "%s: ", fn ? fn : "xparray");
    if (k < 0) k = 0;
    if ((size_t)k >= sizeof last.message) k = (int)sizeof last.message - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last.message + k, sizeof last.message - (size_t)k, fmt, ap);
    va_end(ap);
    last.status = st;
    return st;
}

xp_status xp__status_of(xp_array *err) {
    xp_status st = xp_error_status(err);
    xp_error_trace(err, last.message, sizeof last.message);
    last.status = st;
    xp_release(err);
    return st;
}

XP_API const char *xp_last_error_message(void) { return last.message; }

XP_API xp_status xp_last_error_status(void) { return last.status; }

XP_API void xp_clear_last_error(void) {
    last.status = XP_OK;
    last.message[0] = 0;
}
