/* zipxml.c: zip members and their XML, with the limits of zipxml.h. */
#include "zipxml.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An OLE compound file: what Word and LibreOffice write when a document has a password (and what
 * the old binary .doc format is). */
static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

zip_t *rl_zip_open(const char *data, size_t len, char *err, size_t errlen)
{
	if (len >= sizeof ole_magic && !memcmp(data, ole_magic, sizeof ole_magic)) {
		snprintf(err, errlen, "the document is encrypted or in an old binary format (not a zip archive)");
		return NULL;
	}
	if (len < 22) {  /* smaller than a zip's end record: libzip would open it as empty */
		snprintf(err, errlen, "not a valid zip archive (truncated or damaged)");
		return NULL;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (!za) {
		if (src)
			zip_source_free(src);
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP || zip_error_code_zip(&ze) == ZIP_ER_INCONS)
			snprintf(err, errlen, "not a valid zip archive (truncated or damaged)");
		else
			snprintf(err, errlen, "not a valid zip archive (%s)", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(za, 0) > RL_ZIP_MAX_MEMBERS) {
		snprintf(err, errlen, "the zip archive has more than %d members", RL_ZIP_MAX_MEMBERS);
		zip_discard(za);
		return NULL;
	}
	return za;
}

int rl_zip_has(zip_t *za, const char *name)
{
	return zip_name_locate(za, name, 0) >= 0;
}

/* Inflate the member into a growing buffer, at most RL_ZIP_MAX_MEMBER bytes (one more is asked
 * for, to tell "exactly at the cap" from "over it"). hint is the size the header claims. */
static int read_member(zip_file_t *zf, const char *name, size_t hint, char **out, size_t *out_len,
                       char *err, size_t errlen)
{
	size_t cap = hint < (64u << 10) ? (64u << 10) : hint + 1, n = 0;
	char *buf = malloc(cap + 1);
	for (;;) {
		if (!buf) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (n == cap) {
			cap = cap > RL_ZIP_MAX_MEMBER / 2 ? RL_ZIP_MAX_MEMBER + 1 : cap * 2;
			char *more = realloc(buf, cap + 1);
			if (!more)
				free(buf);
			buf = more;
			continue;
		}
		zip_int64_t got = zip_fread(zf, buf + n, cap - n);
		if (got < 0) {
			snprintf(err, errlen, "%s is damaged (%s)", name, zip_file_strerror(zf));
			break;
		}
		if (got == 0) {
			buf[n] = '\0';
			*out = buf;
			*out_len = n;
			return 0;
		}
		n += (size_t)got;
		if (n > RL_ZIP_MAX_MEMBER) {
			snprintf(err, errlen, "%s inflates to over %u MiB (a zip bomb?)", name,
			         RL_ZIP_MAX_MEMBER >> 20);
			break;
		}
	}
	free(buf);
	return -1;
}

int rl_zip_read(zip_t *za, const char *name, char **out, size_t *out_len, char *err, size_t errlen)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(za, name, 0, &st) != 0) {
		snprintf(err, errlen, "%s is missing", name);
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		snprintf(err, errlen, "the document is encrypted (%s)", name);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > RL_ZIP_MAX_MEMBER) {
		snprintf(err, errlen, "%s inflates to over %u MiB (a zip bomb?)", name, RL_ZIP_MAX_MEMBER >> 20);
		return -1;
	}
	/* The size in the header is a claim: the buffer grows to it at most, reading is capped. */
	zip_file_t *zf = zip_fopen(za, name, 0);
	if (!zf) {
		snprintf(err, errlen, "%s cannot be read (%s)", name, zip_strerror(za));
		return -1;
	}
	size_t hint = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size : 0;
	int rc = read_member(zf, name, hint, out, out_len, err, errlen);
	zip_fclose(zf);
	return rc;
}

xmlDoc *rl_zip_xml(zip_t *za, const char *name, char *err, size_t errlen)
{
	char *buf;
	size_t len;
	if (rl_zip_read(za, name, &buf, &len, err, errlen) != 0)
		return NULL;
	/* No XML_PARSE_NOENT, DTDLOAD or HUGE: entities are not substituted, nothing external is
	 * fetched, and libxml2's default depth and size limits hold. */
	xmlDoc *doc = xmlReadMemory(buf, (int)len, name, NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		/* libxml2's message ends with a line end and may quote the input: one line of printable
		 * ASCII, trimmed. */
		const xmlError *e = xmlGetLastError();
		char msg[96];
		snprintf(msg, sizeof msg, "%s", e && e->message ? e->message : "parse error");
		for (char *c = msg; *c; c++)
			if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7F)
				*c = *c == '\n' || *c == '\t' ? ' ' : '?';
		size_t n = strlen(msg);
		while (n && msg[n - 1] == ' ')
			msg[--n] = '\0';
		snprintf(err, errlen, "%s is not valid XML (line %d: %s)", name, e ? e->line : 0, msg);
	}
	free(buf);
	return doc;
}

int rl_zip_read_text(const char *data, size_t len, size_t max_out, rl_zip_text_fn *text,
                     char **out, size_t *out_len, char *err, size_t errlen)
{
	zip_t *za = rl_zip_open(data, len, err, errlen);
	if (!za)
		return -1;
	rl_docbuf b;
	rl_docbuf_init(&b, max_out);
	int rc = text(za, &b, err, errlen);
	if (rc == 0)
		rc = rl_docbuf_finish(&b, out, out_len, err, errlen);
	rl_docbuf_release(&b);
	zip_discard(za);
	return rc;
}

xmlDoc *rl_zip_xml_required(zip_t *za, const char *name, const char *what, char *err,
                            size_t errlen)
{
	if (!rl_zip_has(za, name)) {
		snprintf(err, errlen, "not %s (no %s)", what, name);
		return NULL;
	}
	return rl_zip_xml(za, name, err, errlen);
}

int rl_xml_is(const xmlNode *node, const char *local)
{
	return node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, local);
}

int rl_xml_is_any(const xmlNode *node, const char *const *locals, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rl_xml_is(node, locals[i]))
			return 1;
	return 0;
}

/* As htmlnode.c's RL_HTML_ROW_TEXT: four cells of 250 characters; the look is bounded too. */
#define RL_XML_ROW_TEXT 1000
#define RL_XML_ROW_NODES 4000

int rl_xml_data_row(const xmlNode *tr)
{
	size_t text = 0, seen = 0;
	const xmlNode *n = tr->children;
	while (n) {
		if (++seen > RL_XML_ROW_NODES || rl_xml_is(n, "tbl") || rl_xml_is(n, "table"))
			return 0;
		if (n->type == XML_TEXT_NODE && n->content &&
		    (text += strlen((const char *)n->content)) > RL_XML_ROW_TEXT)
			return 0;
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != tr && !n->next)
			n = n->parent;
		n = n && n != tr ? n->next : NULL;
	}
	return 1;
}

char *rl_xml_attr(const xmlNode *node, const char *local)
{
	for (const xmlAttr *a = node->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, local))
			return (char *)xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

long rl_xml_attr_long(const xmlNode *node, const char *local, long dflt)
{
	char *v = rl_xml_attr(node, local);
	char *end = NULL;
	long r = v ? strtol(v, &end, 10) : dflt;
	if (v && (end == v || r < 0 || r > 1000000000L))
		r = dflt;
	xmlFree(v);
	return r;
}

void rl_xml_nodes_push(rl_xml_nodes *s, const xmlNode *node)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		const xmlNode **v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = node;
}
