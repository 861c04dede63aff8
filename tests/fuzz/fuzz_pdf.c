/* fuzz_pdf.c: the PDF reader (poppler and the reading order rebuilt in src/doc/pdfdoc.c) on
 * arbitrary bytes, under a large limit and a small one, checked against the reader contract
 * (doc_check.h). */
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
	doc_check(rl_read_pdf, "pdf", copy, size, (size_t)1 << 20);
	doc_check(rl_read_pdf, "pdf", copy, size, 200);
	free(copy);
	return 0;
}
