/* print.h: the non-interactive outputs, each a view of one alignment. */
#ifndef REDLINE_PRINT_H
#define REDLINE_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "align.h"
#include "hunks.h"
#include "input/input.h"
#include "out.h"

/* Two columns of `width` total columns, corresponding passages starting on the same row. */
int rl_print_side_by_side(rl_out *o, const rl_alignment *al, unsigned width);
/* The same with `context` rows of unchanged text around each change, each hunk under a header
 * (hunks.h); RL_CONTEXT_ALL: every row, as rl_print_side_by_side. */
int rl_print_side_by_side_context(rl_out *o, const rl_alignment *al, unsigned width, int context);

/* One column in NEW's reading order, wdiff style: [-deleted-]{+inserted+}, moves as [<..>]
 * where they left and {>..<} where they arrived (colour instead of markers when on). */
int rl_print_inline(rl_out *o, const rl_alignment *al);
/* The same with `context` lines (layout blocks: lines of either text, or sentences of a long one)
 * of unchanged text around each change, each hunk under a header; RL_CONTEXT_ALL: everything.
 * width: wrap lines at this many columns (-W), 0 to keep NEW's lines as they are. */
int rl_print_inline_context(rl_out *o, const rl_alignment *al, int context, unsigned width);

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

/* --changes: one Markdown line per change of substance, in reading order (changelist.h), then a
 * summary line with the share of OLD kept; "No changes." when the texts do not differ. src: the
 * two sides the alignment was made of, for what the alignment does not hold (a formatting
 * change's old and new formatting); NULL: not said. */
int rl_print_changes(rl_out *o, const rl_alignment *al, const rl_source *src);

/* One change of the list as --changes words it, without the "- " and the newline: Markdown, or
 * HTML text (html: document text escaped for HTML). src as for rl_print_changes. */
struct rl_edit;
void rl_print_change_text(rl_out *o, const rl_alignment *al, const struct rl_edit *ch,
                          const rl_source *src, bool html);

/* --html: one self-contained HTML page (no script, no external resource): the two texts side by
 * side in the layout's rows (pane columns wide), a legend, the statistics and the change list
 * linking to each change; moved passages link both ways; a "changes only" switch in CSS. */
int rl_print_html(rl_out *o, const rl_alignment *al, const char *const names[2],
                  const rl_source *src, unsigned pane);

/* --html on a list (--git, --history, directories, several versions): one page, a section per
 * pair under its names (and commit), each as the single-pair report (statistics, change list,
 * the two columns), ids prefixed by the section ("s3-c0") so that they stay unique; the legend
 * and the "changes only" switch once; at the top a table of contents linking each section with
 * its counts. Sections are kept in memory until rl_report_write puts the page together. */
typedef struct rl_report rl_report;
int rl_report_new(rl_report **out, unsigned pane);
void rl_report_free(rl_report *r);
/* A pair compared: its section and its line in the contents (names and version copied). */
int rl_report_pair(rl_report *r, const rl_alignment *al, const char *const names[2],
                   const rl_source *src, const rl_version *version);
/* A pair listed in the contents only, with why it has no section ("binary, not compared"). */
int rl_report_note(rl_report *r, const char *const names[2], const rl_version *version,
                   const char *what);
/* The page, titled title (the list's command line, escaped here), to o. */
int rl_report_write(rl_report *r, rl_out *o, const char *title);

/* Document text as HTML text: & < > " ' as references, controls and invalid bytes as their
 * visible escapes (out.h), line ends as spaces. */
void rl_html_text(rl_out *o, const char *s, size_t n);

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
 * (submodule), (unmerged) or `mark` ("binary", "over --max-size"; may be NULL). */
void rl_print_list_entry(rl_out *o, const rl_pairs *list, size_t i, const char *mark);

/* --history --list: one line per version, oldest first: id, date, author, path, subject. */
void rl_print_versions(rl_out *o, const rl_pairs *list);

#endif
