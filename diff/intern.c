/* intern.c: the intern table, a key to its id (the keys themselves are intern_key.c's). */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "status.h"

/* The hash table maps a key to its id. A slot holds the high half of the key's hash (the low bits
 * chose the slot), so that most mismatches are told without reading the key. */
typedef struct slot {
	uint32_t tag;
	uint32_t id;  /* RL_ID_NONE: empty */
} slot;

/* Where an id's key lies in the pool. Ids are handed out in order of first sight, so the common
 * words of a text get small ids and their keys sit together at the start of the pool. */
typedef struct keyref {
	uint32_t off, len;
} keyref;

/* A small direct-mapped cache in front of the table: prose repeats a few thousand words, whose
 * entries stay in the processor's cache here, while the table's slots for a large vocabulary
 * are spread over megabytes. A key of at most 16 bytes (nearly every word) is held whole, as two
 * integers (key_word), so that a hit compares integers and reads neither the key nor the table;
 * a longer key is held by its hash and compared with the pool. A power of two of entries, made
 * at the first lookup for the tokens it brings: 2^10 to 2^15, one for 16 tokens. A page touched
 * for the first time costs as much as some 50,000 instructions on a busy machine (doc/
 * performance.md), and a real revision of 60 KB touched every page of the 192 KiB of 2^13
 * entries for some 2 % fewer instructions than with 2^10. Texts of over half a million tokens
 * (3 MB of English) get more: the 10 MB pair (57,000 distinct words) missed the 2^13 entries at
 * one token in ten, each miss some 190 instructions; with 2^15 (1 MiB) its first phase took 4 %
 * fewer instructions (2^14: 2.4 %, 2^16: 5 %, its CPU no lower than 2^15's). */
#define RECENT_BITS_MIN 10
#define RECENT_BITS_MAX 15
#define SHORT_KEY 16

typedef struct recent {
	uint64_t w0, w1;  /* len <= SHORT_KEY: the key's bytes (key_word); longer: its hash, 0 */
	uint32_t len;     /* 0: empty (no key cached is empty) */
	uint32_t id;
} recent;

/* The class of a key no token brought (rl_intern_key), as kcls holds it. */
#define RL_CLS_NONE 0xFF

/* Bytes kept readable past the end of every key in the pool and of the key being built, so that
 * a short key is read with whole loads. */
#define KEY_PAD 16

struct rl_interner {
	rl_keyopts opts;
	slot *slots;
	size_t nslots;       /* a power of two */
	recent *recent;      /* 2^(64 - rshift) entries; NULL until the first lookup */
	unsigned rshift;
	/* Per id (cap_ids of each): its key in the pool; the class of the token that brought it
	 * (rl_interner_cls); the low half of its key's hash (the slot's bits), for grow_slots alone:
	 * freed with the table by rl_interner_seal, so that the stages keep 9 bytes an id, not 16. */
	keyref *keys;
	uint8_t *kcls;
	uint32_t *hlo;
	size_t nids, cap_ids;
	char *pool;
	size_t pool_len, pool_cap;
	char *scratch;       /* the key being built */
	size_t scratch_cap;
	size_t hint[2];      /* stable_text's ranges of the last key built */
	/* Tokens whose key had to be built (not ASCII, case folded, a run of punctuation): their
	 * bytes and class with the id their key got, so that each distinct word's key is built
	 * once (through utf8proc), not at each of its occurrences. */
	struct rawslot *raw; /* nraw_slots entries, a power of two; id RL_ID_NONE: empty */
	size_t nraw_slots, nraw;
	/* Before raw, the last of those tokens of at most SHORT_KEY bytes seen per entry (its
	 * bytes as key_words, len its length and class << 8; 0: empty), made with the first: a
	 * text in Chinese, Thai or Russian is those tokens alone, and raw's hash and compare were
	 * most of its interning. */
	recent *rawrecent;
	char *rpool;         /* the bytes of those tokens */
	size_t rpool_len, rpool_cap;
};

/* A token is remembered by its bytes when it is at most this long (a longer one is keyed anew). */
#define RAW_MAX 64
#define RAW_RECENT_BITS 12
#define RAW_RECENT_SLOTS (1u << RAW_RECENT_BITS)
#define RAW_RECENT_AFTER 256

typedef struct rawslot {
	uint32_t lo, tag;    /* the two halves of the hash of its bytes and class */
	uint32_t id;
	uint32_t off, len;   /* its bytes in rpool */
	uint32_t cls;
} rawslot;

/* x with only its first n bytes (1 <= n <= 8, in memory order) kept, the others zero: one load and
 * one and. */
static const uint64_t first_bytes[9] = {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	0, 0xFF00000000000000ULL, 0xFFFF000000000000ULL, 0xFFFFFF0000000000ULL,
	0xFFFFFFFF00000000ULL, 0xFFFFFFFFFF000000ULL, 0xFFFFFFFFFFFF0000ULL, 0xFFFFFFFFFFFFFF00ULL,
	0xFFFFFFFFFFFFFFFFULL,
#else
	0, 0xFFULL, 0xFFFFULL, 0xFFFFFFULL, 0xFFFFFFFFULL, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
	0xFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL,
#endif
};

static inline uint64_t keep_bytes(uint64_t x, size_t n)
{
	return x & first_bytes[n];
}

/* The first n <= 8 bytes at s as one integer, the other bytes zero, with room bytes readable at s:
 * one load when there are 8 of them. Equal keys of equal length give equal words and unequal ones
 * unequal words; the value depends on the machine's byte order, which only changes where keys
 * sit in the tables, never which id a key gets. */
static inline uint64_t key_word(const char *s, size_t n, size_t room)
{
	uint64_t x = 0;
	if (room < 8) {
		for (size_t i = 0; i < n && i < 8; i++)  /* (n <= 8: said for the compiler) */
			((unsigned char *)&x)[i] = (unsigned char)s[i];
		return x;
	}
	memcpy(&x, s, 8);
	return keep_bytes(x, n);
}

/* A key of n <= SHORT_KEY bytes as two words. */
static inline void key_words(const char *s, size_t n, size_t room, uint64_t *x0, uint64_t *x1)
{
	if (n <= 8) {
		*x0 = key_word(s, n, room);
		*x1 = 0;
	} else {
		*x0 = key_word(s, 8, room);
		*x1 = key_word(s + 8, n - 8, room - 8);
	}
}

/* The final mix of MurmurHash3, so that the low bits (the slot) and the high bits (the tag) both
 * depend on every byte. */
static inline uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* The hash of a key of n <= SHORT_KEY bytes, from its words: what hash_bytes computes. */
static inline uint64_t hash_words(uint64_t x0, uint64_t x1, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n ^ x0;
	if (n <= 8)
		return mix(h);
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 29;
	return mix(h ^ x1);
}

/* The hash of s[0..n), room >= n bytes readable at s: eight bytes at a time, the last 1 to 8 as
 * one word (hash_words for a short key). A byte at a time (FNV) made hashing a tenth of all the
 * work: words are short, and a multiply per byte is a long chain. */
static uint64_t hash_bytes(const char *s, size_t n, size_t room)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, x;
	if (n <= 8)
		return mix(h ^ key_word(s, n, room));
	size_t i = 0;
	for (; n - i > 8; i += 8) {
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	return mix(h ^ key_word(s + i, n - i, room - i));
}

/* The cache entry of a short key: a multiply, its high bits. */
static inline recent *recent_of(const rl_interner *in, uint64_t x0, uint64_t x1, size_t n)
{
	uint64_t k = (x0 ^ (x1 * 0xc2b2ae3d27d4eb4fULL) ^ n) * 0x9E3779B97F4A7C15ULL;
	return &in->recent[k >> in->rshift];
}

static slot *empty_slots(size_t n)
{
	slot *s = malloc(n * sizeof *s);
	if (s)
		for (size_t i = 0; i < n; i++)
			s[i] = (slot){0, RL_ID_NONE};
	return s;
}

int rl_interner_new(rl_interner **out, const rl_keyopts *opts)
{
	rl_interner *in = calloc(1, sizeof *in);
	if (!in)
		return RL_ENOMEM;
	in->opts = *opts;
	in->nslots = 1024;
	in->slots = empty_slots(in->nslots);
	if (!in->slots) {
		rl_interner_free(in);
		return RL_ENOMEM;
	}
	*out = in;
	return RL_OK;
}

void rl_interner_free(rl_interner *in)
{
	if (!in)
		return;
	free(in->slots);
	free(in->recent);
	free(in->keys);
	free(in->kcls);
	free(in->hlo);
	free(in->pool);
	free(in->scratch);
	free(in->raw);
	free(in->rawrecent);
	free(in->rpool);
	free(in);
}

/* The cache, made for the first lookup, which brings about n tokens. Zeroed: an entry of length 0
 * is empty (no token is empty; lookup_words never takes the cache for an empty key). */
static int recent_ready(rl_interner *in, size_t n)
{
	if (in->recent)
		return RL_OK;
	unsigned bits = RECENT_BITS_MIN;
	while (bits < RECENT_BITS_MAX && ((size_t)1 << (bits + 4)) <= n)
		bits++;
	in->recent = calloc((size_t)1 << bits, sizeof *in->recent);
	in->rshift = 64 - bits;
	return in->recent ? RL_OK : RL_ENOMEM;
}

void rl_interner_seal(rl_interner *in)
{
	/* The lookup structures: on a text of distinct words the table alone is 16 to 32 bytes an
	 * id (8 a slot, a power of two of them, at most half full), resident until the end of the
	 * comparison otherwise. */
	free(in->slots);
	free(in->recent);
	free(in->scratch);
	free(in->raw);
	free(in->rawrecent);
	free(in->rpool);
	free(in->hlo);
	in->hlo = NULL, in->rawrecent = NULL;
	in->slots = NULL, in->recent = NULL, in->scratch = NULL, in->raw = NULL, in->rpool = NULL;
	in->nslots = in->nraw_slots = in->nraw = in->scratch_cap = in->rpool_len = in->rpool_cap = 0;
	/* The keys and their pool keep their capacity: what was never written is no resident
	 * memory, and a realloc to shrink them is one more allocation that may fail. */
}

size_t rl_interner_count(const rl_interner *in)
{
	return in->nids;
}

unsigned rl_interner_cls(const rl_interner *in, uint32_t id)
{
	unsigned cls = in->kcls[id];
	return cls == RL_CLS_NONE ? UINT32_MAX : cls;
}

const char *rl_interner_key(const rl_interner *in, uint32_t id, size_t *len)
{
	*len = in->keys[id].len;
	return in->pool + in->keys[id].off;
}

static bool key_is(const rl_interner *in, uint32_t id, const char *key, size_t len)
{
	if (in->keys[id].len != len)
		return false;
	if (len <= SHORT_KEY) {
		/* Two words a side (find's callers give a short key SHORT_KEY readable bytes, and
		 * the pool has KEY_PAD after every key): the byte loop was a seventh of the cost of
		 * a miss in the cache on a large vocabulary, its exit mispredicted once a word. */
		uint64_t k0, k1, x0, x1;
		key_words(in->pool + in->keys[id].off, len, SHORT_KEY, &k0, &k1);
		key_words(key, len, SHORT_KEY, &x0, &x1);
		return k0 == x0 && k1 == x1;
	}
	/* Words are short: a plain loop beats a call to memcmp here. */
	const char *k = in->pool + in->keys[id].off;
	for (size_t i = 0; i < len; i++)
		if (k[i] != key[i])
			return false;
	return true;
}

/* Double the table, placing every id again by its key's hash (its low half kept with the key,
 * the high half in the slot: no key is hashed again, unless the table outgrows 2^32 slots). */
static int grow_slots(rl_interner *in)
{
	size_t n = in->nslots * 2;
	slot *s = empty_slots(n);
	if (!s)
		return RL_ENOMEM;
	for (size_t o = 0; o < in->nslots; o++) {
		uint32_t id = in->slots[o].id;
		if (id == RL_ID_NONE)
			continue;
		keyref k = in->keys[id];
		uint64_t h = (uint64_t)in->slots[o].tag << 32 | in->hlo[id];
		if (n > ((size_t)1 << 32) - 1)
			h = hash_bytes(in->pool + k.off, k.len, in->pool_cap - k.off);
		size_t j = h & (n - 1);
		while (s[j].id != RL_ID_NONE)
			j = (j + 1) & (n - 1);
		s[j] = (slot){(uint32_t)(h >> 32), id};
	}
	free(in->slots);
	in->slots = s;
	in->nslots = n;
	return RL_OK;
}

static int add_key(rl_interner *in, const char *key, size_t len, uint64_t h, uint32_t *id)
{
	if (in->nids == in->cap_ids) {
		size_t c = in->cap_ids ? in->cap_ids * 2 : 1024;
		keyref *k = realloc(in->keys, c * sizeof *k);
		if (k)
			in->keys = k;
		uint8_t *cl = k ? realloc(in->kcls, c) : NULL;
		if (cl)
			in->kcls = cl;
		uint32_t *hl = cl ? realloc(in->hlo, c * sizeof *hl) : NULL;
		if (!hl)
			return RL_ENOMEM;
		in->hlo = hl;
		in->cap_ids = c;
	}
	if (in->pool_len + len + KEY_PAD >= UINT32_MAX || in->nids >= RL_ID_NONE - 1)
		return RL_ETOOBIG;
	if (rl_key_reserve(&in->pool, &in->pool_cap, in->pool_len + len + KEY_PAD) != RL_OK)
		return RL_ENOMEM;
	memcpy(in->pool + in->pool_len, key, len);
	in->keys[in->nids] = (keyref){(uint32_t)in->pool_len, (uint32_t)len};
	in->kcls[in->nids] = RL_CLS_NONE;
	in->hlo[in->nids] = (uint32_t)h;
	in->pool_len += len;
	*id = (uint32_t)in->nids++;
	return RL_OK;
}

/* The id of the key with hash h in the table, adding it when new. A key of at most SHORT_KEY
 * bytes has SHORT_KEY bytes readable at it (key_is). */
static int find(rl_interner *in, uint64_t h, const char *key, size_t len, uint32_t *id)
{
	uint32_t tag = (uint32_t)(h >> 32);
	if ((in->nids + 1) * 2 > in->nslots && grow_slots(in) != RL_OK)
		return RL_ENOMEM;
	size_t j = h & (in->nslots - 1);
	for (;; j = (j + 1) & (in->nslots - 1)) {
		slot *s = &in->slots[j];
		if (s->id == RL_ID_NONE)
			break;
		if (s->tag == tag && key_is(in, s->id, key, len)) {
			*id = s->id;
			return RL_OK;
		}
	}
	int rc = add_key(in, key, len, h, id);
	if (rc == RL_OK)
		in->slots[j] = (slot){tag, *id};
	return rc;
}

/* The id of a short key given as its words (key_words), not found in its cache entry r: from the
 * table, or added. */
static int find_words(rl_interner *in, uint64_t x0, uint64_t x1, size_t n, recent *r, uint32_t *id)
{
	char key[SHORT_KEY];
	memcpy(key, &x0, 8);
	memcpy(key + 8, &x1, 8);
	int rc = find(in, hash_words(x0, x1, n), key, n, id);
	if (rc == RL_OK)
		*r = (recent){x0, x1, (uint32_t)n, *id};
	return rc;
}

/* The id of a short key given as its words (key_words), adding it when new. */
static inline int lookup_words(rl_interner *in, uint64_t x0, uint64_t x1, size_t n, uint32_t *id)
{
	recent *r = recent_of(in, x0, x1, n);
	if (r->w0 == x0 && r->w1 == x1 && r->len == n && n) {
		*id = r->id;
		return RL_OK;
	}
	return find_words(in, x0, x1, n, r, id);
}

/* The id of key[0..len), room >= len bytes readable at key, adding it when new. */
static int lookup(rl_interner *in, const char *key, size_t len, size_t room, uint32_t *id)
{
	if (len <= SHORT_KEY) {
		uint64_t x0, x1;
		key_words(key, len, room, &x0, &x1);
		return lookup_words(in, x0, x1, len, id);
	}
	uint64_t h = hash_bytes(key, len, room);
	recent *r = &in->recent[h >> in->rshift];
	if (r->w0 == h && r->len == len && key_is(in, r->id, key, len)) {
		*id = r->id;
		return RL_OK;
	}
	int rc = find(in, h, key, len, id);
	if (rc == RL_OK)
		*r = (recent){h, 0, (uint32_t)len, *id};
	return rc;
}

/* Double the table of built keys (or make it). */
static int raw_grow(rl_interner *in)
{
	size_t n = in->nraw_slots ? in->nraw_slots * 2 : 1024;
	rawslot *v = malloc(n * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	for (size_t i = 0; i < n; i++)
		v[i].id = RL_ID_NONE;
	for (size_t i = 0; i < in->nraw_slots; i++) {
		if (in->raw[i].id == RL_ID_NONE)
			continue;
		size_t j = in->raw[i].lo & (n - 1);
		while (v[j].id != RL_ID_NONE)
			j = (j + 1) & (n - 1);
		v[j] = in->raw[i];
	}
	free(in->raw);
	in->raw = v;
	in->nraw_slots = n;
	return RL_OK;
}

/* The id of a token whose key must be built (rl_key), room >= n bytes readable at s: a token that
 * is not ASCII is looked up by its bytes and class first, its key built only the first time. The
 * key depends on nothing else (the options are the interner's), so the id is the one building the
 * key would give. */
static int keyed_raw(rl_interner *in, const char *s, size_t n, size_t room, unsigned cls,
                     bool ascii, uint32_t *id)
{
	rawslot *r = NULL;
	uint64_t h = 0;
	if (!ascii && n <= RAW_MAX) {  /* an ASCII key is a copy: cheaper built than looked up */
		if ((in->nraw + 1) * 2 > in->nraw_slots && raw_grow(in) != RL_OK)
			return RL_ENOMEM;
		h = hash_bytes(s, n, room) ^ ((uint64_t)(cls + 1) * 0xc2b2ae3d27d4eb4fULL);
		size_t mask = in->nraw_slots - 1;
		for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
			r = &in->raw[j];
			if (r->id == RL_ID_NONE)
				break;
			if (r->tag == (uint32_t)(h >> 32) && r->len == n && r->cls == cls &&
			    memcmp(in->rpool + r->off, s, n) == 0) {
				*id = r->id;
				return RL_OK;
			}
		}
	}
	long len = rl_key_hinted(&in->opts, s, n, cls, &in->scratch, &in->scratch_cap, in->hint);
	bool built = len >= 0 &&
	             rl_key_reserve(&in->scratch, &in->scratch_cap, (size_t)len + KEY_PAD) == RL_OK;
	int rc = built ? lookup(in, in->scratch, (size_t)len, in->scratch_cap, id) : RL_ENOMEM;
	if (rc != RL_OK || !r || in->rpool_len + n >= UINT32_MAX)
		return rc;
	if (rl_key_reserve(&in->rpool, &in->rpool_cap, in->rpool_len + n + 1) != RL_OK)
		return RL_ENOMEM;
	memcpy(in->rpool + in->rpool_len, s, n);
	*r = (rawslot){(uint32_t)h, (uint32_t)(h >> 32), *id, (uint32_t)in->rpool_len, (uint32_t)n,
	               cls};
	in->rpool_len += n;
	in->nraw++;
	return RL_OK;
}

/* The rawrecent slot of a token of n <= SHORT_KEY bytes (x0, x1: key_words) and class cls. */
static inline size_t raw_slot(uint64_t x0, uint64_t x1, size_t n, unsigned cls)
{
	uint64_t k = (x0 ^ (x1 * 0xc2b2ae3d27d4eb4fULL) ^ n ^ ((uint64_t)cls << 8)) *
	             0x9E3779B97F4A7C15ULL;
	return (size_t)(k >> (64 - RAW_RECENT_BITS));
}

/* The rawrecent entry of a token of n <= SHORT_KEY bytes (x0, x1: key_words) and class cls, the
 * cache made when raw holds RAW_RECENT_AFTER tokens (a short window with a few such words would
 * spend more zeroing the cache than it saves); NULL before, or when it cannot be made. */
static recent *raw_recent(rl_interner *in, uint64_t x0, uint64_t x1, size_t n, unsigned cls)
{
	if (!in->rawrecent && (in->nraw < RAW_RECENT_AFTER ||
	                       !(in->rawrecent = calloc(RAW_RECENT_SLOTS, sizeof *in->rawrecent))))
		return NULL;
	return &in->rawrecent[raw_slot(x0, x1, n, cls)];
}

/* The id of a token whose key must be built, not ASCII: the last such token of its entry in
 * rawrecent when it is the same bytes and class (the key depends on nothing else), else
 * keyed_raw. */
static int keyed(rl_interner *in, const char *s, size_t n, size_t room, unsigned cls, bool ascii,
                 uint32_t *id)
{
	if (ascii || n > SHORT_KEY)
		return keyed_raw(in, s, n, room, cls, ascii, id);
	uint64_t x0, x1;
	key_words(s, n, room, &x0, &x1);
	uint32_t tag = (uint32_t)n | cls << 8;
	recent *e = raw_recent(in, x0, x1, n, cls);
	if (e && e->len == tag && e->w0 == x0 && e->w1 == x1) {
		*id = e->id;
		return RL_OK;
	}
	int rc = keyed_raw(in, s, n, room, cls, ascii, id);
	if (rc == RL_OK && e)
		*e = (recent){x0, x1, tag, *id};
	return rc;
}

int rl_intern_key(rl_interner *in, const char *key, size_t len, uint32_t *id)
{
	if (recent_ready(in, 0) != RL_OK)
		return RL_ENOMEM;
	return lookup(in, key, len, len, id);
}

int rl_intern(rl_interner *in, const rl_tokens *toks, uint32_t **ids_out)
{
	return rl_intern_from(in, toks, NULL, NULL, ids_out);
}

/* An ASCII word of at most 8 bytes with A-Z made a-z: rl_key's fold, eight bytes at once (every
 * byte is below 0x80, so no sum carries into the next byte). */
static inline uint64_t fold_ascii_word(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t upper = (x + 0x3F * ones) & ~(x + 0x25 * ones) & 0x80 * ones;  /* 'A'..'Z' */
	return x | upper >> 2;
}

/* The id of token tk of text (text_len bytes). */
static int intern_token(rl_interner *in, const rl_token *tk, const char *text, size_t text_len,
                        uint32_t *id)
{
	const char *s = text + tk->off;
	size_t n = tk->len, room = text_len - tk->off;
	if (in->opts.ignore_punct && tk->cls == RL_TOK_PUNCT) {
		*id = RL_ID_NONE;
		return RL_OK;
	}
	if (tk->flags & RL_TF_ASCII) {
		/* An ASCII word is its own key, with A-Z folded when case is; so is one ASCII
		 * punctuation mark (rl_key would copy them unchanged): looked up in place. */
		if (tk->cls == RL_TOK_WORD ? !in->opts.fold_case : n == 1)
			return lookup(in, s, n, room, id);
		if (tk->cls == RL_TOK_WORD && n <= SHORT_KEY) {
			uint64_t x0, x1;
			key_words(s, n, room, &x0, &x1);
			return lookup_words(in, fold_ascii_word(x0), fold_ascii_word(x1), n, id);
		}
	}
	return keyed(in, s, n, room, tk->cls, (tk->flags & RL_TF_ASCII) != 0, id);
}

/* The id of a short token that is its own key (intern_token's first case) when the cache holds
 * it, with SHORT_KEY bytes readable at its start s: whole loads, a multiply and a compare.
 * Otherwise RL_ID_NONE. */
static inline uint32_t cached_id(const rl_interner *in, size_t n, const char *s)
{
	uint64_t x0, x1;
	memcpy(&x0, s, 8);
	if (n <= 8) {
		/* recent_of with x1 = 0; an entry of n <= 8 bytes holds w1 = 0 (key_words), so only
		 * w0 and the length need comparing. */
		x0 = keep_bytes(x0, n);
		const recent *r = &in->recent[((x0 ^ n) * 0x9E3779B97F4A7C15ULL) >> in->rshift];
		return r->w0 == x0 && r->len == n ? r->id : RL_ID_NONE;
	}
	memcpy(&x1, s + 8, 8);
	x1 = keep_bytes(x1, n - 8);
	const recent *r = recent_of(in, x0, x1, n);
	return r->w0 == x0 && r->w1 == x1 && r->len == n ? r->id : RL_ID_NONE;
}

/* From token i, before `end` (whose tokens have SHORT_KEY bytes readable at their start), once
 * rawrecent is made (by keyed, when raw holds RAW_RECENT_AFTER tokens), the
 * ids of the tokens keyed's first case answers (not ASCII, at most SHORT_KEY bytes, their bytes
 * and class the last of their rawrecent entry), in a loop of their own: a text in Chinese, Thai,
 * Hindi or Russian is mostly such tokens, and each went through the ASCII loop's tests and
 * intern_token's before. No table changes on such a hit, so the ids are keyed's. Returns the
 * first token not answered so (then read the usual way). */
static size_t raw_cached_ids(const rl_interner *in, const rl_token *v, size_t i, size_t end,
                             const char *text, uint32_t *ids)
{
	if (!in->rawrecent)
		return i;
	for (; i < end; i++) {
		const rl_token *tk = &v[i];
		size_t n = tk->len;
		if ((tk->flags & RL_TF_ASCII) || n - 1u >= SHORT_KEY)
			break;
		uint64_t x0, x1;
		key_words(text + tk->off, n, SHORT_KEY, &x0, &x1);
		const recent *e = &in->rawrecent[raw_slot(x0, x1, n, tk->cls)];
		if (e->len != ((uint32_t)n | (uint32_t)tk->cls << 8) || e->w0 != x0 || e->w1 != x1)
			break;
		ids[i] = e->id;
	}
	return i;
}

/* Tokens v[0..n) of text[0..text_len), runs[0..nruns) of them copied from a source whose ids are
 * src_ids (rl_intern_from). */
static int intern_tokens(rl_interner *in, const rl_token *v, size_t n, const char *text,
                         size_t text_len, const rl_tokrun *runs, size_t nruns,
                         const uint32_t *src_ids, uint32_t **ids_out)
{
	if (recent_ready(in, n) != RL_OK)
		return RL_ENOMEM;
	uint32_t *ids = rl_big_alloc_full((n ? n : 1) * sizeof *ids);  /* every id is written */
	if (!ids)
		return RL_ENOMEM;
	bool punct_ok = !in->opts.ignore_punct, fold_case = in->opts.fold_case;
	size_t safe_end = text_len >= SHORT_KEY ? text_len - SHORT_KEY + 1 : 0;  /* 16 bytes readable before it */
	/* Tokens before `safe` start before safe_end (they come in the order of the text). */
	size_t safe = n;
	while (safe > 0 && v[safe - 1].off >= safe_end)
		safe--;
	bool plain = punct_ok && !fold_case;
	size_t i = 0;
	for (size_t r = 0;; r++) {
		/* The tokens up to the next run copied from src, then the run (runs come in order;
		 * one that does not is not used, nor any after it). */
		bool run = r < nruns && runs[r].t0 >= i && runs[r].t0 < n;
		size_t stop = run ? runs[r].t0 : n;
		for (; i < stop; i++) {
			/* The common case first: a short ASCII word (or mark) seen recently. Under the
			 * default options (plain), before the last tokens (safe), in a loop of its own. */
			const rl_token *tk = &v[i];
			if (plain) {
				size_t end = stop < safe ? stop : safe;
				for (size_t at = SIZE_MAX; at != i;) {
					for (; i < end; i++) {
						tk = &v[i];
						uint32_t len = tk->len;
						if (!(tk->flags & RL_TF_ASCII) || len - 1u >= SHORT_KEY ||
						    (tk->cls != RL_TOK_WORD && len != 1) ||
						    (ids[i] = cached_id(in, len, text + tk->off)) == RL_ID_NONE)
							break;
					}
					at = i;
					i = raw_cached_ids(in, v, i, end, text, ids);
				}
				if (i == stop)
					break;
				tk = &v[i];
			}
			if ((tk->flags & RL_TF_ASCII) && tk->len - 1u < SHORT_KEY && tk->off < safe_end &&
			    (tk->cls == RL_TOK_WORD ? !fold_case : tk->len == 1 && punct_ok) &&
			    (ids[i] = cached_id(in, tk->len, text + tk->off)) != RL_ID_NONE)
				continue;
			size_t before = in->nids;
			int rc = intern_token(in, tk, text, text_len, &ids[i]);
			if (rc != RL_OK) {
				free(ids);
				return rc;
			}
			if (in->nids > before)
				in->kcls[ids[i]] = tk->cls;  /* a new key: a token's, of its class */
		}
		if (!run)
			break;
		/* Tokens copied from src: the same keys, so the same ids (skip.h). */
		memcpy(ids + i, src_ids + runs[r].s0, runs[r].n * sizeof *ids);
		i += runs[r].n;
	}
	*ids_out = ids;
	return RL_OK;
}

int rl_intern_from(rl_interner *in, const rl_tokens *toks, const rl_tokens *src,
                   const uint32_t *src_ids, uint32_t **ids_out)
{
	const rl_tokens *from;
	size_t nruns;
	const rl_tokrun *runs = rl_tokens_runs(toks, &from, &nruns);
	if (!src || from != src)
		nruns = 0;
	return intern_tokens(in, rl_tokens_array(toks), rl_tokens_count(toks), rl_tokens_text(toks),
	                     rl_tokens_text_len(toks), runs, nruns, src_ids, ids_out);
}

int rl_intern_span(rl_interner *in, const rl_tokens *toks, size_t t0, size_t t1,
                   uint32_t **ids_out)
{
	return intern_tokens(in, rl_tokens_array(toks) + t0, t1 - t0, rl_tokens_text(toks),
	                     rl_tokens_text_len(toks), NULL, 0, NULL, ids_out);
}

int rl_intern_span_runs(rl_interner *in, const rl_tokens *toks, size_t t0, size_t t1,
                        const rl_tokrun *runs, size_t nruns, const uint32_t *src_ids,
                        uint32_t **ids_out)
{
	return intern_tokens(in, rl_tokens_array(toks) + t0, t1 - t0, rl_tokens_text(toks),
	                     rl_tokens_text_len(toks), runs, nruns, src_ids, ids_out);
}
