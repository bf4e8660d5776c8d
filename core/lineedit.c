/* lineedit.c - terminal line editing and history for the interactive shell.
 *
 * The line is kept in one buffer with a cursor; after each key the whole
 * line is redrawn (carriage return, prompt, text, clear to end of line,
 * cursor back), which is simple and right on any VT100-like terminal. */
#include "pxebox.h"
#include "lineedit.h"
#include <termios.h>
#include <sys/ioctl.h>

struct ed {
	char *buf;
	size_t len, pos, cap;
	size_t off;		/* first byte shown, for lines wider than the screen */
	const char *prompt;	/* the part after the prompt's last newline */
	char out[512];		/* output is collected and written at once */
	size_t outn;
	int intr;		/* the line ended with Ctrl-C */
};

/* history: the last LINEEDIT_HISTORY lines, oldest first */
static char *hist[LINEEDIT_HISTORY];
static int nhist;

/* the text typed when a signal interrupted the last call, given back to
 * the next call so a trap does not cost the user the line */
static char *interrupted;

/* the terminal mode to go back to, while ours is in force */
static struct termios saved_tio;
static volatile sig_atomic_t raw_on;
static const int fatal_sigs[] = { SIGHUP, SIGTERM, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS };
static struct sigaction saved_sa[ARRAY_SIZE(fatal_sigs)];

static void restore_tty(void)
{
	if (raw_on) {
		tcsetattr(0, TCSADRAIN, &saved_tio);	/* keep typeahead */
		raw_on = 0;
	}
}

/* A fatal signal while the terminal is raw: put it back, then let the
 * signal do what it would have done. */
static void on_fatal(int sig)
{
	restore_tty();
	signal(sig, SIG_DFL);
	raise(sig);
}

static int enter_raw(void)
{
	static int atexit_done;
	struct termios t;
	struct sigaction sa = { .sa_handler = on_fatal };

	if (tcgetattr(0, &saved_tio))
		return -1;
	t = saved_tio;
	/* no echo, no line discipline, and Ctrl-C arrives as a byte */
	t.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	t.c_iflag &= ~(IXON | INLCR | IGNCR);
	t.c_iflag |= ICRNL;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (!atexit_done++)
		atexit(restore_tty);
	/* only signals that would kill us: an interactive shell ignores
	 * SIGTERM, and its own handlers end through exit(), hence atexit */
	for (unsigned i = 0; i < ARRAY_SIZE(fatal_sigs); i++) {
		sigaction(fatal_sigs[i], NULL, &saved_sa[i]);
		if (saved_sa[i].sa_handler == SIG_DFL)
			sigaction(fatal_sigs[i], &sa, NULL);
	}
	raw_on = 1;
	if (tcsetattr(0, TCSADRAIN, &t)) {
		raw_on = 0;
		return -1;
	}
	return 0;
}

static void leave_raw(void)
{
	restore_tty();
	for (unsigned i = 0; i < ARRAY_SIZE(fatal_sigs); i++)
		sigaction(fatal_sigs[i], &saved_sa[i], NULL);
}

static void out_flush(struct ed *e)
{
	writeall(2, e->out, e->outn);
	e->outn = 0;
}

static void out(struct ed *e, const char *s, size_t n)
{
	while (n) {
		size_t k = sizeof(e->out) - e->outn;
		if (!k) {
			out_flush(e);
			continue;
		}
		if (k > n)
			k = n;
		memcpy(e->out + e->outn, s, k);
		e->outn += k;
		s += k;
		n -= k;
	}
}

static void outs(struct ed *e, const char *s)
{
	out(e, s, strlen(s));
}

/* A line longer than the terminal is shown through a window that follows
 * the cursor, so the display never wraps and "\r" always finds its start. */
static void redraw(struct ed *e)
{
	char seq[32];
	struct winsize ws;
	size_t cols = ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
	size_t plen = strlen(e->prompt), w = cols > plen + 11 ? cols - plen - 1 : 10, end;

	if (e->pos < e->off)
		e->off = e->pos;
	else if (e->pos > e->off + w)
		e->off = e->pos - w;
	if (e->off > e->len)
		e->off = e->len;
	end = e->len - e->off > w ? e->off + w : e->len;
	outs(e, "\r");
	outs(e, e->prompt);
	/* control bytes would take more or fewer columns than one: show '?' */
	for (size_t i = e->off; i < end; i++) {
		char c = (unsigned char)e->buf[i] < 32 || e->buf[i] == 127 ? '?' : e->buf[i];
		out(e, &c, 1);
	}
	outs(e, "\033[K");
	if (end > e->pos) {
		snprintf(seq, sizeof(seq), "\033[%zuD", end - e->pos);
		outs(e, seq);
	}
	out_flush(e);
}

static void set_text(struct ed *e, const char *s)
{
	size_t n = strlen(s);
	if (n + 1 > e->cap)
		e->buf = xrealloc(e->buf, e->cap = n + 1);
	memcpy(e->buf, s, n);
	e->len = e->pos = n;
}

static void insert(struct ed *e, char c)
{
	if (e->len + 2 > e->cap)
		e->buf = xrealloc(e->buf, e->cap = e->cap * 2 + 64);
	memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
	e->buf[e->pos++] = c;
	e->len++;
}

/* remove n bytes at from */
static void cut(struct ed *e, size_t from, size_t n)
{
	memmove(e->buf + from, e->buf + from + n, e->len - from - n);
	e->len -= n;
	if (e->pos > from)
		e->pos = e->pos > from + n ? e->pos - n : from;
}

static void hist_add(const char *s)
{
	if (!*s || (nhist && !strcmp(hist[nhist - 1], s)))
		return;
	if (nhist == LINEEDIT_HISTORY) {
		free(hist[0]);
		memmove(hist, hist + 1, (LINEEDIT_HISTORY - 1) * sizeof(*hist));
		nhist--;
	}
	hist[nhist++] = xstrdup(s);
}

/* A byte, -1 at end of input, or -2 when a signal handler interrupted the
 * read (the shell installs its handlers without SA_RESTART for this). */
static int read_byte(void)
{
	unsigned char c;
	ssize_t r = read(0, &c, 1);
	if (r == 1)
		return c;
	return r < 0 && errno == EINTR ? -2 : -1;
}

/* The rest of an escape sequence after ESC: returns a key code below. */
enum { K_NONE = 256, K_UP, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DEL };

static int read_escape(void)
{
	int c = read_byte(), n = 0;

	if (c != '[' && c != 'O')
		return K_NONE;
	c = read_byte();
	while (c >= '0' && c <= '9') {
		n = n * 10 + c - '0';
		c = read_byte();
	}
	/* skip modifiers such as ESC [ 1 ; 5 C */
	while (c == ';' || (c >= '0' && c <= '9'))
		c = read_byte();
	switch (c) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	case '~':
		return n == 1 || n == 7 ? K_HOME : n == 4 || n == 8 ? K_END : n == 3 ? K_DEL : K_NONE;
	}
	return K_NONE;
}

/* The editing loop.  Returns the line, or NULL at end of input. */
static char *edit(struct ed *e)
{
	int hidx = nhist;	/* nhist: the line being typed */
	char *typed = NULL;	/* that line, while we look at history */

	if (interrupted) {
		set_text(e, interrupted);
		free(interrupted);
		interrupted = NULL;
	}
	redraw(e);
	for (;;) {
		int c = read_byte();
		if (c == 27)
			c = read_escape();
		switch (c) {
		case -2:	/* a signal the shell wants to act on: let it */
			free(typed);
			e->buf[e->len] = 0;
			interrupted = xstrdup(e->buf);
			outs(e, "\r\n");
			out_flush(e);
			e->len = 0;
			e->intr = 1;
			return e->buf;
		case -1:	/* end of input or a read error */
			if (e->len)
				goto done;
			free(typed);
			outs(e, "\r\n");
			out_flush(e);
			return NULL;
		case '\r': case '\n':
			goto done;
		case 4:		/* Ctrl-D: end of input on an empty line */
			if (!e->len) {
				free(typed);
				outs(e, "\r\n");
				out_flush(e);
				return NULL;
			}
			/* fall through */
		case K_DEL:
			if (e->pos < e->len)
				cut(e, e->pos, 1);
			break;
		case 3:		/* Ctrl-C: abandon the line */
			outs(e, "^C\r\n");
			out_flush(e);
			free(typed);
			e->len = 0;
			e->intr = 1;
			return e->buf;
		case 127: case 8:
			if (e->pos)
				cut(e, e->pos - 1, 1);
			break;
		case 1: case K_HOME:
			e->pos = 0;
			break;
		case 5: case K_END:
			e->pos = e->len;
			break;
		case 2: case K_LEFT:
			if (e->pos)
				e->pos--;
			break;
		case 6: case K_RIGHT:
			if (e->pos < e->len)
				e->pos++;
			break;
		case 21:	/* Ctrl-U */
			cut(e, 0, e->pos);
			break;
		case 11:	/* Ctrl-K */
			e->len = e->pos;
			break;
		case 23: {	/* Ctrl-W: the blanks before the cursor, then a word */
			size_t p = e->pos;
			while (p && e->buf[p - 1] == ' ')
				p--;
			while (p && e->buf[p - 1] != ' ')
				p--;
			cut(e, p, e->pos - p);
			break;
		}
		case 12:	/* Ctrl-L */
			outs(e, "\033[H\033[2J");
			break;
		case 16: case K_UP:
		case 14: case K_DOWN: {
			int up = c == 16 || c == K_UP;
			if (up ? hidx == 0 : hidx == nhist)
				break;
			if (hidx == nhist) {
				e->buf[e->len] = 0;
				free(typed);
				typed = xstrdup(e->buf);
			}
			hidx += up ? -1 : 1;
			set_text(e, hidx == nhist ? typed : hist[hidx]);
			break;
		}
		default:
			if (c >= 32 && c < 256 && c != 127)
				insert(e, (char)c);
			else
				continue;	/* unknown key: nothing to redraw */
		}
		redraw(e);
	}
done:
	free(typed);
	e->pos = e->len;
	redraw(e);
	outs(e, "\r\n");
	out_flush(e);
	return e->buf;
}

/* Not a terminal: one line, a byte at a time, so nothing past the newline
 * is consumed (the shell or a command may read the rest). */
static char *plain(struct ed *e)
{
	int c;
	while ((c = read_byte()) != -1 && c != '\n')
		if (c >= 0)
			insert(e, (char)c);
	if (c < 0 && !e->len) {
		free(e->buf);
		return NULL;
	}
	return e->buf;
}

char *lineedit_read(const char *prompt)
{
	struct ed e = { 0 };
	const char *nl = strrchr(prompt ? prompt : "", '\n');
	char *line;

	e.cap = 128;
	e.buf = xmalloc(e.cap);
	fflush(stdout);
	if (prompt)
		writeall(2, prompt, nl ? (size_t)(nl + 1 - prompt) : 0);
	e.prompt = nl ? nl + 1 : prompt ? prompt : "";
	if (!isatty(0) || enter_raw()) {
		outs(&e, e.prompt);
		out_flush(&e);
		line = plain(&e);
		if (line)
			line[e.len] = 0;
		return line;
	}
	line = edit(&e);
	leave_raw();
	if (!line) {
		free(e.buf);
		return NULL;
	}
	line[e.len] = 0;
	if (e.intr)
		errno = EINTR;
	else
		hist_add(line);
	return line;
}
