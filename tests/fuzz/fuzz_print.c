/* fuzz_print.c: every printer on two arbitrary texts, with file names taken from the input too
 * (--changes and --html too: the HTML must hold no control byte either).
 *
 * --json must be one valid JSON text (tests/json.c, strict) keeping the contract's shape, its
 * ranges inside the inputs (json_contract.c); --side-by-side, --inline and --stat, with and without colour, and in ASCII mode
 * for a terminal without UTF-8, must be safe to send to a terminal (term_check.c: no control
 * byte, no escape sequence but our own SGR, no bidi control, valid UTF-8) and the side-by-side
 * lines must fit the width. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "fuzz_input.h"
#include "json_contract.h"
#include "print/print.h"
#include "status.h"
#include "term_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { P_SBS, P_INLINE, P_JSON, P_STAT, P_CHANGES, P_HTML };

/* Run one printer into memory; returns the bytes (owned) and their count. */
static char *print_to_memory(int which, const rl_alignment *al, const fuzz_input *in, bool color,
                             bool ascii, unsigned width, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	rl_out o;
	int rc = RL_OK;

	FUZZ_CHECK(fp, "open_memstream");
	rl_out_init(&o, fp, color, ascii);
	switch (which) {
	case P_SBS: rc = rl_print_side_by_side(&o, al, width); break;
	case P_INLINE: rc = rl_print_inline(&o, al); break;
	case P_STAT: rc = rl_print_stat(&o, al); break;
	case P_CHANGES: rc = rl_print_changes(&o, al, NULL); break;
	case P_HTML: {
		const char *nv[2] = {"old", "new"};
		rc = rl_print_html(&o, al, nv, NULL, width);
		break;
	}
	default: {
		/* A name is the first bytes of its text, up to a NUL: hostile names as well. */
		char names[2][24];
		for (int s = 0; s < 2; s++) {
			size_t k = in->len[s] < sizeof names[s] - 1 ? in->len[s] : sizeof names[s] - 1;
			memcpy(names[s], in->text[s], k);
			names[s][k] = '\0';
		}
		const char *nv[2] = {names[0], names[1]};
		rc = rl_print_json(&o, al, nv, in->len);
		break;
	}
	}
	FUZZ_CHECK(rc == RL_OK, "printer %d returned %d", which, rc);
	FUZZ_CHECK(rl_out_finish(&o) == 0, "printer %d: write error", which);
	fclose(fp);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	if (fuzz_input_split(&in, data, size) != 0)
		return 0;
	rl_diff_opts o = fuzz_diff_opts(&in);
	bool color = !(in.flags & FUZZ_MARKERS), ascii = in.flags & FUZZ_ASCII;
	unsigned width = 1 + in.param;
	unsigned widest = width > 2 * RL_LAYOUT_MIN_WIDTH + 3 ? width : 2 * RL_LAYOUT_MIN_WIDTH + 3;
	rl_alignment *al;

	FUZZ_CHECK(rl_diff(&al, in.text[0], in.len[0], in.text[1], in.len[1], &o) == RL_OK, "diff");
	for (int which = P_SBS; which <= P_HTML; which++) {
		size_t len, at = 0;
		char *out = print_to_memory(which, al, &in, color, ascii, width, &len);
		const char *why;
		if (which == P_JSON) {
			char reason[300];
			why = json_contract_check(out, len, in.len, reason, sizeof reason);
			FUZZ_CHECK(!why, "--json: %s", why);
		} else {
			why = term_check(out, len, color, &at);
			FUZZ_CHECK(!why, "printer %d: %s at byte %zu", which, why, at);
			/* the HTML report is UTF-8 for a browser, whatever the terminal */
			if (ascii && which != P_HTML)
				for (size_t i = 0; i < len; i++)
					FUZZ_CHECK((unsigned char)out[i] < 0x80, "printer %d: non-ASCII byte %02x "
					           "at %zu in ASCII mode", which, (unsigned char)out[i], i);
			if (which == P_SBS)
				FUZZ_CHECK(term_max_line_width(out, len) <= widest,
				           "a side-by-side line is %zu columns, the width %u",
				           term_max_line_width(out, len), width);
		}
		free(out);
	}
	rl_alignment_free(al);
	fuzz_input_free(&in);
	return 0;
}
