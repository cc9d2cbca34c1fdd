// Tests of the array part of the foundation.
#include "xp_test.h"

using namespace xpt;
