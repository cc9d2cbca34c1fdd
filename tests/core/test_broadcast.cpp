// Tests of the broadcast part of the foundation.
#include "xp_test.h"

using namespace xpt;
