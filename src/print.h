/* print.h: the non-interactive outputs, each a view of one alignment. */
#ifndef REDLINE_PRINT_H
#define REDLINE_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "align.h"
#include "out.h"
#include "pairs.h"
#include "source.h"

/* Two columns of `width` total columns, corresponding passages starting on the same row. */
int rl_print_side_by_side(rl_out *o, const rl_alignment *al, unsigned width);

/* One column in NEW's reading order, wdiff style: [-deleted-]{+inserted+}, moves as [<..>]
 * where they left and {>..<} where they arrived (colour instead of markers when on). */
int rl_print_inline(rl_out *o, const rl_alignment *al);

/* The alignment in the JSON contract (../shared/bench/README.md): byte ranges into the inputs. */
int rl_print_json(rl_out *o, const rl_alignment *al, const char *const names[2],
                  const size_t sizes[2]);

/* The same, for sides read as sources: each side also says its format, whether its text was
 * extracted from a document, and the furniture dropped (doc.h); every range, dropped ones too,
 * is a byte range of the extracted text (what --extract prints). */
int rl_print_json_sources(rl_out *o, const rl_alignment *al, const rl_source src[2]);

/* A pair that is not compared because a side is binary (a NUL in its first 8 KiB), as JSON:
 * the sides' paths and sizes, "binary": true and whether the bytes are "identical"; no "ops" and
 * no "stats", so that no consumer takes it for a comparison that found nothing. */
int rl_print_json_binary(rl_out *o, const char *const names[2], const size_t sizes[2],
                         bool identical);

/* One line of word counts by kind and the similarity. */
int rl_print_stat(rl_out *o, const rl_alignment *al);

/* The same for sides read as sources: the line also counts the lines of page furniture dropped
 * (--body, -I) when there were any. */
int rl_print_stat_sources(rl_out *o, const rl_alignment *al, const rl_source src[2]);

/* Lists (--git, --history, two directories, git's external diff). */

/* The line before each pair's comparison: "redline OLD NEW", each name one shell word, so that
 * running the line shows that pair alone; for a version from --history, a second line with its
 * commit: "ID DATE AUTHOR: SUBJECT". */
void rl_print_pair_header(rl_out *o, const char *old_name, const char *new_name,
                          const rl_version *version);

/* What a pair whose texts do not differ under the comparison options shows instead (a re-wrapped
 * paragraph, a pure rename). */
void rl_print_no_difference(rl_out *o);

/* One line of --list for pair i: its change letter and path ("R old.md -> new.md"), marked
 * (binary), (submodule) or (unmerged). */
void rl_print_list_entry(rl_out *o, const rl_pairs *list, size_t i, bool binary);

/* --history --list: one line per version, oldest first: id, date, author, path, subject. */
void rl_print_versions(rl_out *o, const rl_pairs *list);

#endif
