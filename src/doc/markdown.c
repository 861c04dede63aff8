/* markdown.c: Markdown through cmark (CommonMark, the Debian-packaged reference parser).
 *
 * The structure becomes the shape of the text (formats.h) and is not compared as words:
 * headings lose their #, list items become "- " or "1. ", block quotations are wrapped in
 * quotation marks, emphasis and links keep their words only (a link's target is not text).
 * Code spans and blocks are kept verbatim. Raw HTML in the Markdown is left out. The tree is
 * walked with cmark's iterator, so a deeply nested document costs no stack. */
#include "formats.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textbuf.h"

typedef struct md_state {
	rl_textbuf tb;
} md_state;

static void text(md_state *st, const char *s, bool verbatim)
{
	if (!s || !*s)
		return;
	if (verbatim)
		rl_textbuf_verbatim(&st->tb, s, strlen(s));
	else
		rl_textbuf_text(&st->tb, s, strlen(s));
}

static void list_item(md_state *st, cmark_node *item)
{
	cmark_node *list = cmark_node_parent(item);
	char prefix[32] = "- ";
	if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
		int n = cmark_node_get_list_start(list);
		for (cmark_node *p = cmark_node_previous(item); p; p = cmark_node_previous(p))
			n++;
		snprintf(prefix, sizeof prefix, "%d. ", n);
	}
	rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	text(st, prefix, true);
}

static void enter(md_state *st, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		/* A list item's first paragraph follows its bullet. */
		if (cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_ITEM ||
		    cmark_node_previous(node))
			rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		break;
	case CMARK_NODE_HEADING:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_LIST:
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		break;
	case CMARK_NODE_ITEM:
		list_item(st, node);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		rl_textbuf_quote_enter(&st->tb);
		break;
	case CMARK_NODE_CODE_BLOCK: {
		const char *code = cmark_node_get_literal(node);
		size_t n = code ? strlen(code) : 0;
		while (n && code[n - 1] == '\n')
			n--;
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		rl_textbuf_verbatim(&st->tb, code, n);
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		break;
	}
	case CMARK_NODE_TEXT:
		text(st, cmark_node_get_literal(node), false);
		break;
	case CMARK_NODE_CODE:
		text(st, cmark_node_get_literal(node), true);
		break;
	case CMARK_NODE_SOFTBREAK:
		rl_textbuf_break(&st->tb, RL_BREAK_SPACE);
		break;
	case CMARK_NODE_LINEBREAK:
		rl_textbuf_break(&st->tb, RL_BREAK_LINE);
		break;
	default:  /* emphasis, links and images: their words; raw HTML: nothing */
		break;
	}
}

static void leave(md_state *st, cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);
	if (t == CMARK_NODE_BLOCK_QUOTE) {
		rl_textbuf_quote_leave(&st->tb);
	} else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM) {
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	}
}

int rl_read_markdown(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                     char *err, size_t errlen)
{
	/* Invalid UTF-8 becomes U+FFFD, as everywhere the text is shown. */
	cmark_node *doc = cmark_parse_document(data, len, CMARK_OPT_VALIDATE_UTF8);
	if (!doc) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	cmark_iter *it = cmark_iter_new(doc);
	if (!it) {
		cmark_node_free(doc);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	md_state st = {0};
	rl_textbuf_init(&st.tb, max_out);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !st.tb.over && !st.tb.nomem) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			enter(&st, node);
		else
			leave(&st, node);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return rl_textbuf_finish(&st.tb, out, out_len, err, errlen);
}
