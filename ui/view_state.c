/* view_state.c: the helpers every part of the view uses: the status message, the Tab filter. */
#include "view_state.h"

#include <stdarg.h>
#include <stdio.h>

#include "theme.h"

/* Every role that marks a change: all but the roles of plain text and of redline's own marks
 * (so that a kind of change the theme grows later is a change here too). */
#define ROLE_BIT(r) (1u << (r))
#define ALL_CHANGES                                                                          \
	(((1u << RL_ROLE_COUNT) - 1) &                                                           \
	 ~(ROLE_BIT(RL_ROLE_PLAIN) | ROLE_BIT(RL_ROLE_GUTTER) | ROLE_BIT(RL_ROLE_SOFT) |           \
	   ROLE_BIT(RL_ROLE_HEADER)))

/* The Tab cycle: which kinds of change are highlighted. */
static const struct {
	unsigned mask;
	const char *name;  /* NULL: everything */
} filters[] = {
	{ALL_CHANGES, NULL},
	{ROLE_BIT(RL_ROLE_DELETE) | ROLE_BIT(RL_ROLE_INSERT) | ROLE_BIT(RL_ROLE_DERIVED),
	 "deletions and insertions"},
	{ROLE_BIT(RL_ROLE_REWRITE), "rewrites"},
	{ROLE_BIT(RL_ROLE_MOVE), "moves"},
	{ROLE_BIT(RL_ROLE_QUOTE), "quotations"},
	{ROLE_BIT(RL_ROLE_FORMAT), "formatting"},
	{0, "nothing"},
};
#define NFILTERS (sizeof filters / sizeof *filters)

void rl_view_message(rl_view *v, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
	v->msg_error = error;
}

unsigned rl_view_mask(const rl_view *v)
{
	return filters[v->filter].mask;
}

int rl_view_refresh_changes(rl_view *v)
{
	return rl_model_changes(v->model, rl_view_mask(v), &v->changes, &v->nchanges);
}

const char *rl_view_filter_name(const rl_view *v)
{
	return filters[v->filter].name;
}

unsigned rl_view_filter_count(void)
{
	return NFILTERS;
}
