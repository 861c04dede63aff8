/* cli.c: option parsing with getopt_long. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char rl_cli_usage[] =
	"Usage: redline [OPTION]... OLD NEW [NEWER]...\n"
	"  or:  redline [OPTION]... --base ORIG VERSION...\n"
	"  or:  redline [OPTION]... --git [REV1 [REV2]] [-- PATHSPEC...]\n"
	"  or:  redline [OPTION]... --history PATH\n"
	"  or:  redline [OPTION]... --extract FILE\n"
	"Compare two versions of a text word by word and show them side by side.\n"
	"OLD and NEW are files, - for standard input, REV:path for a file in git\n"
	"(HEAD~2:story.md; :story.md is the index), or two directories. With more\n"
	"files, each is compared with the next ([ and ] step between them in the viewer).\n"
	"      --base=ORIG        compare each VERSION with ORIG instead (printed: each\n"
	"                         pair under its header; --stat: one line per VERSION)\n"
	"\n"
	"Output (the interactive viewer on a terminal, --side-by-side otherwise):\n"
	"  -y, --side-by-side     two columns, corresponding passages on the same row\n"
	"      --inline           one column, changes marked [-old-]{+new+}\n"
	"      --json             the alignment as JSON (byte ranges into OLD and NEW)\n"
	"      --stat             one line of word counts and similarity\n"
	"      --changes          the changes of substance, one Markdown line each:\n"
	"                         quotations, moves, sentences deleted and inserted,\n"
	"                         formatting changed (emphasis -> strong)\n"
	"      --html             a report to send: one HTML file, no script, no network:\n"
	"                         both texts side by side, legend, statistics, changes;\n"
	"                         for a list, a section per pair and a table of contents\n"
	"  -U, --context=N        printed outputs show only the changes, with N lines\n"
	"                         (default 3) of unchanged text around each; 'all'\n"
	"                         shows everything (the default for one pair; --git,\n"
	"                         --history, directories and --base default to 3)\n"
	"  -W, --width=N          output width in columns (default: the terminal's,\n"
	"                         $COLUMNS, the controlling terminal's, or 160);\n"
	"                         --inline wraps at N only when it is given\n"
	"      --color[=WHEN]     auto (default), always or never (also --colour);\n"
	"                         NO_COLOR=1 turns auto off; without colour, changes are\n"
	"                         marked\n"
	"      --viewer           the viewer on the terminal (/dev/tty) even when\n"
	"                         standard output is not one (git's external diff)\n"
	"\n"
	"Comparison:\n"
	"  -i, --ignore-case      upper and lower case are equal\n"
	"  -p, --ignore-punct     punctuation is not compared\n"
	"      --nfkc             compatibility characters are equal (NFKC: \xef\xbc\xa1 = A)\n"
	"      --strict           compare typography too: curly and straight quotes,\n"
	"                         dashes, ... vs \xe2\x80\xa6, ligatures (\xef\xac\x81 = fi),\n"
	"                         soft hyphens inside words, compounds written apart,\n"
	"                         hyphenated or joined (open source = open-source,\n"
	"                         e-mail = email), list bullets restyled (- = \xe2\x80\xa2):\n"
	"                         all folded by default\n"
	"      --minimal          the exact minimal word diff: no shortcut, no\n"
	"                         readability stage; Thai split into words everywhere\n"
	"\n"
	"Readability stages (all on by default; --minimal turns them all off):\n"
	"      --no-swaps         keep each run of changed words as one rewrite instead\n"
	"                         of pairing swapped words one to one\n"
	"      --no-cleanup       keep coincidental matches of small words inside\n"
	"                         rewrites, and edits where the exact diff put them\n"
	"      --no-moves         show moved passages as a deletion and an insertion\n"
	"      --no-sentences     do not re-align heavily rewritten text sentence by\n"
	"                         sentence\n"
	"      --no-quotes        do not look for quotations nor flag changes to them\n"
	"      --no-sources       do not link summary lines to the sentences of OLD\n"
	"                         they restate elsewhere\n"
	"\n"
	"Input:\n"
	"  -a, --text             treat binary files (a NUL byte in the first 8 KiB) as\n"
	"                         text\n"
	"      --max-size=SIZE    refuse inputs larger than SIZE bytes (suffixes K, M, G;\n"
	"                         default 256M)\n"
	"\n"
	"Documents (HTML, Markdown, DOCX, ODT, EPUB, PDF: told from their content;\n"
	"a document with tracked changes is read with them accepted):\n"
	"      --format=FMT       read every side as FMT: text, html, markdown, docx,\n"
	"                         odt, epub or pdf\n"
	"      --extract          print the text extracted from FILE (--json's byte\n"
	"                         ranges point into it) and exit\n"
	"      --no-extract       HTML: every text node, not only the main article\n"
	"      --body             drop page furniture (menus, 'Related posts',\n"
	"                         copyright lines; in plain text also short lines\n"
	"                         outside the article); on by default for HTML\n"
	"      --no-body          keep page furniture\n"
	"  -I, --ignore-lines=RE  drop the lines that match the extended regular\n"
	"                         expression RE (as git diff -I)\n"
	"\n"
	"Git (through libgit2, in the repository around the current directory):\n"
	"      --git              compare the files that differ: the index and the\n"
	"                         working tree; with REV, REV and the working tree; with\n"
	"                         two, REV1 and REV2 (also REV1..REV2, REV1...REV2); the\n"
	"                         viewer opens on the list of files (Enter opens one, q\n"
	"                         back)\n"
	"      --cached, --staged with --git: REV (default HEAD) and the index\n"
	"      --history          every version of PATH along the first-parent history;\n"
	"                         the viewer opens on the latest change ([ goes back);\n"
	"                         printed, each change in order, oldest first\n"
	"      --list             list the files (or versions) instead of comparing them\n"
	"  -L, --label=NAME       show NAME instead of OLD's name (the second: NEW's);\n"
	"                         for two directories, NAME replaces the directory\n"
	"  As git's external diff (GIT_EXTERNAL_DIFF=redline, diff.external) redline\n"
	"  prints each file side by side and exits 0 (with --viewer: the viewer, unless\n"
	"  git's pager is running); see doc/git.md and the man page.\n"
	"\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Exit status: 0 if the texts do not differ, 1 if they differ, 2 on trouble;\n"
	"binary files: 0 if their bytes are the same, else 1 (--json: a JSON document\n"
	"saying so). A signal that ends the viewer (Ctrl-C, SIGTERM, SIGHUP) ends\n"
	"redline too, once the terminal is restored: the shell sees 128+N (130 for\n"
	"Ctrl-C).\n";

enum {
	OPT_INLINE = 256,
	OPT_JSON,
	OPT_STAT,
	OPT_CHANGES,
	OPT_HTML,
	OPT_COLOR,
	OPT_NFKC,
	OPT_STRICT,
	OPT_MINIMAL,
	OPT_MAX_SIZE,
	OPT_GIT,
	OPT_HISTORY,
	OPT_LIST,
	OPT_CACHED,
	OPT_VIEWER,
	OPT_FORMAT,
	OPT_NO_EXTRACT,
	OPT_EXTRACT,
	OPT_BODY,
	OPT_NO_BODY,
	OPT_BASE,
	/* --no-STAGE: this bit, and the bit of the stage it switches off (RL_STAGE_*, all below) */
	OPT_NO_STAGE = 1 << 12,
};

static const struct option long_opts[] = {
	{"side-by-side", no_argument, NULL, 'y'},
	{"inline", no_argument, NULL, OPT_INLINE},
	{"json", no_argument, NULL, OPT_JSON},
	{"stat", no_argument, NULL, OPT_STAT},
	{"changes", no_argument, NULL, OPT_CHANGES},
	{"html", no_argument, NULL, OPT_HTML},
	{"width", required_argument, NULL, 'W'},
	{"context", required_argument, NULL, 'U'},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"ignore-case", no_argument, NULL, 'i'},
	{"ignore-punct", no_argument, NULL, 'p'},
	{"nfkc", no_argument, NULL, OPT_NFKC},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"minimal", no_argument, NULL, OPT_MINIMAL},
	{"text", no_argument, NULL, 'a'},
	{"max-size", required_argument, NULL, OPT_MAX_SIZE},
	{"git", no_argument, NULL, OPT_GIT},
	{"history", no_argument, NULL, OPT_HISTORY},
	{"list", no_argument, NULL, OPT_LIST},
	{"cached", no_argument, NULL, OPT_CACHED},
	{"staged", no_argument, NULL, OPT_CACHED},
	{"viewer", no_argument, NULL, OPT_VIEWER},
	{"label", required_argument, NULL, 'L'},
	{"base", required_argument, NULL, OPT_BASE},
	{"no-swaps", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_SWAPS},
	{"no-cleanup", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_CLEANUP},
	{"no-moves", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_MOVES},
	{"no-sentences", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_SENTENCES},
	{"no-quotes", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_QUOTES},
	{"no-sources", no_argument, NULL, OPT_NO_STAGE | RL_STAGE_SOURCES},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"no-extract", no_argument, NULL, OPT_NO_EXTRACT},
	{"extract", no_argument, NULL, OPT_EXTRACT},
	{"body", no_argument, NULL, OPT_BODY},
	{"no-body", no_argument, NULL, OPT_NO_BODY},
	{"ignore-lines", required_argument, NULL, 'I'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

_Static_assert((int)RL_STAGES_ALL < (int)OPT_NO_STAGE, "a --no-STAGE option carries its stage's bit");

/* Write a one-line reason to err; -1, the parser's failure. */
__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* "1000", "64K", "256M", "1G" -> bytes. */
static int parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return -1;
	unsigned shift = 0;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10, end++; break;
	case 'm': case 'M': shift = 20, end++; break;
	case 'g': case 'G': shift = 30, end++; break;
	default: return -1;
	}
	if (*end != '\0' || v > (~0ULL >> shift) || (v << shift) > (unsigned long long)SIZE_MAX)
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/* A whole number from lo to hi, the whole of s. */
static int parse_count(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* -W's value: columns. */
static int parse_width(const char *s, unsigned *out)
{
	long v;
	if (parse_count(s, 1, 100000, &v) != 0)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* -U's value: a number of lines, or "all". */
static int parse_context(const char *s, int *out)
{
	long v;
	if (strcmp(s, "all") == 0) {
		*out = RL_CLI_CONTEXT_ALL;
		return 0;
	}
	if (parse_count(s, 0, 1000000, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* --color's value (none: always). */
static int parse_color(const char *s, rl_color *out)
{
	if (!s || strcmp(s, "always") == 0 || strcmp(s, "yes") == 0)
		*out = RL_COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0 || strcmp(s, "no") == 0)
		*out = RL_COLOR_NEVER;
	else if (strcmp(s, "auto") == 0)
		*out = RL_COLOR_AUTO;
	else
		return -1;
	return 0;
}

/* The short options, for getopt and for finding "--" before it runs. */
#define SHORT_OPTS ":yW:U:ipahVL:I:"

/* Does a long option (the text after "--") take its value from the next argument? */
static bool long_takes_next(const char *arg)
{
	size_t n = strcspn(arg, "=");
	const struct option *hit = NULL;
	int hits = 0;

	if (arg[n] == '=')
		return false;
	for (const struct option *o = long_opts; o->name; o++) {
		if (strncmp(o->name, arg, n) != 0)
			continue;
		hit = o;
		hits++;
		if (strlen(o->name) == n) {
			hits = 1;
			break;
		}
	}
	return hits == 1 && hit->has_arg == required_argument;
}

/* Does a cluster of short options (the text after "-") take a value from the next argument? */
static bool short_takes_next(const char *arg)
{
	for (size_t i = 0; arg[i]; i++) {
		const char *p = arg[i] == ':' ? NULL : strchr(&SHORT_OPTS[1], arg[i]);
		if (p && p[1] == ':')
			return arg[i + 1] == '\0';
	}
	return false;
}

/* Where the "--" that ends the options is (argc when there is none). getopt would move the
 * operands before it next to those after it, and --git must tell revisions from paths. */
static int find_dashdash(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return i;
		if (a[0] == '-' && a[1] != '\0' &&
		    (a[1] == '-' ? long_takes_next(a + 2) : short_takes_next(a + 1)))
			i++;
	}
	return argc;
}

static bool all_of(const char *s, const char *set, size_t n)
{
	return strlen(s) == n && strspn(s, set) == n;
}

/* One side as git passes it: FILE HEX MODE, with ". ." for an absent side. */
static bool ext_side(char *const *a)
{
	if (strcmp(a[1], ".") == 0 || strcmp(a[2], ".") == 0)
		return strcmp(a[1], ".") == 0 && strcmp(a[2], ".") == 0;
	return (all_of(a[1], "0123456789abcdef", 40) || all_of(a[1], "0123456789abcdef", 64)) &&
	       all_of(a[2], "01234567", 6);
}

/* Is this git's external diff call: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE,
 * and for a rename or copy NEW-PATH INFO? Forty hex digits and six octal ones in the right places
 * do not happen by chance in a list of files. */
static bool parse_extdiff(rl_cli *cli)
{
	char *const *a = cli->operands;

	if ((cli->noperands != 7 && cli->noperands != 9) || !ext_side(a + 1) || !ext_side(a + 4))
		return false;
	cli->ext = (rl_extdiff){.path = a[0], .new_path = cli->noperands == 9 ? a[7] : NULL,
	                        .file = {a[1], a[4]}, .hex = {a[2], a[5]}, .mode = {a[3], a[6]}};
	return true;
}

/* Decide what is compared, once the options are known. */
static int set_mode(rl_cli *cli, bool git, bool history, char *err, size_t errlen)
{
	if (git && history)
		return fail(err, errlen, "--git and --history cannot be combined");
	if (cli->cached && !git)
		return fail(err, errlen, "--cached goes with --git");
	if (cli->viewer && (cli->format != RL_FMT_AUTO || cli->list))
		return fail(err, errlen, "--viewer cannot go with an output format or --list");
	if ((git || history) && cli->nlabels)
		return fail(err, errlen, "--label names the sides of two files or two directories");
	if (cli->base) {
		if (git || history || cli->list)
			return fail(err, errlen, "--base compares files: not with --git, --history or --list");
		if (cli->noperands < 1)
			return fail(err, errlen, "missing operand: --base ORIG needs a VERSION to compare");
		cli->paths[0] = cli->base;
		cli->paths[1] = cli->operands[0];
		return 0;
	}
	if (git) {
		cli->mode = RL_MODE_GIT;
		return 0;
	}
	if (history) {
		if (cli->noperands != 1)
			return fail(err, errlen, "--history takes one PATH");
		cli->mode = RL_MODE_HISTORY;
		return 0;
	}
	if (parse_extdiff(cli)) {
		cli->mode = RL_MODE_EXTDIFF;
		return 0;
	}
	/* git calls an external diff with the path alone for an unmerged file. */
	if (cli->noperands == 1 && getenv("GIT_DIFF_PATH_COUNTER")) {
		cli->mode = RL_MODE_UNMERGED;
		cli->ext.path = cli->operands[0];
		return 0;
	}
	if (cli->noperands < 2)
		return fail(err, errlen, "missing operand: need OLD and NEW");
	/* More than two: versions, each compared with the next (rl_run_versions reads them all). */
	cli->paths[0] = cli->operands[0];
	cli->paths[1] = cli->operands[1];
	return 0;
}

int rl_cli_parse(rl_cli *cli, int argc, char **argv, char *err, size_t errlen)
{
	int c, dashdash = find_dashdash(argc, argv);
	bool git = false, history = false;

	*cli = (rl_cli){.max_size = RL_MAX_SIZE_DEFAULT, .diff = RL_DIFF_OPTS_INIT,
	                .context = RL_CLI_CONTEXT_DEFAULT};
	opterr = 0;  /* main reports errors, in one line */
	optind = 1;
	while ((c = getopt_long(dashdash, argv, SHORT_OPTS, long_opts, NULL)) != -1) {
		switch (c) {
		case 'y': cli->format = RL_FMT_SIDE_BY_SIDE; break;
		case OPT_INLINE: cli->format = RL_FMT_INLINE; break;
		case OPT_JSON: cli->format = RL_FMT_JSON; break;
		case OPT_STAT: cli->format = RL_FMT_STAT; break;
		case OPT_CHANGES: cli->format = RL_FMT_CHANGES; break;
		case OPT_HTML: cli->format = RL_FMT_HTML; break;
		case 'W':
			if (parse_width(optarg, &cli->width) != 0)
				return fail(err, errlen, "invalid width '%s' (a number of columns, "
				            "1 to 100000)", optarg);
			break;
		case 'U':
			if (parse_context(optarg, &cli->context) != 0)
				return fail(err, errlen, "invalid context '%s' (a number of lines, or all)",
				            optarg);
			break;
		case OPT_COLOR:
			if (parse_color(optarg, &cli->color) != 0)
				return fail(err, errlen, "invalid --color value '%s' (auto, always or never)",
				            optarg);
			break;
		case 'i': cli->diff.key.fold_case = true; break;
		case 'p': cli->diff.key.ignore_punct = true; break;
		case OPT_NFKC: cli->diff.key.nfkc = true; break;
		case OPT_STRICT: cli->diff.key.fold_typography = false; break;
		case OPT_MINIMAL: cli->diff.minimal = true; break;
		case 'a': cli->text = true; break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &cli->max_size) != 0)
				return fail(err, errlen, "invalid size '%s' (bytes, or with K, M or G)", optarg);
			break;
		case OPT_GIT: git = true; break;
		case OPT_HISTORY: history = true; break;
		case OPT_LIST: cli->list = true; break;
		case OPT_CACHED: cli->cached = true; break;
		case OPT_VIEWER: cli->viewer = true; break;
		case OPT_BASE: cli->base = optarg; break;
		case 'L':
			if (cli->nlabels == 2)
				return fail(err, errlen, "too many labels (one for OLD, one for NEW)");
			cli->labels[cli->nlabels++] = optarg;
			break;
		case OPT_FORMAT:
			if (rl_doc_format_parse(optarg, &cli->doc.format) != 0)
				return fail(err, errlen, "invalid --format '%s' (text, html, markdown, docx, "
				            "odt, epub or pdf)", optarg);
			break;
		case OPT_NO_EXTRACT: cli->doc.no_extract = true; break;
		case OPT_EXTRACT: cli->extract = true; break;
		case OPT_BODY: cli->doc.body = RL_BODY_ON; break;
		case OPT_NO_BODY: cli->doc.body = RL_BODY_OFF; break;
		case 'I':
			if (cli->nignore == RL_MAX_IGNORE)
				return fail(err, errlen, "too many -I expressions (at most %d)", RL_MAX_IGNORE);
			cli->ignore_src[cli->nignore++] = optarg;
			break;
		case 'h': cli->help = true; return 0;
		case 'V': cli->version = true; return 0;
		case ':':
			return fail(err, errlen, "option '%s' needs a value", argv[optind - 1]);
		default:
			if (c & OPT_NO_STAGE) {
				cli->diff.stages &= ~(unsigned)(c & ~OPT_NO_STAGE);
				break;
			}
			if (optopt)
				return fail(err, errlen, "unknown option '-%c'", optopt);
			return fail(err, errlen, "unknown option '%s'", argv[optind - 1]);
		}
	}
	/* The operands after "--" join those before it, in order. */
	if (dashdash < argc) {
		for (int k = dashdash; k + 1 < argc; k++)
			argv[k] = argv[k + 1];
		argc--;
		cli->dashdash = true;
	}
	cli->operands = argv + optind;
	cli->noperands = (size_t)(argc - optind);
	cli->nbefore = (size_t)(dashdash - optind);
	cli->doc.max_size = cli->max_size;
	if (cli->extract) {
		if (git || history || cli->list || cli->noperands != 1)
			return fail(err, errlen, "--extract takes one FILE");
		return 0;
	}
	return set_mode(cli, git, history, err, errlen);
}

int rl_cli_compile_ignore(rl_cli *cli, regex_t *re, char *err, size_t errlen)
{
	for (unsigned k = 0; k < cli->nignore; k++) {
		int rc = regcomp(&re[k], cli->ignore_src[k], REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			char why[256];
			regerror(rc, &re[k], why, sizeof why);
			snprintf(err, errlen, "invalid -I expression '%s': %s", cli->ignore_src[k], why);
			while (k-- > 0)
				regfree(&re[k]);
			return -1;
		}
	}
	cli->doc.ignore = re;
	cli->doc.nignore = cli->nignore;
	return 0;
}

void rl_cli_free_ignore(rl_cli *cli, regex_t *re)
{
	for (unsigned k = 0; k < cli->nignore; k++)
		regfree(&re[k]);
	cli->doc.ignore = NULL;
	cli->doc.nignore = 0;
}
