/* skip.c: OLD's paragraphs, for NEW's tokenizer to copy the ones it finds again (skip.h). */
#include "skip.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "bytes.h"
#include "status.h"

/* Lines shorter than this are left to the tokenizer: a lookup would cost about as much. */
#define MIN_BYTES 8

typedef struct para {
	uint64_t hash;      /* of its bytes */
	uint32_t off, len;  /* bytes of OLD */
	uint32_t line;      /* OLD's line (token_types.h) */
	uint32_t next;      /* next line in the same bucket, or UINT32_MAX */
	int follow;         /* FOLLOW_* after it */
	bool solo;          /* holds RL_TF_SOLO words, and only a whole line may be copied */
} para;

struct rl_paras {
	const char *text;
	para *v;
	size_t n;
	uint32_t *bucket;   /* first line of each bucket, or UINT32_MAX */
	size_t mask;
	/* A bit for each line's hash (FILTER_BITS a line): most of NEW's lines, on a text much
	 * edited, are in no bucket, and the bucket and its line are two reads out of the cache
	 * each (2 MB and 5 MB on 10 MB of text: that cost more than tokenizing those lines). The
	 * filter is 2 bytes a line, read in the cache, and tells 15 of 16 of them at once. */
	uint64_t *filter;
	size_t fmask;       /* its bits less one, a power of two less one */
};

#define FILTER_BITS 16

/* The filter bit of hash h: bits the bucket does not use (the low ones choose it). */
static inline size_t filter_bit(const rl_paras *p, uint64_t h)
{
	return (size_t)(h >> 24) & p->fmask;
}

/* What follows a line at `end`, as the scan of its last token sees it (it peeks at the grapheme
 * after a word: its ASCII flag depends on whether that grapheme is one ASCII byte). FOLLOW_ONE: the
 * end of the text or one ASCII whitespace byte that is a grapheme of its own; FOLLOW_CRLF: a CR LF
 * pair; FOLLOW_NONE: anything else (a space that a combining mark may join, other whitespace),
 * which is left to the tokenizer. A line is copied only where both texts have the same. */
enum { FOLLOW_NONE, FOLLOW_ONE, FOLLOW_CRLF };

static int follower(const char *text, size_t n, size_t end)
{
	if (end == n)
		return FOLLOW_ONE;
	if (!rl_ascii_space(text[end]))
		return FOLLOW_NONE;
	size_t k = text[end] == '\r' && end + 1 < n && text[end + 1] == '\n' ? 2 : 1;
	if (end + k < n && (unsigned char)text[end + k] >= 0x80)
		return FOLLOW_NONE;
	return k == 2 ? FOLLOW_CRLF : FOLLOW_ONE;
}

/* Is text[at..end) a whole line of text[0..n), but for ASCII whitespace at its ends? */
static bool whole_line(const char *text, size_t n, size_t at, size_t end)
{
	while (at > 0 && text[at - 1] != '\n')
		if (!rl_ascii_space(text[--at]))
			return false;
	for (; end < n && text[end] != '\n'; end++)
		if (!rl_ascii_space(text[end]))
			return false;
	return true;
}

/* Add OLD's line v[t0..t1), of hash h, to the index when it may be copied. */
static int para_add(rl_paras *p, size_t *cap, const rl_token *v, size_t t0, size_t t1,
                    const char *text, size_t len, uint64_t h, size_t line, bool solo)
{
	size_t off = v[t0].off, end = (size_t)v[t1 - 1].off + v[t1 - 1].len;
	/* Followed by ASCII whitespace or the end: NEW's copy must end its last token where OLD's
	 * did, and a form feed or a paragraph separator is left to the tokenizer. */
	if (end - off < MIN_BYTES)
		return RL_OK;
	int follow = follower(text, len, end);
	if (follow == FOLLOW_NONE)
		return RL_OK;
	if (solo && !whole_line(text, len, off, end))
		return RL_OK;
	if (p->n == *cap) {
		size_t c = *cap ? *cap * 2 : 256;
		para *q = rl_big_realloc(p->v, c * sizeof *q);
		if (!q)
			return RL_ENOMEM;
		p->v = q, *cap = c;
	}
	p->v[p->n++] = (para){h, (uint32_t)off, (uint32_t)(end - off), (uint32_t)line, UINT32_MAX,
	                      follow, solo};
	return RL_OK;
}

int rl_paras_new(rl_paras **out, const rl_token *v, size_t n, const char *text, size_t len,
                 const rl_tokline *l, size_t nl, bool solo_lines)
{
	rl_paras *p = calloc(1, sizeof *p);
	size_t cap = 0;

	if (!p)
		return RL_ENOMEM;
	p->text = text;
	/* Room for every line at once: doubled from small, the array was copied into fresh pages at
	 * each step (2,900 more page faults on the 10 MB pair). */
	if (nl && !(p->v = rl_big_realloc(NULL, nl * sizeof *p->v))) {
		free(p);
		return RL_ENOMEM;
	}
	cap = nl;
	/* OLD's lines as the tokenizer found and hashed them; their tokens' flags (their RL_TF_SOLO
	 * words) read only when some may hold one. */
	for (size_t k = 0; k < nl; k++) {
		size_t t0 = l[k].t0, t1 = k + 1 < nl ? l[k + 1].t0 : n;
		bool solo = false;
		for (size_t t = t0; solo_lines && t < t1 && !solo; t++)
			solo = v[t].flags & RL_TF_SOLO;
		if (para_add(p, &cap, v, t0, t1, text, len, l[k].h, k, solo) != RL_OK) {
			rl_paras_free(p);
			return RL_ENOMEM;
		}
	}
	size_t nb = 16;
	while (nb < 2 * p->n)
		nb *= 2;
	p->bucket = rl_big_realloc(NULL, nb * sizeof *p->bucket);
	if (!p->bucket) {
		rl_paras_free(p);
		return RL_ENOMEM;
	}
	p->mask = nb - 1;
	memset(p->bucket, 0xff, nb * sizeof *p->bucket);
	size_t fb = 64;
	while (fb < FILTER_BITS * p->n)
		fb *= 2;
	p->filter = calloc(fb / 64, sizeof *p->filter);
	if (!p->filter) {
		rl_paras_free(p);
		return RL_ENOMEM;
	}
	p->fmask = fb - 1;
	/* In order, each at the head of its bucket: of two equal lines the later is found first. */
	for (size_t k = 0; k < p->n; k++) {
		uint32_t *b = &p->bucket[p->v[k].hash & p->mask];
		p->v[k].next = *b;
		*b = (uint32_t)k;
		size_t f = filter_bit(p, p->v[k].hash);
		p->filter[f / 64] |= (uint64_t)1 << (f % 64);
	}
	*out = p;
	return RL_OK;
}

void rl_paras_free(rl_paras *p)
{
	if (!p)
		return;
	free(p->v);
	free(p->bucket);
	free(p->filter);
	free(p);
}

bool rl_paras_find(const rl_paras *p, const char *text, size_t n, size_t at, size_t *line,
                   size_t *len)
{
	/* The line that starts here, its trailing whitespace left out. */
	const char *nl = memchr(text + at, '\n', n - at);
	size_t end = nl ? (size_t)(nl - text) : n;
	while (end > at && rl_ascii_space(text[end - 1]))
		end--;
	int follow = follower(text, n, end);
	if (end - at < MIN_BYTES || follow == FOLLOW_NONE)
		return false;
	uint64_t h = rl_hash_bytes(text + at, end - at);
	size_t f = filter_bit(p, h);
	if (!(p->filter[f / 64] >> (f % 64) & 1))
		return false;
	for (uint32_t k = p->bucket[h & p->mask]; k != UINT32_MAX; k = p->v[k].next) {
		const para *q = &p->v[k];
		if (q->hash != h || q->len != end - at || q->follow != follow ||
		    memcmp(text + at, p->text + q->off, q->len) != 0 ||
		    (q->solo && !whole_line(text, n, at, end)))
			continue;
		*line = q->line, *len = q->len;
		return true;
	}
	return false;
}
