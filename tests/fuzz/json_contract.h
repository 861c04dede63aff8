/* json_contract.h: redline's --json output against its contract, for the tests and the fuzzers.
 *
 * The JSON itself is read by tests/json.c (strict RFC 8259); this checks the shape the bench's
 * README promises: "redline": 1, "old" and "new" each with a "path" and a "size", a "stats"
 * object, and "ops", a list of objects whose "kind" is one of the five, with an "a" range unless
 * it is an insert and a "b" range unless it is a delete, each [start, end] with
 * 0 <= start <= end <= that side's size. A pair not compared because it is binary has, instead
 * of "ops" and "stats", "binary": true and "identical" (true or false). (tests/cli/test_cli.c
 * checks the rest of the contract, every byte in exactly one op, on known files.) */
#ifndef REDLINE_JSON_CONTRACT_H
#define REDLINE_JSON_CONTRACT_H

#include <stddef.h>

/* Returns NULL when out[0..n) keeps the contract, else a reason written into why. When sizes is
 * not NULL, the sizes the JSON states must be these. */
const char *json_contract_check(const char *out, size_t n, const size_t *sizes, char *why,
                                size_t whylen);

#endif
