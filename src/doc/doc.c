/* doc.c: which format a side is in, its reader, and the text that is compared. */
#include "doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doclib.h"
#include "formats.h"
#include "mdext.h"

/* How much of the start of a text decides whether it is HTML or Markdown, and whether it is
 * binary (as source.c decides). */
#define SNIFF_BYTES 16384
#define BINARY_PROBE 8192

static const char *const format_names[] = {
	[RL_DOCFMT_AUTO] = "auto",   [RL_DOCFMT_TEXT] = "text", [RL_DOCFMT_HTML] = "html",
	[RL_DOCFMT_MARKDOWN] = "markdown", [RL_DOCFMT_DOCX] = "docx", [RL_DOCFMT_ODT] = "odt",
	[RL_DOCFMT_EPUB] = "epub",   [RL_DOCFMT_PDF] = "pdf",
};

const char *rl_doc_format_name(rl_docfmt f)
{
	return (unsigned)f < sizeof format_names / sizeof *format_names ? format_names[f] : "text";
}

int rl_doc_format_parse(const char *name, rl_docfmt *out)
{
	for (unsigned f = RL_DOCFMT_TEXT; f <= RL_DOCFMT_PDF; f++) {
		if (strcmp(name, format_names[f]) == 0) {
			*out = (rl_docfmt)f;
			return 0;
		}
	}
	if (strcmp(name, "md") == 0 || strcmp(name, "txt") == 0) {
		*out = name[0] == 'm' ? RL_DOCFMT_MARKDOWN : RL_DOCFMT_TEXT;
		return 0;
	}
	return -1;
}

/* ------------------------------------------------------------------ detection */

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* memmem, which POSIX lacks. */
static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0)
		return hay;
	for (const char *p = hay; n >= m && (p = memchr(p, needle[0], n - m + 1 - (size_t)(p - hay)));
	     p++)
		if (memcmp(p, needle, m) == 0)
			return p;
	return NULL;
}

static bool has(const char *data, size_t len, const char *needle)
{
	return find_bytes(data, len, needle, strlen(needle)) != NULL;
}

/* ODT and EPUB begin with a stored member "mimetype" that names them (both standards require it
 * to come first, uncompressed); DOCX has a member word/document.xml. Any other zip is not a
 * document (a .jar, a .xlsx): it stays binary. */
static rl_docfmt detect_zip(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	if (len >= 38 && le16(p + 26) == 8 && memcmp(p + 30, "mimetype", 8) == 0 && le16(p + 8) == 0) {
		size_t at = 30 + 8 + le16(p + 28), n = le32(p + 18);
		if (at <= len && n <= len - at) {
			static const char odt[] = "application/vnd.oasis.opendocument.text";
			static const char epub[] = "application/epub+zip";
			if (n == sizeof odt - 1 && memcmp(data + at, odt, n) == 0)
				return RL_DOCFMT_ODT;
			if (n == sizeof epub - 1 && memcmp(data + at, epub, n) == 0)
				return RL_DOCFMT_EPUB;
		}
	}
	/* Member names are stored uncompressed, in each local header and in the central directory. */
	return has(data, len, "word/document.xml") ? RL_DOCFMT_DOCX : RL_DOCFMT_TEXT;
}

/* Skip a byte order mark, white space and comments ("<!-- ... -->"). */
static size_t skip_preamble(const char *s, size_t n)
{
	size_t i = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (;;) {
		while (i < n && strchr(" \t\r\n\f", s[i]) && s[i])
			i++;
		if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			const char *end = find_bytes(s + i + 4, n - i - 4, "-->", 3);
			if (!end)
				return n;
			i = (size_t)(end - s) + 3;
			continue;
		}
		if (n - i >= 5 && memcmp(s + i, "<?xml", 5) == 0) {
			const char *end = memchr(s + i, '>', n - i);
			if (!end)
				return n;
			i = (size_t)(end - s) + 1;
			continue;
		}
		return i;
	}
}

static bool starts_nocase(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	return n >= w && strncasecmp(s, word, w) == 0;
}

/* HTML: a page starts with its doctype or one of the tags that open a document. A text that
 * merely mentions a tag does not start with one. */
static bool looks_html(const char *s, size_t n)
{
	size_t i = skip_preamble(s, n);
	static const char *const openers[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
	                                      "<title", "<link", "<article", "<main"};
	for (size_t k = 0; k < sizeof openers / sizeof *openers; k++) {
		size_t w = strlen(openers[k]);
		if (starts_nocase(s + i, n - i, openers[k]) &&
		    (n - i == w || strchr(" \t\r\n>/", s[i + w])))
			return true;
	}
	return false;
}

/* The constructs that tell Markdown from plain text, each counted once. */
enum md_sign {
	MD_HEADING = 1,    /* "# Title" */
	MD_FENCE = 2,      /* ``` */
	MD_LINK = 4,       /* [text](target) */
	MD_STRONG = 8,     /* **word** or __word__ */
	MD_SETEXT = 16,    /* a line under a line of text: === */
	MD_REFDEF = 32,    /* [label]: http... */
	MD_CODESPAN = 64,  /* `code` */
	MD_EMPH = 128,     /* *word* or _word_ */
	MD_FRONT = 256,    /* front matter: ---, key: value lines, --- (mdext.h) */
	MD_NOTE = 512,     /* a footnote: [^label]: text */
	MD_TABLE = 1024,   /* a pipe table's delimiter row under its header: |---|:--:| */
};

/* A pipe table's delimiter row (stop 36), under a line holding a pipe: pipes, dashes, colons
 * and spaces only, a pipe and three dashes at least. An org-mode or ASCII-art rule has a '+'
 * ("|---+---|") and is not one. A report of a heading and a table was plain text, its table
 * compared as lines of pipes. */
static bool delimiter_row(const char *s, size_t n)
{
	size_t pipes = 0, dashes = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|')
			pipes++;
		else if (s[i] == '-')
			dashes++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return pipes >= 1 && dashes >= 3;
}

/* Is there emphasis with c (* or _) in the line: c opening a word (after the line's start, a
 * space or an opening bracket or quote; before a character that is not a space nor c) and c
 * closing one later on (after a character that is not a space nor c; before the line's end, a
 * space or punctuation)? "*sigh*" and "_Hamlet_" are; "5 * 3", "fee*" and snake_case are not. */
static bool has_emphasis(const char *s, size_t n, char c)
{
	/* memchr jumps to each c: most lines of prose hold none, and this runs on every text. */
	for (const char *p = n > 2 ? memchr(s, c, n - 2) : NULL; p;
	     p = (size_t)(p - s) + 3 < n ? memchr(p + 1, c, n - (size_t)(p - s) - 3) : NULL) {
		size_t i = (size_t)(p - s);
		if ((i && (!s[i - 1] || !strchr(" \t([\"'", s[i - 1]))) || s[i + 1] == ' ' ||
		    s[i + 1] == '\t' || s[i + 1] == c)
			continue;
		/* No closing after the first opening: none after a later one either (one pass). */
		for (size_t j = i + 2; j < n; j++)
			if (s[j] == c && s[j - 1] != ' ' && s[j - 1] != c &&
			    (j + 1 == n || (s[j + 1] && strchr(" \t.,;:!?)]\"'", s[j + 1]))))
				return true;
		return false;
	}
	return false;
}

/* Is c part of a name in code ("$foo", "list_2", "@argv")? */
static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c == '@' || c == '%';
}

/* A link: "[text](target)". A wiki link followed by a bracket, "[[Page]](note)", is not one
 * (wikitext is plain text to redline: its "# item" lines are a numbered list). Nor is a
 * subscript called, "$foo[10]('foo')": a bracket glued to a name is code in plain text (Perl's
 * manual pages), and a Markdown link stands after a space or punctuation. */
static bool has_link(const char *s, size_t n)
{
	for (const char *link = find_bytes(s, n, "](", 2); link;) {
		size_t at = (size_t)(link - s), open = at;
		while (open > 0 && s[open - 1] != '[')
			open--;
		bool subscript = open > 1 && name_char(s[open - 2]);
		if ((at == 0 || s[at - 1] != ']') && open > 0 && !subscript &&
		    memchr(link, ')', n - at))
			return true;
		link = find_bytes(link + 2, n - at - 2, "](", 2);
	}
	return false;
}

/* Strong emphasis: "**" before a character that is not a space, and "**" later on. A "**" glued
 * to a name or number before it is a power, "2**63 to 2**63-1" in plain text, and is skipped. */
static bool has_strong(const char *s, size_t n)
{
	const char *strong = find_bytes(s, n, "**", 2);
	while (strong && strong > s && name_char(strong[-1])) {
		size_t next = (size_t)(strong - s) + 2;
		strong = find_bytes(s + next, n - next, "**", 2);
	}
	return strong && (size_t)(strong - s) + 3 < n && strong[2] != ' ' &&
	       find_bytes(strong + 3, n - (size_t)(strong - s) - 3, "**", 2);
}

/* Does the backtick at s[i] open a quotation in the plain-text style `like this' (TeX, GNU and
 * Perl documentation): an apostrophe closing a word comes before the next backtick? */
static bool tick_quote(const char *s, size_t n, size_t i)
{
	for (size_t j = i + 1; j < n && s[j] != '`'; j++)
		if (s[j] == '\'' && (j + 1 == n || (s[j + 1] != '`' && !name_char(s[j + 1]))))
			return true;
	return false;
}

/* A code span: "`code`", a backtick before a character that is neither a space nor a backtick
 * and another backtick later on the line. Quotations `so' are skipped: "`caret' plus `X'" is
 * two of them, not a span from one opening to the next. */
static bool has_codespan(const char *s, size_t n)
{
	const char *tick = memchr(s, '`', n);
	while (tick && tick_quote(s, n, (size_t)(tick - s))) {
		size_t next = (size_t)(tick - s) + 1;
		tick = memchr(s + next, '`', n - next);
	}
	return tick && (size_t)(tick - s) + 2 < n && tick[1] != '`' && tick[1] != ' ' &&
	       memchr(tick + 2, '`', n - (size_t)(tick - s) - 2);
}

/* The level of a heading line ("## Title": 2), or 0. */
static size_t heading_level(const char *s, size_t n)
{
	size_t h = 0;
	while (h < n && s[h] == '#')
		h++;
	return h >= 1 && h <= 6 && h < n && s[h] == ' ' ? h : 0;
}

static unsigned line_signs(const char *s, size_t n, bool prev_text)
{
	unsigned signs = 0;
	if (n >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0))
		signs |= MD_FENCE;
	if (prev_text && n >= 3 && strspn(s, "=") == n)
		signs |= MD_SETEXT;
	if (n >= 4 && s[0] == '[' && find_bytes(s, n, "]: ", 3) && (has(s, n, "http") || has(s, n, "/")))
		signs |= MD_REFDEF;
	if (has_link(s, n))
		signs |= MD_LINK;
	if (has_strong(s, n))
		signs |= MD_STRONG;
	if (has_codespan(s, n))
		signs |= MD_CODESPAN;
	if (has_emphasis(s, n, '*') || has_emphasis(s, n, '_'))
		signs |= MD_EMPH;
	if (rl_md_footnote_definition(s, s + n))
		signs |= MD_NOTE;
	return signs;
}

/* Markdown: at least two different kinds of construct plain text does not have (one heading
 * could be a numbered comment; a heading and a link, a heading and emphasis, or a fence and
 * strong emphasis, are Markdown; emphasis counts only beside a heading). Front matter and a
 * footnote's definition are kinds too (stop 23): a Jekyll post with headings and notes only
 * was plain text, its YAML and "[^1]" marks compared as words. */
static unsigned markdown_kinds(const char *s, size_t n)
{
	unsigned signs = rl_md_front_matter(s, n) ? MD_FRONT : 0;
	bool prev_text = false;
	/* A heading counts when the lines beside it are no heading of its level: "# " lines in a
	 * row are a numbered list (wikitext) or comments, not headings. */
	size_t prev_h = 0;
	bool pending = false, prev_pipe = false;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, len = e - i;
		if (len && s[e - 1] == '\r')
			len--;
		signs |= line_signs(s + i, len, prev_text);
		if (prev_pipe && delimiter_row(s + i, len))
			signs |= MD_TABLE;
		prev_pipe = memchr(s + i, '|', len) != NULL;
		size_t h = heading_level(s + i, len);
		if (pending && h != prev_h)
			signs |= MD_HEADING;
		pending = h && h != prev_h;
		prev_h = h;
		prev_text = len > 0 && s[i] != ' ' && s[i] != '=';
		i = e + 1;
	}
	if (pending)
		signs |= MD_HEADING;
	/* Emphasis is a weak sign (prose stars a word now and then): it counts beside a heading. */
	if ((signs & MD_EMPH) && !(signs & (MD_HEADING | MD_SETEXT)))
		signs &= ~(unsigned)MD_EMPH;
	unsigned kinds = 0;
	for (unsigned b = signs; b; b &= b - 1)
		kinds++;
	return kinds;
}

static bool looks_markdown(const char *s, size_t n)
{
	return markdown_kinds(s, n) >= 2;
}

rl_docfmt rl_doc_detect(const char *data, size_t len)
{
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return detect_zip(data, len);
	/* PDF readers accept the header anywhere in the first KiB. */
	if (find_bytes(data, len < 1024 ? len : 1024, "%PDF-", 5))
		return RL_DOCFMT_PDF;
	if (memchr(data, '\0', len < BINARY_PROBE ? len : BINARY_PROBE))
		return RL_DOCFMT_TEXT;
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
	if (looks_html(data, n))
		return RL_DOCFMT_HTML;
	if (looks_markdown(data, n))
		return RL_DOCFMT_MARKDOWN;
	return RL_DOCFMT_TEXT;
}

/* ------------------------------------------------------------------ extraction */

int rl_doc_extract(const char *data, size_t len, rl_docfmt f, bool reader_mode, size_t max_out,
                   char **out, size_t *out_len, char *err, size_t errlen)
{
	static const char *const what[] = {
		[RL_DOCFMT_HTML] = "HTML", [RL_DOCFMT_MARKDOWN] = "Markdown", [RL_DOCFMT_DOCX] = "DOCX",
		[RL_DOCFMT_ODT] = "ODT",   [RL_DOCFMT_EPUB] = "EPUB",         [RL_DOCFMT_PDF] = "PDF",
	};
	/* The readers are loaded on the first side that needs one (doclib.h). */
	if (f >= RL_DOCFMT_HTML && f <= RL_DOCFMT_PDF &&
	    rl_doclib_load(f == RL_DOCFMT_PDF ? RL_DOCMOD_PDF : RL_DOCMOD_DOC, what[f], err, errlen) != 0)
		return -1;
	switch (f) {
	case RL_DOCFMT_HTML:
		return rl_read_html(data, len, reader_mode, max_out, out, out_len, err, errlen);
	case RL_DOCFMT_MARKDOWN:
		return rl_read_markdown(data, len, max_out, out, out_len, err, errlen);
	case RL_DOCFMT_DOCX:
		return rl_read_docx(data, len, max_out, out, out_len, err, errlen);
	case RL_DOCFMT_ODT:
		return rl_read_odt(data, len, max_out, out, out_len, err, errlen);
	case RL_DOCFMT_EPUB:
		return rl_read_epub(data, len, max_out, out, out_len, err, errlen);
	case RL_DOCFMT_PDF:
		return rl_read_pdf(data, len, max_out, out, out_len, err, errlen);
	default:
		break;
	}
	if (len > max_out) {
		snprintf(err, errlen, "extracted text is over the size limit");
		return -1;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	*out = copy;
	*out_len = len;
	return 0;
}

/* ------------------------------------------------------------------ the text compared */

/* text without the ranges (sorted, disjoint), in place. Returns the new length. */
static size_t drop_ranges(char *text, size_t len, const size_t *ranges, size_t n)
{
	size_t w = 0, r = 0;
	for (size_t k = 0; k < n; k++) {
		memmove(text + w, text + r, ranges[2 * k] - r);
		w += ranges[2 * k] - r;
		r = ranges[2 * k + 1];
	}
	memmove(text + w, text + r, len - r);
	w += len - r;
	text[w] = '\0';
	return w;
}

/* The lines with text in the ranges. */
static size_t count_lines(const char *text, const size_t *ranges, size_t n)
{
	size_t lines = 0;
	for (size_t k = 0; k < n; k++) {
		bool ink = false;
		for (size_t i = ranges[2 * k]; i < ranges[2 * k + 1]; i++) {
			if (text[i] == '\n') {
				lines += ink;
				ink = false;
			} else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
				ink = true;
			}
		}
		lines += ink;
	}
	return lines;
}

/* Offset x of a text as an offset of the text without the ranges (one inside a range becomes
 * the range's start). */
static size_t after_drops(size_t x, const size_t *ranges, size_t n)
{
	size_t shift = 0;
	for (size_t k = 0; k < n && ranges[2 * k] < x; k++)
		shift += (x < ranges[2 * k + 1] ? x : ranges[2 * k + 1]) - ranges[2 * k];
	return x - shift;
}

/* The style spans of a text, as spans of the text without the ranges: a span inside a dropped
 * range goes, the others move up. */
static void styles_drop(rl_doc_styles *st, const size_t *ranges, size_t n)
{
	size_t w = 0;
	for (size_t k = 0; k < st->n; k++) {
		size_t s = after_drops(st->v[k].start, ranges, n), e = after_drops(st->v[k].end, ranges, n);
		if (e <= s)
			continue;
		st->v[w] = st->v[k];
		st->v[w].start = s, st->v[w].end = e;
		st->name[w++] = st->name[k];
	}
	st->n = w;
}

/* Prepare src as rl_doc_prepare does; pre (when not NULL, taken over) is its extracted text
 * already, and the lines starting at also[0..nalso) of it are furniture too. */
static int prepare(rl_source *src, const rl_doc_opts *o, char *pre, size_t pre_len,
                   const size_t *also, size_t nalso, char *err, size_t errlen)
{
	rl_docfmt f = o->format != RL_DOCFMT_AUTO ? o->format : rl_doc_detect(src->data, src->len);
	bool body = o->body == RL_BODY_ON ||
	            (o->body == RL_BODY_DEFAULT && f == RL_DOCFMT_HTML && !o->no_extract);
	/* A reader has found the structure of a document: only plain text needs the lines' places
	 * to tell the body from the furniture. */
	unsigned rules = !body ? 0
	                 : f == RL_DOCFMT_TEXT ? RL_FURN_PATTERNS | RL_FURN_POSITION : RL_FURN_PATTERNS;
	char *text = src->data, why[512];
	size_t len = src->len, *ranges = NULL, n = 0;
	rl_doc_styles styles = {0};
	int rc = 0;

	if (pre)
		text = pre, len = pre_len;
	else if (f == RL_DOCFMT_MARKDOWN)
		rc = rl_doclib_load(RL_DOCMOD_DOC, "Markdown", why, sizeof why) != 0 ? -1 :
		     rl_read_markdown_styled(src->data, src->len, o->max_size, &text, &len, &styles, why,
		                             sizeof why);
	else if (f != RL_DOCFMT_TEXT)
		rc = rl_doc_extract(src->data, src->len, f, !o->no_extract, o->max_size, &text, &len,
		                    why, sizeof why);
	if (rc != 0) {
		snprintf(err, errlen, "%s: %s", src->name, why);
		return -1;
	}
	if ((body || o->nignore) &&
	    rl_doc_furniture_also(text, len, o->ignore, o->nignore, rules, also, nalso, &ranges,
	                          &n) != 0) {
		if (text != src->data)
			free(text);
		rl_doc_styles_release(&styles);
		snprintf(err, errlen, "%s: out of memory", src->name);
		return -1;
	}
	/* Where each dropped passage stood in the compared text, and its lines: the viewer's folds. */
	size_t *furniture = n ? malloc(2 * n * sizeof *furniture) : NULL;
	if (n && !furniture) {
		if (text != src->data)
			free(text);
		free(ranges);
		snprintf(err, errlen, "%s: out of memory", src->name);
		return -1;
	}
	for (size_t k = 0, shift = 0; k < n; k++) {
		furniture[2 * k] = ranges[2 * k] - shift;
		furniture[2 * k + 1] = count_lines(text, ranges + 2 * k, 1);
		shift += ranges[2 * k + 1] - ranges[2 * k];
	}
	if (n)
		styles_drop(&styles, ranges, n);
	if (text != src->data) {
		free(src->data);
		src->data = text;
	}
	src->doc = (rl_source_doc){.format = rl_doc_format_name(f), .extracted = f != RL_DOCFMT_TEXT,
	                           .full_len = len, .dropped = ranges, .ndropped = n,
	                           .dropped_lines = count_lines(text, ranges, n),
	                           .furniture = furniture,
	                           .styled = f == RL_DOCFMT_MARKDOWN, .styles = styles};
	src->len = n ? drop_ranges(text, len, ranges, n) : len;
	return 0;
}

int rl_doc_prepare(rl_source *src, const rl_doc_opts *o, char *err, size_t errlen)
{
	return prepare(src, o, NULL, 0, NULL, 0, err, errlen);
}

/* ------------------------------------------------------------------ an article's furniture */

/* A web page's article read twice (stop 34): whole, and without its kicker, byline and date
 * (htmlmeta.c). Those lines are dropped as furniture when the other side has no such lines and
 * not the line itself: a page compared with the plain article (its text pasted, a syndicated
 * copy) no longer opens with "By …" and a date deleted, while two versions of a page compare
 * their bylines as before, and a page whose text file keeps its byline compares as that file. */
typedef struct article_meta {
	char *text;     /* the article read whole, NULL when not read here */
	size_t len;
	size_t *at, n;  /* where its kicker, byline and date lines start */
} article_meta;

/* The offsets of the lines of full that without (full with some blocks gone) lacks: a line of
 * full equal to without's next one is kept, any other gone (blank lines aside). */
static int lines_gone(const char *full, size_t flen, const char *without, size_t wlen,
                      article_meta *m)
{
	size_t w = 0;
	for (size_t i = 0; i < flen;) {
		const char *nl = memchr(full + i, '\n', flen - i);
		size_t e = nl ? (size_t)(nl - full) : flen;
		const char *wl = w < wlen ? memchr(without + w, '\n', wlen - w) : NULL;
		size_t we = wl ? (size_t)(wl - without) : wlen;
		if (w < wlen && we - w == e - i && memcmp(full + i, without + w, e - i) == 0) {
			w = we + (wl != NULL);
		} else if (e > i) {
			size_t *v = realloc(m->at, (m->n + 1) * sizeof *v);
			if (!v)
				return -1;
			m->at = v;
			m->at[m->n++] = i;
		}
		i = e + (nl != NULL);
	}
	return 0;
}

/* s[0..n) with each run of white space one space, trimmed, into out (n + 1 bytes): its length. */
static size_t squeeze(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
		if (!space)
			out[k++] = s[i];
		else if (k && out[k - 1] != ' ')
			out[k++] = ' ';
	}
	k -= k && out[k - 1] == ' ';
	out[k] = '\0';
	return k;
}

/* Does text (squeezed) hold [s, s + n), white space aside: the line itself, or within a line (a
 * plain copy that runs the byline into its first paragraph), or wrapped over lines? */
static bool holds_text(const char *text, size_t len, const char *s, size_t n)
{
	char *want = malloc(n + 1);
	if (!want)
		return true;  /* out of memory: keep the line */
	size_t k = squeeze(s, n, want);
	bool found = find_bytes(text, len, want, k) != NULL;
	free(want);
	return found;
}

/* Leave out of m the lines the pattern rules drop wherever they stand (a byline with a reading
 * time is a stamp): they are no article furniture of m's side's own, to be compared with the
 * other side's, since they are dropped whatever the other side holds. */
static void patterns_aside(article_meta *m)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		const char *s = m->text + m->at[i], *nl = memchr(s, '\n', m->len - m->at[i]);
		size_t n = nl ? (size_t)(nl - s) : m->len - m->at[i];
		if (!rl_doc_says_furniture(s, n))
			m->at[k++] = m->at[i];
	}
	m->n = k;
}

/* Read an HTML side's article whole and without its furniture, when the pair's rules want it
 * (reader mode and --body). 0, or -1 with "NAME: reason" in err. */
static int find_meta(const rl_source *src, const rl_doc_opts *o, article_meta *m, char *err,
                     size_t errlen)
{
	bool body = o->body == RL_BODY_ON || o->body == RL_BODY_DEFAULT;
	if (o->format != RL_DOCFMT_HTML || o->no_extract || !body)
		return 0;
	char why[512], *without = NULL;
	size_t wlen = 0;
	int rc = rl_doclib_load(RL_DOCMOD_DOC, "HTML", why, sizeof why);
	if (rc == 0)
		rc = rl_read_html(src->data, src->len, 1, o->max_size, &m->text, &m->len, why,
		                  sizeof why);
	if (rc == 0)
		rc = rl_read_html(src->data, src->len, 2, o->max_size, &without, &wlen, why,
		                  sizeof why);
	if (rc == 0 && lines_gone(m->text, m->len, without, wlen, m) != 0)
		rc = -1, snprintf(why, sizeof why, "out of memory");
	if (rc == 0)
		patterns_aside(m);
	free(without);
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", src->name, why);
	return rc;
}

/* The lines of m whose text the other side (prepared) lacks, white space aside: none when it
 * has article furniture of its own (two versions of a page compare their bylines), or when out
 * of memory. m->n becomes their count. */
static void meta_to_drop(article_meta *m, const rl_source *other, const article_meta *om)
{
	char *text = om->n == 0 ? malloc(other->len + 1) : NULL;
	size_t k = 0, len = text ? squeeze(other->data, other->len, text) : 0;
	for (size_t i = 0; i < m->n && text; i++) {
		const char *s = m->text + m->at[i], *nl = memchr(s, '\n', m->len - m->at[i]);
		size_t n = nl ? (size_t)(nl - s) : m->len - m->at[i];
		if (!holds_text(text, len, s, n))
			m->at[k++] = m->at[i];
	}
	m->n = k;
	free(text);
}

int rl_doc_prepare_pair(rl_source src[2], const rl_doc_opts *o, char *err, size_t errlen)
{
	rl_doc_opts side[2] = {*o, *o};
	if (o->format == RL_DOCFMT_AUTO) {
		for (int s = 0; s < 2; s++)
			side[s].format = rl_doc_detect(src[s].data, src[s].len);
		/* (A plain-text pair, the common case, reads its signs no second time.) */
		int t = side[0].format == RL_DOCFMT_TEXT ? 0 : 1;
		size_t n = src[t].len < SNIFF_BYTES ? src[t].len : SNIFF_BYTES;
		if (side[t].format == RL_DOCFMT_TEXT && side[!t].format == RL_DOCFMT_MARKDOWN &&
		    markdown_kinds(src[t].data, n) >= 1)
			side[0].format = side[1].format = RL_DOCFMT_TEXT;
	}
	article_meta m[2] = {{0}};
	int rc = 0;
	for (int s = 0; s < 2 && rc == 0; s++)
		rc = find_meta(&src[s], &side[s], &m[s], err, errlen);
	/* A side without article furniture first: the other's lines are looked for in its text. */
	bool done[2] = {false, false};
	for (int pass = 0; pass < 2 && rc == 0; pass++)
		for (int s = 0; s < 2 && rc == 0; s++) {
			if (done[s] || (pass == 0 && m[s].n > 0))
				continue;
			size_t nmeta = m[s].n;
			if (nmeta)
				meta_to_drop(&m[s], &src[!s], &m[!s]);
			rc = prepare(&src[s], &side[s], m[s].text, m[s].len, m[s].at, m[s].n, err,
			             errlen);
			m[s].text = NULL;  /* taken over, or freed on failure */
			m[s].n = nmeta;    /* the other side asks whether this one had any */
			done[s] = true;
		}
	for (int s = 0; s < 2; s++) {
		free(m[s].text);
		free(m[s].at);
	}
	return rc;
}

size_t rl_doc_map_offset(const rl_source *src, size_t off, bool at_end)
{
	const size_t *r = src->doc.dropped;
	size_t shift = 0;
	for (size_t k = 0; k < src->doc.ndropped; k++) {
		size_t at = off + shift;
		if (r[2 * k] > at || (at_end && r[2 * k] == at))
			break;
		shift += r[2 * k + 1] - r[2 * k];
	}
	return off + shift;
}
