/* Internal dtype traits for the core's kernels: the public adapter helper header
 * (xparray/adapter_util.h) under the names the core's sources use. */
#ifndef XP_DTYPE_TRAITS_H
#define XP_DTYPE_TRAITS_H

#include <xparray/adapter_util.h>

#include <complex.h>

#define XP_CTYPES XP_DTYPE_CTYPES
#define xp__cmplx xp_cmplx
#define xp__cmplxf xp_cmplxf

#endif
