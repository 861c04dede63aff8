/* pairsrc.c: a list of pairs as the viewer's pair source: sides read on demand and shared. */
#include "pairsrc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* A side as the viewer shows it: its name, and its bytes while some shown pair holds it. */
typedef struct held_side {
	char *title;      /* the name in the status line */
	char *shown;      /* the title with the furniture dropped, while read */
	rl_source src;    /* read while refs > 0 */
	unsigned refs;
} held_side;

/* What a pair's files turned out to be, once probed. */
typedef struct probe {
	bool done;
	rl_mark mark;
} probe;

struct rl_listsrc {
	const rl_pairs *list;
	rl_pairsrc src;
	held_side *sides;
	probe *probes;
	char *title;
	size_t max_size;
	bool text;
	const rl_doc_opts *doc;
};

/* A side's name in the viewer. A version of --history says which commit, when and by whom, the
 * path it had when that is not the newest version's (before a rename), and its subject line:
 * "3f2a1c9 2025-03-02 Ann Lee (old/path.md): Tighten the lede". */
static char *side_title(const rl_side_info *side, const char *newest_path)
{
	const rl_version *v = &side->version;
	if (!v->commit)
		return rl_dupstr(side->name);
	bool moved = side->path && newest_path && strcmp(side->path, newest_path) != 0;
	const char *date = v->date ? v->date : "", *author = v->author ? v->author : "";
	const char *subject = v->subject ? v->subject : "";
	size_t n = strlen(v->commit) + strlen(date) + strlen(author) + strlen(subject) + 12 +
	           (moved ? strlen(side->path) : 0);
	char *t = malloc(n);
	if (!t)
		return NULL;
	int k = moved ? snprintf(t, n, "%s %s %s (%s)", v->commit, date, author, side->path)
	              : snprintf(t, n, "%s %s %s", v->commit, date, author);
	if (*subject && k > 0 && (size_t)k < n)
		snprintf(t + k, n - (size_t)k, ": %s", subject);
	return t;
}

/* ------------------------------------------------------------------ holding sides */

static int hold(rl_listsrc *s, size_t k, char *err, size_t errlen)
{
	held_side *h = &s->sides[k];
	if (h->refs == 0) {
		if (rl_pairs_read(s->list, k, &h->src, s->max_size, err, errlen) != 0)
			return -1;
		if (s->doc && rl_doc_prepare(&h->src, s->doc, err, errlen) != 0) {
			rl_source_release(&h->src);
			return -1;
		}
		if (h->src.doc.dropped_lines && rl_source_rename(&h->src, h->title) == 0)
			h->shown = rl_source_title(&h->src);
	}
	h->refs++;
	return 0;
}

static void let_go(rl_listsrc *s, size_t k)
{
	held_side *h = &s->sides[k];
	if (h->refs > 0 && --h->refs == 0) {
		rl_source_release(&h->src);
		free(h->shown);
		h->shown = NULL;
	}
}

/* ------------------------------------------------------------------ the callbacks */

static int load(void *ctx, size_t i, rl_pair *out, char *err, size_t errlen)
{
	rl_listsrc *s = ctx;
	const rl_pair_info *p = rl_pairs_pair(s->list, i);
	if (hold(s, p->side[0], err, errlen) != 0)
		return -1;
	if (hold(s, p->side[1], err, errlen) != 0) {
		let_go(s, p->side[0]);
		return -1;
	}
	rl_styles styles[2];
	rl_source_pair_styles(&s->sides[p->side[0]].src, &s->sides[p->side[1]].src, styles);
	for (int k = 0; k < 2; k++) {
		const held_side *h = &s->sides[p->side[k]];
		out->doc[k] = (rl_doc){h->src.data, h->src.len, h->shown ? h->shown : h->title,
		                       h->src.doc.furniture, h->src.doc.ndropped, styles[k]};
	}
	out->label = NULL;
	return 0;
}

static void release(void *ctx, size_t i)
{
	rl_listsrc *s = ctx;
	const rl_pair_info *p = rl_pairs_pair(s->list, i);
	let_go(s, p->side[0]);
	let_go(s, p->side[1]);
}

/* Read a pair's files to tell whether either is binary, or cannot be read. */
static rl_mark probe_pair(rl_listsrc *s, size_t i)
{
	rl_pair pair;
	char err[512];
	if (load(s, i, &pair, err, sizeof err) != 0)
		return RL_MARK_UNREADABLE;
	const rl_pair_info *p = rl_pairs_pair(s->list, i);
	bool binary = !s->text && (rl_source_is_binary(&s->sides[p->side[0]].src) ||
	                           rl_source_is_binary(&s->sides[p->side[1]].src));
	release(s, i);
	return binary ? RL_MARK_BINARY : RL_MARK_NONE;
}

static void describe(void *ctx, size_t i, bool want_probe, rl_entry *out)
{
	rl_listsrc *s = ctx;
	const rl_pair_info *p = rl_pairs_pair(s->list, i);
	const rl_side_info *a = rl_pairs_side(s->list, p->side[0]);
	const rl_side_info *b = rl_pairs_side(s->list, p->side[1]);

	memset(out, 0, sizeof *out);
	out->path = b->path ? b->path : a->path ? a->path : b->name;
	if (a->path && b->path && strcmp(a->path, b->path) != 0)
		out->old_path = a->path;
	out->change = (char)p->change;
	if (p->submodule)
		out->mark = RL_MARK_SUBMODULE;
	else if (p->change == RL_CHANGE_UNMERGED)
		out->mark = RL_MARK_UNMERGED;
	else {
		if (!s->probes[i].done && want_probe)
			s->probes[i] = (probe){true, probe_pair(s, i)};
		out->mark = s->probes[i].done ? s->probes[i].mark : RL_MARK_NONE;
	}
}

/* ------------------------------------------------------------------ life */

int rl_listsrc_new(rl_listsrc **out, const rl_pairs *list, const rl_listsrc_opts *opts)
{
	size_t ns = rl_pairs_sides(list), np = rl_pairs_count(list);
	if (np == 0)
		return RL_EINVAL;
	rl_listsrc *s = calloc(1, sizeof *s);
	if (!s)
		return RL_ENOMEM;
	s->list = list;
	s->max_size = opts->max_size;
	s->text = opts->text;
	s->doc = opts->doc;
	s->sides = calloc(ns, sizeof *s->sides);
	s->probes = calloc(np, sizeof *s->probes);
	s->title = opts->title ? rl_dupstr(opts->title) : NULL;
	bool failed = !s->sides || !s->probes || (opts->title && !s->title);
	const rl_side_info *newest = rl_pairs_side(list, rl_pairs_pair(list, np - 1)->side[1]);
	for (size_t k = 0; k < ns && !failed; k++)
		failed = !(s->sides[k].title = side_title(rl_pairs_side(list, k), newest->path));
	if (failed) {
		rl_listsrc_free(s);
		return RL_ENOMEM;
	}
	s->src = (rl_pairsrc){.count = np, .start = opts->start < np ? opts->start : np - 1,
	                      .file_list = opts->file_list, .title = s->title, .ctx = s,
	                      .describe = describe, .load = load, .release = release};
	*out = s;
	return RL_OK;
}

void rl_listsrc_free(rl_listsrc *s)
{
	if (!s)
		return;
	for (size_t k = 0; s->sides && k < rl_pairs_sides(s->list); k++) {
		if (s->sides[k].refs)
			rl_source_release(&s->sides[k].src);
		free(s->sides[k].shown);
		free(s->sides[k].title);
	}
	free(s->sides);
	free(s->probes);
	free(s->title);
	free(s);
}

const rl_pairsrc *rl_listsrc_pairsrc(const rl_listsrc *s)
{
	return &s->src;
}
