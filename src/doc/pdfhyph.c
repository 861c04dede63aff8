/* pdfhyph.c: a hyphen at a line's end, a word broken there ("infor-" / "mation") or a compound
 * that happened to end the line ("closed-" / "source", "best-in-" / "class"). The glyph is the
 * same: Chromium prints no '-' of its own (its own breaks are U+2010, below), so each of its
 * line ends' '-' is the author's, while TeX breaks words with the same '-'. The document
 * tells: a compound it writes whole on some line elsewhere, or one that holds a hyphen already,
 * keeps its hyphen at a line's end. So does every hyphen of a page a browser printed (its PDF's
 * producer is Skia, Chromium's): Chromium marks a break of its own (at a soft hyphen; `hyphens:
 * auto` broke none in headless Chromium) with U+2010, never '-' (broken_word, pdfdoc.c, undoes
 * it), so a '-' there is the author's however seldom the compound is written ("well-" / "known"
 * once). */
#include <glib.h>
#include <string.h>

#include "pdfpage.h"

/* The word at s[0, n) without the punctuation around it (“closed-source,” → closed-source). */
static void trim_word(const char **s, size_t *n)
{
	const char *a = *s, *z = *s + *n;
	while (a < z && !g_unichar_isalnum(g_utf8_get_char(a)))
		a += g_utf8_skip[*(const guchar *)a];
	while (z > a) {
		const char *p = g_utf8_find_prev_char(a, z);
		if (!p || g_unichar_isalnum(g_utf8_get_char(p)))
			break;
		z = p;
	}
	*s = a;
	*n = (size_t)(z - a);
}

/* Does the word s[0, n) hold a hyphen between two letters or digits (a letter's last byte, in
 * UTF-8, is past 0x7F)? */
static int inner_hyphen(const char *s, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] == '-' && (g_ascii_isalnum(s[i - 1]) || (unsigned char)s[i - 1] > 0x7F) &&
		    (g_ascii_isalnum(s[i + 1]) || (unsigned char)s[i + 1] > 0x7F))
			return 1;
	return 0;
}

static void add_compound(GHashTable *set, const char *s, size_t n)
{
	trim_word(&s, &n);
	if (n < 3 || !inner_hyphen(s, n))
		return;
	char *key = g_utf8_casefold(s, (gssize)n);
	if (key)
		g_hash_table_add(set, key);
}

/* The compounds the document writes whole on a line (its words holding a hyphen), casefolded. */
static GHashTable *compounds(pdoc *d)
{
	if (d->compounds)
		return d->compounds;
	d->compounds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (size_t i = 0; i < d->n; i++) {
		const char *s = d->raw + d->v[i].off, *end = s + d->v[i].len;
		while (s < end) {
			const char *w = s;
			while (s < end && *s != ' ' && *s != '\t')
				s++;
			if (!d->v[i].drop && memchr(w, '-', (size_t)(s - w)))
				add_compound(d->compounds, w, (size_t)(s - w));
			s += s < end;
		}
	}
	return d->compounds;
}

/* Was d printed by a browser: is its producer Chromium's Skia ("Skia/PDF m156")? Asked once. */
static int browser_printed(pdoc *d)
{
	if (!d->browser) {
		gchar *producer = d->doc ? poppler_document_get_producer(d->doc) : NULL;
		d->browser = producer && g_str_has_prefix(producer, "Skia/PDF") ? 1 : 2;
		g_free(producer);
	}
	return d->browser == 1;
}

/* The first word of s[0, n), up to a space, trimmed of punctuation: does it hold a hyphen? (A
 * copy ending in a NUL: the line may end the raw text, which has none.) */
static int first_word_compound(const char *s, size_t n)
{
	size_t m = 0;
	while (m < n && s[m] != ' ')
		m++;
	char *word = g_strndup(s, m);
	const char *w = word;
	m = strlen(word);
	trim_word(&w, &m);
	int found = inner_hyphen(w, m);
	g_free(word);
	return found;
}

int rl_pdf_compound_break(pdoc *d, const pline *a, const pline *b)
{
	if (browser_printed(d))
		return 1;  /* Chromium's own breaks are U+2010: this '-' is the author's */
	const char *s = d->raw + a->off, *t = d->raw + b->off;
	size_t n = a->len - 1, m = 0;  /* a ends with its '-' */
	const char *w = s + n;
	while (w > s && w[-1] != ' ')
		w--;
	const char *before = w;
	size_t blen = (size_t)(s + n - w);
	trim_word(&before, &blen);
	if (inner_hyphen(before, blen) || first_word_compound(t, b->len))
		return 1;  /* "best-in-" / "class", "up-" / "to-date": broken at one of its hyphens */
	while (m < b->len && t[m] != ' ')
		m++;
	GString *key = g_string_new_len(w, (gssize)(s + n - w));
	g_string_append_c(key, '-');
	g_string_append_len(key, t, (gssize)m);
	const char *k = key->str;
	size_t klen = key->len;
	trim_word(&k, &klen);
	char *folded = g_utf8_casefold(k, (gssize)klen);
	int found = folded && g_hash_table_contains(compounds(d), folded);
	g_free(folded);
	g_string_free(key, TRUE);
	return found;
}
