/* cli.h: the command line, parsed into options. Nothing here prints or exits: main does. */
#ifndef REDLINE_CLI_H
#define REDLINE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "align.h"
#include "doc/doc.h"

typedef enum rl_format {
	RL_FMT_AUTO,          /* the viewer on a terminal, side by side otherwise */
	RL_FMT_SIDE_BY_SIDE,
	RL_FMT_INLINE,
	RL_FMT_JSON,
	RL_FMT_STAT,
	RL_FMT_CHANGES,       /* --changes: the change list in Markdown */
	RL_FMT_HTML,          /* --html: a self-contained HTML report */
} rl_format;

typedef enum rl_color {
	RL_COLOR_AUTO,
	RL_COLOR_ALWAYS,
	RL_COLOR_NEVER,
} rl_color;

/* What is compared. */
typedef enum rl_mode {
	RL_MODE_PAIR,      /* OLD NEW: files, "-", REV:path, or two directories */
	RL_MODE_GIT,       /* --git [REV1 [REV2]] [-- PATHSPEC...] */
	RL_MODE_HISTORY,   /* --history PATH */
	RL_MODE_EXTDIFF,   /* git's external diff: seven operands (nine for a rename) */
	RL_MODE_UNMERGED,  /* git's external diff for an unmerged path: the path alone */
} rl_mode;

/* The operands git passes an external diff program (GIT_EXTERNAL_DIFF, diff.external):
 * PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO]. An absent side is
 * /dev/null with "." for its hex and mode. */
typedef struct rl_extdiff {
	const char *path, *new_path;   /* new_path: NULL unless renamed or copied */
	const char *file[2], *hex[2], *mode[2];
} rl_extdiff;

/* -U, --context: a number of lines, or "all" (everything), or none given: everything for one pair,
 * RL_CLI_CONTEXT_LIST lines around each change for a list, as git diff shows a list of files. */
#define RL_CLI_CONTEXT_ALL (-1)
#define RL_CLI_CONTEXT_DEFAULT (-2)
#define RL_CLI_CONTEXT_LIST 3

/* How many -I expressions one command line may give. */
#define RL_MAX_IGNORE 32

typedef struct rl_cli {
	rl_format format;
	rl_color color;
	unsigned width;         /* 0: the terminal's, COLUMNS, or 160 */
	int context;            /* -U: lines around changes, or RL_CLI_CONTEXT_ALL, _DEFAULT */
	bool text;              /* -a: treat binary files as text */
	size_t max_size;        /* bytes per input */
	rl_diff_opts diff;
	bool help, version;
	const char *paths[2];
	rl_mode mode;
	bool list;              /* --list: the files or versions, not their comparison */
	bool viewer;            /* --viewer: the viewer on the terminal even when stdout is not one */
	bool cached;            /* --cached, --staged: --git compares with the index */
	const char *labels[2];  /* -L, --label: names shown for OLD and NEW */
	unsigned nlabels;
	/* Every operand, in order (those after "--" too); the first nbefore came before "--". */
	char *const *operands;
	size_t noperands, nbefore;
	bool dashdash;
	rl_extdiff ext;         /* RL_MODE_EXTDIFF, RL_MODE_UNMERGED */
	/* Documents: --format, --no-extract, --body; max_size copied in. The -I expressions are
	 * compiled by main into doc.ignore (rl_cli_compile_ignore). */
	rl_doc_opts doc;
	bool extract;           /* --extract FILE: print the text compared, extracted */
	const char *ignore_src[RL_MAX_IGNORE];  /* -I, --ignore-lines: POSIX extended expressions */
	unsigned nignore;
	const char *base;       /* --base ORIG: every operand is compared with ORIG */
} rl_cli;

/* Default input size limit: 256 MiB per input. */
#define RL_MAX_SIZE_DEFAULT ((size_t)256 << 20)

/* Parse argv. On error returns -1 and writes a one-line reason (without "redline: ") to err. */
int rl_cli_parse(rl_cli *cli, int argc, char **argv, char *err, size_t errlen);

/* Compile the -I expressions into re (RL_MAX_IGNORE of them) and point cli->doc at them.
 * Returns -1 with the reason in err for an expression that does not compile (none is then
 * left compiled). rl_cli_free_ignore releases them. */
int rl_cli_compile_ignore(rl_cli *cli, regex_t *re, char *err, size_t errlen);
void rl_cli_free_ignore(rl_cli *cli, regex_t *re);

/* The --help text. */
extern const char rl_cli_usage[];

#endif
