/* out.c: safe, coloured output. */
#include "out.h"

#include <string.h>

#include "text.h"

void rl_out_init(rl_out *o, FILE *fp, bool color, bool ascii)
{
	o->fp = fp;
	o->color = color;
	o->ascii = ascii;
	o->role = RL_ROLE_PLAIN;
}

void rl_out_raw(rl_out *o, const char *s, size_t n)
{
	fwrite(s, 1, n, o->fp);
}

void rl_out_str(rl_out *o, const char *s)
{
	fputs(s, o->fp);
}

void rl_out_spaces(rl_out *o, unsigned n)
{
	static const char blanks[] = "                                ";
	while (n > 0) {
		unsigned k = n < sizeof blanks - 1 ? n : (unsigned)(sizeof blanks - 1);
		fwrite(blanks, 1, k, o->fp);
		n -= k;
	}
}

void rl_out_text(rl_out *o, const char *s, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		rl_grapheme g;
		char buf[RL_ESCAPE_MAX];
		rl_grapheme_next(s + pos, n - pos, &g);
		switch (g.kind) {
		case RL_G_ESCAPE:
			fwrite(buf, 1, rl_grapheme_escape(&g, s + pos, buf), o->fp);
			break;
		case RL_G_PRINT:
			/* A cluster longer than one byte holds non-ASCII, even when it starts with an
			 * ASCII letter ("e" and a combining accent): its stand-in then. */
			if (o->ascii && (g.len > 1 || (unsigned char)s[pos] >= 0x80))
				fwrite(buf, 1, rl_grapheme_ascii(&g, buf), o->fp);
			else
				fwrite(s + pos, 1, g.len, o->fp);
			break;
		default:
			/* Whitespace inside a run: a space; a document never moves the cursor. */
			fputc(' ', o->fp);
			break;
		}
		pos += g.len;
	}
}

void rl_out_role(rl_out *o, rl_role role)
{
	if (!o->color || role == o->role)
		return;
	const char *sgr = rl_role_sgr(role);
	fprintf(o->fp, "\033[0%s%sm", *sgr ? ";" : "", sgr);
	o->role = role;
}

int rl_out_flush(FILE *fp)
{
	/* fflush alone is not enough: a write that failed while the buffer filled (help text longer
	 * than one buffer, say) sets the error flag, and the later flush may then succeed. */
	return fflush(fp) != 0 || ferror(fp) ? -1 : 0;
}

int rl_out_finish(rl_out *o)
{
	rl_out_role(o, RL_ROLE_PLAIN);
	return rl_out_flush(o->fp);
}

char *rl_sanitize(const char *s, char *buf, size_t len)
{
	size_t n = strlen(s), pos = 0, k = 0;

	if (len == 0)
		return buf;
	while (pos < n) {
		rl_grapheme g;
		char esc[RL_ESCAPE_MAX];
		const char *piece = s + pos;
		size_t plen;
		rl_grapheme_next(s + pos, n - pos, &g);
		if (g.kind == RL_G_ESCAPE || g.kind == RL_G_NEWLINE || g.kind == RL_G_PARA) {
			if (g.kind != RL_G_ESCAPE)
				g.kind = RL_G_ESCAPE;  /* a line end inside a name is shown, not obeyed */
			plen = rl_grapheme_escape(&g, s + pos, esc);
			piece = esc;
		} else {
			plen = g.len;
		}
		if (k + plen + 1 > len)
			break;
		memcpy(buf + k, piece, plen);
		k += plen;
		pos += g.len;
	}
	buf[k] = '\0';
	return buf;
}
