/* terminal.c: curses on and off, colours from the scheme, input events, signals, safe text. */
/* <term.h> before terminal.h, whose curseslib.h would rename its declarations (curseslib.h).
 * <term.h> defines macros named after terminfo capabilities (lines, columns, ...): no local
 * variable of this file may be called that. */
#include <curses.h>
#include <term.h>

#include "terminal.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "names.h"

/* How long an Escape waits for the rest of an escape sequence. */
#define ESC_DELAY_MS 25
/* How long the first byte of a UTF-8 sequence waits for the rest: a terminal sends a character's
 * bytes together, so anything slower is a broken sequence, dropped. */
#define UTF8_DELAY_MS 50

/* ------------------------------------------------------------------ signals
 *
 * A signal handler can only reach file-scope state. It is set up in rl_term_start and torn down
 * in rl_term_end, and nothing else in the program touches it. */

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NSTOP (sizeof stop_signals / sizeof *stop_signals)
#define NFATAL (sizeof fatal_signals / sizeof *fatal_signals)

static volatile sig_atomic_t got_signal;
/* Job control: Ctrl-Z (SIGTSTP) asked for a stop; the process was continued (SIGCONT). */
static volatile sig_atomic_t got_tstp, got_cont;
static struct sigaction old_stop[NSTOP], old_fatal[NFATAL], old_tstp, old_cont;
static bool handlers_on, tstp_on;
/* What a fatal signal writes to put the terminal back: mouse and keypad off, attributes off,
 * cursor on, the normal screen back; then the terminal modes the shell had. */
static char restore_seq[256];
static size_t restore_len;
static int restore_fd = -1;
static struct termios saved_modes;
static bool have_modes;

static void on_stop(int sig)
{
	got_signal = sig;
}

static void on_tstp(int sig)
{
	(void)sig;
	got_tstp = 1;
}

static void on_cont(int sig)
{
	(void)sig;
	got_cont = 1;
}

static void on_fatal(int sig)
{
	if (restore_fd >= 0 && restore_len > 0 && write(restore_fd, restore_seq, restore_len) < 0) {
		/* Nothing more can be done from here; the modes below still help. */
	}
	if (have_modes)
		tcsetattr(restore_fd, TCSANOW, &saved_modes);
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &old_fatal[i], NULL);
	raise(sig);
}

static void install_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key, so the loop sees it at once. */
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &sa, &old_stop[i]);
	/* Ctrl-Z is ours to act on in the loop (ncurses would otherwise install a handler that
	 * redraws from inside the signal). A shell without job control that ignores it keeps it
	 * ignored. */
	sigaction(SIGTSTP, NULL, &old_tstp);
	tstp_on = old_tstp.sa_handler != SIG_IGN;
	if (tstp_on) {
		sa.sa_handler = on_tstp;
		sigaction(SIGTSTP, &sa, NULL);
	}
	sa.sa_handler = on_cont;
	sigaction(SIGCONT, &sa, &old_cont);
	sa.sa_handler = on_fatal;
	sa.sa_flags = (int)SA_RESETHAND;
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &old_fatal[i]);
	got_signal = got_tstp = got_cont = 0;
	handlers_on = true;
}

static void remove_handlers(void)
{
	if (!handlers_on)
		return;
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &old_stop[i], NULL);
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &old_fatal[i], NULL);
	if (tstp_on)
		sigaction(SIGTSTP, &old_tstp, NULL);
	sigaction(SIGCONT, &old_cont, NULL);
	handlers_on = tstp_on = false;
}

int rl_term_signal(void)
{
	return got_signal;
}

bool rl_term_interrupted(const rl_term *t, bool keys)
{
	if (got_signal)
		return true;
	if (!keys)
		return false;
	struct pollfd p = {.fd = t->in ? fileno(t->in) : -1, .events = POLLIN};
	return got_tstp || (p.fd >= 0 && poll(&p, 1, 0) > 0);
}

/* Stop as Ctrl-Z asks, the terminal given back first: endwin restores the shell's modes, the
 * normal screen, the cursor, and turns keypad and mouse modes off. The stop itself is SIGTSTP's
 * default action, raised with our handler out of the way; raise returns once the process is
 * continued. */
static void stop_now(void)
{
	struct sigaction dfl, ours;
	sigset_t set, old;

	endwin();
	memset(&dfl, 0, sizeof dfl);
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &dfl, &ours);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGTSTP, &ours, NULL);
}

/* After a stop the terminal may have another size (a SIGWINCH that came while stopped is not
 * always seen): take its size now. The next frame repaints every cell. */
static void refit(const rl_term *t)
{
	struct winsize ws;
	if (ioctl(t->fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
}

bool rl_term_job_control(rl_term *t)
{
	if (!got_tstp && !got_cont)
		return false;
	if (got_tstp) {
		got_tstp = 0;
		stop_now();
	}
	got_cont = 0;
	refit(t);
	return true;
}

/* Append a terminfo string to the restore sequence, without its padding ("$<5>"). */
static void restore_add(const char *cap)
{
	if (!cap || cap == (const char *)-1)
		return;
	for (const char *p = cap; *p && restore_len + 1 < sizeof restore_seq; p++) {
		if (p[0] == '$' && p[1] == '<') {
			const char *end = strchr(p, '>');
			if (end) {
				p = end;
				continue;
			}
		}
		restore_seq[restore_len++] = *p;
	}
}

static void build_restore(bool mouse)
{
	restore_len = 0;
	if (mouse)
		restore_add("\033[?1006l\033[?1000l");
	restore_add(tigetstr("rmkx"));
	restore_add(tigetstr("sgr0"));
	restore_add(tigetstr("cnorm"));
	restore_add(tigetstr("rmcup"));
}

/* ------------------------------------------------------------------ start, end */

bool rl_term_usable(int out_fd, int *colors)
{
	const char *term = getenv("TERM");
	int err = 0;

	*colors = 0;
	if (out_fd < 0 || !isatty(out_fd) || !term || !*term || strcmp(term, "dumb") == 0)
		return false;
	if (rl_curses_load(NULL, 0) != 0 || setupterm(NULL, out_fd, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (const char *)-1 && tigetflag("hc") <= 0;
	int n = tigetnum("colors");
	*colors = n > 0 ? n : 0;
	del_curterm(set_curterm(NULL));  /* setupterm's entry (cur_term, not in the table) */
	if (!ok)
		return false;
	if (out_fd != STDOUT_FILENO || isatty(STDIN_FILENO))
		return true;
	int fd = open("/dev/tty", O_RDONLY | O_NOCTTY);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static attr_t attr_of(rl_style s, short *pair, bool color, bool defaults)
{
	attr_t a = A_NORMAL;
	if (s.attrs & RL_A_BOLD)
		a |= A_BOLD;
	if (s.attrs & RL_A_UNDERLINE)
		a |= A_UNDERLINE;
	if (s.attrs & RL_A_REVERSE)
		a |= A_REVERSE;
	if (s.attrs & RL_A_DIM)
		a |= A_DIM;
	if (!color || (s.fg == RL_COLOR_DEFAULT && s.bg == RL_COLOR_DEFAULT) || *pair >= COLOR_PAIRS)
		return a;
	short fg = s.fg, bg = s.bg;
	if (!defaults) {
		/* A terminal without default colours: the classic white on black. */
		fg = fg == RL_COLOR_DEFAULT ? COLOR_WHITE : fg;
		bg = bg == RL_COLOR_DEFAULT ? COLOR_BLACK : bg;
	}
	if (fg >= COLORS || bg >= COLORS || init_pair(*pair, fg, bg) != OK)
		return a;
	return a | COLOR_PAIR((*pair)++);
}

static void init_colors(rl_term *t)
{
	bool color = t->scheme != RL_SCHEME_MONO && has_colors() && start_color() == OK;
	bool defaults = color && use_default_colors() == OK;
	short pair = 1;

	if (!color)
		t->scheme = RL_SCHEME_MONO;  /* attributes alone still tell the kinds apart */
	for (int r = 0; r < RL_ROLE_COUNT; r++)
		t->role[r] = attr_of(rl_scheme_role(t->scheme, (rl_role)r), &pair, color, defaults);
	for (int f = 0; f < RL_FACE_COUNT; f++)
		t->face[f] = attr_of(rl_scheme_face(t->scheme, (rl_face)f), &pair, color, defaults);
}

static FILE *key_source(FILE *in, bool *own)
{
	*own = false;
	if (in)
		return in;
	if (isatty(STDIN_FILENO))
		return stdin;
	*own = true;
	return fopen("/dev/tty", "r");
}

int rl_term_start(rl_term *t, FILE *out, FILE *in, rl_scheme scheme, bool ascii, bool mouse)
{
	memset(t, 0, sizeof *t);
	t->scheme = scheme;
	t->ascii = ascii;
	t->mouse = mouse;
	if (rl_curses_load(NULL, 0) != 0 || !(t->in = key_source(in, &t->own_in)))
		return -1;
	t->fd = restore_fd = fileno(out);
	have_modes = tcgetattr(restore_fd, &saved_modes) == 0;
	install_handlers();
	t->screen = newterm(NULL, out, t->in);
	if (!t->screen) {
		rl_term_end(t);
		return -1;
	}
	set_term(t->screen);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);  /* scroll with the terminal's own line operations: fewer bytes */
	scrollok(stdscr, FALSE);
	curs_set(0);
	set_escdelay(ESC_DELAY_MS);
	rl_term_set_mouse(t, mouse);
	init_colors(t);
	return 0;
}

void rl_term_set_mouse(rl_term *t, bool on)
{
	/* Presses only, no REPORT_MOUSE_POSITION: ncurses asks for button events (1000), not for
	 * all-motion tracking (1003), which would flood the loop and take the terminal's selection. */
	mousemask(on ? BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0, NULL);
	mouseinterval(0);
	t->mouse = on;
	build_restore(on);
}

void rl_term_end(rl_term *t)
{
	if (t->screen) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
	}
	restore_len = 0;
	restore_fd = -1;
	have_modes = false;
	remove_handlers();
	if (t->own_in && t->in)
		fclose(t->in);
	t->in = NULL;
	t->own_in = false;
}

void rl_term_size(unsigned *cols, unsigned *rows)
{
	int y, x;
	getmaxyx(stdscr, y, x);
	*cols = x > 0 ? (unsigned)x : 0;
	*rows = y > 0 ? (unsigned)y : 0;
}

/* ------------------------------------------------------------------ input */

static void read_mouse(rl_input *in)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		in->kind = RL_IN_WHEEL;
		in->wheel = -1;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		in->kind = RL_IN_WHEEL;
		in->wheel = 1;
	} else if (ev.bstate & BUTTON1_PRESSED) {
		in->kind = RL_IN_CLICK;
		in->y = ev.y;
		in->x = ev.x;
	}
}

/* How many bytes a UTF-8 sequence starting with b has (0: b cannot start one: a continuation
 * byte, an overlong lead, or 0xF5..0xFF, such as the 0xFF of an 8-bit Meta key). */
static int utf8_length(int b)
{
	return b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
}

/* The rest of a character whose first byte is lead, read byte by byte (ncurses' own decoder
 * waits for bytes that never come after an invalid one, swallowing the keys that follow). A byte
 * that does not continue the sequence is put back, to be read as the next key; a sequence cut
 * short or invalid is dropped whole. Returns the code point, or -1. */
static int read_utf8(int lead)
{
	int len = utf8_length(lead);
	if (len == 0)
		return -1;
	char buf[4] = {(char)lead};
	wtimeout(stdscr, UTF8_DELAY_MS);
	for (int i = 1; i < len; i++) {
		int c = wgetch(stdscr);
		if (c == ERR)
			return -1;
		if (c < 0x80 || c > 0xBF) {
			ungetch(c);
			return -1;
		}
		buf[i] = (char)c;
	}
	int32_t cp;
	size_t used = rl_utf8_decode(buf, (size_t)len, &cp);
	return used == (size_t)len && cp >= 0 ? (int)cp : -1;
}

void rl_term_read(rl_input *in, int timeout_ms)
{
	memset(in, 0, sizeof *in);
	wtimeout(stdscr, timeout_ms);
	/* Bytes, not wget_wch: the UTF-8 is decoded here, so that one invalid byte costs one
	 * dropped key, never the keys after it. */
	int c = wgetch(stdscr);
	if (c == ERR)
		return;
	if (c == KEY_RESIZE) {
		in->kind = RL_IN_RESIZE;
	} else if (c == KEY_MOUSE) {
		read_mouse(in);
	} else if (c >= KEY_MIN) {
		in->kind = RL_IN_KEY;
		in->key = c;
	} else if ((c = c < 0x80 ? c : read_utf8(c)) >= 0) {
		in->kind = RL_IN_CHAR;
		in->key = c;
	}
}

/* ------------------------------------------------------------------ text */

/* How much of cluster g curses draws in exactly g->width columns by its own count of widths:
 * the whole cluster, its first code point alone (an emoji sequence the C library measures
 * differently), or nothing (0: draw a stand-in). Columns must agree, or the right pane drifts. */
static size_t drawable_len(const char *s, const rl_grapheme *g)
{
	int32_t cp;
	size_t first = rl_utf8_decode(s, g->len, &cp), pos = first;
	int w0 = cp < 0 ? -1 : wcwidth((wchar_t)cp), total = w0;
	if (w0 < 0)
		return 0;
	while (pos < g->len && total >= 0) {
		int32_t c;
		pos += rl_utf8_decode(s + pos, g->len - pos, &c);
		int w = c < 0 ? -1 : wcwidth((wchar_t)c);
		total = w < 0 ? -1 : total + w;
	}
	if (total == g->width)
		return g->len;
	return w0 == g->width ? first : 0;
}

/* A line end inside a file name is shown, not obeyed: as an escape, with that width. */
static rl_grapheme as_drawn(const char *s, const rl_grapheme *g)
{
	rl_grapheme d = *g;
	if (d.kind == RL_G_NEWLINE || d.kind == RL_G_PARA) {
		char buf[RL_ESCAPE_MAX];
		d.kind = RL_G_ESCAPE;
		d.width = (uint8_t)rl_grapheme_escape(&d, s, buf);
	}
	return d;
}

void rl_term_put(WINDOW *w, const rl_term *t, const char *s, const rl_grapheme *g0, attr_t attr,
                 attr_t esc_attr)
{
	rl_grapheme g = as_drawn(s, g0);
	char buf[RL_ESCAPE_MAX];
	int y, x;
	size_t n;

	getyx(w, y, x);
	switch (g.kind) {
	case RL_G_PRINT:
		n = t->ascii ? 0 : drawable_len(s, &g);
		wattrset(w, attr);
		if (n)
			waddnstr(w, s, (int)n);
		else
			waddnstr(w, buf, (int)rl_grapheme_ascii(&g, buf));
		break;
	case RL_G_SPACE:
		wattrset(w, attr);
		for (unsigned i = 0; i < g.width; i++)
			waddch(w, ' ');
		break;
	default:
		wattrset(w, esc_attr);
		waddnstr(w, buf, (int)rl_grapheme_escape(&g, s, buf));
		break;
	}
	wmove(w, y, x + g.width);
}

unsigned rl_term_text(WINDOW *w, const rl_term *t, const char *s, size_t n, unsigned maxcols,
                      attr_t attr)
{
	unsigned cols = 0;
	for (size_t pos = 0; pos < n;) {
		rl_grapheme g;
		rl_grapheme_next(s + pos, n - pos, &g);
		rl_grapheme d = as_drawn(s + pos, &g);
		if (cols + d.width > maxcols)
			break;
		rl_term_put(w, t, s + pos, &g, attr, attr);
		cols += d.width;
		pos += g.len;
	}
	return cols;
}

unsigned rl_term_width(const char *s)
{
	return (unsigned)rl_text_width(s, strlen(s));
}

unsigned rl_term_name(WINDOW *w, const rl_term *t, const char *name, unsigned room, attr_t a)
{
	size_t n = strlen(name), pos = 0;
	unsigned wd = rl_term_width(name);
	if (room == 0)
		return 0;
	if (wd <= room)
		return rl_term_text(w, t, name, n, room, a);
	for (const char *slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/')) {
		if (slash[1] && rl_term_width(slash) + 1 <= room) {
			pos = (size_t)(slash - name);  /* "…/file.txt" */
			break;
		}
	}
	for (wd = rl_term_width(name + pos); pos < n && wd + 1 > room;) {
		rl_grapheme g;
		rl_grapheme_next(name + pos, n - pos, &g);
		wd -= (unsigned)rl_text_width(name + pos, g.len);
		pos += g.len;
	}
	wattrset(w, a | A_DIM);
	waddstr(w, t->ascii ? "<" : "\xe2\x80\xa6");  /* … */
	return 1 + rl_term_text(w, t, name + pos, n - pos, room - 1, a);
}

/* A description (names.h) in at most `room` columns: its start, which tells versions apart,
 * with a mark at the end when cut. */
static unsigned term_description(WINDOW *w, const rl_term *t, const char *name, unsigned room,
                                 attr_t a)
{
	size_t n = strlen(name), len = 0;
	unsigned wd = rl_term_width(name);
	if (room == 0)
		return 0;
	if (wd <= room)
		return rl_term_text(w, t, name, n, room, a);
	for (unsigned used = 0; len < n;) {
		rl_grapheme g;
		rl_grapheme_next(name + len, n - len, &g);
		unsigned gw = (unsigned)rl_text_width(name + len, g.len);
		if (used + gw + 1 > room)
			break;
		used += gw;
		len += g.len;
	}
	unsigned drawn = rl_term_text(w, t, name, len, room - 1, a);
	wattrset(w, a | A_DIM);
	waddstr(w, t->ascii ? ">" : "\xe2\x80\xa6");  /* … */
	return drawn + 1;
}

static unsigned term_either(WINDOW *w, const rl_term *t, const char *name, unsigned room,
                            attr_t a)
{
	return rl_name_is_description(name) ? term_description(w, t, name, room, a)
	                                    : rl_term_name(w, t, name, room, a);
}

void rl_term_names(WINDOW *w, const rl_term *t, const char *old_name, const char *new_name,
                   unsigned room, attr_t a)
{
	const char *arrow = t->ascii ? " -> " : " \xe2\x86\x92 ";
	unsigned arrow_w = t->ascii ? 4 : 3;
	char shorter[1024], first[64];
	if (room <= arrow_w + 2)
		return;
	unsigned w0 = rl_term_width(old_name), w1 = rl_term_width(new_name);
	unsigned avail = room - arrow_w;
	/* Too long: the new name says only what differs from the old one. */
	if (w0 + w1 > avail &&
	    rl_name_shorten(old_name, new_name, t->ascii ? "..." : "\xe2\x80\xa6", shorter,
	                    sizeof shorter)) {
		new_name = shorter;
		w1 = rl_term_width(new_name);
	}
	/* Two versions (descriptions: "3f2a1c9 2025-03-02 Ann Lee: subject") that still do not fit:
	 * the old one by its first word (the commit), so that the new one, the version the pair
	 * leads to, keeps its date, author and subject. */
	size_t fw = rl_name_first_word(old_name);
	if (w0 + w1 > avail && rl_name_is_description(old_name) &&
	    rl_name_is_description(new_name) && fw < sizeof first) {
		memcpy(first, old_name, fw);
		first[fw] = '\0';
		old_name = first;
		w0 = rl_term_width(old_name);
	}
	unsigned half = avail / 2;
	unsigned r0 = w0 + w1 <= avail ? w0 : w1 < half ? avail - w1 : w0 < half ? w0 : half;
	room -= term_either(w, t, old_name, r0, a);
	wattrset(w, a);
	waddstr(w, arrow);
	room -= arrow_w;
	term_either(w, t, new_name, room, a);
}
