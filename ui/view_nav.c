/* view_nav.c: finding things in the view: changes, the other end of a move, search matches, and
 * what a click points at. */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "status.h"
#include "theme.h"
#include "view_nav.h"

/* Lines kept above a change or a match when the screen moves to it. */
#define CHANGE_CONTEXT 1

size_t rl_view_change_index(const rl_view *v, uint32_t b)
{
	size_t lo = 0, hi = v->nchanges;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->changes[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first and last blocks with a line on screen. */
static int screen_blocks(rl_view *v, uint32_t *first, uint32_t *last)
{
	rl_pos bottom = v->vp.top;
	int rc = rl_pos_step(v->rows, &bottom, (long)v->vp.height - 1, NULL);
	*first = v->vp.top.block;
	*last = bottom.block;
	return rc;
}

static void select_change(rl_view *v, uint32_t block, uint32_t op)
{
	v->selected = true;
	v->sel_block = block;
	v->sel_op = op;
}

/* Bring block b to the top, with one line of what comes before it (its blank line, when it
 * starts a paragraph). */
static int show_block(rl_view *v, uint32_t b)
{
	const rl_block *blk = rl_layout_block(rl_model_layout(v->model), b);
	unsigned context = (blk->flags & RL_BLOCK_PARA) ? 0 : CHANGE_CONTEXT;
	return rl_vp_place(&v->vp, v->rows, (rl_pos){b, 0}, context);
}

int rl_view_keep_visible(rl_view *v, uint32_t b)
{
	bool yes;
	int rc = rl_vp_visible(&v->vp, v->rows, (rl_pos){b, 0}, &yes);
	return rc != RL_OK || yes ? rc : show_block(v, b);
}

int rl_view_unfold(rl_view *v, size_t b, uint32_t lines)
{
	if (!rl_rows_unfold(v->rows, b))
		return RL_OK;
	v->frame.n = 0;  /* it pointed at the fold's line */
	rl_view_message(v, false, "unfolded %u unchanged line%s", lines, lines == 1 ? "" : "s");
	return rl_vp_clamp(&v->vp, v->rows);
}

int rl_view_goto_change(rl_view *v, int dir)
{
	if (v->nchanges == 0) {
		rl_view_message(v, false, rl_view_mask(v) ? "no changes" : "no kind of change is "
		                "highlighted (Tab)");
		return RL_OK;
	}
	uint32_t first, last;
	int rc = screen_blocks(v, &first, &last);
	if (rc != RL_OK)
		return rc;
	size_t k;
	if (v->selected) {
		/* From the selected change. */
		k = rl_view_change_index(v, v->sel_block);
		if (dir > 0)
			k += k < v->nchanges && v->changes[k] == v->sel_block;
		else
			k = k > 0 ? k - 1 : v->nchanges;
	} else {
		/* From the top of the screen: a change that starts on it or below, or above it. */
		uint32_t from = v->vp.top.block + (v->vp.top.line > 0);
		k = rl_view_change_index(v, from);
		if (dir < 0)
			k = k > 0 ? k - 1 : v->nchanges;
	}
	if (k >= v->nchanges) {
		rl_view_message(v, false, "no more changes %s", dir > 0 ? "below" : "above");
		return RL_OK;
	}
	select_change(v, v->changes[k], UINT32_MAX);
	return show_block(v, v->changes[k]);
}

/* ------------------------------------------------------------------ moves */

/* A piece of block b that belongs to a moved passage (op `want`, or any when UINT32_MAX). */
static const rl_piece *moved_piece(const rl_view *v, uint32_t b, uint32_t want)
{
	const rl_layout *lay = rl_model_layout(v->model);
	size_t nops;
	const rl_op *ops = rl_alignment_ops(rl_model_alignment(v->model), &nops);
	const rl_block *blk = rl_layout_block(lay, b);
	for (uint32_t p = blk->piece0; p < blk->piece1; p++) {
		const rl_piece *pc = rl_layout_piece(lay, p);
		if (ops[pc->op].move && (want == UINT32_MAX || pc->op == want))
			return pc;
	}
	return NULL;
}

/* The moved piece to jump from: in the selected change when it is a moved one, else the first
 * moved piece on screen, so that m works from anywhere inside a moved passage and not only after
 * n selected it. */
static int move_origin(rl_view *v, const rl_piece **piece)
{
	uint32_t first, last;
	int rc = screen_blocks(v, &first, &last);

	*piece = NULL;
	if (rc != RL_OK)
		return rc;
	if (v->selected) {
		*piece = moved_piece(v, v->sel_block, v->sel_op);
		if (!*piece)
			*piece = moved_piece(v, v->sel_block, UINT32_MAX);
	}
	for (uint32_t b = first; b <= last && !*piece; b++)
		*piece = moved_piece(v, b, UINT32_MAX);
	return RL_OK;
}

int rl_view_goto_move_end(rl_view *v)
{
	const rl_piece *pc = NULL;
	if (rl_layout_blocks(rl_model_layout(v->model)) == 0)
		return RL_OK;
	int rc = move_origin(v, &pc);
	if (rc != RL_OK)
		return rc;
	if (!pc) {
		rl_view_message(v, false, "no moved passage here");
		return RL_OK;
	}
	size_t nops;
	const rl_op *op = &rl_alignment_ops(rl_model_alignment(v->model), &nops)[pc->op];
	int other = pc->a1 > pc->a0 ? RL_NEW : RL_OLD;
	uint32_t to = (uint32_t)rl_model_block_of(v->model, other, other ? op->b0 : op->a0);
	select_change(v, to, pc->op);
	rl_view_message(v, false, "the moved passage where it stands in %s (m: back)",
	                other ? "NEW" : "OLD");
	return show_block(v, to);
}

/* ------------------------------------------------------------------ sources */

/* The link of a unit of NEW in block b (of op `want`, or any when UINT32_MAX), or NULL. */
static const rl_link *linked_in(const rl_view *v, uint32_t b, uint32_t want)
{
	const rl_layout *lay = rl_model_layout(v->model);
	const rl_alignment *al = rl_model_alignment(v->model);
	const rl_block *blk = rl_layout_block(lay, b);
	for (uint32_t p = blk->piece0; p < blk->piece1; p++) {
		const rl_piece *pc = rl_layout_piece(lay, p);
		if (want != UINT32_MAX && pc->op != want)
			continue;
		for (uint32_t t = pc->b0; t < pc->b1; t++) {
			const rl_link *ln = rl_source_at(al, t);
			if (ln)
				return ln;
		}
	}
	return NULL;
}

/* Highlight tokens [t0, t1) of a side as the search match is, and show their block. */
static int show_range(rl_view *v, int side, uint32_t t0, uint32_t t1)
{
	const rl_alignment *al = rl_model_alignment(v->model);
	size_t s, e;
	rl_range_bytes(al, side, t0, t1, &s, &e);
	v->searching = false;
	v->match = (rl_match){true, side, s, e - s};
	uint32_t to = (uint32_t)rl_model_block_of(v->model, side, t0);
	select_change(v, to, UINT32_MAX);
	return show_block(v, to);
}

int rl_view_goto_source(rl_view *v)
{
	if (rl_layout_blocks(rl_model_layout(v->model)) == 0)
		return RL_OK;
	if (v->at_source) {
		v->at_source = false;
		rl_view_message(v, false, "the summary line (s: its source again)");
		int rc = show_range(v, RL_NEW, v->src_b0, v->src_b1);
		v->at_source = false;
		return rc;
	}
	uint32_t first, last;
	int rc = screen_blocks(v, &first, &last);
	if (rc != RL_OK)
		return rc;
	const rl_link *ln = NULL;
	if (v->selected)
		ln = linked_in(v, v->sel_block, v->sel_op);
	if (!ln && v->selected)
		ln = linked_in(v, v->sel_block, UINT32_MAX);
	for (uint32_t b = first; b <= last && !ln; b++)
		ln = linked_in(v, b, UINT32_MAX);
	if (!ln) {
		rl_view_message(v, false, "no summary line drawn from elsewhere here");
		return RL_OK;
	}
	rc = show_range(v, RL_OLD, ln->a0[0], ln->a1[0]);
	v->at_source = true;
	v->src_b0 = ln->b0, v->src_b1 = ln->b1;
	if (ln->n > 1)
		rl_view_message(v, false, "its source in OLD, \xc2\xb6%u, and %u more (s: back)",
		                (unsigned)ln->para, (unsigned)ln->n - 1);
	else
		rl_view_message(v, false, "its source in OLD, \xc2\xb6%u (s: back)", (unsigned)ln->para);
	return rc;
}

/* ------------------------------------------------------------------ clicks */

/* The side and column a screen column points at on frame line fl; -1 for the gutter. */
static int click_side(const rl_view *v, const rl_frame_line *fl, unsigned x, unsigned *col)
{
	const rl_geom *g = &v->geom;
	if (g->unified) {
		if (x < g->left)
			return -1;
		*col = x - g->left;
		return fl->side == RL_LINE_BOTH ? RL_NEW : fl->side;
	}
	if (x < g->pane) {
		*col = x;
		return RL_OLD;
	}
	if (x >= g->right) {
		*col = x - g->right;
		return RL_NEW;
	}
	return -1;
}

int rl_view_nav_click(rl_view *v, unsigned y, unsigned x)
{
	const rl_frame_line *fl = &v->frame.v[y];
	if (fl->side == RL_LINE_FOLD)
		return rl_view_unfold(v, fl->pos.block, fl->br->fold_lines);
	if (RL_LINE_NOTE(fl->side)) {
		rl_view_message(v, false, "page furniture, dropped before comparing (--no-body keeps it)");
		return RL_OK;
	}
	unsigned col = 0, at = 0;
	int side = click_side(v, fl, x, &col);
	uint32_t op = UINT32_MAX;
	for (uint16_t k = 0; side >= 0 && k < fl->row->nrun[side]; k++) {
		const rl_run *run = &fl->br->buf.runs[fl->row->run[side] + k];
		if (col >= at && col < at + run->cols) {
			if (rl_view_mask(v) & (1u << rl_role_of_run(run)))
				op = run->op;
			break;
		}
		at += run->cols;
	}
	uint32_t b = fl->pos.block;
	if (op == UINT32_MAX && !(rl_model_block_roles(v->model, b) & rl_view_mask(v)))
		return RL_OK;
	select_change(v, b, op);
	size_t k = rl_view_change_index(v, b);
	if (k < v->nchanges && v->changes[k] == b)
		rl_view_message(v, false, "change %zu of %zu selected", k + 1, v->nchanges);
	return RL_OK;
}

/* ------------------------------------------------------------------ search */

/* Where a match stands in reading order: its line, then left before right, then its byte. */
typedef struct skey {
	rl_pos pos;
	int side;
	size_t off;
} skey;

static int skey_cmp(const skey *a, const skey *b)
{
	int c = rl_pos_cmp(a->pos, b->pos);
	if (c)
		return c;
	if (a->side != b->side)
		return a->side < b->side ? -1 : 1;
	return (a->off > b->off) - (a->off < b->off);
}

/* Does the view show this side of block b at all? (The unified view shows an unchanged block
 * once, from NEW.) Decided without laying the block out. */
static bool side_shown(const rl_view *v, size_t b, int side)
{
	const rl_block *blk = rl_layout_block(rl_model_layout(v->model), b);
	bool has_old = blk->a1 > blk->a0, has_new = blk->b1 > blk->b0;
	if (side == RL_NEW)
		return has_new;
	return has_old && (!v->geom.unified || !has_new || (blk->flags & RL_BLOCK_CHANGE));
}

/* The key of the match at byte `off` of a side; *shown is false when no line shows it. */
static int key_of(rl_view *v, int side, size_t off, skey *k, bool *shown)
{
	uint32_t t = rl_model_token_at(v->model, side, off);
	size_t b = rl_model_block_of(v->model, side, t);
	uint32_t line = RL_ROWS_NOLINE;
	*shown = side_shown(v, b, side);
	if (*shown && rl_rows_folded(v->rows, b)) {
		/* Inside a fold: on the fold's line, in reading order. */
		*k = (skey){{(uint32_t)rl_rows_shown(v->rows, b), 0}, side, off};
		return RL_OK;
	}
	int rc = *shown ? rl_rows_line_of(v->rows, b, side, off, &line) : RL_OK;
	*shown = *shown && line != RL_ROWS_NOLINE;
	*k = (skey){{(uint32_t)b, line}, side, off};
	return rc;
}

/* Where to start looking on a side for matches after (or before) key `from`: the start (end) of
 * its block on that side, so that every match in that block is weighed. */
static size_t block_edge(const rl_view *v, int side, uint32_t b, bool forward)
{
	const rl_tokens *toks = rl_alignment_tokens(rl_model_alignment(v->model), side);
	const rl_token *t = rl_tokens_array(toks);
	size_t n = rl_tokens_count(toks), len;
	rl_model_text(v->model, side, &len);
	const rl_block *blk = rl_layout_block(rl_model_layout(v->model), b);
	uint32_t i = forward ? (side ? blk->b0 : blk->a0) : (side ? blk->b1 : blk->a1);
	return i < n ? t[i].off : len;
}

/* The nearest shown match on one side after `from` (before, backward); from NULL: from the
 * document's edge. */
static int side_next(rl_view *v, int side, const skey *from, bool forward, skey *out, bool *found)
{
	size_t len;
	const char *text = rl_model_text(v->model, side, &len);
	bool icase = rl_search_smartcase(v->pattern, v->plen);
	size_t pos = from ? block_edge(v, side, from->pos.block, forward) : forward ? 0 : len;
	size_t at;

	*found = false;
	while (rl_search_find(text, len, v->pattern, v->plen, pos, forward, icase, &at)) {
		bool shown;
		int rc = key_of(v, side, at, out, &shown);
		if (rc != RL_OK)
			return rc;
		int c = from ? skey_cmp(out, from) : (forward ? 1 : -1);
		if (shown && (forward ? c > 0 : c < 0)) {
			*found = true;
			return RL_OK;
		}
		if (!forward && at == 0)
			break;
		pos = forward ? at + 1 : at - 1;
	}
	return RL_OK;
}

/* The nearest match over both sides; from NULL: from the document's edge. */
static int nearest(rl_view *v, const skey *from, bool forward, skey *best, bool *found)
{
	*found = false;
	for (int side = 0; side < 2; side++) {
		skey k;
		bool f;
		int rc = side_next(v, side, from, forward, &k, &f);
		if (rc != RL_OK)
			return rc;
		if (f && (!*found || (forward ? skey_cmp(&k, best) < 0 : skey_cmp(&k, best) > 0))) {
			*best = k;
			*found = true;
		}
	}
	return RL_OK;
}

/* Where the next search starts: the current match when it is on screen, else the screen's top. */
static int search_origin(rl_view *v, skey *from)
{
	*from = (skey){v->vp.top, -1, 0};
	if (!v->match.on)
		return RL_OK;
	skey m;
	bool shown, visible = false;
	int rc = key_of(v, v->match.side, v->match.off, &m, &shown);
	if (rc == RL_OK && shown)
		rc = rl_vp_visible(&v->vp, v->rows, m.pos, &visible);
	if (visible)
		*from = m;
	return rc;
}

int rl_view_search_step(rl_view *v, bool forward)
{
	skey from, k;
	bool found;
	if (v->listing)
		return rl_view_list_search_step(v, forward);
	if (v->plen == 0 || rl_rows_blocks(v->rows) == 0)
		return RL_OK;
	int rc = search_origin(v, &from);
	if (rc == RL_OK)
		rc = nearest(v, &from, forward, &k, &found);
	if (rc == RL_OK && !found) {
		rc = nearest(v, NULL, forward, &k, &found);
		if (found)
			rl_view_message(v, false, "search wrapped to the %s", forward ? "start" : "end");
	}
	if (rc != RL_OK)
		return rc;
	if (!found) {
		rl_view_message(v, true, "not found: %.*s", (int)v->plen, v->pattern);
		v->match.on = false;
		v->match_k = v->match_n = 0;
		return RL_OK;
	}
	if (rl_rows_folded(v->rows, k.pos.block)) {
		/* A match inside a fold unfolds it. */
		uint32_t t = rl_model_token_at(v->model, k.side, k.off);
		rl_rows_unfold(v->rows, rl_model_block_of(v->model, k.side, t));
		v->frame.n = 0;
		bool shown;
		if ((rc = key_of(v, k.side, k.off, &k, &shown)) != RL_OK)
			return rc;
		rl_view_message(v, false, "the match was folded: unfolded");
	}
	v->match = (rl_match){true, k.side, k.off, v->plen};
	if ((rc = rl_view_count_matches(v)) != RL_OK)
		return rc;
	bool visible;
	rc = rl_vp_visible(&v->vp, v->rows, k.pos, &visible);
	if (rc == RL_OK && !visible)
		rc = rl_vp_place(&v->vp, v->rows, k.pos, v->vp.height / 3);
	return rc;
}

int rl_view_nav_search(rl_view *v, const char *pat, size_t n, bool backward)
{
	if (n >= sizeof v->pattern)
		n = sizeof v->pattern - 1;
	memcpy(v->pattern, pat, n);
	v->pattern[n] = '\0';
	v->plen = n;
	v->searching = n > 0;
	v->search_back = backward;
	v->match.on = false;
	return rl_view_search_step(v, !backward);
}

/* ------------------------------------------------------------------ every match */

/* The first index in [i, n) whose value `ends(ctx, index)` is past x, the values growing with the
 * index: galloping from i, so that a walk through the text in order costs the logarithm of each
 * step, not of the whole. */
typedef size_t (*end_of)(const void *ctx, size_t i);

static size_t gallop(const void *ctx, end_of ends, size_t i, size_t n, size_t x)
{
	size_t lo = i, hi = i, step = 1;
	/* Every index below lo ends at or before x; hi is n or ends after x. */
	while (hi < n && ends(ctx, hi) <= x) {
		lo = hi + 1;
		hi = n - hi > step ? hi + step : n;
		step *= 2;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ends(ctx, mid) <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

typedef struct side_walk {
	const rl_token *tok;
	const rl_layout *lay;
	int side;
} side_walk;

static size_t token_end(const void *ctx, size_t i)
{
	const side_walk *w = ctx;
	return (size_t)w->tok[i].off + w->tok[i].len;
}

static size_t block_end(const void *ctx, size_t i)
{
	const side_walk *w = ctx;
	const rl_block *b = rl_layout_block(w->lay, i);
	return w->side ? b->b1 : b->a1;
}

/* Room for one more match in the cache. */
static int match_room(struct rl_match_cache *mc)
{
	if (mc->n < mc->cap)
		return RL_OK;
	size_t c = mc->cap ? 2 * mc->cap : 64;
	struct rl_match_at *g = realloc(mc->v, c * sizeof *g);
	if (!g)
		return RL_ENOMEM;
	mc->v = g, mc->cap = c;
	return RL_OK;
}

/* Walking one side's matches in text order, which is block order (blocks tile each side in
 * order): the token and block of each found by galloping on from the last match's. */
typedef struct side_scan {
	rl_view *v;
	side_walk w;
	size_t ntok, nb, t, b;
	int rc;
} side_scan;

static bool side_match(void *ctx, size_t at)
{
	side_scan *sc = ctx;
	struct rl_match_cache *mc = &sc->v->mc;
	sc->t = gallop(&sc->w, token_end, sc->t, sc->ntok, at);
	sc->b = sc->nb ? gallop(&sc->w, block_end, sc->b, sc->nb, sc->t) : 0;
	size_t blk = sc->b < sc->nb ? sc->b : (sc->nb ? sc->nb - 1 : 0);
	if (!side_shown(sc->v, blk, sc->w.side))
		return true;
	if (match_room(mc) != RL_OK) {
		sc->rc = RL_ENOMEM;
		return false;
	}
	mc->v[mc->n++] = (struct rl_match_at){(uint32_t)blk, sc->w.side, at};
	return true;
}

/* The shown matches of one side, appended to the cache in the side's text order. */
static int side_matches(rl_view *v, int side, bool icase)
{
	const rl_layout *lay = rl_model_layout(v->model);
	const rl_tokens *toks = rl_alignment_tokens(rl_model_alignment(v->model), side);
	side_scan sc = {v, {rl_tokens_array(toks), lay, side}, rl_tokens_count(toks),
	                rl_layout_blocks(lay), 0, 0, RL_OK};
	size_t len;
	const char *text = rl_model_text(v->model, side, &len);
	rl_search_each(text, len, v->pattern, v->plen, icase, side_match, &sc);
	return sc.rc;
}

/* Every shown match of the pattern, sorted by block (then OLD before NEW, then place), into
 * v->mc, unless it holds them already (the same pattern, mode, alignment and layout). Each side's
 * matches come in block order, so the two runs are merged, not sorted. Done once per search, not
 * once per key. */
static int match_cache(rl_view *v)
{
	struct rl_match_cache *mc = &v->mc;
	const void *al = rl_model_alignment(v->model), *lay = rl_model_layout(v->model);
	if (mc->valid && mc->plen == v->plen && memcmp(mc->pattern, v->pattern, v->plen) == 0 &&
	    mc->unified == v->geom.unified && mc->al == al && mc->layout == lay)
		return RL_OK;
	mc->valid = false;
	mc->n = 0;
	bool icase = rl_search_smartcase(v->pattern, v->plen);
	int rc = side_matches(v, RL_OLD, icase);
	size_t n_old = mc->n;
	if (rc == RL_OK)
		rc = side_matches(v, RL_NEW, icase);
	if (rc != RL_OK)
		return rc;
	if (n_old && n_old < mc->n) {
		/* Merge OLD's run [0, n_old) and NEW's [n_old, n): on a tie of block, OLD first. */
		struct rl_match_at *m = malloc(mc->n * sizeof *m);
		if (!m)
			return RL_ENOMEM;
		size_t i = 0, j = n_old, k = 0;
		while (i < n_old && j < mc->n)
			m[k++] = mc->v[j].block < mc->v[i].block ? mc->v[j++] : mc->v[i++];
		while (i < n_old)
			m[k++] = mc->v[i++];
		while (j < mc->n)
			m[k++] = mc->v[j++];
		free(mc->v);
		mc->v = m, mc->cap = mc->n;
	}
	memcpy(mc->pattern, v->pattern, v->plen);
	mc->plen = v->plen;
	mc->unified = v->geom.unified;
	mc->al = al, mc->layout = lay;
	mc->valid = true;
	return RL_OK;
}

/* Count the shown matches (the status line's N) and those before the current one in reading
 * order (its k). One pass over each side's text; only the current match's block is laid out. */
int rl_view_count_matches(rl_view *v)
{
	v->match_k = v->match_n = 0;
	if (!v->match.on || v->plen == 0)
		return RL_OK;
	skey cur;
	bool shown;
	int rc = key_of(v, v->match.side, v->match.off, &cur, &shown);
	if (rc == RL_OK)
		rc = match_cache(v);
	if (rc != RL_OK)
		return rc;
	uint32_t cur_block = rl_model_block_of(v->model, v->match.side,
	                                       rl_model_token_at(v->model, v->match.side, v->match.off));
	const struct rl_match_at *m = v->mc.v;
	size_t lo = 0, hi = v->mc.n, before;
	while (lo < hi) {  /* the first match in cur_block or after it */
		size_t mid = lo + (hi - lo) / 2;
		if (m[mid].block < cur_block)
			lo = mid + 1;
		else
			hi = mid;
	}
	before = lo;
	for (size_t x = lo; x < v->mc.n && m[x].block == cur_block; x++) {
		skey k;
		if ((rc = key_of(v, m[x].side, m[x].at, &k, &shown)) != RL_OK)
			return rc;
		before += shown && skey_cmp(&k, &cur) < 0;
	}
	v->match_n = v->mc.n;
	v->match_k = before + 1;
	return RL_OK;
}

static int push_hit(rl_view *v, int side, size_t off)
{
	if (v->nhits == v->caphits) {
		size_t c = v->caphits ? v->caphits * 2 : 32;
		rl_hit *h = realloc(v->hits, c * sizeof *h);
		if (!h)
			return RL_ENOMEM;
		v->hits = h;
		v->caphits = c;
	}
	v->hits[v->nhits++] = (rl_hit){side, off, v->plen};
	return RL_OK;
}

int rl_view_screen_hits(rl_view *v)
{
	v->nhits = 0;
	if (!v->searching || v->plen == 0)
		return RL_OK;
	bool icase = rl_search_smartcase(v->pattern, v->plen);
	for (int side = 0; side < 2; side++) {
		/* The bytes of this side on screen: from its first text run to the end of its last. */
		size_t lo = SIZE_MAX, hi = 0;
		for (size_t i = 0; i < v->frame.n; i++) {
			const rl_frame_line *fl = &v->frame.v[i];
			if (RL_LINE_NOTE(fl->side) || !(fl->side == RL_LINE_BOTH || fl->side == side))
				continue;
			for (uint16_t r = 0; r < fl->row->nrun[side]; r++) {
				const rl_run *run = &fl->br->buf.runs[fl->row->run[side] + r];
				if (run->type != RL_RUN_TEXT)
					continue;
				lo = run->off < lo ? run->off : lo;
				hi = (size_t)run->off + run->len > hi ? (size_t)run->off + run->len : hi;
			}
		}
		if (lo >= hi)
			continue;
		size_t len, at;
		const char *text = rl_model_text(v->model, side, &len);
		for (size_t pos = lo; v->nhits < RL_VIEW_HITS_MAX &&
		                      rl_search_find(text, hi, v->pattern, v->plen, pos, true, icase, &at);
		     pos = at + 1) {
			int rc = push_hit(v, side, at);
			if (rc != RL_OK)
				return rc;
		}
	}
	return RL_OK;
}
