/* odtnum.c: OpenDocument list numbering (see odtnum.h). */
#include "odtnum.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listnum.h"
#include "zipxml.h"

#define LEVELS 10        /* ODF's levels 1 to 10 */
#define MAX_STYLES 1024  /* list styles kept; lists of other styles are bullets */
#define MAX_IDS 256      /* finished lists kept for text:continue-list */
#define AFFIX 16         /* the longest prefix or suffix kept (longer ones are dropped) */

typedef struct {
	bool numbered;
	char format;                 /* '1', 'a', 'A', 'i', 'I'; 0: no number shown */
	bool letter_sync;            /* a, b, ... z, aa, bb (not aa, ab) */
	char prefix[AFFIX], suffix[AFFIX];
	long start;
	int display;                 /* levels whose numbers are shown, this one included */
} level_style;

typedef struct {
	char *name;
	level_style lv[LEVELS];
	/* Where the last list of this style stopped (text:continue-numbering). */
	long last[LEVELS];
	bool has_last;
} list_style;

typedef struct {
	char *id;
	long count[LEVELS];
} finished_list;

struct rl_odt_numbering {
	list_style *styles;
	size_t nstyles;
	finished_list ids[MAX_IDS];
	size_t nids;
	/* The open lists: depth, the style of each level (NULL: none), the outermost list's id. */
	size_t depth;
	list_style *style_at[LEVELS];
	char *top_id;
	/* The outermost open list's counters: the last number given at each level, 0 for none. */
	long count[LEVELS];
};

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = rl_xml_attr(n, name);
	bool r = v && strcmp(v, value) == 0;
	xmlFree(v);
	return r;
}

static void attr_affix(const xmlNode *n, const char *name, char out[AFFIX])
{
	char *v = rl_xml_attr(n, name);
	out[0] = '\0';
	if (v && strlen(v) < AFFIX)
		memcpy(out, v, strlen(v) + 1);
	xmlFree(v);
}

static void load_level(list_style *s, const xmlNode *l)
{
	long level = rl_xml_attr_long(l, "level", 0);
	if (level < 1 || level > LEVELS)
		return;
	level_style *lv = &s->lv[level - 1];
	*lv = (level_style){.start = 1, .display = 1};
	if (!rl_xml_is(l, "list-level-style-number"))
		return;  /* a bullet or an image */
	lv->numbered = true;
	char *f = rl_xml_attr(l, "num-format");
	if (f && strlen(f) == 1 && strchr("1aAiI", f[0]))
		lv->format = f[0];
	else if (f && !*f)
		lv->format = 0;  /* an empty format shows no number */
	else
		lv->format = '1';  /* "1" when absent; scripts of other languages as decimals */
	xmlFree(f);
	lv->letter_sync = attr_is(l, "num-letter-sync", "true");
	attr_affix(l, "num-prefix", lv->prefix);
	attr_affix(l, "num-suffix", lv->suffix);
	lv->start = rl_xml_attr_long(l, "start-value", 1);
	long d = rl_xml_attr_long(l, "display-levels", 1);
	lv->display = d < 1 ? 1 : d > level ? (int)level : (int)d;
}

static void load_styles(rl_odt_numbering *nb, const xmlNode *container, size_t *cap)
{
	for (const xmlNode *s = container ? container->children : NULL; s; s = s->next) {
		if (!rl_xml_is(s, "list-style") || nb->nstyles == MAX_STYLES)
			continue;
		char *name = rl_xml_attr(s, "name");
		if (!name)
			continue;
		if (nb->nstyles == *cap) {
			size_t c = *cap ? *cap * 2 : 16;
			list_style *v = realloc(nb->styles, c * sizeof *v);
			if (!v) {
				xmlFree(name);
				return;
			}
			nb->styles = v;
			*cap = c;
		}
		list_style *st = &nb->styles[nb->nstyles];
		*st = (list_style){.name = strdup(name)};
		xmlFree(name);
		if (!st->name)
			return;
		nb->nstyles++;
		for (const xmlNode *l = s->children; l; l = l->next)
			if (l->type == XML_ELEMENT_NODE)
				load_level(st, l);
	}
}

/* The office:automatic-styles and office:styles of a document's root. */
static void load_root(rl_odt_numbering *nb, const xmlNode *root, size_t *cap)
{
	for (const xmlNode *n = root ? root->children : NULL; n; n = n->next)
		if (rl_xml_is(n, "automatic-styles") || rl_xml_is(n, "styles"))
			load_styles(nb, n, cap);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const list_style *)a)->name, ((const list_style *)b)->name);
}

rl_odt_numbering *rl_odt_numbering_load(zip_t *za, const xmlNode *content)
{
	rl_odt_numbering *nb = calloc(1, sizeof *nb);
	if (!nb)
		return NULL;
	size_t cap = 0;
	/* content.xml's automatic styles first: a name found twice is looked up there. */
	load_root(nb, content, &cap);
	if (rl_zip_has(za, "styles.xml")) {
		char err[256];
		xmlDoc *doc = rl_zip_xml(za, "styles.xml", err, sizeof err);
		if (doc)
			load_root(nb, xmlDocGetRootElement(doc), &cap);
		xmlFreeDoc(doc);
	}
	if (nb->nstyles)
		qsort(nb->styles, nb->nstyles, sizeof *nb->styles, by_name);
	return nb;
}

void rl_odt_numbering_free(rl_odt_numbering *nb)
{
	if (!nb)
		return;
	for (size_t i = 0; i < nb->nstyles; i++)
		free(nb->styles[i].name);
	for (size_t i = 0; i < nb->nids; i++)
		free(nb->ids[i].id);
	free(nb->styles);
	free(nb->top_id);
	free(nb);
}

/* The style of that name (names are unique in a document; of two equal ones, either). */
static list_style *find_style(rl_odt_numbering *nb, const char *name)
{
	size_t lo = 0, hi = nb->nstyles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, nb->styles[mid].name);
		if (c == 0)
			return &nb->styles[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void rl_odt_list_enter(rl_odt_numbering *nb, const xmlNode *list)
{
	if (!nb)
		return;
	char *name = rl_xml_attr(list, "style-name");
	list_style *st = name ? find_style(nb, name) : NULL;
	xmlFree(name);
	/* A nested list is the next level of the list around it, in its style. */
	if (!st && nb->depth > 0)
		st = nb->style_at[(nb->depth < LEVELS ? nb->depth : LEVELS) - 1];
	if (nb->depth < LEVELS)
		nb->style_at[nb->depth] = st;
	if (nb->depth++ > 0)
		return;
	/* An outermost list: counting starts again, or goes on from an earlier list. */
	memset(nb->count, 0, sizeof nb->count);
	char *cont = rl_xml_attr(list, "continue-list");
	if (cont) {
		for (size_t i = nb->nids; i-- > 0;)
			if (strcmp(nb->ids[i].id, cont) == 0) {
				memcpy(nb->count, nb->ids[i].count, sizeof nb->count);
				break;
			}
	} else if (st && st->has_last && attr_is(list, "continue-numbering", "true")) {
		memcpy(nb->count, st->last, sizeof nb->count);
	}
	xmlFree(cont);
	char *id = rl_xml_attr(list, "id");
	free(nb->top_id);
	nb->top_id = id ? strdup(id) : NULL;
	xmlFree(id);
}

void rl_odt_list_leave(rl_odt_numbering *nb)
{
	if (!nb || nb->depth == 0 || --nb->depth > 0)
		return;
	/* The outermost list closes: where it stopped, for the lists that continue it. */
	list_style *st = nb->style_at[0];
	if (st) {
		memcpy(st->last, nb->count, sizeof st->last);
		st->has_last = true;
	}
	if (nb->top_id && nb->nids < MAX_IDS) {
		nb->ids[nb->nids].id = nb->top_id;
		memcpy(nb->ids[nb->nids].count, nb->count, sizeof nb->count);
		nb->nids++;
		nb->top_id = NULL;
	}
}

static size_t put(char *buf, size_t n, size_t at, const char *s)
{
	size_t len = strlen(s);
	if (at < n && len < n - at) {
		memcpy(buf + at, s, len + 1);
		return at + len;
	}
	return at;
}

/* The text of the item's text:number, the number the application last showed, or NULL. */
static char *cached_number(const xmlNode *item)
{
	for (const xmlNode *c = item->children; c; c = c->next)
		if (rl_xml_is(c, "number")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t && *t && strlen((const char *)t) < 48)
				return (char *)t;
			xmlFree(t);
		}
	return NULL;
}

void rl_odt_item_mark(rl_odt_numbering *nb, const xmlNode *item, char *buf, size_t n)
{
	snprintf(buf, n, "- ");
	if (!nb || nb->depth == 0)
		return;
	size_t level = (nb->depth < LEVELS ? nb->depth : LEVELS) - 1;
	list_style *st = nb->style_at[level];
	const level_style *lv = st ? &st->lv[level] : NULL;
	if (!lv || !lv->numbered)
		return;
	long k = rl_xml_attr_long(item, "start-value", -1);
	if (k < 0)
		k = nb->count[level] ? nb->count[level] + 1 : lv->start;
	nb->count[level] = k;
	for (size_t deeper = level + 1; deeper < LEVELS; deeper++)
		nb->count[deeper] = 0;
	char *cached = cached_number(item);
	if (cached) {
		snprintf(buf, n, "%s ", cached);
		xmlFree(cached);
		return;
	}
	if (!lv->format)
		return;  /* a number not shown */
	size_t at = put(buf, n, 0, lv->prefix);
	for (size_t l = level + 1 - (size_t)lv->display; l <= level; l++) {
		/* A level above that has not counted yet shows its first number, as applications do. */
		const level_style *up = st->lv[l].numbered ? &st->lv[l] : lv;
		char num[RL_LISTNUM_MAX];
		rl_list_number(nb->count[l] ? nb->count[l] : up->start, up->format ? up->format : '1',
		       up->letter_sync, num);
		at = put(buf, n, at, num);
		if (l < level)
			at = put(buf, n, at, ".");
	}
	/* A bare number would read as the item's first word: "1." as formats.h says. */
	at = put(buf, n, at, *lv->suffix || *lv->prefix ? lv->suffix : ".");
	put(buf, n, at, " ");
}
