/* loop.c: the viewer's event loop: key -> action -> new state -> one frame. */
#include "viewer.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pane.h"
#include "statusline.h"
#include "status.h"
#include "terminal.h"
#include "view.h"

/* How long the first key of a sequence ("]" of "]c") waits for the second. */
#define PREFIX_MS 500

struct rl_viewer {
	rl_model *model;
	FILE *out, *in;  /* the terminal (NULL: stdout, and keys from stdin or /dev/tty) */
	rl_view view;
	rl_term term;
	rl_keymap keys;
	rl_scheme scheme;
	const char *notice;  /* borrowed from the options: the caller keeps it while the viewer runs */
	bool ascii, mouse, started, view_on;
	int prefix;  /* the first key of a sequence, waiting for the second */
	int signal;
	/* Comparing again after i, p or t can take seconds on a large pair: the engine asks `cancel`
	 * now and then, which says stop on a terminating signal, and, while `cancel_keys` (toggles,
	 * background counts), on Ctrl-Z or any key waiting. A toggle cut short stays in `pending`
	 * (one bit per toggle action, flipped by each press) and is compared once no key waits:
	 * twenty presses of i cost at most one comparison, and q is read at once. */
	rl_cancel cancel;
	bool cancel_on, cancel_keys;
	unsigned pending;
};

/* The toggles that compare again, in the order pending ones are applied. */
static const rl_action toggles[] = {RL_ACT_FOLD_CASE, RL_ACT_FOLD_PUNCT, RL_ACT_FOLD_TYPO};
#define NTOGGLES (sizeof toggles / sizeof *toggles)

static bool cancel_asked(void *ctx)
{
	rl_viewer *vw = ctx;
	return vw->cancel_on && rl_term_interrupted(&vw->term, vw->cancel_keys);
}

bool rl_viewer_usable(int *colors)
{
	return rl_term_usable(STDOUT_FILENO, colors);
}

bool rl_viewer_usable_on(FILE *tty, int *colors)
{
	return rl_term_usable(fileno(tty), colors);
}

const char *rl_viewer_missing(void)
{
	return rl_curses_missing();
}

/* A viewer over the pairs of src, or (src NULL) over pairs in memory. */
static int create(rl_viewer **out, const rl_pairsrc *src, const rl_pair *pairs, size_t npairs,
                  size_t first, const rl_viewer_opts *opts)
{
	rl_viewer *vw = calloc(1, sizeof *vw);
	if (!vw)
		return RL_ENOMEM;
	vw->scheme = rl_scheme_pick(opts->colors, opts->no_color);
	vw->ascii = opts->ascii;
	vw->mouse = opts->mouse;
	vw->notice = opts->notice;
	vw->out = opts->out;
	vw->in = opts->in;
	rl_keymap_init(&vw->keys);
	bool markers = rl_scheme_markers(vw->scheme);
	/* The model keeps a copy of the options, pointing at vw->cancel: vw outlives the model. */
	vw->cancel = (rl_cancel){cancel_asked, vw};
	rl_diff_opts diff = opts->diff;
	diff.myers.cancel = &vw->cancel;
	int rc = src ? rl_model_new_src(&vw->model, src, &diff, markers)
	             : rl_model_new(&vw->model, pairs, npairs, first, &diff, markers);
	if (rc != RL_OK) {
		free(vw);
		return rc;
	}
	*out = vw;
	return RL_OK;
}

int rl_viewer_new(rl_viewer **out, const rl_pair *pairs, size_t npairs, size_t first,
                  const rl_viewer_opts *opts)
{
	return create(out, NULL, pairs, npairs, first, opts);
}

int rl_viewer_new_src(rl_viewer **out, const rl_pairsrc *src, const rl_viewer_opts *opts)
{
	return create(out, src, NULL, 0, 0, opts);
}

/* One frame: everything drawn into the virtual screen, then one doupdate, which sends only what
 * changed (werase clears the virtual screen, not the terminal). */
/* M: the mouse off (the terminal's selection works) or on again. */
static void toggle_mouse(rl_viewer *vw)
{
	vw->view.mouse_toggle = false;
	rl_term_set_mouse(&vw->term, !vw->term.mouse);
	rl_view_message(&vw->view, false, vw->term.mouse ? "mouse on (M: off)"
	                                                 : "mouse off: select text freely (M: on)");
}

static int paint(rl_viewer *vw)
{
	rl_view *v = &vw->view;
	if (v->mouse_toggle)
		toggle_mouse(vw);
	if (v->redraw) {
		clearok(curscr, TRUE);
		v->redraw = false;
	}
	werase(stdscr);
	if (v->too_small) {
		rl_statusline_too_small(stdscr, &vw->term, v->cols, v->lines);
	} else {
		int rc = rl_view_frame(v);
		if (rc != RL_OK)
			return rc;
		if (v->listing)
			rl_pane_list(stdscr, &vw->term, v);
		else
			rl_pane_draw(stdscr, &vw->term, v);
		if (v->help)
			rl_pane_help(stdscr, &vw->term, v);
		rl_statusline_draw(stdscr, &vw->term, v);
	}
	curs_set(v->prompt && !v->too_small ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
	return RL_OK;
}

int rl_viewer_start(rl_viewer *vw, FILE *out, FILE *in)
{
	unsigned cols, rows;
	if (rl_term_start(&vw->term, out, in, vw->scheme, vw->ascii, vw->mouse) != 0)
		return RL_EINVAL;
	vw->started = true;
	rl_term_size(&cols, &rows);
	int rc = rl_view_init(&vw->view, vw->model, cols, rows);
	vw->view_on = true;
	if (rc == RL_OK && vw->notice)
		rl_view_message(&vw->view, false, "%s", vw->notice);
	return rc == RL_OK ? paint(vw) : rc;
}

/* A key typed into the search prompt. */
static int prompt_key(rl_view *v, const rl_input *in)
{
	int k = in->key;
	if (in->kind == RL_IN_KEY) {
		if (k == KEY_BACKSPACE)
			rl_view_prompt_erase(v);
		else if (k == KEY_ENTER)
			return rl_view_prompt_submit(v);
		return RL_OK;
	}
	switch (k) {
	case 27: rl_view_prompt_cancel(v); break;
	case '\r': case '\n': return rl_view_prompt_submit(v);
	case 127: case 8: rl_view_prompt_erase(v); break;
	case 21: v->ilen = 0; break;  /* Ctrl-U */
	default:
		if (k >= 0x20 && k != 0x7f) {
			char buf[4];
			rl_view_prompt_insert(v, buf, rl_utf8_encode(k, buf));
		}
		break;
	}
	return RL_OK;
}

/* A key through the key map, with two-key sequences: "]c" waits for its "c"; a "]" followed by
 * anything else (or by nothing within PREFIX_MS) is "]" alone. */
static int on_key(rl_viewer *vw, int key)
{
	rl_action a;
	if (vw->prefix) {
		int p = vw->prefix;
		vw->prefix = 0;
		if (rl_keymap_lookup(&vw->keys, p, key, &a) == RL_KEY_ACTION)
			return rl_view_act(&vw->view, a);
		rl_keymap_lookup(&vw->keys, 0, p, &a);
		int rc = a != RL_ACT_NONE ? rl_view_act(&vw->view, a) : RL_OK;
		if (rc != RL_OK || vw->view.quit)
			return rc;
	}
	switch (rl_keymap_lookup(&vw->keys, 0, key, &a)) {
	case RL_KEY_PREFIX: vw->prefix = key; return RL_OK;
	case RL_KEY_ACTION: return rl_view_act(&vw->view, a);
	default:
		rl_view_act(&vw->view, RL_ACT_NONE);
		rl_view_message(&vw->view, false, "h: help, q: quit");
		return RL_OK;
	}
}

static int handle(rl_viewer *vw, const rl_input *in)
{
	rl_view *v = &vw->view;
	switch (in->kind) {
	case RL_IN_NONE:
		/* A lone first key of a sequence that waited long enough; or a moment to spare. */
		if (vw->prefix)
			return on_key(vw, 0);
		return rl_view_idle_work(v) ? rl_view_idle(v) : RL_OK;
	case RL_IN_RESIZE: {
		unsigned cols, rows;
		rl_term_size(&cols, &rows);
		return rl_view_resize(v, cols, rows);
	}
	case RL_IN_WHEEL: return rl_view_wheel(v, in->wheel);
	case RL_IN_CLICK: return rl_view_click(v, (unsigned)in->y, (unsigned)in->x);
	default: break;
	}
	if (v->prompt)
		return prompt_key(v, in);
	if (in->kind == RL_IN_CHAR && in->key >= 0x80)
		return on_key(vw, -1);  /* no binding is a non-ASCII character */
	/* Enter: a carriage return (nonl), a line feed or the keypad's key, bound as '\n'. */
	if (in->key == '\r' || (in->kind == RL_IN_KEY && in->key == KEY_ENTER))
		return on_key(vw, '\n');
	return on_key(vw, in->key);
}

/* The toggle action key stands for, or -1 (in the prompt, the help, after a prefix: none). */
static int toggle_of(rl_viewer *vw, const rl_input *in)
{
	rl_action a;
	if (in->kind != RL_IN_CHAR || vw->prefix || vw->view.prompt || vw->view.help ||
	    rl_keymap_lookup(&vw->keys, 0, in->key, &a) != RL_KEY_ACTION)
		return -1;
	for (size_t i = 0; i < NTOGGLES; i++)
		if (toggles[i] == a)
			return (int)i;
	return -1;
}

/* Compare with the pending toggles, each as its own action (its message, its anchor). A key or
 * a signal cuts it short (RL_ECANCELED): what is left stays pending. */
static int apply_pending(rl_viewer *vw)
{
	for (size_t i = 0; i < NTOGGLES; i++) {
		if (!(vw->pending & (1u << i)))
			continue;
		vw->cancel_keys = true;
		int rc = rl_view_act(&vw->view, toggles[i]);
		vw->cancel_keys = false;
		if (rc != RL_OK)
			return rc;
		vw->pending &= ~(1u << i);
	}
	return RL_OK;
}

/* One event: a toggle is only noted (compared once the keys stop coming), the rest handled. */
static int event(rl_viewer *vw, const rl_input *in)
{
	int t = toggle_of(vw, in);
	if (t >= 0) {
		vw->pending ^= 1u << t;
		rl_view_message(&vw->view, false, vw->pending ? "comparing again..."
		                                              : "options as they were: nothing to compare");
		return RL_OK;
	}
	if (in->kind == RL_IN_NONE && !vw->prefix && vw->pending)
		return apply_pending(vw);
	/* Background work (the list's counts) gives way to keys too. */
	vw->cancel_keys = in->kind == RL_IN_NONE;
	int rc = handle(vw, in);
	vw->cancel_keys = false;
	return rc;
}

int rl_viewer_loop(rl_viewer *vw)
{
	int rc = RL_OK;
	vw->cancel_on = true;
	while (rc == RL_OK && !vw->view.quit) {
		rl_input in;
		/* Wait for a key; without one, pending toggles are compared, or the list's counts
		 * filled in one file at a time. */
		bool work = vw->pending || rl_view_idle_work(&vw->view);
		rl_term_read(&in, vw->prefix ? PREFIX_MS : work ? 0 : -1);
		if ((vw->signal = rl_term_signal()) != 0)
			break;
		if (rl_term_job_control(&vw->term)) {
			/* Back from a stop: lay out for the size the terminal has now, repaint it all. */
			rc = handle(vw, &(rl_input){.kind = RL_IN_RESIZE});
			vw->view.redraw = true;
			if (rc == RL_OK)
				rc = paint(vw);
			if (rc != RL_OK)
				break;
		}
		rc = event(vw, &in);
		/* A comparison cut short: by a signal (leave now), or by a key (read it; what was cut
		 * is pending, or comes again as background work). */
		if ((vw->signal = rl_term_signal()) != 0)
			break;
		if (rc == RL_ECANCELED)
			rc = RL_OK;
		if (rc == RL_OK)
			rc = paint(vw);
	}
	vw->cancel_on = false;
	return rc;
}

int rl_viewer_act(rl_viewer *vw, rl_action a)
{
	int rc = rl_view_act(&vw->view, a);
	return rc == RL_OK ? paint(vw) : rc;
}

int rl_viewer_search(rl_viewer *vw, const char *pat, size_t n)
{
	int rc = rl_view_search(&vw->view, pat, n, false);
	return rc == RL_OK ? paint(vw) : rc;
}

void rl_viewer_stop(rl_viewer *vw)
{
	if (vw->started)
		rl_term_end(&vw->term);
	vw->started = false;
}

void rl_viewer_free(rl_viewer *vw)
{
	if (!vw)
		return;
	rl_viewer_stop(vw);
	if (vw->view_on)
		rl_view_release(&vw->view);
	rl_model_free(vw->model);
	free(vw);
}

int rl_viewer_signal(const rl_viewer *vw)
{
	return vw->signal;
}

int rl_viewer_verdict(rl_viewer *vw, bool *differ)
{
	return rl_model_verdict(vw->model, differ);
}

size_t rl_viewer_laid_out(const rl_viewer *vw)
{
	return vw->view.rows ? rl_rows_laid_out(vw->view.rows) : 0;
}

/* The whole run of a viewer made. */
static int run(rl_viewer *vw, bool *differ, int *signal)
{
	int rc = rl_viewer_start(vw, vw->out ? vw->out : stdout, vw->in);
	if (rc == RL_OK)
		rc = rl_viewer_loop(vw);
	rl_viewer_stop(vw);
	*signal = rl_viewer_signal(vw);
	if (rc == RL_OK && !*signal)
		rc = rl_viewer_verdict(vw, differ);
	rl_viewer_free(vw);
	return rc;
}

int rl_viewer_run(const rl_pair *pairs, size_t npairs, size_t first, const rl_viewer_opts *opts,
                  bool *differ, int *signal)
{
	rl_viewer *vw;
	int rc = rl_viewer_new(&vw, pairs, npairs, first, opts);
	*signal = 0;
	return rc == RL_OK ? run(vw, differ, signal) : rc;
}

int rl_viewer_run_src(const rl_pairsrc *src, const rl_viewer_opts *opts, bool *differ,
                      int *signal)
{
	rl_viewer *vw;
	int rc = rl_viewer_new_src(&vw, src, opts);
	*signal = 0;
	return rc == RL_OK ? run(vw, differ, signal) : rc;
}
