/** @file
 * xparray — the Python Array API standard (2025.12) as a C11 library.
 * Umbrella header: the whole public API. See README.md for a tour. */
#ifndef XPARRAY_H
#define XPARRAY_H

#include "xparray/types.h"
#include "xparray/array.h"
#include "xparray/storage.h"
#include "xparray/data_types.h"
#include "xparray/creation.h"
#include "xparray/elementwise.h"
#include "xparray/indexing.h"
#include "xparray/manipulation.h"
#include "xparray/searching.h"
#include "xparray/sets.h"
#include "xparray/sorting.h"
#include "xparray/statistical.h"
#include "xparray/utility.h"
#include "xparray/linear_algebra.h"
#include "xparray/linalg.h"
#include "xparray/fft.h"
#include "xparray/info.h"
#include "xparray/threads.h"
#include "xparray/dlpack.h"
#include "xparray/npy.h"
#include "xparray/extra.h"
#include "xparray/namespace.h"
#include "xparray/adapter.h"

#endif
