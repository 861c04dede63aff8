/* curseslib.h: ncursesw, loaded when the viewer is about to start, never for printed output.
 *
 * Only the viewer draws with curses; the printed outputs (--stat, --json, -y, --changes, --inline)
 * ask terminfo nothing. Linking ncursesw and libtinfo made every run pay for them: 500 of the 740
 * symbol bindings and 0.4 M of the 1.0 M instructions of `redline --stat a b` on two small files.
 * Instead the library is opened with dlopen() by its soname (found at configure time, see
 * ui/CMakeLists.txt; libtinfo comes in as its dependency) and the functions and variables the
 * viewer uses are looked up once into a table, as src/input/gitlib.h does for libgit2.
 *
 * Include this header instead of <curses.h> in the files that call curses (terminal.c, pane.c,
 * statusline.c, loop.c, through terminal.h); a file that also needs <term.h> includes it first,
 * since the macros below would rename term.h's declarations. Each curses name of the lists becomes
 * a call through the table (a variable, a read through its pointer), so those files read as plain
 * curses code; a name missing from the lists fails at link time (the program does not link
 * ncursesw), never at run time. */
#ifndef REDLINE_CURSESLIB_H
#define REDLINE_CURSESLIB_H

#include <curses.h>
#include <stddef.h>

/* The functions the viewer calls, declared in <curses.h>. */
#define RL_CURSES_FUNCTIONS(X)                                                               \
	X(cbreak) X(clearok) X(curs_set) X(delscreen) X(doupdate) X(endwin) X(getmouse)           \
	X(has_colors) X(idlok) X(init_pair) X(intrflush) X(keypad) X(mouseinterval) X(mousemask) \
	X(newterm) X(noecho) X(nonl) X(resizeterm) X(scrollok) X(set_escdelay) X(set_term)       \
	X(start_color) X(tigetflag) X(tigetnum) X(tigetstr) X(ungetch) X(use_default_colors)     \
	X(waddch) X(waddnstr) X(wattrset) X(werase) X(wgetch) X(whline) X(wmove) X(wnoutrefresh) \
	X(wtimeout) X(wvline)
/* The variables it reads. */
#define RL_CURSES_VARIABLES(X) X(COLORS) X(COLOR_PAIRS) X(COLS) X(LINES) X(curscr) X(stdscr) X(acs_map)

/* One pointer per function, with the function's own type (__typeof__), so each call through the
 * table is type-checked against <curses.h>; one pointer per variable. The three functions of
 * <term.h> (not included here: its capability macros would reach every file) are typed by hand. */
#define RL_CURSES_MEMBER(f) __typeof__(f) *f;
typedef struct rl_curseslib {
	RL_CURSES_FUNCTIONS(RL_CURSES_MEMBER)
	RL_CURSES_VARIABLES(RL_CURSES_MEMBER)
	int (*setupterm)(const char *, int, int *);
	struct term *(*set_curterm)(struct term *);
	int (*del_curterm)(struct term *);
} rl_curseslib;
#undef RL_CURSES_MEMBER

/* The table, NULL until rl_curses_load has succeeded. */
extern const rl_curseslib *rl_curses;

/* Load ncursesw (once; later calls return 0 at once, or -1 again). The library is the soname the
 * program was built against, or the file named by the environment variable REDLINE_LIBNCURSES.
 * Returns 0, or -1 with a one-line reason in err (may be NULL): "the viewer needs
 * libncursesw.so.6, which cannot be loaded (...)". */
int rl_curses_load(char *err, size_t errlen);
/* NULL, or the reason a load failed (the same line). */
const char *rl_curses_missing(void);

/* The calls: an object-like macro whose expansion names itself is not expanded again, so
 * `wmove(w, y, x)` becomes `(rl_curses->wmove)(w, y, x)` and `COLS` `(*rl_curses->COLS)`.
 * curseslib.c, which fills the table by name, defines RL_CURSESLIB_TABLE_ONLY to keep the names. */
#ifndef RL_CURSESLIB_TABLE_ONLY
#define cbreak (rl_curses->cbreak)
#define clearok (rl_curses->clearok)
#define curs_set (rl_curses->curs_set)
#define delscreen (rl_curses->delscreen)
#define doupdate (rl_curses->doupdate)
#define endwin (rl_curses->endwin)
#define getmouse (rl_curses->getmouse)
#define has_colors (rl_curses->has_colors)
#define idlok (rl_curses->idlok)
#define init_pair (rl_curses->init_pair)
#define intrflush (rl_curses->intrflush)
#define keypad (rl_curses->keypad)
#define mouseinterval (rl_curses->mouseinterval)
#define mousemask (rl_curses->mousemask)
#define newterm (rl_curses->newterm)
#define noecho (rl_curses->noecho)
#define nonl (rl_curses->nonl)
#define resizeterm (rl_curses->resizeterm)
#define scrollok (rl_curses->scrollok)
#define set_escdelay (rl_curses->set_escdelay)
#define set_term (rl_curses->set_term)
#define start_color (rl_curses->start_color)
#define tigetflag (rl_curses->tigetflag)
#define tigetnum (rl_curses->tigetnum)
#define tigetstr (rl_curses->tigetstr)
#define ungetch (rl_curses->ungetch)
#define use_default_colors (rl_curses->use_default_colors)
#define waddch (rl_curses->waddch)
#define waddnstr (rl_curses->waddnstr)
#define wattrset (rl_curses->wattrset)
#define werase (rl_curses->werase)
#define wgetch (rl_curses->wgetch)
#define whline (rl_curses->whline)
#define wmove (rl_curses->wmove)
#define wnoutrefresh (rl_curses->wnoutrefresh)
#define wtimeout (rl_curses->wtimeout)
#define wvline (rl_curses->wvline)
#define setupterm (rl_curses->setupterm)
#define set_curterm (rl_curses->set_curterm)
#define del_curterm (rl_curses->del_curterm)
#define COLORS (*rl_curses->COLORS)
#define COLOR_PAIRS (*rl_curses->COLOR_PAIRS)
#define COLS (*rl_curses->COLS)
#define LINES (*rl_curses->LINES)
#define curscr (*rl_curses->curscr)
#define stdscr (*rl_curses->stdscr)
#define acs_map (*rl_curses->acs_map)
#endif

#endif
