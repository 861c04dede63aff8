/* Tests for keymap.c and scheme.c: the one action table, the documents made from it, and the
 * colour schemes keeping the kinds of change apart. */
#include <criterion/criterion.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "keymap.h"
#include "scheme.h"

Test(keymap, every_action_has_keys_and_help)
{
	for (int a = 1; a < RL_ACT_COUNT; a++) {
		cr_assert_gt(strlen(rl_action_keys((rl_action)a)), 0, "action %d", a);
		cr_assert_gt(strlen(rl_action_help((rl_action)a)), 0, "action %d", a);
	}
}

Test(keymap, no_key_is_bound_twice)
{
	rl_keymap km;
	rl_keymap_init(&km);
	cr_assert_gt(km.n, 20);
	for (size_t i = 0; i < km.n; i++)
		for (size_t j = i + 1; j < km.n; j++)
			cr_assert(km.b[i].key[0] != km.b[j].key[0] || km.b[i].key[1] != km.b[j].key[1],
			          "'%s' and '%s' share a key", rl_action_keys(km.b[i].action),
			          rl_action_keys(km.b[j].action));
}

Test(keymap, lookups)
{
	rl_keymap km;
	rl_action a;
	rl_keymap_init(&km);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 'j', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_LINE_DOWN);
	cr_assert_eq(rl_keymap_lookup(&km, 0, KEY_DOWN, &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_LINE_DOWN);
	cr_assert_eq(rl_keymap_lookup(&km, 0, KEY_NPAGE, &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_PAGE_DOWN);
	cr_assert_eq(rl_keymap_lookup(&km, 0, ' ', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_PAGE_DOWN);
	cr_assert_eq(rl_keymap_lookup(&km, 0, KEY_F(1), &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_HELP);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 12, &a), RL_KEY_ACTION, "Ctrl-L");
	cr_assert_eq(a, RL_ACT_REDRAW);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 27, &a), RL_KEY_ACTION, "Esc");
	cr_assert_eq(a, RL_ACT_CLEAR);
	cr_assert_eq(rl_keymap_lookup(&km, 0, '\t', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_FILTER);
	cr_assert_eq(rl_keymap_lookup(&km, 0, '\n', &a), RL_KEY_ACTION, "Enter");
	cr_assert_eq(a, RL_ACT_OPEN);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 'q', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_QUIT);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 3, &a), RL_KEY_ACTION, "Ctrl-C");
	cr_assert_eq(a, RL_ACT_EXIT);
	/* "]" is a pair step alone and the start of "]c" */
	cr_assert_eq(rl_keymap_lookup(&km, 0, ']', &a), RL_KEY_PREFIX);
	cr_assert_eq(a, RL_ACT_NEXT_PAIR);
	cr_assert_eq(rl_keymap_lookup(&km, ']', 'c', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_NEXT_CHANGE);
	cr_assert_eq(rl_keymap_lookup(&km, '[', 'c', &a), RL_KEY_ACTION);
	cr_assert_eq(a, RL_ACT_PREV_CHANGE);
	cr_assert_eq(rl_keymap_lookup(&km, ']', 'x', &a), RL_KEY_NONE);
	cr_assert_eq(rl_keymap_lookup(&km, 0, 'x', &a), RL_KEY_NONE);
	cr_assert_eq(a, RL_ACT_NONE);
}

/* The text between two marker lines of a file, or NULL. */
static char *section(const char *text, const char *begin, const char *end)
{
	const char *b = strstr(text, begin), *e = b ? strstr(b, end) : NULL;
	if (!b || !e)
		return NULL;
	b += strlen(begin);
	if (*b == '\n')
		b++;
	size_t n = (size_t)(e - b);
	char *s = malloc(n + 1);
	memcpy(s, b, n);
	s[n] = '\0';
	return s;
}

/* Check that rel holds want between the markers; with UPDATE_DOCS set, write it there. */
static void check_doc(const char *rel, const char *begin, const char *end, const char *want)
{
	size_t len;
	char *text = fixture_read(rel, &len);
	char *have = section(text, begin, end);
	cr_assert_not_null(have, "%s has no %s ... %s section", rel, begin, end);
	if (getenv("UPDATE_DOCS") && strcmp(have, want) != 0) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", SOURCE_DIR, rel);
		const char *b = strstr(text, begin) + strlen(begin) + 1, *e = strstr(b, end);
		FILE *fp = fopen(path, "wb");
		cr_assert_not_null(fp);
		fwrite(text, 1, (size_t)(b - text), fp);
		fputs(want, fp);
		fputs(e, fp);
		fclose(fp);
	} else {
		cr_assert_str_eq(have, want, "%s's key list is not the action table's (UPDATE_DOCS=1 "
		                 "build/tests/test_keymap rewrites it)", rel);
	}
	free(have);
	free(text);
}

Test(keymap, the_readme_lists_the_keys_of_the_table)
{
	size_t n = rl_keymap_markdown(NULL, 0);
	char *md = malloc(n + 1);
	cr_assert_eq(rl_keymap_markdown(md, n + 1), n);
	cr_assert_not_null(strstr(md, "| `j` `Down` | scroll down a line |"));
	check_doc("README.md", "<!-- keys:begin -->", "<!-- keys:end -->", md);
	free(md);
}

Test(keymap, the_man_page_lists_the_keys_of_the_table)
{
	size_t n = rl_keymap_roff(NULL, 0);
	char *roff = malloc(n + 1);
	cr_assert_eq(rl_keymap_roff(roff, n + 1), n);
	cr_assert_not_null(strstr(roff, ".TP\n\\fBCtrl\\-L\\fR\n"));
	check_doc("doc/redline.1", ".\\\" keys:begin", ".\\\" keys:end", roff);
	free(roff);
}

Test(keymap, documents_are_truncated_safely)
{
	char small[16];
	size_t n = rl_keymap_markdown(small, sizeof small);
	cr_assert_gt(n, sizeof small);
	cr_assert_eq(strlen(small), sizeof small - 1);
}

static bool same_style(rl_style a, rl_style b)
{
	return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

/* On each side, the kinds that can stand there look different from each other and from plain
 * text, in every scheme; monochrome uses attributes only, and markers too. */
Test(scheme, kinds_stay_apart_in_every_scheme)
{
	const rl_role old_side[] = {RL_ROLE_PLAIN, RL_ROLE_DELETE, RL_ROLE_REWRITE, RL_ROLE_MOVE,
	                            RL_ROLE_QUOTE, RL_ROLE_FORMAT, RL_ROLE_SOFT, RL_ROLE_SOFT};
	const rl_role new_side[] = {RL_ROLE_PLAIN, RL_ROLE_INSERT, RL_ROLE_REWRITE, RL_ROLE_MOVE,
	                            RL_ROLE_QUOTE, RL_ROLE_FORMAT, RL_ROLE_SOFT, RL_ROLE_DERIVED};
	const rl_scheme schemes[] = {RL_SCHEME_MONO, RL_SCHEME_8, RL_SCHEME_256};
	const size_t nk = sizeof old_side / sizeof *old_side;
	for (size_t s = 0; s < 3; s++) {
		for (size_t i = 0; i < nk; i++)
			for (size_t j = i + 1; j < nk; j++) {
				if (old_side[i] != old_side[j])
					cr_assert_not(same_style(rl_scheme_role(schemes[s], old_side[i]),
					                         rl_scheme_role(schemes[s], old_side[j])),
					              "scheme %zu OLD roles %d %d", s, old_side[i], old_side[j]);
				cr_assert_not(same_style(rl_scheme_role(schemes[s], new_side[i]),
				                         rl_scheme_role(schemes[s], new_side[j])),
				              "scheme %zu NEW roles %d %d", s, new_side[i], new_side[j]);
			}
		cr_assert_not(same_style(rl_scheme_face(schemes[s], RL_FACE_MATCH),
		                         rl_scheme_role(schemes[s], RL_ROLE_PLAIN)));
	}
	for (int r = 0; r < RL_ROLE_COUNT; r++) {
		rl_style st = rl_scheme_role(RL_SCHEME_MONO, (rl_role)r);
		cr_assert_eq(st.fg, RL_COLOR_DEFAULT);
		cr_assert_eq(st.bg, RL_COLOR_DEFAULT);
	}
	cr_assert(rl_scheme_markers(RL_SCHEME_MONO));
	cr_assert_not(rl_scheme_markers(RL_SCHEME_256));
}

Test(scheme, picked_by_colours_and_wishes)
{
	cr_assert_eq(rl_scheme_pick(256, false), RL_SCHEME_256);
	cr_assert_eq(rl_scheme_pick(88, false), RL_SCHEME_8);
	cr_assert_eq(rl_scheme_pick(8, false), RL_SCHEME_8);
	cr_assert_eq(rl_scheme_pick(0, false), RL_SCHEME_MONO);
	cr_assert_eq(rl_scheme_pick(256, true), RL_SCHEME_MONO);
	for (int s = 0; s < 3; s++)
		for (int r = 0; r < RL_ROLE_COUNT; r++) {
			rl_style st = rl_scheme_role((rl_scheme)s, (rl_role)r);
			cr_assert_lt(st.fg, s == RL_SCHEME_256 ? 256 : 8);
			cr_assert_lt(st.bg, s == RL_SCHEME_256 ? 256 : 8);
		}
}
