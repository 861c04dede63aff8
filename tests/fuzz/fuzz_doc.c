/* fuzz_doc.c: the document readers (src/doc/) on arbitrary bytes.
 *
 *   byte 0     the format (modulo 8: detected from the content, text, HTML, Markdown, DOCX, ODT,
 *              EPUB, PDF) and, bit 3, reader mode off (--no-extract); bit 4, --body
 *   byte 1     the size limit on the text, in units of 64 bytes (0: none)
 *   the rest   the document
 *
 * A reader either fails with a one-line reason, or gives NUL-terminated text no longer than the
 * limit; the furniture it finds is whole lines, sorted and apart; a side prepared from the bytes
 * maps every offset of its compared text into its extracted text, in order; its style spans
 * (Markdown) lie in its compared text, sorted and apart, each with a description; and compared
 * with itself, styles and all, it is no difference. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "doc/doc.h"
#include "status.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_ranges(const char *text, size_t len, const size_t *r, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t s = r[2 * k], e = r[2 * k + 1];
		FUZZ_CHECK(s < e && e <= len, "range %zu [%zu, %zu) of %zu", k, s, e, len);
		FUZZ_CHECK(k == 0 || s > r[2 * k - 1], "range %zu not after the one before", k);
		FUZZ_CHECK(s == 0 || text[s - 1] == '\n', "range %zu starts inside a line", k);
		FUZZ_CHECK(e == len || text[e - 1] == '\n', "range %zu ends inside a line", k);
	}
}

/* A prepared side's offsets map into its extracted text, in order; its style spans lie in its
 * compared text, sorted and apart; compared with itself, styles and all, it is no difference. */
static void check_side(const rl_source *side)
{
	rl_source src = *side;
	FUZZ_CHECK(src.data[src.len] == '\0', "compared text not terminated");
	FUZZ_CHECK(src.len <= src.doc.full_len, "compared text longer than the extracted text");
	size_t last = 0;
	for (size_t i = 0; i <= src.len; i++) {
		size_t m = rl_doc_map_offset(&src, i, false);
		FUZZ_CHECK(m >= last && m <= src.doc.full_len, "offset %zu maps to %zu", i, m);
		FUZZ_CHECK(rl_doc_map_offset(&src, i, true) <= m, "an end maps past a start");
		last = m;
	}
	const rl_doc_styles *st = &src.doc.styles;
	for (size_t k = 0; k < st->n; k++) {
		FUZZ_CHECK(st->v[k].start < st->v[k].end && st->v[k].end <= src.len,
		           "span %zu [%zu, %zu) of %zu", k, st->v[k].start, st->v[k].end, src.len);
		FUZZ_CHECK(k == 0 || st->v[k].start >= st->v[k - 1].end, "span %zu overlaps", k);
		FUZZ_CHECK(st->name[k] < st->names_len, "span %zu has no description", k);
	}
	FUZZ_CHECK(st->n == 0 || src.doc.styled, "spans of a format whose formatting is not read");
	if (st->n && src.len < 20000) {
		rl_styles two[2];
		rl_source_pair_styles(&src, &src, two);
		rl_diff_opts dopts = RL_DIFF_OPTS_INIT;
		rl_alignment *al;
		if (rl_diff_styled(&al, src.data, src.len, src.data, src.len, &dopts, two) == RL_OK) {
			FUZZ_CHECK(rl_alignment_same(al), "a styled text differs from itself");
			rl_alignment_free(al);
		}
	}
}

static void check_prepared(const uint8_t *doc, size_t len, const rl_doc_opts *o)
{
	rl_source src;
	char err[512];
	if (rl_source_from_bytes(&src, (const char *)doc, len, "fuzz", (size_t)-1, err, sizeof err))
		return;
	if (rl_doc_prepare(&src, o, err, sizeof err) != 0) {
		FUZZ_CHECK(strncmp(err, "fuzz: ", 6) == 0 && !strchr(err, '\n'), "error: %s", err);
		rl_source_release(&src);
		return;
	}
	check_side(&src);
	rl_source_release(&src);
}

/* The document paired with an empty text (rl_doc_prepare_pair): a web page's kicker, byline and
 * date, which the empty side lacks, dropped as furniture (stop 34), its offsets mapped as one
 * prepared alone. */
static void check_pair(const uint8_t *doc, size_t len, const rl_doc_opts *o)
{
	rl_source src[2];
	char err[512];
	if (rl_source_from_bytes(&src[0], (const char *)doc, len, "fuzz", (size_t)-1, err, sizeof err))
		return;
	if (rl_source_from_bytes(&src[1], "", 0, "empty", (size_t)-1, err, sizeof err)) {
		rl_source_release(&src[0]);
		return;
	}
	if (rl_doc_prepare_pair(src, o, err, sizeof err) == 0)
		check_side(&src[0]);
	else
		FUZZ_CHECK(strncmp(err, "fuzz: ", 6) == 0 && !strchr(err, '\n'), "error: %s", err);
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	static const rl_docfmt formats[8] = {RL_DOCFMT_AUTO, RL_DOCFMT_TEXT, RL_DOCFMT_HTML,
	                                     RL_DOCFMT_MARKDOWN, RL_DOCFMT_DOCX, RL_DOCFMT_ODT,
	                                     RL_DOCFMT_EPUB, RL_DOCFMT_PDF};
	rl_docfmt f = formats[data[0] & 7];
	bool reader = !(data[0] & 8), body = data[0] & 16;
	size_t max = data[1] ? (size_t)data[1] * 64 : (size_t)-1 / 2;
	size_t len = size - 2;
	/* An exact-size copy, so that AddressSanitizer sees a read past the end. */
	char *doc = malloc(len ? len : 1);
	FUZZ_CHECK(doc, "out of memory");
	if (len)
		memcpy(doc, data + 2, len);

	rl_docfmt detected = rl_doc_detect(doc, len);
	FUZZ_CHECK(detected >= RL_DOCFMT_TEXT && detected <= RL_DOCFMT_PDF, "detected %d", detected);
	char *out = NULL, err[512] = "";
	size_t out_len = 0;
	rl_docfmt use = f == RL_DOCFMT_AUTO ? detected : f;
	if (rl_doc_extract(doc, len, use, reader, max, &out, &out_len, err, sizeof err) == 0) {
		FUZZ_CHECK(out && out[out_len] == '\0', "text not terminated");
		FUZZ_CHECK(out_len <= max, "%zu bytes of text over the limit of %zu", out_len, max);
		size_t *r = NULL, n = 0;
		FUZZ_CHECK(rl_doc_furniture(out, out_len, NULL, 0, RL_FURN_PATTERNS | RL_FURN_POSITION,
		                            &r, &n) == 0, "furniture: out of memory");
		check_ranges(out, out_len, r, n);
		free(r);
		free(out);
	} else {
		FUZZ_CHECK(err[0] && !strchr(err, '\n'), "a failure's reason: '%s'", err);
	}
	rl_doc_opts o = {.format = f, .no_extract = !reader, .body = body ? RL_BODY_ON : RL_BODY_OFF,
	                 .max_size = max};
	check_prepared((const uint8_t *)doc, len, &o);
	check_pair((const uint8_t *)doc, len, &o);
	free(doc);
	return 0;
}
