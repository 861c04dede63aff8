/* keymap.c: the action table parsed into bindings, and written out as documentation. */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

typedef struct action_info {
	const char *keys, *help;
} action_info;

static const action_info actions[RL_ACT_COUNT] = {
	[RL_ACT_NONE] = {"", ""},
#define RL_ACTION_INFO(name, keys, help) [RL_ACT_##name] = {keys, help},
	RL_ACTIONS(RL_ACTION_INFO)
#undef RL_ACTION_INFO
};

const char *rl_action_keys(rl_action a)
{
	return a < RL_ACT_COUNT ? actions[a].keys : "";
}

const char *rl_action_help(rl_action a)
{
	return a < RL_ACT_COUNT ? actions[a].help : "";
}

/* Named keys. Wheel and Click are the mouse: documented here, dispatched by the loop. */
static const struct {
	const char *name;
	int key;
} named[] = {
	{"Down", KEY_DOWN}, {"Up", KEY_UP},     {"PgDn", KEY_NPAGE}, {"PgUp", KEY_PPAGE},
	{"Home", KEY_HOME}, {"End", KEY_END},   {"Space", ' '},      {"Tab", '\t'},
	{"Esc", 27},        {"Enter", '\n'},    {"F1", KEY_F(1)},    {"Wheel", 0},
	{"Click", 0},
};

/* One key spec (len bytes of s) into key codes; returns false for a mouse pseudo-key. */
static bool parse_key(const char *s, size_t len, int key[2])
{
	key[0] = key[1] = 0;
	for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
		if (strlen(named[i].name) == len && memcmp(named[i].name, s, len) == 0) {
			key[0] = named[i].key;
			return key[0] != 0;
		}
	}
	if (len == 6 && memcmp(s, "Ctrl-", 5) == 0) {
		key[0] = s[5] & 0x1f;
		return true;
	}
	key[0] = (unsigned char)s[0];
	if (len == 2)
		key[1] = (unsigned char)s[1];
	return true;
}

void rl_keymap_init(rl_keymap *km)
{
	km->n = 0;
	for (int a = 1; a < RL_ACT_COUNT; a++) {
		const char *s = actions[a].keys;
		while (*s) {
			size_t len = strcspn(s, " ");
			int key[2];
			if (len > 0 && parse_key(s, len, key) && km->n < RL_KEYMAP_MAX)
				km->b[km->n++] = (rl_binding){{key[0], key[1]}, (rl_action)a};
			s += len;
			s += *s == ' ';
		}
	}
}

rl_keyres rl_keymap_lookup(const rl_keymap *km, int prefix, int key, rl_action *action)
{
	rl_action alone = RL_ACT_NONE;
	bool starts = false;

	*action = RL_ACT_NONE;
	for (size_t i = 0; i < km->n; i++) {
		const rl_binding *b = &km->b[i];
		if (prefix) {
			if (b->key[0] == prefix && b->key[1] == key) {
				*action = b->action;
				return RL_KEY_ACTION;
			}
			continue;
		}
		if (b->key[0] != key)
			continue;
		if (b->key[1])
			starts = true;
		else
			alone = b->action;
	}
	*action = alone;
	if (starts)
		return RL_KEY_PREFIX;
	return alone != RL_ACT_NONE ? RL_KEY_ACTION : RL_KEY_NONE;
}

/* A growing output into a fixed buffer that counts what it would need, as snprintf does. */
typedef struct doc {
	char *buf;
	size_t n, len;
} doc;

static void put(doc *d, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++, d->len++)
		if (d->len + 1 < d->n)
			d->buf[d->len] = s[i];
	if (d->n)
		d->buf[d->len < d->n ? d->len : d->n - 1] = '\0';
}

static void puts_doc(doc *d, const char *s)
{
	put(d, s, strlen(s));
}

/* Text for roff: a minus is "\-" (a plain "-" may print as a hyphen) and a backslash is "\e". */
static void put_roff(doc *d, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-')
			puts_doc(d, "\\-");
		else if (s[i] == '\\')
			puts_doc(d, "\\e");
		else
			put(d, s + i, 1);
	}
}

/* Each key of an action wrapped in `before` and `after`, joined by `sep`. */
static void put_keys(doc *d, rl_action a, const char *before, const char *after, const char *sep,
                     bool roff)
{
	const char *s = actions[a].keys;
	bool first = true;
	while (*s) {
		size_t len = strcspn(s, " ");
		if (!first)
			puts_doc(d, sep);
		puts_doc(d, before);
		if (roff)
			put_roff(d, s, len);
		else
			put(d, s, len);
		puts_doc(d, after);
		first = false;
		s += len;
		s += *s == ' ';
	}
}

size_t rl_keymap_markdown(char *buf, size_t n)
{
	doc d = {buf, n, 0};
	puts_doc(&d, "| keys | action |\n| --- | --- |\n");
	for (int a = 1; a < RL_ACT_COUNT; a++) {
		puts_doc(&d, "| ");
		put_keys(&d, (rl_action)a, "`", "`", " ", false);
		puts_doc(&d, " | ");
		puts_doc(&d, actions[a].help);
		puts_doc(&d, " |\n");
	}
	return d.len;
}

size_t rl_keymap_roff(char *buf, size_t n)
{
	doc d = {buf, n, 0};
	for (int a = 1; a < RL_ACT_COUNT; a++) {
		puts_doc(&d, ".TP\n");
		put_keys(&d, (rl_action)a, "\\fB", "\\fR", ", ", true);
		puts_doc(&d, "\n");
		/* roff: a line starting with a dot or quote would be a request. */
		const char *h = actions[a].help;
		if (*h == '.' || *h == '\'')
			puts_doc(&d, "\\&");
		put_roff(&d, h, strlen(h));
		puts_doc(&d, "\n");
	}
	return d.len;
}
