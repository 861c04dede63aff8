/* thai.c: Thai word breaks from libthai's dictionary, read by thdict.c on the first run to break. */
#include "thai.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "thdict.h"

/* Where libthai keeps its dictionary (src/run/CMakeLists.txt: libthai's prefix/share/libthai). */
#ifndef REDLINE_THAI_DICTDIR
#error "REDLINE_THAI_DICTDIR must name libthai's dictionary folder (src/run/CMakeLists.txt sets it)"
#endif
#define DICT_NAME "thbrk.tri"

/* The dictionary, read once per process on the first run of Thai to break and shared by every
 * rl_thai: a list of pairs reads it once. It is never freed (the process ends soon after); its
 * memory is mapped apart from the heap (thdict.h). */
static struct {
	bool tried;        /* reading was tried: dict is what it gave */
	rl_thdict *dict;   /* NULL: the dictionary is missing or unreadable (why says which) */
	char why[512];
} thaidict;

#define THAI_FALLBACK "Thai is compared one grapheme at a time"

/* path for a message on one line: control bytes (an escape in a variable) shown as '?'. */
static void printable(char *out, size_t n, const char *path)
{
	size_t i = 0;
	for (; path[i] && i + 1 < n; i++)
		out[i] = (unsigned char)path[i] < 0x20 || path[i] == 0x7F ? '?' : path[i];
	out[i] = 0;
}

/* RL_THDICT_OK, or the reason in thaidict.why. */
static int dict_read(const char *path)
{
	char reason[120];
	int rc = rl_thdict_read(&thaidict.dict, path, reason, sizeof reason);
	if (rc == RL_THDICT_OK)
		return rc;
	char shown[256];
	printable(shown, sizeof shown, path);
	snprintf(thaidict.why, sizeof thaidict.why, "Thai words need libthai's dictionary %s, which "
	         "cannot be read (%s): " THAI_FALLBACK, shown, reason);
	return rc;
}

/* REDLINE_THAI_DICT names the file; otherwise libthai's own search: LIBTHAI_DICTDIR/thbrk.tri,
 * then the folder libthai was installed with. Out of memory: false, to be tried again. */
static bool thaidict_load(void)
{
	const char *file = getenv("REDLINE_THAI_DICT");
	int rc;
	if (file && *file) {
		rc = dict_read(file);
	} else {
		rc = RL_THDICT_BAD;
		const char *dir = getenv("LIBTHAI_DICTDIR");
		char path[4096];
		if (dir && *dir && (size_t)snprintf(path, sizeof path, "%s/" DICT_NAME, dir) < sizeof path)
			rc = dict_read(path);
		if (rc == RL_THDICT_BAD)
			rc = dict_read(REDLINE_THAI_DICTDIR "/" DICT_NAME);
	}
	thaidict.tried = rc != RL_THDICT_NOMEM;
	return thaidict.tried;
}

void rl_thai_attach(rl_thai *th, rl_diff_opts *opts)
{
	opts->wordbreak = (rl_wordbreak){rl_thai_breaks, th};
}

const char *rl_thai_missing(const rl_thai *th)
{
	return th->failed ? thaidict.why : NULL;
}

struct rl_thai_seen {
	uint64_t hash;
	uint32_t off, len;     /* the run in bytes; len 0: an empty slot */
	uint32_t boff, nb;     /* its breaks in breaks */
};

void rl_thai_release(rl_thai *th)
{
	free(th->seen);
	free(th->bytes);
	free(th->breaks);
	size_t keep = th->seen_max;
	*th = (rl_thai)RL_THAI_INIT;
	th->seen_max = keep;
}

static uint64_t run_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
	return h ^ (h >> 29);
}

/* The slot of run[0..len) in th->seen: the one holding it, or the empty one it would go to. */
static rl_thai_seen *seen_slot(const rl_thai *th, uint64_t h, const char *run, size_t len)
{
	size_t mask = th->nseen_slots - 1;
	for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
		rl_thai_seen *e = &th->seen[j];
		if (e->len == 0 ||
		    (e->hash == h && e->len == len && memcmp(th->bytes + e->off, run, len) == 0))
			return e;
	}
}

static bool seen_grow(rl_thai *th)
{
	size_t n = th->nseen_slots ? th->nseen_slots * 2 : 256;
	rl_thai_seen *v = calloc(n, sizeof *v);
	if (!v)
		return false;
	for (size_t i = 0; i < th->nseen_slots; i++) {
		rl_thai_seen *e = &th->seen[i];
		if (e->len == 0)
			continue;
		size_t j = (size_t)e->hash & (n - 1);
		while (v[j].len)
			j = (j + 1) & (n - 1);
		v[j] = *e;
	}
	free(th->seen);
	th->seen = v;
	th->nseen_slots = n;
	return true;
}

static bool reserve(void **buf, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t c = *cap ? *cap : 4096;
	while (c < need)
		c *= 2;
	void *b = realloc(*buf, c * size);
	if (!b)
		return false;
	*buf = b;
	*cap = c;
	return true;
}

/* Keep run[0..len) and its breaks b[0..nb) (best effort: when full or out of memory, not kept). */
static void remember(rl_thai *th, uint64_t h, const char *run, size_t len, const uint32_t *b,
                     size_t nb)
{
	if (len == 0 || th->nbytes + len > th->seen_max || th->nbreaks + nb > th->seen_max)
		return;
	if ((th->nseen + 1) * 2 > th->nseen_slots && !seen_grow(th))
		return;
	if (!reserve((void **)&th->bytes, &th->bytes_cap, th->nbytes + len, 1) ||
	    !reserve((void **)&th->breaks, &th->breaks_cap, th->nbreaks + nb + 1, sizeof *b))
		return;
	rl_thai_seen *e = seen_slot(th, h, run, len);
	memcpy(th->bytes + th->nbytes, run, len);
	memcpy(th->breaks + th->nbreaks, b, nb * sizeof *b);
	*e = (rl_thai_seen){h, (uint32_t)th->nbytes, (uint32_t)len, (uint32_t)th->nbreaks,
	                    (uint32_t)nb};
	th->nbytes += len;
	th->nbreaks += nb;
	th->nseen++;
}

/* The run as code points, and where each starts. */
typedef struct wide_run {
	int32_t *cp;     /* code points, 0-terminated */
	uint32_t *off;   /* byte offset of each code point in the run */
	int *pos;        /* the breaker's answer, in code points */
	size_t n;        /* code points */
} wide_run;

/* Decode run[0..len) (at most len code points). The tokenizer hands over whole Thai graphemes,
 * so an invalid byte cannot occur; it would end the run early. Returns false when out of memory. */
static bool widen(wide_run *w, const char *run, size_t len)
{
	w->cp = malloc((len + 1) * sizeof *w->cp);
	w->off = malloc((len + 1) * sizeof *w->off);
	w->pos = malloc((len + 1) * sizeof *w->pos);
	if (!w->cp || !w->off || !w->pos)
		return false;
	w->n = 0;
	for (size_t at = 0; at < len;) {
		int32_t cp;
		size_t n = rl_utf8_decode(run + at, len - at, &cp);
		if (cp <= 0)
			break;
		w->cp[w->n] = cp;
		w->off[w->n++] = (uint32_t)at;
		at += n;
	}
	w->cp[w->n] = 0;
	return true;
}

static void wide_free(wide_run *w)
{
	free(w->cp);
	free(w->off);
	free(w->pos);
}

int rl_thai_breaks(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                   size_t max)
{
	rl_thai *th = ctx;

	if (script != RL_SCRIPT_THAI || th->failed || len >= INT32_MAX)
		return -1;
	if (!th->dict) {
		if (!thaidict.tried && !thaidict_load())
			return RL_WORDBREAK_NOMEM;
		if (!(th->dict = thaidict.dict)) {
			th->failed = true;  /* no dictionary: one word per grapheme */
			return -1;
		}
	}
	/* A run broken before: the same breaks (the breaker's answer depends on the run alone). */
	uint64_t h = run_hash(run, len);
	if (th->nseen) {
		const rl_thai_seen *e = seen_slot(th, h, run, len);
		if (e->len) {
			size_t k = e->nb < max ? e->nb : max;
			memcpy(breaks, th->breaks + e->boff, k * sizeof *breaks);
			return (int)k;
		}
	}
	wide_run w = {NULL, NULL, NULL, 0};
	if (!widen(&w, run, len)) {
		wide_free(&w);
		return RL_WORDBREAK_NOMEM;
	}
	int n = rl_thdict_breaks(th->dict, w.cp, w.n, w.pos, w.n + 1);
	if (n < 0) {
		wide_free(&w);
		return RL_WORDBREAK_NOMEM;
	}
	/* Every break (kept for the next time), max of them for the caller. */
	size_t all = 0;
	uint32_t *b = malloc(((size_t)(n > 0 ? n : 0) + 1) * sizeof *b);
	if (!b) {
		wide_free(&w);
		return RL_WORDBREAK_NOMEM;
	}
	for (int i = 0; i < n; i++)
		if (w.pos[i] > 0 && (size_t)w.pos[i] < w.n)
			b[all++] = w.off[w.pos[i]];
	size_t k = all < max ? all : max;
	memcpy(breaks, b, k * sizeof *breaks);
	remember(th, h, run, len, b, all);
	free(b);
	wide_free(&w);
	return (int)k;
}
