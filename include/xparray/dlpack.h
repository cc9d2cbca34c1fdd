/* xparray — dlpack (spec section). Filled in by the issue that owns it. */
#ifndef XPARRAY_DLPACK_H
#define XPARRAY_DLPACK_H

#include "types.h"

XP_BEGIN_DECLS

/** Function-table members of this section (see namespace.h). */
#define XP_NS_DLPACK(M)

XP_END_DECLS

#endif
