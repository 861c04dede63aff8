/* print_json.c: the alignment as JSON, in the contract of ../shared/bench/README.md. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "changelist.h"
#include "print.h"
#include "status.h"
#include "text.h"

/* A JSON string: valid UTF-8 passes, controls and quotes are escaped, invalid bytes become
 * U+FFFD (JSON text must be UTF-8). */
static void json_string(rl_out *o, const char *s, size_t n)
{
	size_t pos = 0;

	rl_out_raw(o, "\"", 1);
	while (pos < n) {
		int32_t cp;
		size_t len = rl_utf8_decode(s + pos, n - pos, &cp);
		if (cp < 0)
			rl_out_str(o, "\\ufffd");
		else if (cp == '"' || cp == '\\')
			fprintf(o->fp, "\\%c", (char)cp);
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
		         cp == 0x2029)
			fprintf(o->fp, "\\u%04x", (unsigned)cp);
		else
			rl_out_raw(o, s + pos, len);
		pos += len;
	}
	rl_out_raw(o, "\"", 1);
}

/* A side: its name and size; for a source, what doc.h made of it. */
static void json_side(rl_out *o, const char *key, const char *name, size_t size,
                      const rl_source *src)
{
	fprintf(o->fp, "  \"%s\": {\"path\": ", key);
	json_string(o, name, strlen(name));
	fprintf(o->fp, ", \"size\": %zu", size);
	if (src && src->doc.format) {
		fprintf(o->fp, ", \"format\": \"%s\", \"extracted\": %s", src->doc.format,
		        src->doc.extracted ? "true" : "false");
		if (src->doc.ndropped) {
			rl_out_str(o, ", \"dropped\": [");
			for (size_t k = 0; k < src->doc.ndropped; k++)
				fprintf(o->fp, "%s[%zu, %zu]", k ? ", " : "", src->doc.dropped[2 * k],
				        src->doc.dropped[2 * k + 1]);
			rl_out_str(o, "]");
		}
	}
	rl_out_str(o, "},\n");
}

/* Append the decimal digits of v at p; returns the end. */
static char *put_uint(char *p, uint64_t v)
{
	char digits[20];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n > 0)
		*p++ = digits[--n];
	return p;
}

static char *put_str(char *p, const char *s)
{
	size_t n = strlen(s);
	memcpy(p, s, n);
	return p + n;
}

static char *put_range(char *p, const char *key, size_t start, size_t end)
{
	p = put_str(p, key);
	p = put_uint(p, start);
	p = put_str(p, ", ");
	p = put_uint(p, end);
	return put_str(p, "]");
}

/* One op on one line. A large alignment has a million of them, so the line is built by hand and
 * written at once: fprintf took as long as the whole diff. */
/* An op's byte range on one side, in the side's extracted text when lines were dropped. The
 * first op on a side also covers what comes before the first token (a BOM), furniture aside. */
static void op_range(const rl_alignment *al, const rl_op *op, int side, const rl_source *src,
                     bool first, size_t *s, size_t *e)
{
	rl_op_bytes(al, op, side, s, e);
	if (first)
		*s = 0;
	if (src && src->doc.ndropped) {
		*s = rl_doc_map_offset(src, *s, false);
		*e = rl_doc_map_offset(src, *e, true);
	}
}

/* "source": the OLD sentences the NEW units ops [k0, k1) cover draw from (provenance links, best
 * first, unit by unit; a sentence named once); move: only the ops of that move, 0 for all. */
static void json_sources(rl_out *o, const rl_alignment *al, const rl_op *ops, size_t k0,
                         size_t k1, uint32_t move, const rl_source *src)
{
	size_t said = 0;
	size_t seen[4 * RL_LINK_MAX];
	for (size_t op = k0; op < k1; op++) {
		const rl_link *ln;
		size_t n = move && ops[op].move != move ? 0 : rl_op_sources(al, &ops[op], &ln);
		for (size_t k = 0; k < n; k++)
			for (uint8_t i = 0; i < ln[k].n; i++) {
				size_t s, e;
				rl_op one = {ln[k].a0[i], ln[k].a1[i], 0, 0, 0, RL_OP_DELETE, 0};
				bool dup = false;
				for (size_t j = 0; j < said && j < sizeof seen / sizeof *seen; j++)
					dup |= seen[j] == ln[k].a0[i];
				if (dup)
					continue;
				if (said < sizeof seen / sizeof *seen)
					seen[said] = ln[k].a0[i];
				op_range(al, &one, RL_OLD, src ? &src[0] : NULL, false, &s, &e);
				char buf[64], *p = buf;
				p = put_range(p, said ? ", [" : ", \"source\": [[", s, e);
				rl_out_raw(o, buf, (size_t)(p - buf));
				said++;
			}
	}
	if (said)
		rl_out_str(o, "]");
}

static void json_op(rl_out *o, const rl_alignment *al, const rl_op *op, bool first_a,
                    bool first_b, bool last, const rl_source *src)
{
	char line[256], *p = line;
	size_t s, e;

	/* A formatting change is an equal op to the contract (the same words on both sides, as
	 * every reader of the JSON expects), flagged with the formatting of each side. */
	bool restyled = op->kind == RL_OP_FORMAT;
	/* A compound written otherwise is a replace to the contract (its words differ as a word
	 * splitter counts them: "e-mail" is two), flagged as no change. */
	bool typo = op->kind == RL_OP_TYPO;
	p = put_str(p, "    {\"kind\": \"");
	p = put_str(p, rl_kind_name(restyled ? (op->move ? RL_OP_MOVE : RL_OP_EQUAL)
	                            : typo   ? RL_OP_REPLACE
	                                     : (rl_kind)op->kind));
	p = put_str(p, "\"");
	if (op->kind != RL_OP_INSERT) {
		op_range(al, op, RL_OLD, src ? &src[0] : NULL, first_a, &s, &e);
		p = put_range(p, ", \"a\": [", s, e);
	}
	if (op->kind != RL_OP_DELETE) {
		op_range(al, op, RL_NEW, src ? &src[1] : NULL, first_b, &s, &e);
		p = put_range(p, ", \"b\": [", s, e);
	}
	if (op->move) {
		p = put_str(p, ", \"move\": ");
		p = put_uint(p, op->move);
	}
	if (typo)
		p = put_str(p, ", \"typographic\": true");
	if (op->quote != RL_QUOTE_NONE) {
		p = put_str(p, ", \"quote\": \"");
		p = put_str(p, rl_quote_name(op->quote));
		p = put_str(p, "\"");
	}
	if (restyled) {
		rl_out_raw(o, line, (size_t)(p - line));
		p = line;
		for (int side = 0; side < 2; side++) {
			size_t lo, hi;
			rl_op_bytes(al, op, side, &lo, &hi);
			const char *d = src ? rl_source_style_at(&src[side], lo) : "";
			rl_out_str(o, side ? ", \"new\": " : ", \"formatting\": {\"old\": ");
			json_string(o, d, strlen(d));
		}
		p = put_str(p, "}");
	}
	rl_out_raw(o, line, (size_t)(p - line));
	json_sources(o, al, op, 0, 1, 0, src);
	rl_out_str(o, last ? "}\n" : "},\n");
}

static double ratio(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 1.0;
}

/* moved_fmt: the formatting changes inside moved passages, which the contract counts as the
 * move ops they are (the others as equal ops). */
static void json_stats(rl_out *o, const rl_stats *st, size_t moved_fmt)
{
	fprintf(o->fp,
	        "  \"stats\": {\"old_words\": %zu, \"new_words\": %zu, \"kept\": %zu, "
	        "\"deleted\": %zu, \"inserted\": %zu, \"replaced_old\": %zu, \"replaced_new\": %zu, "
	        "\"moved\": %zu, \"moves\": %zu, \"quotes\": %zu,\n"
	        "            \"quote_ops\": {\"removed\": %zu, \"added\": %zu, \"altered\": %zu, "
	        "\"elided\": %zu}, \"quotations\": [%zu, %zu],\n"
	        "            \"ops\": {\"equal\": %zu, \"delete\": %zu, \"insert\": %zu, "
	        "\"replace\": %zu, \"move\": %zu},\n"
	        "            \"similarity\": %.4f, \"kept_share\": %.4f, \"anchors\": %zu, "
	        "\"bound_hits\": %zu",
	        st->words[0], st->words[1], st->kept, st->deleted, st->inserted, st->replaced[0],
	        st->replaced[1], st->moved, st->moves, st->quotes, st->quote_ops[RL_QUOTE_REMOVED],
	        st->quote_ops[RL_QUOTE_ADDED], st->quote_ops[RL_QUOTE_ALTERED],
	        st->quote_ops[RL_QUOTE_ELIDED], st->quotations[0], st->quotations[1],
	        st->ops[RL_OP_EQUAL] + st->ops[RL_OP_FORMAT] - moved_fmt, st->ops[RL_OP_DELETE],
	        st->ops[RL_OP_INSERT], st->ops[RL_OP_REPLACE] + st->ops[RL_OP_TYPO],
	        st->ops[RL_OP_MOVE] + moved_fmt,
	        ratio(st->kept + st->kept_new, st->words[0] + st->words[1]), ratio(st->kept, st->words[0]),
	        st->anchors, st->bound_hits);
	/* Only where the stages ran on windows around the changes (diff/window.h): how many. Then
	 * "quotations" and "anchors" count what the windows held, not the whole texts. */
	if (st->windows)
		fprintf(o->fp, ", \"windows\": %zu", st->windows);
	/* Only where formatting is read (Markdown): equal ops flagged "formatting", their words. */
	if (st->ops[RL_OP_FORMAT])
		fprintf(o->fp, ",\n            \"formatting\": {\"ops\": %zu, \"words\": %zu}",
		        st->ops[RL_OP_FORMAT], st->formatted);
	/* Only where compounds were folded (typo.h): how many, and the replace ops among them. */
	if (st->typographic)
		fprintf(o->fp, ",\n            \"typographic\": {\"compounds\": %zu, \"ops\": %zu}",
		        st->typographic, st->ops[RL_OP_TYPO]);
	rl_out_str(o, "},\n");
}

/* The bytes of tokens [t0, t1) of a side: [*lo, *hi), 0 and 0 for none. */
static void token_bytes(const rl_alignment *al, int side, uint32_t t0, uint32_t t1, uint32_t *lo,
                        uint32_t *hi)
{
	const rl_token *tk = rl_tokens_array(rl_alignment_tokens(al, side));
	*lo = t1 > t0 ? tk[t0].off : 0;
	*hi = t1 > t0 ? tk[t1 - 1].off + tk[t1 - 1].len : 0;
}

/* Tokens [t0, t1) of a side as a JSON string: their bytes as the text has them. */
static void json_tokens(rl_out *o, const rl_alignment *al, int side, uint32_t t0, uint32_t t1)
{
	uint32_t lo, hi;
	token_bytes(al, side, t0, t1, &lo, &hi);
	json_string(o, rl_tokens_text(rl_alignment_tokens(al, side)) + lo, hi - lo);
}

/* The edits inside an altered or elided quotation: [{"old": "...", "new": "..."}, ...]. */
static void json_edits(rl_out *o, const rl_alignment *al, const rl_edit *ch)
{
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	bool first = true;

	rl_out_str(o, ", \"edits\": [");
	for (uint32_t k = ch->op0; k < ch->op1; k++) {
		if (ops[k].quote == RL_QUOTE_NONE)
			continue;
		rl_out_str(o, first ? "{\"old\": " : ", {\"old\": ");
		first = false;
		json_tokens(o, al, RL_OLD, ops[k].a0, ops[k].a1);
		rl_out_str(o, ", \"new\": ");
		json_tokens(o, al, RL_NEW, ops[k].b0, ops[k].b1);
		rl_out_str(o, "}");
	}
	rl_out_str(o, "]");
}

/* A formatting change's "formatting": each side's at its start, as its op says it. */
static void json_formatting(rl_out *o, const rl_alignment *al, const rl_edit *ch,
                            const rl_source *src)
{
	for (int side = 0; side < 2; side++) {
		size_t lo, hi;
		rl_range_bytes(al, side, side ? ch->b0 : ch->a0, side ? ch->b1 : ch->a1, &lo, &hi);
		const char *d = rl_source_style_at(&src[side], lo);
		rl_out_str(o, side ? ", \"new\": " : ", \"formatting\": {\"old\": ");
		json_string(o, d, strlen(d));
	}
	rl_out_str(o, "}");
}

static void json_edit(rl_out *o, const rl_alignment *al, const rl_edit *ch, bool last,
                      const rl_source *src)
{
	fprintf(o->fp, "    {\"type\": \"%s\", \"para\": [%u, %u], \"words\": [%u, %u], "
	               "\"sentences\": [%u, %u]",
	        rl_edit_name(ch->kind), (unsigned)ch->para[0], (unsigned)ch->para[1],
	        (unsigned)ch->words[0], (unsigned)ch->words[1], (unsigned)ch->sentences[0],
	        (unsigned)ch->sentences[1]);
	for (int side = 0; side < 2; side++) {
		uint32_t lo, hi, t0 = side ? ch->b0 : ch->a0, t1 = side ? ch->b1 : ch->a1;
		token_bytes(al, side, t0, t1, &lo, &hi);
		if (t1 > t0)
			fprintf(o->fp, ", \"%c\": [%u, %u]", side ? 'b' : 'a', (unsigned)lo, (unsigned)hi);
	}
	if (ch->kind == RL_CH_MOVED)
		fprintf(o->fp, ", \"move\": %u, \"reworded\": %s", (unsigned)ch->move,
		        ch->reworded ? "true" : "false");
	rl_out_str(o, ", \"old\": ");
	json_tokens(o, al, RL_OLD, ch->a0, ch->a1);
	rl_out_str(o, ", \"new\": ");
	json_tokens(o, al, RL_NEW, ch->b0, ch->b1);
	if (ch->kind == RL_CH_QUOTE_ALTERED || ch->kind == RL_CH_QUOTE_ELIDED)
		json_edits(o, al, ch);
	if (ch->kind == RL_CH_FORMAT && src)
		json_formatting(o, al, ch, src);
	size_t nops;
	json_sources(o, al, rl_alignment_ops(al, &nops), ch->op0, ch->op1,
	             ch->kind == RL_CH_MOVED ? ch->move : 0, src);
	rl_out_str(o, last ? "}\n" : "},\n");
}

/* The change list (changelist.h): the facts --changes prints. */
static int json_changes(rl_out *o, const rl_alignment *al, const rl_source *src)
{
	rl_changelist cl;
	int rc = rl_changelist_build(&cl, al);
	if (rc != RL_OK)
		return rc;
	rl_out_str(o, cl.n ? "  \"changes\": [\n" : "  \"changes\": [");
	for (size_t k = 0; k < cl.n; k++)
		json_edit(o, al, &cl.items[k], k + 1 == cl.n, src);
	fprintf(o->fp, "%s],\n  \"unlisted_edits\": %zu\n", cl.n ? "  " : "", cl.minor);
	rl_changelist_free(&cl);
	return RL_OK;
}

static int print_json(rl_out *o, const rl_alignment *al, const char *const names[2],
                      const size_t sizes[2], const rl_source *src)
{
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);

	rl_out_str(o, "{\n  \"redline\": 1,\n");
	json_side(o, "old", names[0], sizes[0], src ? &src[0] : NULL);
	json_side(o, "new", names[1], sizes[1], src ? &src[1] : NULL);
	rl_out_str(o, "  \"ops\": [\n");
	for (size_t k = 0; k < n; k++) {
		/* The op holding a side's first token also covers what precedes it (moves make that
		 * op not necessarily the first listed). */
		bool first_a = ops[k].a1 > ops[k].a0 && ops[k].a0 == 0;
		bool first_b = ops[k].b1 > ops[k].b0 && ops[k].b0 == 0;
		json_op(o, al, &ops[k], first_a, first_b, k + 1 == n, src);
	}
	rl_out_str(o, "  ],\n");
	size_t moved_fmt = 0;
	for (size_t k = 0; k < n; k++)
		moved_fmt += ops[k].kind == RL_OP_FORMAT && ops[k].move;
	json_stats(o, rl_alignment_stats(al), moved_fmt);
	int rc = json_changes(o, al, src);
	rl_out_str(o, "}\n");
	return rc;
}

int rl_print_json(rl_out *o, const rl_alignment *al, const char *const names[2],
                  const size_t sizes[2])
{
	return print_json(o, al, names, sizes, NULL);
}

int rl_print_json_sources(rl_out *o, const rl_alignment *al, const rl_source src[2])
{
	const char *names[2] = {src[0].name, src[1].name};
	size_t sizes[2];
	for (int s = 0; s < 2; s++)
		sizes[s] = src[s].doc.format ? src[s].doc.full_len : src[s].len;
	return print_json(o, al, names, sizes, src);
}

int rl_print_json_binary(rl_out *o, const char *const names[2], const size_t sizes[2],
                         bool identical)
{
	rl_out_str(o, "{\n  \"redline\": 1,\n");
	json_side(o, "old", names[0], sizes[0], NULL);
	json_side(o, "new", names[1], sizes[1], NULL);
	rl_out_str(o, identical ? "  \"binary\": true,\n  \"identical\": true\n}\n"
	                        : "  \"binary\": true,\n  \"identical\": false\n}\n");
	return RL_OK;
}
