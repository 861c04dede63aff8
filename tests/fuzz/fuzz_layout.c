/* fuzz_layout.c: the layout of two arbitrary texts at an arbitrary pane width (1 to 300).
 *
 * Invariants: no row is wider than max(width, RL_LAYOUT_MIN_WIDTH) on either side, and its column
 * count is the sum of its runs; every text run's columns are rl_text_width of its bytes; every byte
 * of every token is shown exactly once and no other byte is; a block's rows say which block they
 * belong to; a block with text on both sides starts on the same row on both sides. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "fuzz_input.h"
#include "layout.h"
#include "status.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_block(const rl_layout *lay, size_t bi, const rl_rowbuf *buf, size_t base,
                        unsigned eff, const char *const text[2], uint8_t *seen[2])
{
	const rl_block *blk = rl_layout_block(lay, bi);
	long first[2] = {-1, -1};

	for (size_t r = base; r < buf->nrows; r++) {
		const rl_row *row = &buf->rows[r];
		FUZZ_CHECK(row->block == bi, "row %zu of block %zu says block %u", r, bi, row->block);
		for (int s = 0; s < 2; s++) {
			unsigned cols = 0;
			for (uint16_t k = 0; k < row->nrun[s]; k++) {
				const rl_run *run = &buf->runs[row->run[s] + k];
				cols += run->cols;
				if (run->type != RL_RUN_TEXT)
					continue;
				FUZZ_CHECK(run->len > 0, "an empty text run");
				FUZZ_CHECK(rl_text_width(text[s] + run->off, run->len) == run->cols,
				           "run of %u bytes at %u: %u columns, its text has %zu", run->len,
				           run->off, run->cols, rl_text_width(text[s] + run->off, run->len));
				for (uint32_t x = run->off; x < run->off + run->len; x++) {
					FUZZ_CHECK(!seen[s][x], "byte %u of side %d shown twice", x, s);
					seen[s][x] = 1;
				}
			}
			FUZZ_CHECK(cols == row->cols[s], "row %zu side %d: runs %u, row says %u", r, s, cols,
			           row->cols[s]);
			FUZZ_CHECK(cols <= eff, "row %zu side %d is %u columns wide, the pane %u", r, s, cols,
			           eff);
			if (first[s] < 0 && row->nrun[s] > 0)
				first[s] = (long)r;
		}
	}
	bool has[2] = {blk->a1 > blk->a0, blk->b1 > blk->b0};
	if (has[0] && has[1] && first[0] >= 0 && first[1] >= 0)
		FUZZ_CHECK(first[0] == first[1], "block %zu starts on rows %ld and %ld", bi, first[0],
		           first[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	if (fuzz_input_split(&in, data, size) != 0)
		return 0;
	rl_diff_opts o = fuzz_diff_opts(&in);
	unsigned width = 1 + in.param % 300;
	unsigned eff = width < RL_LAYOUT_MIN_WIDTH ? RL_LAYOUT_MIN_WIDTH : width;
	const char *text[2] = {in.text[0], in.text[1]};
	rl_alignment *al;
	rl_layout *lay;

	FUZZ_CHECK(rl_diff(&al, in.text[0], in.len[0], in.text[1], in.len[1], &o) == RL_OK, "diff");
	rl_layout_opts lo = {.markers = in.flags & FUZZ_MARKERS};
	FUZZ_CHECK(rl_layout_new(&lay, al, &lo) == RL_OK, "layout");
	uint8_t *seen[2] = {calloc(in.len[0] + 1, 1), calloc(in.len[1] + 1, 1)};
	FUZZ_CHECK(seen[0] && seen[1], "out of memory");

	/* Blocks one after another into one buffer, as a viewer fills its screen. */
	rl_rowbuf buf = {0};
	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
		size_t base = buf.nrows;
		FUZZ_CHECK(rl_layout_rows(lay, bi, width, &buf) == RL_OK, "rows of block %zu", bi);
		check_block(lay, bi, &buf, base, eff, text, seen);
		if (buf.nrows > 4096)
			rl_rowbuf_clear(&buf);
	}
	for (int s = 0; s < 2; s++) {
		const rl_tokens *t = rl_alignment_tokens(al, s);
		const rl_token *v = rl_tokens_array(t);
		uint8_t *want = calloc(in.len[s] + 1, 1);
		FUZZ_CHECK(want, "out of memory");
		for (size_t i = 0; i < rl_tokens_count(t); i++)
			memset(want + v[i].off, 1, v[i].len);
		for (size_t x = 0; x < in.len[s]; x++)
			FUZZ_CHECK(seen[s][x] == want[x], "side %d byte %zu: shown %d, in a token %d", s, x,
			           seen[s][x], want[x]);
		free(want);
		free(seen[s]);
	}
	rl_rowbuf_free(&buf);
	rl_layout_free(lay);
	rl_alignment_free(al);
	fuzz_input_free(&in);
	return 0;
}
