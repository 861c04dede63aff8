/* cli.c: option parsing with getopt_long. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char rl_cli_usage[] =
	"Usage: redline [OPTION]... OLD NEW\n"
	"Compare two versions of a text word by word and show them side by side.\n"
	"OLD and NEW are files, or - for standard input.\n"
	"\n"
	"Output (the interactive viewer on a terminal, --side-by-side otherwise):\n"
	"  -y, --side-by-side     two columns, corresponding passages on the same row\n"
	"      --inline           one column, changes marked [-old-]{+new+}\n"
	"      --json             the alignment as JSON (byte ranges into OLD and NEW)\n"
	"      --stat             one line of word counts and similarity\n"
	"  -W, --width=N          output width in columns (default: the terminal's,\n"
	"                         $COLUMNS, or 160)\n"
	"      --color[=WHEN]     colour: auto (default), always or never; NO_COLOR=1\n"
	"                         turns auto off; without colour, changes are marked\n"
	"\n"
	"Comparison:\n"
	"  -i, --ignore-case      upper and lower case are equal\n"
	"  -p, --ignore-punct     punctuation is not compared\n"
	"      --nfkc             compatibility characters are equal (NFKC: \xef\xac\x81 = fi)\n"
	"      --strict           compare typography too: curly and straight quotes,\n"
	"                         dashes and ... vs \xe2\x80\xa6 (folded by default)\n"
	"      --minimal          exact minimal word diff: no shortcut, no readability stage\n"
	"\n"
	"Input:\n"
	"  -a, --text             treat binary files (a NUL byte in the first 8 KiB) as text\n"
	"      --max-size=SIZE    refuse inputs larger than SIZE bytes (suffixes K, M, G;\n"
	"                         default 256M)\n"
	"\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Exit status: 0 if the texts do not differ, 1 if they differ, 2 on trouble.\n";

enum {
	OPT_INLINE = 256,
	OPT_JSON,
	OPT_STAT,
	OPT_COLOR,
	OPT_NFKC,
	OPT_STRICT,
	OPT_MINIMAL,
	OPT_MAX_SIZE,
};

static const struct option long_opts[] = {
	{"side-by-side", no_argument, NULL, 'y'},
	{"inline", no_argument, NULL, OPT_INLINE},
	{"json", no_argument, NULL, OPT_JSON},
	{"stat", no_argument, NULL, OPT_STAT},
	{"width", required_argument, NULL, 'W'},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"ignore-case", no_argument, NULL, 'i'},
	{"ignore-punct", no_argument, NULL, 'p'},
	{"nfkc", no_argument, NULL, OPT_NFKC},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"minimal", no_argument, NULL, OPT_MINIMAL},
	{"text", no_argument, NULL, 'a'},
	{"max-size", required_argument, NULL, OPT_MAX_SIZE},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

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

static int parse_width(const char *s, unsigned *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < 1 || v > 100000)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int rl_cli_parse(rl_cli *cli, int argc, char **argv, char *err, size_t errlen)
{
	int c;

	*cli = (rl_cli){.max_size = RL_MAX_SIZE_DEFAULT, .diff = RL_DIFF_OPTS_INIT};
	opterr = 0;  /* main reports errors, in one line */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":yW:ipahV", long_opts, NULL)) != -1) {
		switch (c) {
		case 'y': cli->format = RL_FMT_SIDE_BY_SIDE; break;
		case OPT_INLINE: cli->format = RL_FMT_INLINE; break;
		case OPT_JSON: cli->format = RL_FMT_JSON; break;
		case OPT_STAT: cli->format = RL_FMT_STAT; break;
		case 'W':
			if (parse_width(optarg, &cli->width) != 0) {
				snprintf(err, errlen, "invalid width '%s' (a number of columns, 1 to 100000)",
				         optarg);
				return -1;
			}
			break;
		case OPT_COLOR:
			if (!optarg || strcmp(optarg, "always") == 0 || strcmp(optarg, "yes") == 0)
				cli->color = RL_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0 || strcmp(optarg, "no") == 0)
				cli->color = RL_COLOR_NEVER;
			else if (strcmp(optarg, "auto") == 0)
				cli->color = RL_COLOR_AUTO;
			else {
				snprintf(err, errlen, "invalid --color value '%s' (auto, always or never)",
				         optarg);
				return -1;
			}
			break;
		case 'i': cli->diff.key.fold_case = true; break;
		case 'p': cli->diff.key.ignore_punct = true; break;
		case OPT_NFKC: cli->diff.key.nfkc = true; break;
		case OPT_STRICT: cli->diff.key.fold_typography = false; break;
		case OPT_MINIMAL: cli->diff.minimal = true; break;
		case 'a': cli->text = true; break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &cli->max_size) != 0) {
				snprintf(err, errlen, "invalid size '%s' (bytes, or with K, M or G)", optarg);
				return -1;
			}
			break;
		case 'h': cli->help = true; return 0;
		case 'V': cli->version = true; return 0;
		case ':':
			snprintf(err, errlen, "option '%s' needs a value", argv[optind - 1]);
			return -1;
		default:
			if (optopt)
				snprintf(err, errlen, "unknown option '-%c'", optopt);
			else
				snprintf(err, errlen, "unknown option '%s'", argv[optind - 1]);
			return -1;
		}
	}
	if (argc - optind < 2) {
		snprintf(err, errlen, "missing operand: need OLD and NEW");
		return -1;
	}
	if (argc - optind > 2) {
		snprintf(err, errlen, "extra operand '%s'", argv[optind + 2]);
		return -1;
	}
	cli->paths[0] = argv[optind];
	cli->paths[1] = argv[optind + 1];
	return 0;
}
