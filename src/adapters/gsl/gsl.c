/* The GSL adapter's table and its error handling. */
#include "gsl.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void install_handler(void) { gsl_set_error_handler_off(); }

void xp__gsl_init(void) { pthread_once(&gsl_once, install_handler); }

xp_status xp__gsl_status(int code) {
    if (code == GSL_SUCCESS) return XP_OK;
    if (code == GSL_ENOMEM) return XP_ERR_NOMEM;
    return XP_ERR_BACKEND;
}

static const char *gsl_routine(const char *function) {
    (void)function;
    return NULL;
}

const xp_adapter xp_adapter_gsl = {
    .abi_version = XP_ADAPTER_ABI_VERSION,
    .size = sizeof(xp_adapter),
    .name = "gsl",
    .library = "GNU Scientific Library",
    .routine = gsl_routine,
};
