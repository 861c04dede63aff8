/* fuzz_zipdoc.c: the zip-based document readers (DOCX, ODT, EPUB) on arbitrary bytes.
 *
 * Each reader gets the same input, under a large limit and under a small one (the first byte
 * chooses it), and must keep the reader contract (doc_check.h): a text of the right shape within
 * the limit, or -1 with a one-line reason; never a crash, a leak or an overread. */
#include <stdint.h>

#include "doc_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	size_t max = size && (data[0] & 1) ? 64 : (size_t)1 << 20;
	doc_check(rl_read_docx, "docx", copy, size, max);
	doc_check(rl_read_odt, "odt", copy, size, max);
	doc_check(rl_read_epub, "epub", copy, size, max);
	free(copy);
	return 0;
}
