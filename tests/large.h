/* large.h: the hostile inputs: the committed corpus (tests/hostile/) and the large ones, written
 * when a test runs, never committed.
 *
 * Shared by the printed outputs' suite (tests/cli/test_hostile.c) and the viewer's
 * (tests/tui/test_tui_hostile.c). Each generator is deterministic: the same seed gives the same
 * bytes on every run. */
#ifndef REDLINE_TEST_LARGE_H
#define REDLINE_TEST_LARGE_H

#include <stdint.h>
#include <stdio.h>

typedef void (*large_gen)(FILE *fp, uint64_t seed);

/* About 10 MB of words on one line; a non-zero seed changes every 5,000th word. */
void large_long_line(FILE *fp, uint64_t seed);
/* 100,000 short paragraphs; a non-zero seed rewrites every 1,000th. */
void large_paragraphs(FILE *fp, uint64_t seed);
/* A 1 MB word without a space; a non-zero seed changes its last letter. */
void large_long_word(FILE *fp, uint64_t seed);
/* About 2 MB of random words from the two words "a" and "b", from the seed: every word is common
 * to both texts, none is unique, matching runs are short. The worst case for the diff's cost
 * bound. */
void large_two_words(FILE *fp, uint64_t seed);

/* 128,000 short sentences of four made-up words, five to a paragraph, each sentence once; a
 * non-zero seed moves each paragraph's second sentence to the start of another paragraph. Every
 * fifth sentence a move of its own: the move stage's checks per candidate must not look through
 * the whole text. */
void large_moved_sentences(FILE *fp, uint64_t seed);

/* Write gen's file as dir/name into path[0..n); returns path. Fails the test when it cannot. */
const char *large_write(char *path, size_t n, const char *dir, const char *name, large_gen gen,
                        uint64_t seed);

/* The committed hostile files, sorted, as paths relative to the source directory (SOURCE_DIR);
 * the caller frees them with free_files. Fails the test when the corpus is missing. */
char **hostile_files(size_t *n);
void free_files(char **v, size_t n);

#endif
