/* large.c: the hostile inputs: the committed corpus and the large generated ones (see large.h). */
#include "large.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* xorshift64*, seeded: the same large files on every run. */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

static const char *const vocabulary[] = {
	"the", "harbor", "board", "voted", "to", "sell", "old", "light", "keeper", "lamp", "lens",
	"roof", "sea", "ship", "night", "town", "council", "said", "on", "Monday", "and", "of", "a",
};
#define NVOCAB (sizeof vocabulary / sizeof *vocabulary)

void large_long_line(FILE *fp, uint64_t seed)
{
	uint64_t rng = 42;
	for (size_t n = 0, w = 0; n < (10u << 20); w++) {
		const char *word = vocabulary[next_rand(&rng) % NVOCAB];
		if (seed && w % 5000 == 0)
			word = "CHANGED";
		n += (size_t)fprintf(fp, "%s%s", w ? " " : "", word);
	}
}

void large_paragraphs(FILE *fp, uint64_t seed)
{
	for (unsigned i = 0; i < 100000; i++) {
		if (seed && i % 1000 == 0)
			fprintf(fp, "Paragraph %u was rewritten here.\n\n", i);
		else
			fprintf(fp, "Paragraph %u says the lamp was lit.\n\n", i);
	}
}

void large_long_word(FILE *fp, uint64_t seed)
{
	for (unsigned i = 0; i < (1u << 20) - 1; i++)
		fputc('a' + (int)(i % 26), fp);
	fputc(seed ? 'Z' : 'z', fp);
	fputc('\n', fp);
}

void large_two_words(FILE *fp, uint64_t seed)
{
	uint64_t rng = seed;
	for (size_t n = 0; n < (2u << 20); n += 2)
		fputs(next_rand(&rng) & 1 ? "a " : "b ", fp);
}

/* Sentence i of large_moved_sentences: four words of three syllables each, drawn from i. */
static void made_up_sentence(FILE *fp, uint32_t i)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ter", "san", "vo", "ril", "pen",
	                                  "dus", "mar", "tol", "bex", "qui", "fen", "gor"};
	uint64_t rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)i * 0xBF58476D1CE4E5B9ULL + 1);
	for (int w = 0; w < 4; w++) {
		for (int k = 0; k < 3; k++) {
			const char *s = syl[next_rand(&rng) % 15];
			fprintf(fp, "%c%s", w == 0 && k == 0 ? s[0] - 'a' + 'A' : s[0], s + 1);
		}
		fputs(w < 3 ? " " : ".", fp);
	}
}

#define MOVED_PARAGRAPHS 25600u
#define MOVED_STEP 7919u  /* prime, and no divisor of MOVED_PARAGRAPHS: p -> p * step is a permutation */

void large_moved_sentences(FILE *fp, uint64_t seed)
{
	for (uint32_t p = 0; p < MOVED_PARAGRAPHS; p++) {
		if (seed) {  /* paragraph p's second sentence taken away, another's put first */
			made_up_sentence(fp, (uint32_t)((uint64_t)p * MOVED_STEP % MOVED_PARAGRAPHS) * 5 + 1);
			fputc(' ', fp);
		}
		for (uint32_t k = 0, first = 1; k < 5; k++) {
			if (seed && k == 1)
				continue;
			if (!first)
				fputc(' ', fp);
			made_up_sentence(fp, p * 5 + k);
			first = 0;
		}
		fputs("\n\n", fp);
	}
}

const char *large_write(char *path, size_t n, const char *dir, const char *name, large_gen gen,
                        uint64_t seed)
{
	cr_assert_lt((size_t)snprintf(path, n, "%s/%s", dir, name), n);
	FILE *fp = fopen(path, "wb");
	cr_assert_not_null(fp, "%s", path);
	gen(fp, seed);
	cr_assert_eq(fclose(fp), 0, "%s", path);
	return path;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The committed hostile files, sorted, as paths relative to the source directory. */
char **hostile_files(size_t *n)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/tests/hostile", SOURCE_DIR);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "%s", dir);
	char **v = NULL;
	*n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		v = realloc(v, (*n + 1) * sizeof *v);
		v[*n] = malloc(len + 16);
		snprintf(v[*n], len + 16, "tests/hostile/%s", e->d_name);
		(*n)++;
	}
	closedir(d);
	cr_assert_geq(*n, 20, "the corpus is there");
	qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

void free_files(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
