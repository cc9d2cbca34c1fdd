/* The portable reference adapter. */
#ifndef XP_ADAPTER_REFERENCE_H
#define XP_ADAPTER_REFERENCE_H

#include <xparray.h>

extern const xp_adapter xp_adapter_reference;

#endif
