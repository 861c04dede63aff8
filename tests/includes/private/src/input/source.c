#include "input.h"
#include "myers.h"
