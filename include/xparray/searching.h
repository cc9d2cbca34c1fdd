/* xparray — searching (spec section). Filled in by the issue that owns it. */
#ifndef XPARRAY_SEARCHING_H
#define XPARRAY_SEARCHING_H

#include "types.h"

XP_BEGIN_DECLS

/** Function-table members of this section (see namespace.h). */
#define XP_NS_SEARCHING(M)

XP_END_DECLS

#endif
