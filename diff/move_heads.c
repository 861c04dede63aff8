/* move_heads.c: short sentences moved word for word, found once on each side: the units of each
 * side indexed by their first ids (split out of move.c, which had grown past 900 lines). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "move_stage.h"
#include "status.h"

/* The units of each side by the hash of their first HEAD_IDS ids, for once(): scanning every
 * unit for each short sentence tried made the stage quadratic (a text of 8,000 short sentences, a
 * fifth moved to other paragraphs: 74 % of the instructions in that scan, 0.06 s; four times the
 * text, 0.63 s). Built on first use, per side; freed when the stage ends. */
#define HEAD_IDS 3

/* (The hash of a unit's first ids, as bytes.) */
static uint32_t head_hash(const uint32_t *ids)
{
	return (uint32_t)rl_hash_bytes((const char *)ids, HEAD_IDS * sizeof *ids);
}

/* Index side s's units of HEAD_IDS tokens or more (a shorter one starts no candidate of that
 * many). */
static int heads_build(heads *hd, int s, const rl_side *sd)
{
	if (hd->v[s])
		return RL_OK;
	if (!(hd->v[s] = malloc(((size_t)sd->nunits + 1) * sizeof *hd->v[s])))
		return RL_ENOMEM;
	uint32_t n = 0;
	for (uint32_t u = 0; u < sd->nunits; u++)
		if (sd->ustart[u + 1] - sd->ustart[u] >= HEAD_IDS)
			hd->v[s][n++] = (uint64_t)head_hash(sd->ids + sd->ustart[u]) << 32 | u;
	qsort(hd->v[s], n, sizeof *hd->v[s], rl_cmp_u64);
	hd->n[s] = n;
	return RL_OK;
}

void rl_mv_heads_free(heads *hd)
{
	for (int s = 0; s < 2; s++) {
		free(hd->v[s]);
		hd->v[s] = NULL;
	}
}

/* Does unit u of sd start with the len ids at ids? */
static bool unit_starts(const rl_side *sd, uint32_t u, const uint32_t *ids, uint32_t len)
{
	uint32_t t = sd->ustart[u];
	return sd->ustart[u + 1] - t >= len && sd->ids[t] == ids[0] &&
	       memcmp(sd->ids + t, ids, len * sizeof *ids) == 0;
}

/* Do the len ids at ids start one unit of side s and no other (*yes)? A line that recurs word
 * for word ("Changed in version 3.2:" over a reference manual) is no passage that moved: which
 * copy went where is a guess. */
static int once(heads *hd, const rl_ctx *c, int s, const uint32_t *ids, uint32_t len, bool *yes)
{
	const rl_side *sd = &c->side[s];
	uint32_t seen = 0;
	int rc = RL_OK;
	if (len < HEAD_IDS) {
		for (uint32_t u = 0; u < sd->nunits && seen < 2; u++)
			seen += unit_starts(sd, u, ids, len);
	} else if ((rc = heads_build(hd, s, sd)) == RL_OK) {
		uint64_t key = (uint64_t)head_hash(ids) << 32;
		const uint64_t *v = hd->v[s];
		size_t lo = 0, hi = hd->n[s];
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (v[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < hd->n[s] && (v[lo] >> 32) == (key >> 32) && seen < 2; lo++)
			seen += unit_starts(sd, (uint32_t)v[lo], ids, len);
	}
	*yes = seen == 1;
	return rc;
}

/* Does a sentence end at hi (tokens before it: a stop . ! ?, then closing marks glued to it)? A
 * label ("Changed in version 3.2:") or a heading is no short sentence moved. */
static bool ends_sentence(const rl_side *sd, uint32_t hi)
{
	uint32_t t = hi - 1;
	for (int k = 0; k < 2 && t > 0 && rl_mv_glued_closer(sd, t); k++)
		t--;
	const rl_token *tk = &sd->tok[t];
	char ch = sd->text[tk->off];
	return tk->cls == RL_TOK_PUNCT && tk->len == 1 && (ch == '.' || ch == '!' || ch == '?');
}

/* Are the two halves of a candidate the same tokens, one for one, ending a sentence, found once
 * on each side (a sentence moved word for word)? Such a short one is verified even where its
 * places stand close (a sentence put before the one it followed): rl_mv_moved_away then weighs it
 * against the exact diff. Not when some tokens are not compared (--ignore-punct): a heading
 * "=== A B-C ===" was then the same as two table cells "! A B" and "! C". */
int rl_mv_same_sentences(const rl_ctx *c, heads *hd, const rl_span *sp, bool *same)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t len = sp->a1 - sp->a0;
	*same = false;
	if (c->opts.key.ignore_punct || len != sp->b1 - sp->b0 || !ends_sentence(sa, sp->a1) ||
	    !ends_sentence(sb, sp->b1))
		return RL_OK;
	if (memcmp(sa->ids + sp->a0, sb->ids + sp->b0, len * sizeof *sa->ids) != 0)
		return RL_OK;
	bool one;
	int rc = once(hd, c, RL_OLD, sa->ids + sp->a0, len, &one);
	if (rc == RL_OK && one)
		rc = once(hd, c, RL_NEW, sa->ids + sp->a0, len, same);
	return rc;
}

/* Is a candidate shorter than a move's RL_MOVE_MIN_WORDS still one: whole units on both sides,
 * every word matched (eq of them) and WHOLE_MIN_CONTENT content words among them? A short
 * sentence moved word for word ("Tickets are sold on board." put before the sentence it
 * followed) was drawn as a deletion and an insertion, and provenance then linked the insertion to
 * its own words as a summary line drawn from them. */
#define WHOLE_MIN_WORDS 3
#define WHOLE_MIN_CONTENT 2
int rl_mv_whole_and_same(const rl_ctx *c, heads *hd, const rl_span *sp, uint32_t eq,
                          uint32_t content, bool *whole)
{
	*whole = false;
	if (eq >= WHOLE_MIN_WORDS && content >= WHOLE_MIN_CONTENT &&
	    eq == rl_words(c, RL_OLD, sp->a0, sp->a1) && eq == rl_words(c, RL_NEW, sp->b0, sp->b1) &&
	    rl_mv_whole_lines(c, sp))
		return rl_mv_same_sentences(c, hd, sp, whole);
	return RL_OK;
}
