/* myers.h: diff/'s own */
