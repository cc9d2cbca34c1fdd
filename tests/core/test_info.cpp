// Tests of the info part of the foundation.
#include "xp_test.h"

using namespace xpt;
