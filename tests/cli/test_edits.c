/* End-to-end: everyday edits (tests/edits/everyday.txt), one small change to a sentence each,
 * printed by `redline --inline` as an editor would mark it: every word the edit did not touch
 * outside the marks. The readability stages rewrite what the exact diff found; this suite is
 * where a stage that reads well on paraphrase but marks a kept word in a plain edit fails. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "temp.h"

#define EDITS_FILE SOURCE_DIR "/tests/edits/everyday.txt"

typedef struct edit {
	char old[512], new[512], want[512];
	int exit;
	int line;  /* the block's first line in the file, for the message */
} edit;

/* Copy the value after "key: " to out with each "\n" (backslash, n) made a line break, and a
 * final line break added (a text file's last line ends with one). */
static void unescape(char *out, size_t size, const char *v)
{
	size_t n = 0;
	for (; *v && *v != '\n' && n + 2 < size; v++) {
		if (v[0] == '\\' && v[1] == 'n')
			out[n++] = '\n', v++;
		else
			out[n++] = *v;
	}
	out[n++] = '\n';
	out[n] = '\0';
}

/* Read the next block from f into e; false at the end of the file. */
static bool next_edit(FILE *f, edit *e, int *lineno)
{
	char line[600];
	memset(e, 0, sizeof *e);
	e->exit = 1;
	bool any = false;
	while (fgets(line, sizeof line, f)) {
		++*lineno;
		if (line[0] == '#')
			continue;
		if (line[0] == '\n') {
			if (any)
				return true;
			continue;
		}
		if (!any)
			e->line = *lineno;
		any = true;
		if (!strncmp(line, "old: ", 5))
			unescape(e->old, sizeof e->old, line + 5);
		else if (!strncmp(line, "new: ", 5))
			unescape(e->new, sizeof e->new, line + 5);
		else if (!strncmp(line, "want: ", 6))
			unescape(e->want, sizeof e->want, line + 6);
		else if (!strncmp(line, "exit: ", 6))
			e->exit = atoi(line + 6);
		else
			cr_assert_fail("%s:%d: a line that is no old:, new:, want: nor exit:", EDITS_FILE,
			               *lineno);
	}
	return any;
}

Test(edits, everyday_edits_mark_only_what_changed)
{
	FILE *f = fopen(EDITS_FILE, "r");
	cr_assert_not_null(f, "%s", EDITS_FILE);
	edit e;
	int lineno = 0, n = 0;
	while (next_edit(f, &e, &lineno)) {
		cr_assert(e.old[0] && e.new[0] && e.want[0], "%s:%d: old, new and want", EDITS_FILE,
		          e.line);
		char a[64], b[64];
		temp_pair(a, b, e.old, strlen(e.old), e.new, strlen(e.new));
		run_result r;
		run_redline(&r, (const char *const[]){"redline", "--inline", "--color=never", a, b, NULL},
		            NULL, 0, NULL, 60);
		unlink(a);
		unlink(b);
		cr_expect_str_eq(r.out, e.want, "%s:%d:\n got: %s want: %s", EDITS_FILE, e.line, r.out,
		                 e.want);
		cr_expect_eq(r.status, e.exit, "%s:%d: exit %d, want %d", EDITS_FILE, e.line, r.status,
		             e.exit);
		run_free(&r);
		n++;
	}
	fclose(f);
	cr_assert_geq(n, 20, "only %d edits read from %s", n, EDITS_FILE);
}
