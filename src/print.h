/* print.h: the non-interactive outputs, each a view of one alignment. */
#ifndef REDLINE_PRINT_H
#define REDLINE_PRINT_H

#include <stddef.h>

#include "align.h"
#include "out.h"

/* Two columns of `width` total columns, corresponding passages starting on the same row. */
int rl_print_side_by_side(rl_out *o, const rl_alignment *al, unsigned width);

/* One column in NEW's reading order, wdiff style: [-deleted-]{+inserted+}, moves as [<..>]
 * where they left and {>..<} where they arrived (colour instead of markers when on). */
int rl_print_inline(rl_out *o, const rl_alignment *al);

/* The alignment in the JSON contract (../shared/bench/README.md): byte ranges into the inputs. */
int rl_print_json(rl_out *o, const rl_alignment *al, const char *const names[2],
                  const size_t sizes[2]);

/* One line of word counts by kind and the similarity. */
int rl_print_stat(rl_out *o, const rl_alignment *al);

#endif
