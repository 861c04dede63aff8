/* print_list.c: what surrounds the comparisons of a list: each pair's header line, the file list
 * of --git --list and the version list of --history --list. Names, authors and subjects come from
 * repositories and directories nobody vetted, so every one goes through rl_out_text. */
#include <stdlib.h>
#include <string.h>

#include "print.h"
#include "status.h"
#include "text.h"

/* Characters a POSIX shell takes literally in a word. */
static const char shell_plain[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%+,-./:=@_^~";

/* Would git quote this name (core.quotePath aside): has it a control byte, '"' or '\\'? */
static bool git_quotes(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\')
			return true;
	return false;
}

/* Byte c as a C escape, as git quotes it: \n, \t, \", \\ or three octal digits. */
static size_t c_escape(unsigned char c, char buf[5])
{
	static const char named[] = "a\007b\010t\011n\012v\013f\014r\015";
	for (const char *p = named; *p; p += 2)
		if ((unsigned char)p[1] == c)
			return (size_t)snprintf(buf, 5, "\\%c", p[0]);
	if (c == '"' || c == '\\' || c == '\'')
		return (size_t)snprintf(buf, 5, "\\%c", c);
	return (size_t)snprintf(buf, 5, "\\%03o", c);
}

/* s between open and close, its control bytes, '"', '\\' (and, in_shell, '\'') as C escapes, the
 * rest through rl_out_text. */
static size_t plain_run(const char *s, bool in_shell)
{
	size_t run = 0;
	for (unsigned char c; (c = (unsigned char)s[run]) && c >= 0x20 && c != 0x7f && c != '"' &&
	                      c != '\\' && !(in_shell && c == '\'');)
		run++;
	return run;
}

static void c_quoted(rl_out *o, const char *s, const char *open, const char *close, bool in_shell)
{
	rl_out_str(o, open);
	while (*s) {
		size_t run = plain_run(s, in_shell);
		rl_out_text(o, s, run);
		s += run;
		if (*s) {
			char buf[5];
			rl_out_raw(o, buf, c_escape((unsigned char)*s++, buf));
		}
	}
	rl_out_str(o, close);
}

/* A path in a list, quoted as git quotes it ("a\nb.txt") when it holds a line end, another
 * control byte, '"' or '\\'; else as it is. A name stays one line that names one file. */
static void list_name(rl_out *o, const char *s)
{
	if (git_quotes(s))
		c_quoted(o, s, "\"", "\"", false);
	else
		rl_out_text(o, s, strlen(s));
}

/* A name as one shell word: as it is when plain, in single quotes, or, when it holds a control
 * byte, in $'...' with git's C escapes (bash, zsh, ksh and POSIX.1-2024 shells read it back). */
static void shell_word(rl_out *o, const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && strspn(s, shell_plain) == n && s[0] != '~') {
		rl_out_text(o, s, n);
		return;
	}
	if (git_quotes(s)) {
		c_quoted(o, s, "$'", "'", true);
		return;
	}
	rl_out_raw(o, "'", 1);
	for (const char *q; (q = strchr(s, '\'')); s = q + 1) {
		rl_out_text(o, s, (size_t)(q - s));
		rl_out_raw(o, "'\\''", 4);
	}
	rl_out_text(o, s, strlen(s));
	rl_out_raw(o, "'", 1);
}

static void version_line(rl_out *o, const rl_version *v)
{
	rl_out_text(o, v->commit, strlen(v->commit));
	rl_out_raw(o, " ", 1);
	rl_out_text(o, v->date, strlen(v->date));
	rl_out_raw(o, " ", 1);
	rl_out_text(o, v->author, strlen(v->author));
	if (*v->subject) {
		rl_out_raw(o, ": ", 2);
		rl_out_text(o, v->subject, strlen(v->subject));
	}
	rl_out_raw(o, "\n", 1);
}

void rl_print_pair_header(rl_out *o, const char *old_name, const char *new_name,
                          const rl_version *version)
{
	rl_out_role(o, RL_ROLE_HEADER);
	rl_out_str(o, "redline ");
	shell_word(o, old_name);
	rl_out_raw(o, " ", 1);
	shell_word(o, new_name);
	rl_out_raw(o, "\n", 1);
	if (version && version->commit)
		version_line(o, version);
	rl_out_role(o, RL_ROLE_PLAIN);
}

void rl_print_no_difference(rl_out *o)
{
	rl_out_str(o, "(no difference in the words)\n");
}

/* The path a file list shows for a pair: the new path, "old -> new" when it moved. */
static void pair_path(rl_out *o, const rl_side_info *a, const rl_side_info *b)
{
	const char *p = b->path ? b->path : a->path ? a->path : b->name;
	if (a->path && b->path && strcmp(a->path, b->path) != 0) {
		list_name(o, a->path);
		rl_out_str(o, " -> ");
	}
	list_name(o, p);
}

void rl_print_list_entry(rl_out *o, const rl_pairs *list, size_t i, const char *mark)
{
	const rl_pair_info *p = rl_pairs_pair(list, i);
	char letter[3] = {(char)p->change, ' ', '\0'};

	rl_out_str(o, letter);
	pair_path(o, rl_pairs_side(list, p->side[0]), rl_pairs_side(list, p->side[1]));
	if (p->submodule)
		rl_out_str(o, " (submodule)");
	else if (p->change == RL_CHANGE_UNMERGED)
		rl_out_str(o, " (unmerged)");
	else if (mark)
		fprintf(o->fp, " (%s)", mark);
	rl_out_raw(o, "\n", 1);
}

/* Display width of a string as rl_out_text draws it. */
static size_t width_of(const char *s)
{
	return rl_text_width(s, strlen(s));
}

static void padded(rl_out *o, const char *s, size_t width)
{
	size_t w = width_of(s);
	rl_out_text(o, s, strlen(s));
	rl_out_spaces(o, (unsigned)(width > w ? width - w : 0) + 2);
}

/* Display width of a path as list_name draws it. */
static size_t name_width(const char *s)
{
	if (!git_quotes(s))
		return width_of(s);
	size_t w = 2;
	while (*s) {
		size_t run = plain_run(s, false);
		w += rl_text_width(s, run);
		s += run;
		if (*s) {
			char buf[5];
			w += c_escape((unsigned char)*s++, buf);
		}
	}
	return w;
}

void rl_print_versions(rl_out *o, const rl_pairs *list)
{
	size_t n = rl_pairs_sides(list), wid = 0, wauthor = 0, wpath = 0;

	for (size_t i = 0; i < n; i++) {
		const rl_side_info *s = rl_pairs_side(list, i);
		if (!s->version.commit)
			continue;
		size_t a = width_of(s->version.commit), b = width_of(s->version.author),
		       c = name_width(s->path ? s->path : "");
		wid = a > wid ? a : wid;
		wauthor = b > wauthor ? b : wauthor;
		wpath = c > wpath ? c : wpath;
	}
	for (size_t i = 0; i < n; i++) {
		const rl_side_info *s = rl_pairs_side(list, i);
		if (!s->version.commit)
			continue;
		padded(o, s->version.commit, wid);
		padded(o, s->version.date, 0);
		padded(o, s->version.author, wauthor);
		if (*s->version.subject) {
			const char *path = s->path ? s->path : "";
			list_name(o, path);
			rl_out_spaces(o, (unsigned)(wpath - name_width(path)) + 2);
			rl_out_text(o, s->version.subject, strlen(s->version.subject));
		} else if (s->path) {
			list_name(o, s->path);
		}
		rl_out_raw(o, "\n", 1);
	}
}
