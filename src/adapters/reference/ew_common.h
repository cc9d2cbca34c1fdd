/* Shared by the elementwise kernel files of the reference and libm adapters:
 * name pasting and one-line kernel definitions over the loop drivers. */
#ifndef XP_EW_COMMON_H
#define XP_EW_COMMON_H

#include <xparray.h>

#include <xparray/adapter_util.h>

#include <complex.h>

/* C11's CMPLX/CMPLXF: glibc defines them for GCC only. */
#if !defined(CMPLX) || !defined(CMPLXF)
#undef CMPLX
#undef CMPLXF
#define CMPLX(x, y) xp_cmplx((x), (y))
#define CMPLXF(x, y) xp_cmplxf((x), (y))
#endif

#define XP_CAT_(a, b) a##b
#define XP_CAT(a, b) XP_CAT_(a, b)
/* k_<op>_<S>: the loop; e_<op>_<S>: its element function (S = dtype suffix). */
#define KN(op) XP_CAT(XP_CAT(k_, op), XP_CAT(_, S))
#define EN(op) XP_CAT(XP_CAT(e_, op), XP_CAT(_, S))
#define DN(d) XP_CAT(XP_CAT(d, _), S)
#define KSIG int64_t n, char *const *args, const int64_t *steps, const void *aux

/* One kernel = one driver call on one element function. */
#define KDEF(op, drv) \
    static xp_status KN(op)(KSIG) { (void)aux; return DN(drv)(n, args, steps, EN(op)); }

#endif
