/* keymap.h: the viewer's actions, defined once with their keys and help text.
 *
 * The one table below feeds the key map, the help overlay, the README's key list and the man
 * page's (a test checks both documents against it). Pure: key codes are curses' (plain characters
 * below KEY_MIN, KEY_* above), but nothing here calls curses. */
#ifndef REDLINE_KEYMAP_H
#define REDLINE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

/* X(NAME, "keys", "help"). Keys are separated by spaces: a character, a two-key sequence ("]c"),
 * or a name: Down Up PgDn PgUp Home End Space Tab Esc Enter F1 Ctrl-X, and Wheel and Click for
 * the mouse. */
#define RL_ACTIONS(X)                                                                   \
	X(LINE_DOWN, "j Down", "scroll down a line")                                        \
	X(LINE_UP, "k Up", "scroll up a line")                                              \
	X(PAGE_DOWN, "Space PgDn", "scroll down a page")                                    \
	X(PAGE_UP, "b PgUp", "scroll up a page")                                            \
	X(TOP, "g Home", "go to the start")                                                 \
	X(BOTTOM, "G End", "go to the end")                                                 \
	X(NEXT, "n", "next change; after a search, next match")                             \
	X(PREV, "N", "previous change; after a search, previous match")                     \
	X(NEXT_CHANGE, "]c", "next change")                                                 \
	X(PREV_CHANGE, "[c", "previous change")                                             \
	X(SEARCH, "/", "search forward (lower case matches either case)")                   \
	X(SEARCH_BACK, "?", "search backward")                                              \
	X(CLEAR, "Esc", "clear the search and the selection")                               \
	X(MOVE_END, "m", "jump to the other end of a moved passage")                        \
	X(SOURCE, "s", "jump to the old sentence a summary line restates; s again: back")   \
	X(FILTER, "Tab", "cycle which kinds of change are highlighted")                     \
	X(FOLD_CASE, "i", "toggle ignoring case (compares again)")                          \
	X(FOLD_PUNCT, "p", "toggle ignoring punctuation (compares again)")                  \
	X(FOLD_TYPO, "t", "toggle folding quotes, dashes, ellipses, compounds (compares again)")    \
	X(UNIFIED, "u", "toggle the unified one-column view")                               \
	X(FOLD, "z", "fold unchanged stretches longer than a screen; z again: unfold")      \
	X(NEXT_PAIR, "]", "next pair of versions; next file of a list")                     \
	X(PREV_PAIR, "[", "previous pair of versions; previous file of a list")             \
	X(OPEN, "Enter", "unfold the first fold on screen; in the file list: open the file")\
	X(HELP, "h F1", "show or hide this help")                                           \
	X(REDRAW, "Ctrl-L", "redraw the screen")                                            \
	X(MOUSE, "M", "mouse off, to select and copy text with it; M again: on")            \
	X(QUIT, "q", "quit; in a file opened from the file list, back to the list")         \
	X(EXIT, "Ctrl-C", "quit at once, from a file or the list")                          \
	X(WHEEL, "Wheel", "scroll both panes")                                              \
	X(CLICK, "Click", "select the change under the pointer; on the list, the file")

typedef enum rl_action {
	RL_ACT_NONE,
#define RL_ACTION_ENUM(name, keys, help) RL_ACT_##name,
	RL_ACTIONS(RL_ACTION_ENUM)
#undef RL_ACTION_ENUM
	RL_ACT_COUNT
} rl_action;

/* The keys of an action as the table spells them ("j Down"), and its help text. */
const char *rl_action_keys(rl_action a);
const char *rl_action_help(rl_action a);

/* Bindings parsed from the table. */
#define RL_KEYMAP_MAX 64
typedef struct rl_binding {
	int key[2];  /* one key, or a sequence of two (key[1] == 0 for one) */
	rl_action action;
} rl_binding;

typedef struct rl_keymap {
	rl_binding b[RL_KEYMAP_MAX];
	size_t n;
} rl_keymap;

void rl_keymap_init(rl_keymap *km);

typedef enum rl_keyres {
	RL_KEY_NONE,    /* not bound */
	RL_KEY_ACTION,  /* *action is what the key (after the pending prefix, if any) does */
	RL_KEY_PREFIX,  /* the key starts a sequence: wait for the next one; *action is what the key
	                   does alone (RL_ACT_NONE if nothing) if no second key comes */
} rl_keyres;

/* Look a key up, after `prefix` (0 when no key is pending). */
rl_keyres rl_keymap_lookup(const rl_keymap *km, int prefix, int key, rl_action *action);

/* The key list as a Markdown table (README) and as man page (roff) paragraphs. Return the length
 * they need (as snprintf does); write at most n bytes into buf including the terminator. */
size_t rl_keymap_markdown(char *buf, size_t n);
size_t rl_keymap_roff(char *buf, size_t n);

#endif
