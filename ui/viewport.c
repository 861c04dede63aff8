/* viewport.c: positions, scrolling, and the lines of a screen. */
#include "viewport.h"

#include <stdlib.h>

#include "status.h"

int rl_pos_cmp(rl_pos a, rl_pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	return (a.line > b.line) - (a.line < b.line);
}

/* A position inside a fold is the fold's line. */
static void normalize(const rl_rows *r, rl_pos *p)
{
	size_t b = rl_rows_shown(r, p->block);
	if (b != p->block || rl_rows_folded(r, b))
		*p = (rl_pos){(uint32_t)b, 0};
}

static int step_down(rl_rows *r, rl_pos *p, long delta, long *moved)
{
	size_t nb = rl_rows_blocks(r);
	while (delta > 0) {
		const rl_blockrows *br;
		int rc = rl_rows_get(r, p->block, &br);
		if (rc != RL_OK)
			return rc;
		long avail = (long)br->nlines - 1 - (long)p->line;
		if (delta <= avail) {
			p->line += (uint32_t)delta;
			*moved += delta;
			break;
		}
		size_t next = rl_rows_next(r, p->block);
		if (next >= nb) {
			p->line = (uint32_t)(br->nlines - 1);
			*moved += avail;
			break;
		}
		*moved += avail + 1;
		delta -= avail + 1;
		p->block = (uint32_t)next;
		p->line = 0;
	}
	return RL_OK;
}

static int step_up(rl_rows *r, rl_pos *p, long delta, long *moved)
{
	while (delta < 0) {
		if (-delta <= (long)p->line) {
			p->line = (uint32_t)((long)p->line + delta);
			*moved += delta;
			break;
		}
		if (p->block == 0) {
			*moved -= (long)p->line;
			p->line = 0;
			break;
		}
		*moved -= (long)p->line + 1;
		delta += (long)p->line + 1;
		p->block = (uint32_t)rl_rows_prev(r, p->block);
		const rl_blockrows *br;
		int rc = rl_rows_get(r, p->block, &br);
		if (rc != RL_OK)
			return rc;
		p->line = (uint32_t)(br->nlines - 1);
	}
	return RL_OK;
}

int rl_pos_step(rl_rows *r, rl_pos *p, long delta, long *moved)
{
	long m = 0;
	int rc = RL_OK;
	if (rl_rows_blocks(r) == 0) {
		*p = (rl_pos){0, 0};
	} else {
		normalize(r, p);
		if (delta > 0)
			rc = step_down(r, p, delta, &m);
		else if (delta < 0)
			rc = step_up(r, p, delta, &m);
	}
	if (moved)
		*moved = m;
	return rc;
}

int rl_pos_last(rl_rows *r, rl_pos *p)
{
	size_t nb = rl_rows_blocks(r);
	if (nb == 0) {
		*p = (rl_pos){0, 0};
		return RL_OK;
	}
	const rl_blockrows *br;
	size_t last = rl_rows_shown(r, nb - 1);
	int rc = rl_rows_get(r, last, &br);
	if (rc != RL_OK)
		return rc;
	*p = (rl_pos){(uint32_t)last, (uint32_t)(br->nlines - 1)};
	return RL_OK;
}

int rl_vp_clamp(rl_viewport *vp, rl_rows *r)
{
	rl_pos end = vp->top;
	long moved;
	long want = (long)vp->height - 1;
	int rc = rl_pos_step(r, &end, want, &moved);
	if (rc != RL_OK || moved == want)
		return rc;
	/* The screen runs past the end: the last full screen starts height-1 lines above it. */
	if ((rc = rl_pos_last(r, &end)) != RL_OK)
		return rc;
	vp->top = end;
	return rl_pos_step(r, &vp->top, -want, NULL);
}

int rl_vp_scroll(rl_viewport *vp, rl_rows *r, long delta)
{
	int rc = rl_pos_step(r, &vp->top, delta, NULL);
	return rc == RL_OK ? rl_vp_clamp(vp, r) : rc;
}

int rl_vp_page(rl_viewport *vp, rl_rows *r, int dir)
{
	long page = (long)vp->height - RL_VP_OVERLAP;
	if (page < 1)
		page = 1;
	return rl_vp_scroll(vp, r, dir > 0 ? page : -page);
}

void rl_vp_home(rl_viewport *vp)
{
	vp->top = (rl_pos){0, 0};
}

int rl_vp_end(rl_viewport *vp, rl_rows *r)
{
	int rc = rl_pos_last(r, &vp->top);
	return rc == RL_OK ? rl_vp_clamp(vp, r) : rc;
}

int rl_vp_place(rl_viewport *vp, rl_rows *r, rl_pos target, unsigned context)
{
	vp->top = target;
	int rc = rl_pos_step(r, &vp->top, -(long)context, NULL);
	return rc == RL_OK ? rl_vp_clamp(vp, r) : rc;
}

int rl_vp_visible(const rl_viewport *vp, rl_rows *r, rl_pos p, bool *yes)
{
	*yes = false;
	normalize(r, &p);
	if (rl_pos_cmp(p, vp->top) < 0)
		return RL_OK;
	rl_pos bottom = vp->top;
	int rc = rl_pos_step(r, &bottom, (long)vp->height - 1, NULL);
	if (rc == RL_OK)
		*yes = rl_pos_cmp(p, bottom) <= 0;
	return rc;
}

static int frame_push(rl_frame *f, const rl_frame_line *l)
{
	if (f->n == f->cap) {
		size_t c = f->cap ? f->cap * 2 : 64;
		rl_frame_line *v = realloc(f->v, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		f->v = v;
		f->cap = c;
	}
	f->v[f->n++] = *l;
	return RL_OK;
}

int rl_vp_frame(const rl_viewport *vp, rl_rows *r, rl_frame *f)
{
	size_t nb = rl_rows_blocks(r);
	rl_pos p = vp->top;
	int rc = rl_rows_reserve(r, vp->height);

	f->n = 0;
	f->at_end = true;
	if (rc != RL_OK || nb == 0)
		return rc;
	normalize(r, &p);
	while (f->n < vp->height && p.block < nb) {
		const rl_blockrows *br;
		if ((rc = rl_rows_get(r, p.block, &br)) != RL_OK)
			return rc;
		for (; p.line < br->nlines && f->n < vp->height; p.line++) {
			const rl_line *l = &br->lines[p.line];
			rl_frame_line fl = {br, &br->buf.rows[RL_LINE_NOTE(l->side) ? 0 : l->row], p,
			                    l->side};
			if ((rc = frame_push(f, &fl)) != RL_OK)
				return rc;
		}
		if (p.line >= br->nlines) {
			p.block = (uint32_t)rl_rows_next(r, p.block);
			p.line = 0;
		}
	}
	f->at_end = p.block >= nb;
	return RL_OK;
}

void rl_frame_free(rl_frame *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}
