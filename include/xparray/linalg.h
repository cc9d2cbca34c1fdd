/* xparray — linalg (spec section). Filled in by the issue that owns it. */
#ifndef XPARRAY_LINALG_H
#define XPARRAY_LINALG_H

#include "types.h"

XP_BEGIN_DECLS

/** Function-table members of this section (see namespace.h). */
#define XP_NS_LINALG(M)

XP_END_DECLS

#endif
