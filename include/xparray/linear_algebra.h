/* xparray — linear algebra (spec section). Filled in by the issue that owns it. */
#ifndef XPARRAY_LINEAR_ALGEBRA_H
#define XPARRAY_LINEAR_ALGEBRA_H

#include "types.h"

XP_BEGIN_DECLS

/** Function-table members of this section (see namespace.h). */
#define XP_NS_LINEAR_ALGEBRA(M)

XP_END_DECLS

#endif
