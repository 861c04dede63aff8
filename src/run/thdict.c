/* thdict.c: libthai's dictionary read in place, and maximal matching over it (thdict.h). */
#include "thdict.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ the file
 * alphabet: 0xD9FCD9FC, n, then n ranges (first, last code point);
 * double array: 0xDAFCDAFC, cells (counting this header as cell 0), then cells 1... as (base,
 * check); a cell whose base is negative ends the branch: -base is a tail block;
 * tail: 0xDFFCDFFC, first free block, blocks, then each block as (next free, data, int16 length,
 * the suffix's bytes). Trie characters number the alphabet from 1 (0 ends a word). */

#define SIG_ALPHA 0xD9FCD9FCu
#define SIG_CELLS 0xDAFCDAFCu
#define SIG_TAIL 0xDFFCDFFCu
#define ROOT 2                      /* the root cell */
#define FILE_MAX ((size_t)64 << 20) /* a larger dictionary is refused (libthai's is 588 KB) */

typedef struct suffix {
	uint32_t off;  /* of its bytes in the file */
	uint32_t len;
} suffix;

struct rl_thdict {
	unsigned char *own;           /* the file's bytes, when read here */
	size_t own_size;
	bool mapped;                  /* own and this block mapped (rl_thdict_read), else malloc */
	size_t size;                  /* of this block */
	const unsigned char *cells;   /* cell 0 of the double array, 8 bytes a cell */
	int32_t ncells;
	const unsigned char *bytes;   /* the file */
	suffix *tails;                /* tail block i + 1 */
	int32_t ntails;
	int16_t tc[256];              /* the trie character of each TIS-620 byte, -1: none */
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int32_t sbe32(const unsigned char *p)
{
	uint32_t u = be32(p);
	return u <= INT32_MAX ? (int32_t)u : (int32_t)(u - 0x80000000u) + INT32_MIN;
}

/* TIS-620, the code libthai breaks in, and Unicode. */
#define TIS_ERR 0xFF

static unsigned char uni2tis(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return (unsigned char)cp;
	if ((cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E3F && cp <= 0x0E5B))
		return (unsigned char)(cp - 0x0E00 + 0xA0);
	return TIS_ERR;
}

static int32_t tis2uni(unsigned char c)
{
	if (c < 0x80)
		return c;
	if ((c >= 0xA1 && c <= 0xDA) || (c >= 0xDF && c <= 0xFB))
		return c - 0xA0 + 0x0E00;
	return -1;
}

typedef struct range {
	uint32_t first, last;
} range;

#define RANGES_MAX 256  /* alphabet ranges at most (libthai's dictionary has one) */

static void say(char *why, size_t why_len, const char *what)
{
	if (why_len)
		snprintf(why, why_len, "%s", what);
}

/* The alphabet's ranges from the file, as a set (sorted, overlapping and touching ones joined),
 * give every TIS-620 byte its trie character: its rank in the alphabet from 1, on 8 bits. */
static void read_alphabet(int16_t tc[256], const unsigned char *p, uint32_t nranges)
{
	range r[RANGES_MAX];
	size_t n = 0;
	for (uint32_t i = 0; i < nranges; i++) {
		range x = {be32(p + 8 * (size_t)i), be32(p + 8 * (size_t)i + 4)};
		if (x.first > x.last)
			continue;
		size_t j = n++;  /* insertion sort: a few ranges */
		for (; j > 0 && r[j - 1].first > x.first; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && (uint64_t)r[i].first <= (uint64_t)r[m - 1].last + 1) {
			if (r[i].last > r[m - 1].last)
				r[m - 1].last = r[i].last;
		} else {
			r[m++] = r[i];
		}
	}
	for (int c = 0; c < 256; c++) {
		int32_t u = tis2uni((unsigned char)c);
		tc[c] = -1;
		if (u <= 0)
			continue;
		uint64_t rank = 0;
		for (size_t i = 0; i < m; i++) {
			if ((uint32_t)u > r[i].last) {
				rank += (uint64_t)r[i].last - r[i].first + 1;
			} else {
				if ((uint32_t)u >= r[i].first)
					tc[c] = (int16_t)((rank + ((uint32_t)u - r[i].first) + 1) & 0xFF);
				break;
			}
		}
	}
}

/* The dictionary's own memory (the structure and the index of suffixes) in one block: from
 * malloc, or for a dictionary read from its file (kept until the process ends) mapped apart, out
 * of the heap the program's comparisons use. */
static void *block_new(size_t n, bool mapped)
{
	if (!mapped)
		return malloc(n);
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static void block_free(void *p, size_t n, bool mapped)
{
	if (!p)
		return;
	if (mapped)
		munmap(p, n);
	else
		free(p);
}

/* Parse b[0..n): RL_THDICT_OK with *out, or the reason in why. */
static int parse(rl_thdict **out, const unsigned char *b, size_t n, bool mapped, char *why,
                 size_t why_len)
{
	const char *bad = NULL;
	*out = NULL;
	if (n > FILE_MAX) {
		bad = "too large";
		goto fail;
	}
	/* The alphabet. */
	if (n < 8 || be32(b) != SIG_ALPHA) {
		bad = "not a libdatrie trie (no alphabet)";
		goto fail;
	}
	uint32_t nranges = be32(b + 4);
	if (nranges > (n - 8) / 8) {
		bad = "truncated in its alphabet";
		goto fail;
	}
	if (nranges > RANGES_MAX) {
		bad = "corrupt (too many alphabet ranges)";
		goto fail;
	}
	size_t at = 8 + 8 * (size_t)nranges;
	/* The double array. */
	if (n - at < 8 || be32(b + at) != SIG_CELLS) {
		bad = n - at < 8 ? "truncated after its alphabet"
		                 : "corrupt (no double array after the alphabet)";
		goto fail;
	}
	int32_t ncells = sbe32(b + at + 4);
	if (ncells <= ROOT) {
		bad = "corrupt (too few cells)";
		goto fail;
	}
	if ((size_t)ncells > (n - at) / 8) {
		bad = "truncated in its double array";
		goto fail;
	}
	size_t cells_at = at;
	at += 8 * (size_t)ncells;
	/* The tail: an index of its blocks' suffixes. */
	if (n - at < 12 || be32(b + at) != SIG_TAIL) {
		bad = n - at < 12 ? "truncated before its tail" : "corrupt (no tail after the double array)";
		goto fail;
	}
	int32_t ntails = sbe32(b + at + 8);
	at += 12;
	if (ntails < 0 || (size_t)ntails > (n - at) / 10) {
		bad = ntails < 0 ? "corrupt (a negative count of suffixes)" : "truncated in its tail";
		goto fail;
	}
	size_t size = sizeof(rl_thdict) + (size_t)ntails * sizeof(suffix);
	rl_thdict *d = block_new(size, mapped);
	if (!d) {
		say(why, why_len, "out of memory");
		return RL_THDICT_NOMEM;
	}
	*d = (rl_thdict){NULL, 0, mapped, size, b + cells_at, ncells, b, (suffix *)(d + 1), ntails,
	                 {0}};
	read_alphabet(d->tc, b + 8, nranges);
	for (int32_t i = 0; i < ntails; i++) {
		if (n - at < 10) {
			bad = "truncated in its tail";
			break;
		}
		int len = (int)(int16_t)((uint16_t)(b[at + 8] << 8 | b[at + 9]));
		at += 10;
		if (len < 0 || (size_t)len > n - at) {
			bad = len < 0 ? "corrupt (a suffix of negative length)" : "truncated in its tail";
			break;
		}
		d->tails[i] = (suffix){(uint32_t)at, (uint32_t)len};
		at += (size_t)len;
	}
	if (bad) {
		block_free(d, size, mapped);
		goto fail;
	}
	*out = d;
	return RL_THDICT_OK;
fail:
	say(why, why_len, bad);
	return RL_THDICT_BAD;
}

int rl_thdict_parse(rl_thdict **out, const unsigned char *bytes, size_t n, char *why,
                    size_t why_len)
{
	return parse(out, bytes, n, false, why, why_len);
}

int rl_thdict_read(rl_thdict **out, const char *path, char *why, size_t why_len)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		say(why, why_len, strerror(errno));
		return RL_THDICT_BAD;
	}
	struct stat st;
	unsigned char *buf = NULL;
	size_t n = 0, want = 0;
	int rc = RL_THDICT_BAD;
	if (fstat(fd, &st) != 0) {
		say(why, why_len, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		say(why, why_len, S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
		goto out;
	}
	if ((uintmax_t)st.st_size > FILE_MAX) {
		say(why, why_len, "too large");
		goto out;
	}
	/* One read (a few if the system splits it) into memory of its own: a file that shrinks
	 * meanwhile is only shorter (a mapping of the file itself would fault past its new end). */
	want = (size_t)st.st_size;
	buf = block_new(want ? want : 1, true);
	if (!buf) {
		say(why, why_len, "out of memory");
		rc = RL_THDICT_NOMEM;
		goto out;
	}
	while (n < want) {
		ssize_t k = read(fd, buf + n, want - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			say(why, why_len, strerror(errno));
			goto out;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	rc = parse(out, buf, n, true, why, why_len);
	if (rc == RL_THDICT_OK) {
		(*out)->own = buf;
		(*out)->own_size = want ? want : 1;
		buf = NULL;
	}
out:
	block_free(buf, want ? want : 1, true);
	close(fd);
	return rc;
}

void rl_thdict_free(rl_thdict *d)
{
	if (!d)
		return;
	block_free(d->own, d->own_size, d->mapped);
	block_free(d, d->size, d->mapped);
}

/* ------------------------------------------------------------------ walking the trie */

typedef struct tstate {
	int32_t s;   /* a cell, or in a suffix, its tail block */
	int32_t k;   /* in a suffix: the next of its characters */
	bool tail;   /* in a suffix: the rest of the word has no other branch */
} tstate;

static int32_t base_of(const rl_thdict *d, int64_t s)
{
	return s >= 0 && s < d->ncells ? sbe32(d->cells + 8 * (size_t)s) : 0;
}

static int32_t check_of(const rl_thdict *d, int64_t s)
{
	return s >= 0 && s < d->ncells ? sbe32(d->cells + 8 * (size_t)s + 4) : 0;
}

/* Character k of tail block t's suffix (0 at its end), or -1 when there is no block t. */
static int suffix_char(const rl_thdict *d, int32_t t, int32_t k)
{
	if (t < 1 || t > d->ntails)
		return -1;
	const suffix *x = &d->tails[t - 1];
	return (uint32_t)k < x->len ? d->bytes[x->off + (uint32_t)k] : 0;
}

static void trie_root(tstate *t)
{
	*t = (tstate){ROOT, 0, false};
}

/* Walk from t by trie character c (0: the end of a word); false, t unchanged, when no word
 * goes on that way. */
static bool trie_walk(const rl_thdict *d, tstate *t, int c)
{
	if (c < 0)
		return false;
	if (!t->tail) {
		int64_t next = (int64_t)base_of(d, t->s) + c;
		if (next < 0 || next >= d->ncells || check_of(d, next) != t->s)
			return false;
		t->s = (int32_t)next;
		int32_t b = base_of(d, next);
		if (b < 0) {
			t->s = b == INT32_MIN ? 0 : -b;
			t->k = 0;
			t->tail = true;
		}
		return true;
	}
	int sc = suffix_char(d, t->s, t->k);
	if (sc < 0 || sc != c)
		return false;
	if (sc)
		t->k++;
	return true;
}

/* A word of the dictionary ends at t. */
static bool trie_terminal(const rl_thdict *d, const tstate *t)
{
	if (!t->tail) {
		int64_t next = base_of(d, t->s);
		return next >= 0 && next < d->ncells && check_of(d, next) == t->s;
	}
	return suffix_char(d, t->s, t->k) == 0;
}

int rl_thdict_has_word(const rl_thdict *d, const int32_t *cp, size_t n)
{
	tstate t;
	trie_root(&t);
	for (size_t i = 0; i < n; i++)
		if (!trie_walk(d, &t, d->tc[uni2tis(cp[i])]))
			return 0;
	return n > 0 && trie_terminal(d, &t);
}

/* ------------------------------------------------------------------ maximal matching
 * libthai's algorithm: shots walk the dictionary from the text's start, each with the breaks it
 * made so far; at a word's end that a longer word could continue, the shot splits in two. The
 * shot that has gone least far walks next; shots whose last break falls at the same place keep
 * only the better (less text outside the dictionary, then fewer words). A shot stuck on an unknown
 * word skips to where three dictionary words follow (a penalty of the text skipped). The pool is
 * a list in libthai's order (a new shot first), since ties are broken by that order. */

typedef struct shot {
	tstate st;
	int str_pos;   /* how far it has walked */
	int penalty;   /* characters outside dictionary words */
	int *brk;      /* its breaks */
	int nbrk, cap;
	int next;      /* the next shot of its list, -1: none */
} shot;

typedef struct env {
	const rl_thdict *d;
	shot *v;       /* every shot made; the unused ones in the list from free */
	int n, cap, free;
	bool nomem;
} env;

#define S(i) (e->v[i])

static bool push_brk(env *e, int i, int at)
{
	if (S(i).nbrk == S(i).cap) {
		int c = S(i).cap ? S(i).cap * 2 : 8;
		int *b = realloc(S(i).brk, (size_t)c * sizeof *b);
		if (!b) {
			e->nomem = true;
			return false;
		}
		S(i).brk = b;
		S(i).cap = c;
	}
	S(i).brk[S(i).nbrk++] = at;
	return true;
}

/* A new shot, a copy of shot src (or of the root when src < 0); -1 when out of memory. */
static int shot_new(env *e, int src)
{
	int i;
	if (e->free >= 0) {
		i = e->free;
		e->free = S(i).next;
	} else {
		if (e->n == e->cap) {
			int c = e->cap ? e->cap * 2 : 16;
			shot *v = realloc(e->v, (size_t)c * sizeof *v);
			if (!v) {
				e->nomem = true;
				return -1;
			}
			e->v = v;
			e->cap = c;
		}
		i = e->n++;
		S(i).brk = NULL;
		S(i).cap = 0;
	}
	S(i).next = -1;
	S(i).nbrk = 0;
	if (src < 0) {
		trie_root(&S(i).st);
		S(i).str_pos = S(i).penalty = 0;
		return i;
	}
	S(i).st = S(src).st;
	S(i).str_pos = S(src).str_pos;
	S(i).penalty = S(src).penalty;
	if (S(src).nbrk > S(i).cap) {
		int *b = realloc(S(i).brk, (size_t)S(src).cap * sizeof *b);
		if (!b) {
			S(i).next = e->free;
			e->free = i;
			e->nomem = true;
			return -1;
		}
		S(i).brk = b;
		S(i).cap = S(src).cap;
	}
	if (S(src).nbrk)
		memcpy(S(i).brk, S(src).brk, (size_t)S(src).nbrk * sizeof *S(i).brk);
	S(i).nbrk = S(src).nbrk;
	return i;
}

static int last_brk(const env *e, int i)
{
	return e->v[i].brk[e->v[i].nbrk - 1];
}

/* The shot that has gone least far: the first with no break, or the first whose last break is
 * the lowest. */
static int pool_next(const env *e, int head)
{
	int chosen = -1, min = INT_MAX;
	for (int p = head; p >= 0; p = e->v[p].next) {
		if (e->v[p].nbrk == 0)
			return p;
		if (last_brk(e, p) < min) {
			min = last_brk(e, p);
			chosen = p;
		}
	}
	return chosen;
}

/* From p on, the first shot other than node whose last break is node's. */
static int pool_match(const env *e, int p, int node)
{
	const shot *x = &e->v[node];
	for (; p >= 0; p = e->v[p].next) {
		if (p == node)
			continue;
		if (x->nbrk == 0 ? e->v[p].nbrk == 0
		                 : e->v[p].nbrk > 0 && last_brk(e, p) == last_brk(e, node))
			return p;
	}
	return -1;
}

static int pool_delete(env *e, int head, int node)
{
	if (head == node) {
		head = S(node).next;
	} else {
		int p = head;
		while (p >= 0 && S(p).next != node)
			p = S(p).next;
		if (p >= 0)
			S(p).next = S(node).next;
	}
	S(node).next = e->free;
	e->free = node;
	return head;
}

static void pool_free(env *e, int head)
{
	while (head >= 0)
		head = pool_delete(e, head, head);
}

/* Where a word may begin in the TIS-620 text s[0..len) (libthai's rules of Thai spelling: not
 * inside a consonant cluster, a vowel's pieces or before a cancelled consonant). */
enum {
	KO_KAI = 0xA1, RU = 0xC4, LU = 0xC6, WO_WAEN = 0xC7, O_ANG = 0xCD, SARA_A = 0xD0,
	MAI_HAN_AKAT = 0xD1, SARA_AA = 0xD2, SARA_UEE = 0xD7, SARA_E = 0xE0, SARA_AE = 0xE1,
	MAITAIKHU = 0xE7, THANTHAKHAT = 0xEC
};

static bool is_cons(unsigned char c)
{
	return c >= 0xA1 && c <= 0xCE && c != RU && c != LU;
}

static bool is_ldvowel(unsigned char c)
{
	return c >= 0xE0 && c <= 0xE4;
}

static bool is_upvowel(unsigned char c)
{
	return c == 0xD1 || (c >= 0xD4 && c <= 0xD7);
}

static bool is_tone(unsigned char c)
{
	return c >= 0xE8 && c <= 0xEB;
}

static void word_starts(const unsigned char *s, int len, char *h)
{
	memset(h, 0, (size_t)len);
	for (int i = 0; i < len;) {
		unsigned char c = s[i];
		if (is_cons(c)) {
			if (i + 1 < len && s[i + 1] == THANTHAKHAT) {
				i += 2;
			} else if (i + 2 < len && s[i + 2] == THANTHAKHAT) {
				i += 3;
			} else if (i + 2 < len && c != KO_KAI && s[i + 1] == MAITAIKHU &&
			           (s[i + 2] == O_ANG || s[i + 2] == WO_WAEN)) {
				h[i] = 1;
				i += 4;
			} else if ((i > 0 && (s[i - 1] == MAI_HAN_AKAT || s[i - 1] == SARA_UEE)) ||
			           (i > 1 && is_tone(s[i - 1]) &&
			            (s[i - 2] == MAI_HAN_AKAT || s[i - 2] == SARA_UEE))) {
				i++;
			} else {
				h[i++] = 1;
			}
		} else if (c == SARA_E || c == SARA_AE) {
			h[i] = 1;
			i += 2;
			if (i >= len)
				break;
			if (s[i] == MAITAIKHU) {
				i += 2;
			} else if (is_upvowel(s[i])) {
				i++;
				if (i < len && is_tone(s[i]))
					i++;
				i++;
			} else if (i + 2 < len &&
			           ((s[i + 1] == SARA_AA && s[i + 2] == SARA_A) ||
			            (s[i] != KO_KAI && s[i + 1] == MAITAIKHU && s[i + 2] != O_ANG &&
			             s[i + 2] != WO_WAEN))) {
				i += 3;
			}
		} else if (is_ldvowel(c)) {
			h[i] = 1;
			i += 2;
		} else if (c == RU || c == LU) {
			h[i++] = 1;
		} else {
			i++;
		}
	}
}

/* A copy of shot sh put at the head of the pool (the original walks on to a longer word, the copy
 * takes the break where sh stands); the copy, or -1 when out of memory. */
static int fork_shot(env *e, int *pool, int sh)
{
	int node = shot_new(e, sh);
	if (node < 0)
		return -1;
	S(node).next = *pool;
	*pool = node;
	return node;
}

/* The trie character of s[i]. */
#define TC(i) (e->d->tc[s[i]])

/* From s[0..len): how many words (at most want) the dictionary finds in a row, with *last the
 * end of the last; -1 when out of memory. */
static int recover_try(env *e, const unsigned char *s, int len, const char *h, int want,
                       int *last)
{
	int pool = shot_new(e, -1), node, ret = 0;
	if (pool < 0)
		return -1;
	while ((node = pool_next(e, pool)) >= 0) {
		int sh = node;
		for (;;) {
			bool keep = true, terminal = false;
			do {
				if (!trie_walk(e->d, &S(sh).st, TC(S(sh).str_pos++))) {
					keep = false;
					break;
				}
				terminal = trie_terminal(e->d, &S(sh).st);
				if (S(sh).str_pos >= len) {
					keep = terminal;
					break;
				}
			} while (!(terminal && h[S(sh).str_pos]));
			if (!keep) {
				pool = pool_delete(e, pool, node);
				break;
			}
			if (S(sh).str_pos < len && !S(sh).st.tail) {
				/* a longer word may go on: the copy takes the break */
				if ((node = fork_shot(e, &pool, sh)) < 0)
					goto done;
				sh = node;
			}
			trie_root(&S(sh).st);
			if (!push_brk(e, sh, S(sh).str_pos))
				goto done;
			if (S(sh).str_pos == len || S(sh).nbrk == want) {
				if (S(sh).nbrk > ret) {
					ret = S(sh).nbrk;
					*last = last_brk(e, sh);
				}
				pool = pool_delete(e, pool, node);
				if (ret == want)
					goto done;
				break;
			}
			for (int p = pool, m; (m = pool_match(e, p, node)) >= 0;) {
				p = S(m).next;
				pool = pool_delete(e, pool, m);
			}
		}
	}
done:
	pool_free(e, pool);
	return e->nomem ? -1 : ret;
}

#define RECOVERED_WORDS 3

typedef struct recov_hist {
	int pos, recov;
} recov_hist;

/* Past an unknown word that starts before pos: where three dictionary words in a row start, or
 * -1 (-2 when out of memory). */
static int recover(env *e, const unsigned char *s, int len, int pos, const char *h,
                   recov_hist *rh)
{
	int last = 0;
	while (pos < len && !h[pos])
		pos++;
	if (rh->pos == pos)
		return rh->recov;
	for (int p = pos; p < len; p++) {
		if (!h[p])
			continue;
		int n = recover_try(e, s + p, len - p, h + p, RECOVERED_WORDS, &last);
		if (n < 0)
			return -2;
		/* libthai tests the end of the text at last from the chunk's start, not from p: only
		 * three words in a row count, as p > 0 here. */
		if (n == RECOVERED_WORDS || (n > 0 && last == len)) {
			rh->pos = pos;
			rh->recov = p;
			return p;
		}
	}
	return -1;
}

typedef struct best {
	int *brk;
	int nbrk, str_pos, penalty;
} best;

static void contest(env *e, best *b, int i)
{
	const shot *x = &S(i);
	if (x->str_pos > b->str_pos ||
	    (x->str_pos == b->str_pos &&
	     (x->penalty < b->penalty || (x->penalty == b->penalty && x->nbrk <= b->nbrk)))) {
		if (x->nbrk)
			memcpy(b->brk, x->brk, (size_t)x->nbrk * sizeof *b->brk);
		b->nbrk = x->nbrk;
		b->str_pos = x->str_pos;
		b->penalty = x->penalty;
	}
}

/* The breaks of the Thai chunk s[0..len) into pos (at most n; the last may be len); how many,
 * or -1 when out of memory. */
static int maximal(env *e, const unsigned char *s, int len, int *pos, int n)
{
	char *h = malloc((size_t)len);
	best b = {malloc((size_t)n * sizeof(int)), 0, 0, 0};
	int pool = -1, node, ret = -1;
	if (!h || !b.brk)
		goto out;
	word_starts(s, len, h);
	recov_hist rh = {-1, -1};
	if ((pool = shot_new(e, -1)) < 0)
		goto out;
	while ((node = pool_next(e, pool)) >= 0) {
		int sh = node, str_pos = S(sh).str_pos;
		bool keep = true, terminal = false, recovered = false;
		do {
			if (!trie_walk(e->d, &S(sh).st, TC(str_pos++))) {
				terminal = false;
				int r = recover(e, s, len, S(sh).str_pos + 1, h, &rh);
				if (r == -2)
					goto out;
				int since = S(sh).nbrk ? last_brk(e, sh) : 0;
				if (r != -1) {
					S(sh).penalty += r - since;
					str_pos = r;
					recovered = true;
				} else {
					S(sh).penalty += len - since;
					if (!push_brk(e, sh, len))
						goto out;
					str_pos = len;
					keep = false;
				}
				break;
			}
			terminal = trie_terminal(e->d, &S(sh).st);
			if (str_pos >= len) {
				if (!terminal) {
					S(sh).penalty += len - (S(sh).nbrk ? last_brk(e, sh) : 0);
					if (!push_brk(e, sh, len))
						goto out;
					keep = false;
				}
				break;
			}
		} while (!(terminal && h[str_pos]));
		S(sh).str_pos = str_pos;

		if (keep && (terminal || recovered)) {
			if (S(sh).str_pos < len && terminal && !S(sh).st.tail) {
				/* a longer word may go on: the copy takes the break */
				if ((node = fork_shot(e, &pool, sh)) < 0)
					goto out;
				sh = node;
			}
			trie_root(&S(sh).st);
			if (!push_brk(e, sh, S(sh).str_pos))
				goto out;
		}
		if (!keep || S(sh).str_pos == len || S(sh).nbrk >= n) {
			contest(e, &b, sh);
			pool = pool_delete(e, pool, node);
			continue;
		}
		for (int p = pool, m; (m = pool_match(e, p, node)) >= 0;) {
			int next = S(m).next, del;
			if (S(m).penalty < S(node).penalty ||
			    (S(m).penalty == S(node).penalty && S(m).nbrk < S(node).nbrk)) {
				del = node;
				if (next == node)
					next = S(node).next;
				node = m;
			} else {
				del = m;
			}
			pool = pool_delete(e, pool, del);
			p = next;
		}
	}
	if (b.nbrk)
		memcpy(pos, b.brk, (size_t)b.nbrk * sizeof *pos);
	ret = b.nbrk;
out:
	pool_free(e, pool);
	free(h);
	free(b.brk);
	return e->nomem ? -1 : ret;
}

/* ------------------------------------------------------------------ around the Thai chunks
 * libthai's line-break classes of TIS-620 characters and the break allowed between two classes
 * (after Unicode's line breaking: A allowed, I only after a space, P prohibited). */

enum {
	C_THAI, C_ALPHA, C_NUM, C_NBB, C_NBA, C_NB, C_MB, C_SPACE, C_QUOTE, C_HYPHEN, C_CLOSE,
	C_NUM_NBB, C_NUM_CUR, C_NUM_NB, C_TERM
};

static int char_class(unsigned char c)
{
	if (c >= 0xA1 && c <= 0xEE)
		return (c == 0xCF || (c >= 0xDB && c <= 0xDE) || c == 0xE6) ? C_NBB
		       : c == 0xDF                                           ? C_NUM_CUR
		                                                             : C_THAI;
	if (c >= 0xF0 && c <= 0xF9)
		return C_NUM;
	if (c == 0xFA || c == 0xFB)
		return C_TERM;
	if (c == 0xEF)
		return C_ALPHA;
	if (c == 0xA0)
		return C_NB;
	if (c >= 0x7F)
		return C_NBB;
	if (c == '\t' || c == ' ' || c == '|')
		return C_SPACE;
	if (c >= 0x0A && c <= 0x0D)
		return C_MB;
	if (c < 0x20)
		return C_NBB;
	if (c >= '0' && c <= '9')
		return C_NUM;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return C_ALPHA;
	switch (c) {
	case '!': case '/': case '?':
		return C_NBB;
	case '"': case '#': case '\'':
		return C_QUOTE;
	case '$': case '+': case '\\':
		return C_NUM_CUR;
	case '%':
		return C_NUM_NBB;
	case '(': case '[': case '{':
		return C_NBA;
	case ')': case ']': case '}':
		return C_CLOSE;
	case ',': case '.': case ':': case ';':
		return C_NUM_NB;
	case '-':
		return C_HYPHEN;
	default:  /* & * < = > @ ^ _ ` ~ */
		return C_ALPHA;
	}
}

static const char break_table[15][16] = {
	/* next: THAI ALPHA NUM NBB NBA NB MB SPACE QUOTE HYPHEN CLOSE NUM_NBB NUM_CUR NUM_NB TERM */
	"IAIPAIPPIIPIAPI", /* THAI */
	"AIIPIIPPIIPIIPI", /* ALPHA */
	"AIIPAIPPIIPPPPI", /* NUM */
	"AAAPAIPPIIPPAPI", /* NBB */
	"PPPPPPPPPPPPPPP", /* NBA */
	"IIIPIIPPIIPIIPI", /* NB */
	"AAAAAAAAAAAAAAA", /* MB */
	"AAAPAAPPAAPAAPA", /* SPACE */
	"IIIPIIPPIIPIIPI", /* QUOTE */
	"AAIPAIPPIIPAAPI", /* HYPHEN */
	"AIAPAIPPIIPPPPI", /* CLOSE */
	"AAAPAIPPIAPAAPI", /* NUM_NBB */
	"AIPPPIPPIPPAIPI", /* NUM_CUR */
	"AAIPAIPPIIPAAPI", /* NUM_NB */
	"AAAPAIPPIIPAAPI", /* TERM */
};

#define ACRONYM_FRAG_MAX 3

/* Break the Thai chunk s[chunk..p) into pos[*cur...] (at most max in all), dropping a break at
 * p. Returns false when out of memory. */
static bool break_chunk(env *e, const unsigned char *s, int chunk, int p, int *pos, int max,
                        int *cur)
{
	int k = maximal(e, s + chunk, p - chunk, pos + *cur, max - *cur);
	if (k < 0)
		return false;
	for (int i = 0; i < k; i++)
		pos[*cur + i] += chunk;
	*cur += k;
	if (*cur > 0 && pos[*cur - 1] == p)
		--*cur;
	return true;
}

int rl_thdict_breaks(const rl_thdict *d, const int32_t *cp, size_t n, int *pos, size_t max)
{
	size_t len = 0;
	while (len < n && len < INT_MAX / 4 && cp[len] != 0 && uni2tis(cp[len]) != 0)
		len++;
	if (len == 0 || max == 0)
		return 0;
	int pos_sz = max > INT_MAX ? INT_MAX : (int)max;
	unsigned char *s = malloc(len);
	if (!s)
		return -1;
	for (size_t i = 0; i < len; i++)
		s[i] = uni2tis(cp[i]);

	env ev = {d, NULL, 0, 0, -1, false}, *e = &ev;
	int L = (int)len, p = 0, chunk = 0, acronym_end = 0, cur = 0, rc = -1;
	int prev = char_class(s[0]), eff = prev;
	while (++p < L && cur < pos_sz) {
		int next = char_class(s[p]);
		if (prev == C_THAI || prev == C_ALPHA) {
			if (s[p] == '.' && p - acronym_end <= ACRONYM_FRAG_MAX) {
				/* a full stop after a little Thai or Latin: part of an acronym (ก.พ., a.k.a.) */
				next = prev;
				acronym_end = p + 1;
			} else if (acronym_end > chunk && (next != prev || p - acronym_end > ACRONYM_FRAG_MAX)) {
				/* the acronym ended: the text goes on after its last full stop */
				prev = eff = char_class('.');
				p = chunk = acronym_end;
				next = char_class(s[p]);
			}
			if (prev == C_THAI && next != C_THAI && p > chunk) {
				if (!break_chunk(e, s, chunk, p, pos, pos_sz, &cur))
					goto out;
				if (cur >= pos_sz)
					break;
			}
		}
		if (next != prev)
			chunk = acronym_end = p;
		char op = break_table[eff][next];
		if (op == 'A' && !(s[p] == '\n' && s[p - 1] == '\r'))
			pos[cur++] = p;
		else if (op == 'I' && prev == C_SPACE)
			pos[cur++] = p;
		prev = next;
		if (op == 'A' || next != C_SPACE)
			eff = next;
	}
	if (prev == C_THAI && acronym_end <= chunk && cur < pos_sz &&
	    !break_chunk(e, s, chunk, p, pos, pos_sz, &cur))
		goto out;
	rc = cur;
out:
	for (int i = 0; i < ev.n; i++)
		free(ev.v[i].brk);
	free(ev.v);
	free(s);
	return rc;
}
