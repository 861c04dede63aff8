/* Peak memory of a whole comparison (issue 13), on the real binary with every stage on: the peak
 * resident memory beyond start-up (redline on two one-word files), against the size of the two
 * inputs. The texts are generated here (a made-up vocabulary, no corpus text): a dense rewrite
 * (three words in ten replaced), the same paragraphs shuffled, twenty paragraphs repeated with a
 * word changed in each copy, a cumulative song (a text of distinct words), two unrelated texts on
 * one vocabulary. Measured from wait4's ru_maxrss, which does not depend on the load of the
 * machine. Skipped under the sanitizers, whose shadow memory is most of any peak. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

#ifndef REDLINE_BIN
#error "REDLINE_BIN is the binary under test"
#endif
#ifndef MEASURE_BIN
#error "MEASURE_BIN is bench/measure"
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

/* A text being generated (tests/cli/run.h's growing buffer). */
typedef run_buf text;

static uint32_t next(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

/* Word w of a made-up vocabulary: two to four syllables; low numbers are the common words. */
static size_t word(uint32_t w, char *out)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ter", "an", "su", "ve", "ron", "dis",
	                                  "el", "pa", "quo", "ri", "sen", "tu", "ba"};
	size_t n = 0;
	uint32_t parts = 2 + w % 3;
	for (uint32_t k = 0; k < parts; k++, w /= 16)
		for (const char *p = syl[w % 16]; *p; p++)
			out[n++] = *p;
	return n;
}

/* A word number, skewed so that some words are frequent (as in prose). */
static uint32_t pick(uint64_t *s)
{
	uint32_t r = next(s) % 4000;
	return r < 2000 ? r % 60 : r;
}

/* Paragraphs of sentences, hard-wrapped at 72 columns, until `bytes`; each word replaced by
 * another with probability subst / 100 when `orig` (the same seed) is being rewritten. */
static text prose(uint64_t seed, size_t bytes, unsigned subst, uint64_t subst_seed)
{
	text t = {0};
	uint64_t s = seed, r = subst_seed;
	size_t col = 0;
	while (t.n < bytes) {
		uint32_t sentences = 2 + next(&s) % 5;
		for (uint32_t k = 0; k < sentences; k++) {
			uint32_t words = 6 + next(&s) % 14;
			for (uint32_t j = 0; j < words; j++) {
				char w[64];
				uint32_t id = pick(&s);
				if (subst && next(&r) % 100 < subst)
					id = pick(&r);
				size_t n = word(id, w);
				if (j == 0)
					w[0] = (char)(w[0] - 'a' + 'A');
				if (j + 1 == words)
					w[n++] = '.';
				if (col + n + 1 > 72) {
					run_buf_add(&t, "\n", 1);
					col = 0;
				} else if (col) {
					run_buf_add(&t, " ", 1);
					col++;
				}
				run_buf_add(&t, w, n);
				col += n;
			}
		}
		run_buf_add(&t, "\n\n", 2);
		col = 0;
	}
	return t;
}

/* Text without spaces: paragraphs of sentences of ideographs (U+4E00 on, the frequent ones
 * first), each closed by an ideographic full stop, until `bytes`; one ideograph in twenty
 * replaced when `subst_seed` is not 0 (the same seed). A token every 3 bytes: the densest
 * per-token cost of any text. */
static text ideographs(uint64_t seed, size_t bytes, uint64_t subst_seed)
{
	text t = {0};
	uint64_t s = seed, r = subst_seed;
	while (t.n < bytes) {
		uint32_t sentences = 2 + next(&s) % 6;
		for (uint32_t k = 0; k < sentences; k++) {
			uint32_t chars = 8 + next(&s) % 30;
			for (uint32_t j = 0; j < chars; j++) {
				uint32_t cp = 0x4E00 + pick(&s) % 2000;
				if (subst_seed && next(&r) % 20 == 0)
					cp = 0x4E00 + pick(&r) % 2000;
				char u[3] = {(char)(0xE0 | cp >> 12), (char)(0x80 | (cp >> 6 & 0x3F)),
				             (char)(0x80 | (cp & 0x3F))};
				run_buf_add(&t, u, 3);
			}
			run_buf_add(&t, "\xE3\x80\x82", 3);  /* U+3002 */
		}
		run_buf_add(&t, "\n\n", 2);
	}
	return t;
}

/* The pieces of t in another order: t cut after each `sep`, which stays with its piece (keep),
 * or cut at each one and joined again by it. */
static text pieces_shuffled(const text *t, uint64_t seed, const char *sep, bool keep)
{
	size_t np = 0, cap = 1024, seplen = strlen(sep);
	const char **start = malloc(cap * sizeof *start);
	size_t *len = malloc(cap * sizeof *len);
	for (const char *p = t->v, *end = t->v + t->n; p < end;) {
		const char *e = p;
		while (e < end && ((size_t)(end - e) < seplen || memcmp(e, sep, seplen) != 0))
			e++;
		if (np == cap) {
			cap *= 2;
			start = realloc(start, cap * sizeof *start);
			len = realloc(len, cap * sizeof *len);
		}
		const char *after = e < end ? e + seplen : end;
		start[np] = p, len[np] = (size_t)((keep ? after : e) - p), np++;
		p = after;
	}
	uint64_t s = seed;
	for (size_t k = np; k > 1; k--) {
		size_t j = next(&s) % k;
		const char *ps = start[k - 1];
		size_t pl = len[k - 1];
		start[k - 1] = start[j], len[k - 1] = len[j];
		start[j] = ps, len[j] = pl;
	}
	text out = {0};
	for (size_t k = 0; k < np; k++) {
		if (k && !keep)
			run_buf_add(&out, sep, seplen);
		run_buf_add(&out, start[k], len[k]);
	}
	free(start);
	free(len);
	return out;
}

/* The paragraphs of t in another order. */
static text shuffled(const text *t, uint64_t seed)
{
	return pieces_shuffled(t, seed, "\n\n", true);
}

/* Words drawn evenly from the first `vocab` of the made-up vocabulary, hard-wrapped at 72
 * columns, until `bytes`: on a few hundred words most two-word phrases occur a few times, each a
 * candidate of the moves stage's narrow pass when the text is compared with its words shuffled. */
static text flat(uint64_t seed, size_t bytes, uint32_t vocab)
{
	text t = {0};
	uint64_t s = seed;
	size_t col = 0;
	while (t.n < bytes) {
		char w[64];
		size_t n = word(next(&s) % vocab, w);
		if (col && col + n + 1 > 72) {
			run_buf_add(&t, "\n", 1);
			col = 0;
		} else if (col) {
			run_buf_add(&t, " ", 1);
			col++;
		}
		run_buf_add(&t, w, n);
		col += n;
	}
	run_buf_add(&t, "\n", 1);
	return t;
}

/* The words of t (split at spaces, line ends kept with their words) in another order, joined by
 * spaces: a text on the same vocabulary that shares no passage with t. */
static text words_shuffled(const text *t, uint64_t seed)
{
	return pieces_shuffled(t, seed, " ", false);
}

/* Twenty paragraphs repeated until `bytes`; on NEW one word of each copy is another. */
static void repeated(size_t bytes, text *old, text *new_)
{
	text base = prose(7, 16 * 1024, 0, 0);
	uint64_t s = 99;
	*old = (text){0};
	*new_ = (text){0};
	while (old->n < bytes) {
		run_buf_add(old, base.v, base.n);
		size_t at = next(&s) % base.n, from = new_->n;
		run_buf_add(new_, base.v, base.n);
		for (size_t k = at; k < base.n && new_->v[from + k] != ' ' && new_->v[from + k] != '\n';
		     k++)
			new_->v[from + k] = 'x';
	}
	free(base.v);
}

/* The cumulative song: OLD one sentence of `bytes` of distinct words (w1 w2 ...), NEW a
 * paragraph for each k of the words 1..k, to as many bytes: a text of distinct words, where the
 * memory for each distinct word (the interner, the per-id tables) is what counts. */
static void song(size_t bytes, text *old, text *new_)
{
	char w[32];
	*old = (text){0};
	*new_ = (text){0};
	for (unsigned k = 1; old->n < bytes; k++)
		run_buf_add(old, w, (size_t)snprintf(w, sizeof w, "%sw%u", k > 1 ? " " : "", k));
	run_buf_add(old, ".\n", 2);
	for (size_t k = 1; new_->n < bytes; k++) {
		size_t len = 0;
		for (size_t i = 0; i < k && old->v[len] != '.'; i++) {
			size_t e = len + 1;
			while (old->v[e] != ' ' && old->v[e] != '.')
				e++;
			len = e;
		}
		run_buf_add(new_, old->v, len);
		run_buf_add(new_, ".\n\n", 3);
	}
}

static void write_file(char path[64], const text *t)
{
	snprintf(path, 64, "/tmp/redline-memory-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, t->v, t->n), (ssize_t)t->n);
	close(fd);
}

/* Peak RSS of `redline --stat OLD NEW`, KiB, measured by bench/measure: a process forked from
 * this one would count this one's pages (a child's peak includes what it had before exec). */
static long peak(const text *old, const text *new_)
{
	char a[64], b[64];
	write_file(a, old);
	write_file(b, new_);
	run_result r;
	const char *argv[] = {MEASURE_BIN, REDLINE_BIN, "--stat", a, b, NULL};
	run_program(&r, argv, "/tmp", NULL, 0, NULL, 600);
	unlink(a);
	unlink(b);
	cr_assert_not(r.timed_out);
	cr_assert_eq(r.status, 0, "measure: %s", r.err);
	double wall, cpu;
	long kib, faults;
	int status;
	cr_assert_eq(sscanf(r.out, "%lf %ld %d %lf %ld", &wall, &kib, &status, &cpu, &faults), 5,
	             "measure said: %s", r.out);
	cr_assert(status == 0 || status == 1, "redline's status %d: %s", status, r.err);
	run_free(&r);
	return kib;
}

static long start_up(void)
{
	text a = {0}, b = {0};
	run_buf_add(&a, "one\n", 4);
	run_buf_add(&b, "two\n", 4);
	long kib = peak(&a, &b);
	free(a.v), free(b.v);
	return kib;
}

/* Under the sanitizers, whose shadow memory is most of any peak, skip (before making texts). */
static void skip_when_sanitized(void)
{
#ifdef SANITIZED
	cr_skip_test("the sanitizers' shadow memory");
#endif
}

/* The peak beyond start-up, per byte of input, at most `bound` (issue 13's target is 10 times on
 * every shape); frees both texts. */
static void expect_peak_below(text old, text new_, double bound)
{
	long base = start_up(), kib = peak(&old, &new_);
	double ratio = (double)(kib - base) * 1024 / (double)(old.n + new_.n);
	cr_log_info("peak %ld KiB, start-up %ld KiB, input %zu bytes: %.2f x\n", kib, base,
	            old.n + new_.n, ratio);
	cr_expect_leq(ratio, bound, "%.2f times the input", ratio);
	free(old.v), free(new_.v);
}

#define MIB ((size_t)1 << 20)

/* The bounds: below main's figures before issue 13's memory work (a5acb59: 9.49, 12.31 and 7.50
 * times) and stop 13's (8.27, 9.15, 6.37), above stop 23's (s23mem: 7.9-8.0, 7.7-7.9, 5.3; the
 * run-to-run spread is about 1 MiB, 0.12 times here). Issue 13's target is 10 times on every
 * shape. */

Test(memory, a_dense_rewrite_peaks_below_eight_and_a_half_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	expect_peak_below(prose(1, 4 * MIB, 0, 0), prose(1, 4 * MIB, 30, 2), 8.5);
}

Test(memory, shuffled_paragraphs_peak_below_eight_and_a_half_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	text old = prose(3, 4 * MIB, 0, 0);
	expect_peak_below(old, shuffled(&old, 5), 8.5);
}

Test(memory, repeated_paragraphs_peak_below_six_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	text old, new_;
	repeated(4 * MIB, &old, &new_);
	expect_peak_below(old, new_, 6.0);
}

/* Main before stop 13 (1fd4ce0): 15.9 times on a 1 MB song (bench.py's); 13.8 at stop 17; 10.8
 * at stop 18 (h18wrap: the moves stage's shingle index sized by distinct shingles, the sentences
 * stage's index freed before its diffs, the range diffs' scratch given back before the sources
 * stage); 10.7 at stop 23; 10.70 at stop 26's start, 9.67 after s26perf (the stems'
 * memo 12 bytes an id and their table freed before the stage's index, the spares and the diffs'
 * scratch given back around the moves stage). */
Test(memory, a_cumulative_song_peaks_below_ten_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	text old, new_;
	song(MIB, &old, &new_);
	expect_peak_below(old, new_, 10.0);
}

/* Two unrelated texts on one vocabulary (300 words, against the same words shuffled): every
 * two-word phrase they share is a candidate of the moves stage's narrow pass, whose index and
 * chains follow the first pass's. 11.32 at stop 26's start (the first pass's memory
 * resident under the second's), 9.34 with them mapped on their own (s26perf). */
Test(memory, unrelated_texts_peak_below_ten_and_a_half_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	text old = flat(11, MIB, 300);
	expect_peak_below(old, words_shuffled(&old, 13), 10.5);
}

/* Text without spaces, a token every 3 bytes, where the per-token arrays are most of the peak:
 * 12.04 times with main's 16-byte token (5d383aa), 10.75 with the 12-byte one, 10.80 at stop 17's
 * start and 9.43 with the words before each token kept as a bit a token (ctx.h). The bound fails
 * if the token record (or another per-token array) grows back. */
Test(memory, text_without_spaces_peaks_below_ten_times_the_input, .timeout = 600)
{
	skip_when_sanitized();
	expect_peak_below(ideographs(7, 2 * MIB, 0), ideographs(7, 2 * MIB, 11), 10.0);
}
