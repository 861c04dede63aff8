/* listnum.h: a list item's number written as a document shows it: 1, a, A, i, I (internal to
 * src/doc/; the ODT and DOCX readers share it). */
#ifndef REDLINE_DOC_LISTNUM_H
#define REDLINE_DOC_LISTNUM_H

#include <stdbool.h>

#define RL_LISTNUM_MAX 48

/* k in format: '1' decimal, 'a'/'A' letters, 'i'/'I' roman numerals (any other: decimal). With
 * letter_sync, letters past z repeat (aa, bb: Word, and ODF's style:num-letter-sync); without,
 * they count on (aa, ab: ODF's default). Numbers below 1, and roman numerals from 4000, are
 * written as decimals. */
void rl_list_number(long k, char format, bool letter_sync, char out[RL_LISTNUM_MAX]);

#endif
