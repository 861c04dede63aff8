/* docxnum.c: Word list numbering (see docxnum.h). word/numbering.xml maps each list (w:num) to an
 * abstract definition (w:abstractNum) whose levels (w:lvl) each have a format (w:numFmt):
 * "bullet", "none", or a kind of number ("decimal", "lowerLetter", "upperRoman"...); every kind
 * of number is written as a decimal here. */
#include "docxnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zipxml.h"

#define LEVELS 9        /* Word's levels 0 to 8 */
#define MAX_LISTS 512   /* definitions kept; more are bullets (the look-ups stay cheap) */

typedef struct {
	long id;
	unsigned char numbered[LEVELS];
} abstract_def;

typedef struct {
	long id, abstract_id;
	long count[LEVELS];
} list_def;

struct rl_docx_numbering {
	abstract_def abs[MAX_LISTS];
	list_def lists[MAX_LISTS];
	size_t nabs, nlists;
};

static long attr_long(const xmlNode *n, const char *name, long dflt)
{
	char *v = rl_xml_attr(n, name);
	long r = v ? strtol(v, NULL, 10) : dflt;
	xmlFree(v);
	return r;
}

static void load_abstract(rl_docx_numbering *nb, const xmlNode *a)
{
	if (nb->nabs == MAX_LISTS)
		return;
	abstract_def *d = &nb->abs[nb->nabs++];
	*d = (abstract_def){.id = attr_long(a, "abstractNumId", -1)};
	for (const xmlNode *l = a->children; l; l = l->next) {
		long lvl = rl_xml_is(l, "lvl") ? attr_long(l, "ilvl", -1) : -1;
		if (lvl < 0 || lvl >= LEVELS)
			continue;
		for (const xmlNode *f = l->children; f; f = f->next) {
			if (!rl_xml_is(f, "numFmt"))
				continue;
			char *v = rl_xml_attr(f, "val");
			d->numbered[lvl] = v && strcmp(v, "bullet") != 0 && strcmp(v, "none") != 0;
			xmlFree(v);
		}
	}
}

static void load_list(rl_docx_numbering *nb, const xmlNode *n)
{
	if (nb->nlists == MAX_LISTS)
		return;
	list_def *d = &nb->lists[nb->nlists++];
	*d = (list_def){.id = attr_long(n, "numId", -1), .abstract_id = -1};
	for (const xmlNode *c = n->children; c; c = c->next)
		if (rl_xml_is(c, "abstractNumId"))
			d->abstract_id = attr_long(c, "val", -1);
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

void rl_docx_numbering_mark(rl_docx_numbering *nb, long num_id, long ilvl, char *buf, size_t n)
{
	snprintf(buf, n, "- ");
	if (!nb || ilvl < 0 || ilvl >= LEVELS)
		return;
	list_def *list = NULL;
	for (size_t i = 0; i < nb->nlists && !list; i++)
		if (nb->lists[i].id == num_id)
			list = &nb->lists[i];
	for (size_t i = 0; list && i < nb->nabs; i++) {
		if (nb->abs[i].id != list->abstract_id || !nb->abs[i].numbered[ilvl])
			continue;
		long k = ++list->count[ilvl];
		for (long deeper = ilvl + 1; deeper < LEVELS; deeper++)
			list->count[deeper] = 0;
		snprintf(buf, n, "%ld. ", k);
		return;
	}
}
