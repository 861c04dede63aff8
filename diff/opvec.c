/* opvec.c: growable lists of ops. */
#include "opvec.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

int rl_opvec_reserve(rl_opvec *ov, size_t want)
{
	if (want <= ov->cap)
		return RL_OK;
	size_t c = ov->cap ? ov->cap : 64;
	while (c < want)
		c *= 2;
	rl_op *v = realloc(ov->v, c * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	ov->v = v;
	ov->cap = c;
	return RL_OK;
}

int rl_opvec_append(rl_opvec *ov, const rl_op *ops, size_t n)
{
	if (ov->n + n > ov->cap && rl_opvec_reserve(ov, ov->n + n) != RL_OK)
		return RL_ENOMEM;
	if (n)
		memcpy(ov->v + ov->n, ops, n * sizeof *ops);
	ov->n += n;
	return RL_OK;
}

void rl_opvec_free(rl_opvec *ov)
{
	free(ov->v);
	memset(ov, 0, sizeof *ov);
}

void rl_opvec_swap(rl_opvec *x, rl_opvec *y)
{
	rl_opvec t = *x;
	*x = *y;
	*y = t;
}
