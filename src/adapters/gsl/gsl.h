/* The GSL adapter: GSL's BLAS, linear algebra, eigensystems and FFT. */
#ifndef XP_ADAPTER_GSL_H
#define XP_ADAPTER_GSL_H

#include "../../namespace/core.h"

extern const xp_adapter xp_adapter_gsl;

/** Installs gsl_set_error_handler_off() once, thread-safely. Every entry point of
 * the adapter calls it before its first GSL call: GSL's default handler aborts. */
void xp__gsl_init(void);

/** A status for a GSL return code: XP_OK for GSL_SUCCESS; XP_ERR_NOMEM for
 * GSL_ENOMEM; XP_ERR_BACKEND otherwise (the caller puts gsl_strerror(code) and the
 * number in its message). */
xp_status xp__gsl_status(int code);

#endif
