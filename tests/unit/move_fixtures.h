/* move_fixtures.h: the harbour paragraphs and the diff helper that test_move.c and
 * test_move_copies.c share (one suite split in two in stop 35); test_shingle.c reads the
 * paragraphs. Text of our own. */
#ifndef REDLINE_TEST_MOVE_FIXTURES_H
#define REDLINE_TEST_MOVE_FIXTURES_H

#include "align.h"
#include "ops_text.h"

#define P1 "The harbor master opened the gates at dawn and counted the boats."
#define P2 "A storm had broken three moorings during the night, and two skiffs were missing from " \
           "the north pier."
#define P3 "By noon the fishermen had gathered at the cooperative to sell the morning catch."
#define P4 "Prices were low again this week because the cannery bought less than usual."
#define P5 "The mayor promised to visit the pier on Friday."

/* a against b as text (ops_text.h), with the stages in off switched off. */
static inline char *run(const char *a, const char *b, unsigned off)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	return diff_text(a, b, &o);
}

#endif
