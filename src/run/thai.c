/* thai.c: Thai word breaks through libthai. */
#include "thai.h"

#include <stdlib.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <wchar.h>

#include "text.h"

void rl_thai_attach(rl_thai *th, rl_diff_opts *opts)
{
	opts->wordbreak = (rl_wordbreak){rl_thai_breaks, th};
}

void rl_thai_release(rl_thai *th)
{
	if (th->brk)
		th_brk_delete(th->brk);
	*th = (rl_thai)RL_THAI_INIT;
}

/* The run as libthai reads it, and where each code point starts. */
typedef struct wide_run {
	wchar_t *cp;     /* code points, 0-terminated (libthai's thwchar_t) */
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
		w->cp[w->n] = (wchar_t)cp;
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
	if (!th->brk && !(th->brk = th_brk_new(NULL))) {
		th->failed = true;  /* no dictionary: Thai stays one word per grapheme */
		return -1;
	}
	wide_run w = {NULL, NULL, NULL, 0};
	if (!widen(&w, run, len)) {
		wide_free(&w);
		return RL_WORDBREAK_NOMEM;
	}
	int n = th_brk_wc_find_breaks(th->brk, w.cp, w.pos, w.n + 1);
	size_t k = 0;
	for (int i = 0; i < n && k < max; i++)
		if (w.pos[i] > 0 && (size_t)w.pos[i] < w.n)
			breaks[k++] = w.off[w.pos[i]];
	wide_free(&w);
	return (int)k;
}
