/* names.h: two names side by side in little room (the status line's "old → new").
 *
 * Pure: no curses. When the names do not fit, the part the new name shares with the old one is
 * said once: the new name keeps what tells it apart and a mark stands for the rest; of two
 * versions, the old one is said by its commit and the new one in full. Two kinds of
 * name: a path ("drafts/story-v1.md"), whose end tells files apart, and a description with spaces
 * (--history's "3f2a1c9 2025-03-02 Ann Lee: Tighten the lede"), whose start does. */
#ifndef REDLINE_NAMES_H
#define REDLINE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* Is name a description (it has a space), to be cut at its end rather than its start? */
bool rl_name_is_description(const char *name);

/* The bytes of a description's first word (a version's commit). */
size_t rl_name_first_word(const char *name);

/* The path new_name with the start it shares with the path old_name, up to a separator (/ \ :
 * _ - . space), replaced by `mark` ("…" or "..."), into out (at most n bytes, terminated):
 * "…v2.md" against "drafts/story-v1.md". Returns false (out holds new_name whole) for a
 * description, when nothing is shared, or when the result would not be shorter. Two
 * descriptions that do not fit are told apart by the old one's first word (terminal.c). */
bool rl_name_shorten(const char *old_name, const char *new_name, const char *mark, char *out,
                     size_t n);

#endif
