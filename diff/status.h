/* status.h: the error codes every diff/ function returns.
 *
 * The engine never prints and never exits: each fallible function returns one of these, and the
 * program turns it into one line on standard error (src/run/show.h) and main into an exit
 * status. */
#ifndef REDLINE_STATUS_H
#define REDLINE_STATUS_H

typedef enum rl_status {
	RL_OK = 0,
	RL_ENOMEM = -1,   /* an allocation failed; nothing was leaked */
	RL_ETOOBIG = -2,  /* input beyond what token offsets can address (4 GiB) */
	RL_EINVAL = -3,   /* a caller broke a documented precondition */
	RL_ECANCELED = -4,  /* the caller's rl_cancel asked to stop; nothing was leaked */
} rl_status;

#include <stdbool.h>

/* A caller's way to stop a long comparison (a viewer whose user pressed q or sent a signal):
 * the engine calls asked(ctx) now and then (every few milliseconds of work) and, when it returns
 * true, stops with RL_ECANCELED. No globals: the state lives behind ctx. */
typedef struct rl_cancel {
	bool (*asked)(void *ctx);
	void *ctx;
} rl_cancel;

/* A short English description of a status, for the program's messages. */
const char *rl_strerror(int status);

#endif
