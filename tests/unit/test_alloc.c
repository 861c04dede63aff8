/* Allocation failure: the N-th allocation fails, for every N, through the whole pipeline: reading,
 * diffing, layout, every printer, and the viewer's model and view (no terminal needed).
 *
 * The test is linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free, so every
 * call to them from the engine, the layout, the printers and the source reader (and from this
 * file) goes through the wrappers below; libc's and Criterion's own allocations do not. Why a
 * link-time wrapper rather than an allocator passed in through rl_diff_opts: it reaches every
 * allocation in diff/, ui/ and src/ without changing one of them, including the ones written
 * after this test, so a new unchecked malloc anywhere is caught here without anyone having to
 * remember to route it through an allocator; and it adds no parameter to the library's API.
 *
 * For each case, a clean run counts the allocations (K). Then for N = 1..K the N-th one fails:
 * the pipeline must report out of memory (RL_ENOMEM, or the source reader's ENOMEM message),
 * and every block allocated must have been freed again (the wrappers count live blocks; the
 * valgrind and ASan runs of this suite check the same from outside). */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "fixtures.h"
#include "input/input.h"
#include "keymap.h"
#include "layout.h"
#include "model.h"
#include "print/print.h"
#include "run/run.h"
#include "status.h"
#include "view.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

/* The wrappers' state: counting only while armed. */
static struct {
	bool armed;
	long calls;    /* allocation calls since arming */
	long fail_at;  /* the call that fails (1-based), 0 for none */
	long live;     /* blocks allocated and not yet freed since arming */
	long failed;   /* how many calls were made to fail */
} heap;

static bool should_fail(void)
{
	if (!heap.armed)
		return false;
	heap.calls++;
	if (heap.calls == heap.fail_at) {
		heap.failed++;
		return true;
	}
	return false;
}

void *__wrap_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	void *p = __real_malloc(n);
	if (p && heap.armed)
		heap.live++;
	return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	void *p = __real_calloc(n, size);
	if (p && heap.armed)
		heap.live++;
	return p;
}

void *__wrap_realloc(void *old, size_t n)
{
	if (should_fail())
		return NULL;  /* as realloc does: the old block stays allocated */
	void *p = __real_realloc(old, n);
	if (p && !old && heap.armed)
		heap.live++;
	return p;
}

void __wrap_free(void *p)
{
	if (p && heap.armed)
		heap.live--;
	__real_free(p);
}

static void arm(long fail_at)
{
	heap.armed = true;
	heap.calls = 0;
	heap.fail_at = fail_at;
	heap.live = 0;
	heap.failed = 0;
}

static void disarm(void)
{
	heap.armed = false;
}

/* ------------------------------------------------------------------ the pipeline */

typedef struct outcome {
	bool ok;           /* everything succeeded */
	bool enomem;       /* a step reported out of memory */
	char step[32];     /* the step that failed */
} outcome;

static void failed(outcome *o, const char *step, int rc)
{
	o->ok = false;
	o->enomem = rc == RL_ENOMEM;
	snprintf(o->step, sizeof o->step, "%s", step);
}

/* Lay out every block at a narrow width, as the viewer would. */
static int layout_all(const rl_alignment *al)
{
	rl_layout_opts lo = {.markers = true};
	rl_layout *lay;
	rl_rowbuf buf = {0};
	int rc = rl_layout_new(&lay, al, &lo);
	if (rc != RL_OK)
		return rc;
	for (size_t b = 0; b < rl_layout_blocks(lay) && rc == RL_OK; b++)
		rc = rl_layout_rows(lay, b, 24, &buf);
	rl_rowbuf_free(&buf);
	rl_layout_free(lay);
	return rc;
}

static int print_all(const rl_alignment *al, FILE *sink)
{
	rl_out o;
	const char *names[2] = {"old", "new"};
	size_t sizes[2] = {0, 0};
	int rc;

	rl_out_init(&o, sink, false, false);
	if ((rc = rl_print_side_by_side(&o, al, 60)) != RL_OK || (rc = rl_print_inline(&o, al)) != RL_OK ||
	    (rc = rl_print_json(&o, al, names, sizes)) != RL_OK || (rc = rl_print_stat(&o, al)) != RL_OK)
		return rc;
	rl_out_init(&o, sink, true, true);
	return rl_print_side_by_side(&o, al, 31);
}

/* The viewer's pure part, as a session would drive it: open, move, toggle a comparison option,
 * go unified, shrink the terminal, search, and draw a frame after each step. A failure the
 * viewer reports on its status line instead of returning it counts as reported too (*in_message
 * is then set), as out of memory when the message says so. */
static int view_all(const rl_source src[2], const rl_diff_opts *opts, bool *in_message)
{
	rl_pair pair = {{{.data = src[0].data, .len = src[0].len, .name = "old"},
	                 {.data = src[1].data, .len = src[1].len, .name = "new"}},
	                NULL};
	rl_model *m;
	rl_view v;
	int rc = rl_model_new(&m, &pair, 1, 0, opts, false);

	*in_message = false;
	if (rc != RL_OK)
		return rc;
	rc = rl_view_init(&v, m, 100, 30);
	const rl_action acts[] = {RL_ACT_NEXT, RL_ACT_BOTTOM, RL_ACT_PAGE_UP, RL_ACT_FOLD_CASE,
	                          RL_ACT_UNIFIED, RL_ACT_NEXT_CHANGE, RL_ACT_TOP};
	for (size_t i = 0; rc == RL_OK && i < sizeof acts / sizeof *acts; i++) {
		rc = rl_view_act(&v, acts[i]);
		if (rc == RL_OK && v.msg_error) {
			*in_message = true;
			rc = strstr(v.msg, "memory") ? RL_ENOMEM : -98;
		}
		if (rc == RL_OK)
			rc = rl_view_frame(&v);
	}
	if (rc == RL_OK)
		rc = rl_view_resize(&v, 30, 8);
	if (rc == RL_OK)
		rc = rl_view_search(&v, "light", 5, false);
	if (rc == RL_OK)
		rc = rl_view_frame(&v);
	rl_view_release(&v);
	rl_model_free(m);
	return rc;
}

/* Read both files, diff, lay out, print, view: what main does, minus the terminal and the exit. */
static outcome pipeline(const char *const paths[2], const rl_diff_opts *opts, FILE *sink)
{
	outcome o = {true, false, ""};
	rl_source src[2] = {{0}, {0}};
	rl_alignment *al = NULL;
	char err[256];
	int rc;

	for (int s = 0; s < 2; s++) {
		if (rl_source_read(&src[s], paths[s], 1 << 20, err, sizeof err) != 0) {
			failed(&o, "read", strstr(err, strerror(ENOMEM)) ? RL_ENOMEM : -99);
			goto out;
		}
	}
	if ((rc = rl_diff(&al, src[0].data, src[0].len, src[1].data, src[1].len, opts)) != RL_OK) {
		failed(&o, "diff", rc);
		goto out;
	}
	if ((rc = layout_all(al)) != RL_OK) {
		failed(&o, "layout", rc);
		goto out;
	}
	if ((rc = print_all(al, sink)) != RL_OK) {
		failed(&o, "print", rc);
		goto out;
	}
	bool in_message;
	if ((rc = view_all(src, opts, &in_message)) != RL_OK)
		failed(&o, in_message ? "view (status line)" : "view", rc);
out:
	rl_alignment_free(al);
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
	return o;
}

/* A temporary file holding text; path receives its name (64 bytes). */
static void temp_file(char path[64], const char *text, size_t len)
{
	snprintf(path, 64, "/tmp/redline-alloc-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/* The allocation to fail after n: stride further, and last total + 1 (nothing fails). */
static long next_n(long n, long stride, long total)
{
	if (n > total)
		return n + 1;
	return n + stride <= total ? n + stride : total + 1;
}

/* Fail every allocation of the pipeline in turn; returns the number of allocation calls. */
static long fail_every_allocation(const char *a, size_t alen, const char *b, size_t blen,
                                  const rl_diff_opts *opts, const char *name)
{
	char pa[64], pb[64];
	temp_file(pa, a, alen);
	temp_file(pb, b, blen);
	const char *paths[2] = {pa, pb};
	FILE *sink = fopen("/dev/null", "w");
	cr_assert_not_null(sink);

	arm(0);
	outcome o = pipeline(paths, opts, sink);
	disarm();
	long total = heap.calls;
	cr_assert(o.ok, "%s: the clean run fails at %s", name, o.step);
	cr_assert_eq(heap.live, 0, "%s: the clean run leaks %ld blocks", name, heap.live);

	/* Every N; under valgrind (REDLINE_ROUNDS_DIVISOR) every k-th, the ordinary and the ASan runs
	 * having tried them all. */
	long stride = 10000 / test_rounds(10000);
	for (long n = 1; n <= total + 1; n = next_n(n, stride, total)) {
		arm(n);
		o = pipeline(paths, opts, sink);
		disarm();
		cr_assert_eq(heap.live, 0, "%s: allocation %ld of %ld failed: %ld blocks leaked (%s)",
		             name, n, total, heap.live, o.step);
		if (n > total) {
			cr_assert(o.ok, "%s: nothing failed, yet the run fails at %s", name, o.step);
			continue;
		}
		cr_assert_eq(heap.failed, 1, "%s: allocation %ld was never made", name, n);
		cr_assert(!o.ok, "%s: allocation %ld of %ld failed and nobody noticed", name, n, total);
		cr_assert(o.enomem, "%s: allocation %ld failed in %s, reported as something else", name,
		          n, o.step);
	}
	fclose(sink);
	unlink(pa);
	unlink(pb);
	cr_log_info("%s: %ld allocation calls, each made to fail in turn", name, total);
	return total;
}

static const char old_text[] =
	"HALLOWAY HARBOR \xe2\x80\x94 The Town Council voted 5-2 on Monday to sell the old light.\n"
	"Keepers lived at the point until 1962,\nwhen the lamp was automated.\n\n"
	"Findings:\n- the roof leaks\n- the lens is cracked\n\n"
	"\xe2\x80\x9cIt is a loss,\xe2\x80\x9d said Ana Ruiz. \xe4\xb8\xad\xe6\x96\x87 caf\xc3\xa9 "
	"\x1b]0;t\x07 \xff end.";
static const char new_text[] =
	"HALLOWAY HARBOR -- The Town Board voted 5-2 on Monday night to sell the old lighthouse. "
	"Keepers lived at the point until 1962, when the lamp was automated.\n\n"
	"\"It is a loss,\" Ruiz said. A passage that is new in this version, long enough to stand "
	"as a block of its own.\n\nFindings:\n- the lens is cracked\n"
	"\xe4\xb8\xad\xe6\x96\x87 CAFE\xcc\x81 \xef\xac\x81ne end.";

Test(alloc, every_allocation_of_the_pipeline_fails_cleanly, .timeout = 300)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	long n = fail_every_allocation(old_text, sizeof old_text - 1, new_text, sizeof new_text - 1,
	                               &o, "default options");
	cr_assert_gt(n, 30);
}

Test(alloc, under_every_comparison_option, .timeout = 300)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	fail_every_allocation(old_text, sizeof old_text - 1, new_text, sizeof new_text - 1, &o,
	                      "minimal");
	o = (rl_diff_opts)RL_DIFF_OPTS_INIT;
	o.key.fold_case = o.key.ignore_punct = o.key.nfkc = true;
	o.key.fold_typography = false;
	fail_every_allocation(old_text, sizeof old_text - 1, new_text, sizeof new_text - 1, &o,
	                      "-i -p --nfkc --strict");
	o = (rl_diff_opts)RL_DIFF_OPTS_INIT;
	o.myers.max_cost = 1;
	o.myers.max_work = 10;
	fail_every_allocation(old_text, sizeof old_text - 1, new_text, sizeof new_text - 1, &o,
	                      "bound and budget");
}

/* Large enough that every growing array grows: tokens past 256, ids past the interner's first
 * table, ops past 64, rows and runs past their first capacity, a read past 4 KiB. */
Test(alloc, when_arrays_grow, .timeout = 300)
{
	enum { WORDS = 700 };
	char *a = malloc(WORDS * 12), *b = malloc(WORDS * 12);
	size_t na = 0, nb = 0;
	for (int i = 0; i < WORDS; i++) {
		na += (size_t)sprintf(a + na, "w%d%s", i, i % 40 == 39 ? "\n\n" : " ");
		nb += (size_t)sprintf(b + nb, "%s%d%s", i % 3 ? "w" : "x", i, i % 50 == 49 ? "\n" : " ");
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	fail_every_allocation(a, na, b, nb, &o, "700 words");
	free(a);
	free(b);
}

/* Two long texts with one word changed: compared on a window around it (window.h). */
Test(alloc, on_a_window, .timeout = 300)
{
	enum { PARAS = 60, WORDS = 25 };
	char *a = malloc(PARAS * WORDS * 12), *b = malloc(PARAS * WORDS * 12);
	size_t na = 0, nb = 0;
	for (int p = 0; p < PARAS; p++) {
		for (int i = 0; i < WORDS; i++) {
			const char *end = i + 1 < WORDS ? " " : ".\n\n";
			na += (size_t)sprintf(a + na, "w%d%s", p * WORDS + i, end);
			nb += (size_t)sprintf(b + nb, "%s%d%s", p == 30 && i == 7 ? "x" : "w",
			                      p * WORDS + i, end);
		}
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, na, b, nb, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 1);
	rl_alignment_free(al);
	fail_every_allocation(a, na, b, nb, &o, "a window");
	free(a);
	free(b);
}

/* The same with a paragraph rewritten (a unit that wants sources: searched over the whole of
 * OLD) and a paragraph moved a few up (the windows of its two places joined). */
Test(alloc, on_a_window_with_sources_and_a_move, .timeout = 300)
{
	enum { PARAS = 60, WORDS = 25 };
	char *a = malloc(PARAS * WORDS * 12), *b = malloc(2 * PARAS * WORDS * 12);
	size_t na = 0, nb = 0;
	for (int p = 0; p < PARAS; p++)
		for (int i = 0; i < WORDS; i++)
			na += (size_t)sprintf(a + na, "w%d%s", p * WORDS + i, i + 1 < WORDS ? " " : ".\n\n");
	for (int k = 0; k < PARAS; k++) {
		/* paragraph 40 before 36, and not after 39 */
		int p = k == 36 ? 40 : k > 36 && k <= 40 ? k - 1 : k;
		for (int i = 0; i < WORDS; i++)
			nb += (size_t)sprintf(b + nb, "%s%d%s", p == 12 ? "y" : "w", p * WORDS + i,
			                      i + 1 < WORDS ? " " : ".\n\n");
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, na, b, nb, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 2);
	cr_assert_eq(rl_alignment_stats(al)->moves, 1);
	rl_alignment_free(al);
	fail_every_allocation(a, na, b, nb, &o, "windows with sources and a move");
	free(a);
	free(b);
}

/* A digest of a council's story: its title is linked to a sentence, across the line between
 * headings and sentences (the sources stage's table of names, beyond_names, whose allocation
 * failed unnoticed: no link, and the run went on as if nothing had happened), and a bullet
 * linked to a paragraph further on keeps two words by chance beside another (its ops undone:
 * provenance_apart.c). */
Test(alloc, a_linked_bullet_set_apart, .timeout = 300)
{
	static const char a[] =
	    "The council of Marlow Fen has paused the sale of the old tram depot, the local paper "
	    "reported on Friday.\n\nWhile the council runs newer garages for its buses, the leader "
	    "had made the tram depot a central part of the town's heritage plan, a way to bring "
	    "visitors back to the high street.\n\nBut the council is under pressure to balance its "
	    "budget as repair bills grow.\n\nLast winter, on a radio phone-in, the leader said she "
	    "would not promise to keep every building the council owns if the repairs became too "
	    "costly.\n";
	static const char b[] =
	    "Tram Depot Sale Paused\n- Council of Marlow Fen pauses the sale of the old tram depot\n"
	    "- The leader admitted last winter that the town's buildings might be sold if repairs "
	    "grew too costly\nBudget Pressure\nThe council faces pressure to balance its budget as "
	    "repair bills grow.\n";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	fail_every_allocation(a, sizeof a - 1, b, sizeof b - 1, &o, "a linked bullet set apart");
}

Test(alloc, empty_inputs)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	fail_every_allocation("", 0, "", 0, &o, "two empty texts");
	fail_every_allocation("", 0, "one word", 8, &o, "empty against a word");
}

/* Thai split into words by libthai (src/run/thai.c): the breaker's own allocations fail too. */
Test(alloc, thai_words, .timeout = 300)
{
	/* The last line is shared: its runs stay phrases (diff/wordbreak.h). */
	static const char a[] = "วันนี้อากาศดีมาก ฉันจะไปตลาดกับแม่\nตอนเย็นพ่อทำอาหาร\n";
	static const char b[] = "วันนี้อากาศร้อนมาก ฉันจะไปตลาดกับพ่อ\nตอนเย็นพ่อทำอาหาร\n";
	rl_thai th = RL_THAI_INIT;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	th.seen_max = 0;  /* every run broken by libthai, every time (kept runs outlive a diff) */
	rl_thai_attach(&th, &o);
	fail_every_allocation(a, sizeof a - 1, b, sizeof b - 1, &o, "Thai with libthai");
	rl_thai_release(&th);
}

/* libthai's dictionary is loaded only for the lines that changed (diff/wordbreak.h): an edit in
 * an English line beside shared Thai lines never loads it; a Thai edit does. */
Test(thai, an_english_edit_loads_no_dictionary)
{
	static const char a[] = "วันนี้อากาศดีมาก ฉันจะไปตลาดกับแม่\nThe market opens at dawn.\n";
	static const char b[] = "วันนี้อากาศดีมาก ฉันจะไปตลาดกับแม่\nThe market opens at noon.\n";
	static const char c[] = "วันนี้อากาศร้อนมาก ฉันจะไปตลาดกับแม่\nThe market opens at noon.\n";
	rl_thai th = RL_THAI_INIT;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_thai_attach(&th, &o);
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, sizeof a - 1, b, sizeof b - 1, &o), RL_OK);
	cr_assert_null(th.dict, "the dictionary was loaded for an English edit");
	cr_assert_eq(rl_tokens_words(rl_alignment_tokens(al, RL_OLD)), 7, "2 Thai phrases, 5 words");
	rl_alignment_free(al);
	cr_assert_eq(rl_diff(&al, b, sizeof b - 1, c, sizeof c - 1, &o), RL_OK);
	cr_assert_not_null(th.dict, "a Thai edit loads the dictionary");
	cr_assert_gt(rl_tokens_words(rl_alignment_tokens(al, RL_OLD)), 7, "Thai words, not phrases");
	rl_alignment_free(al);
	rl_thai_release(&th);
}

/* A run of Thai broken once is found again by its bytes: the same breaks as libthai gives (also
 * when the caller takes fewer), for every run of a text of our own, repeated runs included. */
Test(thai, runs_kept_give_the_breaks_libthai_gives)
{
	static const char *const runs[] = {
		"วันนี้อากาศดีมาก", "ฉันจะไปตลาดกับแม่", "วันนี้อากาศร้อนมาก", "ฉันจะไปตลาดกับแม่",
		"วันนี้อากาศดีมาก", "แม่", "ฉันจะไปตลาดกับพ่อ",
	};
	rl_thai kept = RL_THAI_INIT, fresh = RL_THAI_INIT;
	fresh.seen_max = 0;
	for (int round = 0; round < 2; round++)
		for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
			size_t len = strlen(runs[r]);
			for (size_t max = 0; max <= 8; max += 1 + 3 * (max > 0)) {
				uint32_t a[64], b[64];
				size_t m = max ? max : 64;
				int na = rl_thai_breaks(&kept, RL_SCRIPT_THAI, runs[r], len, a, m);
				int nb = rl_thai_breaks(&fresh, RL_SCRIPT_THAI, runs[r], len, b, m);
				cr_assert_eq(na, nb, "run %zu, max %zu", r, m);
				if (nb < 0)
					cr_skip_test("libthai has no dictionary here");
				cr_assert(memcmp(a, b, (size_t)nb * sizeof *a) == 0, "run %zu, max %zu", r, m);
			}
		}
	cr_assert_eq(kept.nseen, 5, "each distinct run kept once");
	cr_assert_eq(fresh.nseen, 0);
	rl_thai_release(&kept);
	rl_thai_release(&fresh);
}
