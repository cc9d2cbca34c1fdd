// Tests of the namespace part of the foundation.
#include "xp_test.h"

using namespace xpt;
