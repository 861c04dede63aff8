/* cli.h: the command line, parsed into options. Nothing here prints or exits: main does. */
#ifndef REDLINE_CLI_H
#define REDLINE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "align.h"

typedef enum rl_format {
	RL_FMT_AUTO,          /* the viewer on a terminal, side by side otherwise */
	RL_FMT_SIDE_BY_SIDE,
	RL_FMT_INLINE,
	RL_FMT_JSON,
	RL_FMT_STAT,
} rl_format;

typedef enum rl_color {
	RL_COLOR_AUTO,
	RL_COLOR_ALWAYS,
	RL_COLOR_NEVER,
} rl_color;

typedef struct rl_cli {
	rl_format format;
	rl_color color;
	unsigned width;         /* 0: the terminal's, COLUMNS, or 160 */
	bool text;              /* -a: treat binary files as text */
	size_t max_size;        /* bytes per input */
	rl_diff_opts diff;
	bool help, version;
	const char *paths[2];
} rl_cli;

/* Default input size limit: 256 MiB per input. */
#define RL_MAX_SIZE_DEFAULT ((size_t)256 << 20)

/* Parse argv. On error returns -1 and writes a one-line reason (without "redline: ") to err. */
int rl_cli_parse(rl_cli *cli, int argc, char **argv, char *err, size_t errlen);

/* The --help text. */
extern const char rl_cli_usage[];

#endif
