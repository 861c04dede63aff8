/* furniture.c: the lines of a page that are not its article (--body), and those -I names.
 *
 * Text copied from a web page carries the site around the article: menus, "Skip to content",
 * "Related posts", a copyright line. Two kinds of rule find them, line by line:
 *   - patterns: lines that say what they are, wherever they stand;
 *   - position (plain text only, where no reader found the structure): the article body runs
 *     from its first line of prose to its last (and the list that ends it); outside it, only the
 *     headings just above it are kept; inside it, runs of several short lines that are not
 *     sentences (an advertisement's "Summit / Leeds / May 3") are dropped, while a single
 *     short line between paragraphs is a subheading and stays. */
#include "doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A line of prose has at least this many words and ends as a sentence ends, or is this long. */
#define PROSE_MIN_WORDS 6
#define PROSE_LONG_WORDS 25
/* A heading kept above the body has at least this many words (a site's name has fewer). */
#define HEADING_MIN_WORDS 4
/* Inside the body, a run of at least RUN_MIN lines of at most RUN_MAX_WORDS words each is not
 * the article's. */
#define RUN_MIN 2
#define RUN_MAX_WORDS 4
/* "Posted on ... by ..." and "All rights reserved" lines are furniture when this short. */
#define BYLINE_MAX_WORDS 15

typedef struct line {
	size_t raw;               /* where the line starts */
	size_t start, end, next;  /* the trimmed text [start, end); the next line starts at next */
	unsigned words;
	bool blank, prose, bullet, pattern, drop;
} line;

/* Lines that are furniture by what they say (compared without case, bullet and final colon). */
static const char *const furniture_lines[] = {
	"skip to content", "skip to main content", "skip to navigation", "toggle search form",
	"toggle navigation", "search", "search for", "menu", "main menu", "primary menu",
	"post navigation", "related posts", "related articles", "related stories", "related",
	"leave a reply", "leave a comment", "cancel reply", "share this", "share", "like this",
	"share this article", "share this story", "share this post", "share this page",
	"recent posts", "recent comments", "latest", "latest news", "latest posts", "trending",
	"advertisement", "sponsored", "read more", "read next", "you may have missed",
	"you may also like", "categories", "tags", "archives", "subscribe", "sign up", "log in",
	"sign in", "comments", "follow us", "newsletter", "back to top", "listen to this article",
	"listen to this story", "print this page", "print this article",
};

/* ... and lines that begin so. */
static const char *const furniture_prefixes[] = {
	"copyright \xc2\xa9", "copyright (c)", "\xc2\xa9", "powered by ", "previous post:",
	"next post:", "previous article", "next article", "posted in ", "filed under ",
	"share on ", "leave a reply",
};

/* A page's stamps, when short (STAMP_MAX_WORDS) and holding a figure: "Updated 3 May 2024,
 * 09:14", "Last modified: 12/05/2024". They change with each version of a page, never with its
 * text. */
#define STAMP_MAX_WORDS 8
static const char *const stamp_prefixes[] = {
	"updated ", "updated:", "last updated", "last modified", "last edited", "published ",
	"published:", "first published", "originally published",
};

/* "Posted on ... by ...", when short. */
static const char *const byline_prefixes[] = {
	"posted on ", "posted by ", "published on ", "published by ", "written by ",
};

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The bytes of a bullet at s, or 0: "- ", "* ", "+ ", "• ", "· ", "– ". */
static size_t bullet_len(const char *s, size_t n)
{
	static const char *const bullets[] = {"- ", "* ", "+ ", "\xe2\x80\xa2 ", "\xc2\xb7 ",
	                                      "\xe2\x80\x93 "};
	for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
		size_t b = strlen(bullets[k]);
		if (n > b && memcmp(s, bullets[k], b) == 0)
			return b;
	}
	return 0;
}

static unsigned count_words(const char *s, size_t n)
{
	unsigned words = 0;
	bool in = false, letter = false;
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)s[i] : ' ';
		if (is_space(c)) {
			words += in && letter;
			in = letter = false;
		} else {
			in = true;
			letter |= isalnum(c) || c >= 0x80;
		}
	}
	return words;
}

/* Does the text end as a sentence does (closing quotes and brackets aside)? */
static bool ends_sentence(const char *s, size_t n)
{
	for (;;) {
		if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 ||
		               memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0))
			n -= 3;
		else if (n >= 1 && strchr("\"')]", s[n - 1]) && s[n - 1])
			n--;
		else
			break;
	}
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0)
		return true;
	return n >= 1 && strchr(".!?:;", s[n - 1]) && s[n - 1];
}

static bool starts_nocase(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && strncasecmp(s, p, k) == 0;
}

/* Does the line (holding a figure) end with a reading time, "3 min read", "2 May 2024 · 12
 * minute read", or start with one, "Reading time: 4 minutes"? It changes whenever the text's
 * length does. */
static bool reading_time(const char *s, size_t n)
{
	static const char *const units[] = {"min read", "mins read", "minute read",
	                                    "minutes read", "-minute read", "-min read"};
	if (starts_nocase(s, n, "reading time") || starts_nocase(s, n, "estimated reading time"))
		return true;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		size_t u = strlen(units[k]), i;
		if (n <= u || strncasecmp(s + n - u, units[k], u) != 0)
			continue;
		i = n - u;
		while (i && s[i - 1] == ' ')
			i--;
		if (i && isdigit((unsigned char)s[i - 1]))
			return true;
	}
	return false;
}

static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

/* "News :Headline of another story": a category and a teaser, run together. */
static bool is_teaser(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isalpha((unsigned char)s[i]))
		i++;
	return i > 0 && i + 2 < n && s[i] == ' ' && s[i + 1] == ':' && !is_space((unsigned char)s[i + 2]);
}

static bool says_furniture(const char *s, size_t n, unsigned words)
{
	size_t b = bullet_len(s, n);
	s += b, n -= b;
	size_t m = n;
	while (m && (s[m - 1] == ':' || is_space((unsigned char)s[m - 1])))
		m--;
	for (size_t k = 0; k < sizeof furniture_lines / sizeof *furniture_lines; k++)
		if (strlen(furniture_lines[k]) == m && strncasecmp(s, furniture_lines[k], m) == 0)
			return true;
	for (size_t k = 0; k < sizeof furniture_prefixes / sizeof *furniture_prefixes; k++)
		if (starts_nocase(s, n, furniture_prefixes[k]))
			return true;
	if (words <= BYLINE_MAX_WORDS) {
		for (size_t k = 0; k < sizeof byline_prefixes / sizeof *byline_prefixes; k++)
			if (starts_nocase(s, n, byline_prefixes[k]))
				return true;
		for (size_t i = 0; i + 19 <= n; i++)
			if (strncasecmp(s + i, "all rights reserved", 19) == 0)
				return true;
		/* A byline's length: "Name, The Source · 1 May 2025 · 3 min read" (11 words) */
		if (has_digit(s, n) && reading_time(s, m))
			return true;
	}
	if (words <= STAMP_MAX_WORDS && has_digit(s, n)) {
		for (size_t k = 0; k < sizeof stamp_prefixes / sizeof *stamp_prefixes; k++)
			if (starts_nocase(s, n, stamp_prefixes[k]))
				return true;
	}
	return is_teaser(s, n);
}

bool rl_doc_says_furniture(const char *s, size_t n)
{
	while (n && is_space((unsigned char)*s))
		s++, n--;
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	return n && says_furniture(s, n, count_words(s, n));
}

/* Split text into lines, each measured. Returns the count, or -1 when out of memory. */
static long split_lines(const char *text, size_t len, line **out)
{
	size_t cap = 64, n = 0;
	line *v = malloc(cap * sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len, s = i;
		if (n == cap) {
			line *w = realloc(v, 2 * cap * sizeof *v);
			if (!w) {
				free(v);
				return -1;
			}
			v = w, cap *= 2;
		}
		line *l = &v[n++];
		l->next = nl ? e + 1 : len;
		while (s < e && is_space((unsigned char)text[s]))
			s++;
		while (e > s && is_space((unsigned char)text[e - 1]))
			e--;
		*l = (line){.raw = i, .start = s, .end = e, .next = l->next, .blank = s == e};
		l->words = count_words(text + s, e - s);
		l->bullet = bullet_len(text + s, e - s) > 0;
		l->prose = !l->bullet && l->words >= PROSE_MIN_WORDS &&
		           (ends_sentence(text + s, e - s) || l->words >= PROSE_LONG_WORDS);
		i = l->next;
	}
	*out = v;
	return (long)n;
}

static bool same_text(const char *text, const line *a, const line *b)
{
	return a->end - a->start == b->end - b->start &&
	       memcmp(text + a->start, text + b->start, a->end - a->start) == 0;
}

/* Above the body: the headings just above it (the title, a subtitle), each once; everything
 * further up goes. */
static void keep_headings(const char *text, line *v, size_t first)
{
	size_t kept[8], nkept = 0, i = first;
	while (i > 0) {
		line *l = &v[i - 1];
		if (!l->blank && !l->pattern) {
			if (l->bullet || l->words < HEADING_MIN_WORDS ||
			    ends_sentence(text + l->start, l->end - l->start))
				break;
			bool seen = false;
			for (size_t k = 0; k < nkept; k++)
				seen |= same_text(text, &v[kept[k]], l);
			l->drop = seen;
			if (!seen && nkept < sizeof kept / sizeof *kept)
				kept[nkept++] = i - 1;
		}
		i--;
	}
	for (size_t k = 0; k < i; k++)
		v[k].drop = true;
}

/* Inside the body: runs of short lines that are not sentences (blank lines between them go
 * with them). */
static void drop_runs(line *v, size_t first, size_t last)
{
	size_t i = first;
	while (i <= last) {
		size_t j = i, count = 0, begin = 0, end = 0;
		while (j <= last && (v[j].blank || (!v[j].prose && !v[j].bullet &&
		                                    v[j].words <= RUN_MAX_WORDS))) {
			if (!v[j].blank) {
				if (count++ == 0)
					begin = j;
				end = j;
			}
			j++;
		}
		if (count >= RUN_MIN)
			for (size_t k = begin; k <= end; k++)
				v[k].drop = true;
		i = j > i ? j : i + 1;
	}
}

static void by_position(const char *text, line *v, size_t n)
{
	size_t first = n, last = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].prose && !v[i].pattern) {
			if (first == n)
				first = i;
			last = i;
		}
	}
	if (first == n)
		return;  /* no prose: nothing says where an article would be */
	/* The list that ends the article belongs to it. */
	for (size_t i = last + 1; i < n && (v[i].blank || (v[i].bullet && !v[i].pattern &&
	                                                  v[i].words >= HEADING_MIN_WORDS - 1));
	     i++)
		if (!v[i].blank)
			last = i;
	keep_headings(text, v, first);
	drop_runs(v, first, last);
	for (size_t i = last + 1; i < n; i++)
		v[i].drop = true;
}

/* Does the whole line (white space included, without its newline), as git diff -I sees it,
 * match one of the -I expressions? */
static int matches(const char *text, const line *l, const regex_t *re, size_t nre, bool *hit)
{
	size_t e = l->next > l->raw && text[l->next - 1] == '\n' ? l->next - 1 : l->next;
	char *buf = malloc(e - l->raw + 1);
	if (!buf)
		return -1;
	memcpy(buf, text + l->raw, e - l->raw);
	buf[e - l->raw] = '\0';
	*hit = false;
	for (size_t k = 0; k < nre && !*hit; k++)
		*hit = regexec(&re[k], buf, 0, NULL, 0) == 0;
	free(buf);
	return 0;
}

/* The dropped lines as ranges; a blank line between two dropped ones goes too. */
static int to_ranges(const line *v, size_t n, size_t **ranges, size_t *nr)
{
	size_t *r = NULL, cap = 0, k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!v[i].drop)
			continue;
		size_t begin = v[i].raw;
		/* Reach back over blank lines to the previous dropped line. */
		size_t j = i;
		while (j > 0 && v[j - 1].blank)
			j--;
		bool join = k > 0 && (r[2 * k - 1] == begin || (j > 0 && v[j - 1].drop));
		if (join) {
			r[2 * k - 1] = v[i].next;
			continue;
		}
		if (k == cap) {
			size_t c = cap ? 2 * cap : 16;
			size_t *w = realloc(r, 2 * c * sizeof *r);
			if (!w) {
				free(r);
				return -1;
			}
			r = w, cap = c;
		}
		r[2 * k] = begin;
		r[2 * k + 1] = v[i].next;
		k++;
	}
	*ranges = r;
	*nr = k;
	return 0;
}

int rl_doc_furniture(const char *text, size_t len, const regex_t *ignore, size_t nignore,
                     unsigned rules, size_t **ranges, size_t *n)
{
	return rl_doc_furniture_also(text, len, ignore, nignore, rules, NULL, 0, ranges, n);
}

int rl_doc_furniture_also(const char *text, size_t len, const regex_t *ignore, size_t nignore,
                          unsigned rules, const size_t *also, size_t nalso, size_t **ranges,
                          size_t *n)
{
	line *v;
	long nl = split_lines(text, len, &v);
	if (nl < 0)
		return -1;
	size_t count = (size_t)nl, a = 0;
	for (size_t i = 0; i < count; i++) {
		line *l = &v[i];
		l->pattern = (rules & RL_FURN_PATTERNS) && !l->blank &&
		             says_furniture(text + l->start, l->end - l->start, l->words);
		while (a < nalso && also[a] < l->raw)
			a++;
		l->drop = l->pattern || (a < nalso && also[a] == l->raw && !l->blank);
	}
	if (rules & RL_FURN_POSITION)
		by_position(text, v, count);
	for (size_t i = 0; i < count && nignore; i++) {
		bool hit = false;
		if (!v[i].drop && matches(text, &v[i], ignore, nignore, &hit) != 0) {
			free(v);
			return -1;
		}
		v[i].drop |= hit;
	}
	int rc = to_ranges(v, count, ranges, n);
	free(v);
	return rc;
}
