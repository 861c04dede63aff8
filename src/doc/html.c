/* html.c: placeholder while the HTML reader is written (issue 11); replaced, never shipped. */
#include "formats.h"

#include <stdio.h>

int rl_read_html(const char *data, size_t len, int extract_body, size_t max_out, char **out, size_t *out_len, char *err, size_t errlen)
{
	(void)data; (void)len; (void)max_out; (void)out; (void)out_len; (void)extract_body;
	snprintf(err, errlen, "reading HTML is not built yet");
	return -1;
}
