// Tests of the scope part of the foundation.
#include "xp_test.h"

using namespace xpt;
