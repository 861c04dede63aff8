/* docxnum.c: Word list numbering (see docxnum.h). word/numbering.xml maps each list (w:num) to an
 * abstract definition (w:abstractNum) whose levels (w:lvl) each have a format (w:numFmt):
 * "bullet", "none", or a kind of number ("decimal", "lowerLetter", "upperRoman"...), a first
 * number (w:start) and the text shown (w:lvlText: "%1.", "%1)", "%1.%2." where %N is level N's
 * number in its own format). Kinds of number other than decimals, letters and roman numerals
 * (ordinals, other scripts) are written as decimals. */
#include "docxnum.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listnum.h"
#include "zipxml.h"

#define LEVELS 9        /* Word's levels 0 to 8 */
#define MAX_LISTS 512   /* definitions kept; more are bullets (the look-ups stay cheap) */
#define LVL_TEXT 32     /* the longest w:lvlText kept (a longer one is "%N.") */

typedef struct {
	bool numbered;
	char format;             /* '1', 'a', 'A', 'i', 'I' (listnum.h) */
	long start;
	char text[LVL_TEXT];     /* w:lvlText, "" when absent */
} level_def;

typedef struct {
	long id;
	level_def lvl[LEVELS];
} abstract_def;

typedef struct {
	long id, abstract_id;
	long count[LEVELS];
	bool started[LEVELS];
} list_def;

struct rl_docx_numbering {
	abstract_def abs[MAX_LISTS];
	list_def lists[MAX_LISTS];
	size_t nabs, nlists;
};

static char format_of(const char *v)
{
	static const struct {
		const char *name;
		char format;
	} kinds[] = {{"lowerLetter", 'a'}, {"upperLetter", 'A'}, {"lowerRoman", 'i'},
	             {"upperRoman", 'I'}};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(v, kinds[i].name) == 0)
			return kinds[i].format;
	return '1';
}

static void load_level(level_def *d, const xmlNode *l)
{
	for (const xmlNode *f = l->children; f; f = f->next) {
		if (rl_xml_is(f, "numFmt")) {
			char *v = rl_xml_attr(f, "val");
			d->numbered = v && strcmp(v, "bullet") != 0 && strcmp(v, "none") != 0;
			d->format = v ? format_of(v) : '1';
			xmlFree(v);
		} else if (rl_xml_is(f, "start")) {
			d->start = rl_xml_attr_long(f, "val", 1);
		} else if (rl_xml_is(f, "lvlText")) {
			char *v = rl_xml_attr(f, "val");
			if (v && strlen(v) < LVL_TEXT)
				memcpy(d->text, v, strlen(v) + 1);
			xmlFree(v);
		}
	}
}

static void load_abstract(rl_docx_numbering *nb, const xmlNode *a)
{
	if (nb->nabs == MAX_LISTS)
		return;
	abstract_def *d = &nb->abs[nb->nabs++];
	*d = (abstract_def){.id = rl_xml_attr_long(a, "abstractNumId", -1)};
	for (long i = 0; i < LEVELS; i++)
		d->lvl[i] = (level_def){.format = '1', .start = 1};
	for (const xmlNode *l = a->children; l; l = l->next) {
		long lvl = rl_xml_is(l, "lvl") ? rl_xml_attr_long(l, "ilvl", -1) : -1;
		if (lvl >= 0 && lvl < LEVELS)
			load_level(&d->lvl[lvl], l);
	}
}

static void load_list(rl_docx_numbering *nb, const xmlNode *n)
{
	if (nb->nlists == MAX_LISTS)
		return;
	list_def *d = &nb->lists[nb->nlists++];
	*d = (list_def){.id = rl_xml_attr_long(n, "numId", -1), .abstract_id = -1};
	for (const xmlNode *c = n->children; c; c = c->next)
		if (rl_xml_is(c, "abstractNumId"))
			d->abstract_id = rl_xml_attr_long(c, "val", -1);
}

rl_docx_numbering *rl_docx_numbering_load(zip_t *za)
{
	char err[256];
	if (!rl_zip_has(za, "word/numbering.xml"))
		return NULL;
	xmlDoc *doc = rl_zip_xml(za, "word/numbering.xml", err, sizeof err);
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	rl_docx_numbering *nb = root ? calloc(1, sizeof *nb) : NULL;
	for (const xmlNode *n = nb ? root->children : NULL; n; n = n->next) {
		if (rl_xml_is(n, "abstractNum"))
			load_abstract(nb, n);
		else if (rl_xml_is(n, "num"))
			load_list(nb, n);
	}
	xmlFreeDoc(doc);
	return nb;
}

void rl_docx_numbering_free(rl_docx_numbering *nb)
{
	free(nb);
}

/* w:lvlText with each %N replaced by level N's number, into buf (at most n bytes). */
static void expand(const abstract_def *a, const list_def *list, long ilvl, char *buf, size_t n)
{
	char fallback[24];  /* "%" and a long, for gcc -O0's format-truncation check */
	const char *t = a->lvl[ilvl].text;
	if (!*t) {
		snprintf(fallback, sizeof fallback, "%%%ld.", ilvl + 1);
		t = fallback;
	}
	size_t at = 0;
	buf[0] = '\0';
	for (; *t && at + 1 < n; t++) {
		char piece[RL_LISTNUM_MAX] = {*t, '\0'};
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			long l = t[1] - '1';
			long k = list->started[l] ? list->count[l] : a->lvl[l].start;
			rl_list_number(k, a->lvl[l].format, true, piece);
			t++;
		}
		size_t len = strlen(piece);
		if (len >= n - at)
			break;
		memcpy(buf + at, piece, len + 1);
		at += len;
	}
}

void rl_docx_numbering_mark(rl_docx_numbering *nb, long num_id, long ilvl, char *buf, size_t n)
{
	snprintf(buf, n, "- ");
	if (!nb || ilvl < 0 || ilvl >= LEVELS || n < 4)
		return;
	list_def *list = NULL;
	for (size_t i = 0; i < nb->nlists && !list; i++)
		if (nb->lists[i].id == num_id)
			list = &nb->lists[i];
	for (size_t i = 0; list && i < nb->nabs; i++) {
		const abstract_def *a = &nb->abs[i];
		if (a->id != list->abstract_id || !a->lvl[ilvl].numbered)
			continue;
		list->count[ilvl] = list->started[ilvl] ? list->count[ilvl] + 1 : a->lvl[ilvl].start;
		list->started[ilvl] = true;
		for (long deeper = ilvl + 1; deeper < LEVELS; deeper++)
			list->started[deeper] = false;
		expand(a, list, ilvl, buf, n - 1);
		/* A number shown as nothing (lvlText "") is a bullet; else the mark ends with a space. */
		if (!*buf)
			snprintf(buf, n, "- ");
		else
			strcat(buf, " ");
		return;
	}
}
