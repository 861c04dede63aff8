/* theme.c: roles of runs, and their look in printed output. */
#include "theme.h"

rl_role rl_role_of_run(const rl_run *run)
{
	if (run->quote != RL_QUOTE_NONE)
		return RL_ROLE_QUOTE;
	if (run->kind == RL_OP_MOVE)
		return RL_ROLE_MOVE;  /* edits inside a moved passage keep the colour of their kind */
	if (run->derived)
		return RL_ROLE_DERIVED;
	switch (run->kind) {
	case RL_OP_DELETE: return RL_ROLE_DELETE;
	case RL_OP_INSERT: return RL_ROLE_INSERT;
	case RL_OP_REPLACE: return RL_ROLE_REWRITE;
	case RL_OP_FORMAT: return RL_ROLE_FORMAT;
	default: return RL_ROLE_PLAIN;
	}
}

const char *rl_role_sgr(rl_role role)
{
	/* 8-colour SGR only, so that any colour terminal and any pager shows it. */
	static const char *const sgr[RL_ROLE_COUNT] = {
		[RL_ROLE_PLAIN] = "",
		[RL_ROLE_DELETE] = "31",        /* red */
		[RL_ROLE_INSERT] = "32",        /* green */
		[RL_ROLE_REWRITE] = "33",       /* yellow */
		[RL_ROLE_MOVE] = "36",          /* cyan */
		[RL_ROLE_QUOTE] = "1;35",       /* bold magenta: never to be missed */
		[RL_ROLE_FORMAT] = "2;4",       /* dim underline: quiet, the words are the same */
		[RL_ROLE_DERIVED] = "34",       /* blue: new wording of old text */
		[RL_ROLE_GUTTER] = "1",
		[RL_ROLE_SOFT] = "2",
		[RL_ROLE_HEADER] = "1",         /* bold, as git's file headers */
	};
	return role < RL_ROLE_COUNT ? sgr[role] : "";
}
