/* viewfix.h: a model and view over fixture texts, for tests of the viewer's pure modules. */
#ifndef REDLINE_TEST_VIEWFIX_H
#define REDLINE_TEST_VIEWFIX_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "model.h"
#include "status.h"
#include "view.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

typedef struct vfix {
	char *text[4];
	size_t len[4];
	rl_pair pairs[3];
	rl_model *model;
	rl_view view;
} vfix;

/* Documents given as strings (NULL-terminated list, 2 to 4), compared pairwise, on a view of
 * cols × lines. */
static inline void vfix_texts(vfix *f, const char *const *texts, unsigned cols, unsigned lines,
                              bool markers)
{
	size_t n = 0;
	memset(f, 0, sizeof *f);
	for (; texts[n] && n < 4; n++) {
		f->len[n] = strlen(texts[n]);
		f->text[n] = malloc(f->len[n] + 1);
		memcpy(f->text[n], texts[n], f->len[n] + 1);
	}
	cr_assert_geq(n, 2);
	static const char *const names[] = {"v1", "v2", "v3", "v4"};
	for (size_t i = 0; i + 1 < n; i++)
		for (int s = 0; s < 2; s++)
			f->pairs[i].doc[s] =
			    (rl_doc){.data = f->text[i + s], .len = f->len[i + s], .name = names[i + s]};
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_model_new(&f->model, f->pairs, n - 1, 0, &o, markers), RL_OK);
	cr_assert_eq(rl_view_init(&f->view, f->model, cols, lines), RL_OK);
	cr_assert_eq(rl_view_frame(&f->view), RL_OK);
}

/* The example files. */
static inline void vfix_files(vfix *f, const char *const *files, unsigned cols, unsigned lines)
{
	const char *texts[5] = {NULL};
	char *owned[4] = {NULL};
	for (size_t i = 0; files[i] && i < 4; i++)
		texts[i] = owned[i] = fixture_read(files[i], NULL);
	vfix_texts(f, texts, cols, lines, false);
	for (size_t i = 0; i < 4; i++)
		free(owned[i]);
}

static inline void vfix_free(vfix *f)
{
	rl_view_release(&f->view);
	rl_model_free(f->model);
	for (size_t i = 0; i < 4; i++)
		free(f->text[i]);
}

/* The text of one side of a frame line (TEXT runs joined by single spaces), into buf. */
static inline const char *vfix_line(const vfix *f, size_t y, int side, char *buf, size_t n)
{
	const rl_frame_line *fl = &f->view.frame.v[y];
	size_t len, k = 0;
	const char *text = rl_model_text(f->model, side, &len);
	buf[0] = '\0';
	if (!rl_line_shows(&(rl_line){0, fl->side}, side))
		return buf;
	for (uint16_t i = 0; i < fl->row->nrun[side]; i++) {
		const rl_run *run = &fl->br->buf.runs[fl->row->run[side] + i];
		const char *s = run->type == RL_RUN_TEXT ? text + run->off : " ";
		size_t m = run->type == RL_RUN_TEXT ? run->len : run->type == RL_RUN_SPACE ? 1 : 0;
		if (k + m + 1 >= n)
			break;
		memcpy(buf + k, s, m);
		k += m;
	}
	buf[k] = '\0';
	return buf;
}

/* Act and refresh the frame, as the loop does. */
static inline void vfix_act(vfix *f, rl_action a)
{
	cr_assert_eq(rl_view_act(&f->view, a), RL_OK);
	cr_assert_eq(rl_view_frame(&f->view), RL_OK);
}

#endif
