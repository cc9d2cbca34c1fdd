// Tests of the errors part of the foundation.
#include "xp_test.h"

using namespace xpt;
