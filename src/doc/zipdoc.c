/* zipdoc.c: placeholder while the ODT and EPUB readers are written (issue 11); replaced, never shipped. */
#include "formats.h"

#include <stdio.h>

int rl_read_odt(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                char *err, size_t errlen)
{
	(void)data; (void)len; (void)max_out; (void)out; (void)out_len;
	snprintf(err, errlen, "reading ODT is not built yet");
	return -1;
}

int rl_read_epub(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen)
{
	(void)data; (void)len; (void)max_out; (void)out; (void)out_len;
	snprintf(err, errlen, "reading EPUB is not built yet");
	return -1;
}
