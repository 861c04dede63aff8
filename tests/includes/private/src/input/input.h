/* input.h */
#include "align.h"
