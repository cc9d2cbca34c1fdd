// Tests of the data_types part of the foundation.
#include "xp_test.h"

using namespace xpt;
