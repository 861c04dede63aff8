/* window_para.h: what the two ways of finding the windows share (window.c: lines equal byte
 * for byte; window_para.c, which holds the shared parts: blocks equal once whitespace is
 * collapsed). For window.c alone; window.h includes it. */
#ifndef REDLINE_WINDOW_PARA_H
#define REDLINE_WINDOW_PARA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "token.h"

/* Whole paragraphs of context kept in a window on each side of a change. */
#define RL_WINDOW_CONTEXT 2

/* One window: OLD's tokens [a0, a1) and NEW's [b0, b1). */
typedef struct rl_window {
	uint32_t a0, a1, b0, b1;
} rl_window;

#define RL_WIN_NONE UINT32_MAX

/* A pair of units found once on each side: OLD's i, NEW's j (lines or paragraphs; for a moved
 * one handed to the joining of windows, their first tokens). */
typedef struct rl_win_pair {
	uint32_t i, j;
} rl_win_pair;

/* The pairs p[0..np) (in NEW's order; not const: GCC takes a const pointer to memory
 * malloc'd for them as a read of it) that stay in order: the longest run increasing in OLD
 * (patience diff's), marked in keep[k]; prev and tail are scratch of np entries. */
void rl_win_in_order(rl_win_pair *p, uint32_t np, uint32_t *prev, uint32_t *tail,
                     uint8_t *keep);

/* May a window start at unit i of OLD (a) and unit j of NEW (b): both start a paragraph? */
typedef bool (*rl_win_cut)(const void *a, uint32_t i, const void *b, uint32_t j);

/* The kept part [*m0, *m1) of the run of matched units a[i0..i0+len) = b[j0..j0+len) (of na
 * and nb units): after the paragraph of the change before it and RL_WINDOW_CONTEXT more, and
 * before those of the change after it, cut where cut says a window may start. */
void rl_win_core(rl_win_cut cut, const void *a, uint32_t na, const void *b, uint32_t nb,
                 uint32_t i0, uint32_t j0, uint32_t len, uint32_t *m0, uint32_t *m1);

/* Do windows w[0..nw) keep (in their kept stretches, as many tokens on both sides) at least
 * num/den of each text (na and nb tokens)? */
bool rl_win_keeps(const rl_window *w, size_t nw, uint32_t na, uint32_t nb, uint32_t num,
                  uint32_t den);

/* The share of each text the windows of re-wrapped paragraphs must keep (rl_win_keeps): two
 * thirds, where the byte-for-byte lines' must keep half. A window costs about what the whole
 * pipeline costs a token, and a unit of NEW that wants sources sets the sources stage up
 * over all of OLD once more (about 0.57 of the whole comparison on the 1 MB pair re-filled
 * with few edits, stop 37): with sources, windows holding 0.39 of the tokens cost what the
 * whole texts do. That pair's windows held 0.45 (+17.8 % of instructions), GFDL 1.2 -> 1.3
 * wrapped 0.35 and 0.42 (+7.2 %), Sherlock's 0.27, no sources (-41 %). */
#define RL_WIN_PARA_KEEP_NUM 2
#define RL_WIN_PARA_KEEP_DEN 3

/* The windows of two texts by their paragraphs, whitespace collapsed (below), for the
 * texts whose lines the byte-for-byte match leaves mostly apart (re-wrapped): RL_OK with *out
 * (malloc'd, *n windows, each moved paragraph's two places not yet joined) and *mv (malloc'd or
 * NULL, *nmv pairs of first tokens: the paragraphs matched out of order); RL_OK with *out NULL
 * when no paragraph kept differs from its match in its whitespace (the byte-for-byte match said
 * all there is), or when the windows would keep less than RL_WIN_PARA_KEEP_NUM/DEN of each
 * text (then they are not worth running: a rough match says so first, from a few tokens of
 * each block, before the blocks are hashed whole); RL_ENOMEM. */
int rl_windows_paras(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                     size_t *n, rl_win_pair **mv, uint32_t *nmv);

#endif
