/* sed - stream editor */
//menu:Text
//config:config SED
//config:	bool "sed"
//config:	default y
//config:	help
//config:	  Edit a stream of lines with a script: POSIX sed plus the GNU
//config:	  extensions scripts use (one-line a/i/c, -i, -E, 0,/re/, addr,+N,
//config:	  first~step, I and M flags, T, Q, z, F, R, W, \n \t in patterns).
//config:
//config:config SED_INPLACE
//config:	bool "Support -i (edit files in place)"
//config:	depends on SED
//config:	default y
//config:	help
//config:	  Write the output to a temporary file next to each input and
//config:	  rename it over the input, keeping its mode; -iSUFFIX keeps
//config:	  the old file as a backup.
//applet:sed SED sed_main "n(quiet)(silent)e(expression)*f(file)*E(regexp-extended)rs(separate)" IF_SED_INPLACE("i(in-place)?") "u(unbuffered)l(line-length)#\001(posix)"
//usage:sed [-nrEsu] [-i[SUFFIX]] [-l N] {SCRIPT | -e SCRIPT... | -f FILE...} [FILE]...
//usage:
//usage:Apply SCRIPT to each line of the FILEs ("-" or none: stdin).
//usage:	-e SCRIPT	add SCRIPT (several are joined with newlines)
//usage:	-f FILE		add the script in FILE
//usage:	-n	print only what p, P, l, = and friends print
//usage:	-E, -r	extended regular expressions
//usage:	-i[SUFFIX]	edit the FILEs in place (implies -s); with SUFFIX keep
//usage:		a backup: FILE.SUFFIX, or SUFFIX with each * replaced
//usage:		by FILE (-i'bak/*' keeps it as bak/FILE)
//usage:	-s	treat FILEs separately: line numbers and $ per file
//usage:	-l N	line length for the l command (default 70)
//usage:Addresses: N  $  /RE/  (backslash)cREc  FIRST~STEP  A1,A2  A1,+N  A1,~N  0,/RE/  A!
//usage:	(/RE/I ignores case, /RE/M is multi-line)
//usage:Commands: s/RE/REPL/[gpNIMw FILE]  y/SRC/DST/  a i c TEXT  d D p P n N
//usage:	h H g G x  b t T [LABEL]  :LABEL  { }  = l [N]  q Q [CODE]
//usage:	r R w W FILE  z  F  #comment
#include "pxebox.h"
#include <regex.h>

/* ---- the compiled program ------------------------------------------- */

struct addr {
	char type;		/* 0 none; 'n' line; '$'; '/' regex; '~' first~step;
				 * '0' line 0 (0,/re/); '+' A1,+N; 'm' A1,~N */
	unsigned long n, step;
	regex_t *re;		/* NULL with '/': the last regex used */
	regex_t *fallback;	/* for an empty regex run before any other */
};

/* Output files: stdout, w files.  missing_nl: the last line written had
 * no newline (the input's last line lacked one), so the next write must
 * first supply it. */
struct outf {
	char *name;
	FILE *f;
	int missing_nl;
};

struct cmd {
	struct addr a1, a2;
	char cmd, neg;
	char in_range;
	unsigned long range_end;
	char *text;		/* a i c text, label, file name, y map */
	size_t len;
	regex_t *re, *fallback;	/* s */
	int global, print, eval;
	unsigned long nth;
	struct outf *wf;	/* w, W, s///w */
	FILE *rf;		/* R: read one line per use */
	size_t jump;		/* b t T: target; {: its } */
	int num;		/* q Q exit code, l width (-1: default) */
};

static struct prog {
	struct cmd *cmd;
	size_t n, cap;
	regex_t **re;		/* every compiled regex, to free */
	size_t nre;
	struct outf **wf;
	size_t nwf;
	size_t *blocks;		/* open { while compiling */
	size_t nblocks;
	char *script;
	const char *start;	/* for error positions */
	int quiet, ere;
} P;

/* Limits the fuzz harness sets so hostile scripts end; 0 = unlimited.
 * sandbox: w files go to /dev/null, r and R read nothing. */
static unsigned long step_limit, steps;
static size_t space_limit;
static int sandbox;

static struct outf out_stdout;

static void prog_free(void)
{
	for (size_t i = 0; i < P.n; i++) {
		free(P.cmd[i].text);
		if (P.cmd[i].rf)
			fclose(P.cmd[i].rf);
	}
	for (size_t i = 0; i < P.nre; i++) {
		regfree(P.re[i]);
		free(P.re[i]);
	}
	for (size_t i = 0; i < P.nwf; i++) {
		if (P.wf[i]->f && P.wf[i]->f != stdout && P.wf[i]->f != stderr)
			fclose(P.wf[i]->f);
		free(P.wf[i]->name);
		free(P.wf[i]);
	}
	free(P.cmd);
	free(P.re);
	free(P.wf);
	free(P.blocks);
	free(P.script);
	memset(&P, 0, sizeof(P));
}

/* ---- compiling ------------------------------------------------------- */

static const char *pos;	/* parse position in P.script */

static NORETURN void bad(const char *what)
{
	die("-e expression, char %ld: %s", (long)(pos - P.start), what);
}

static void skip_blank(void)
{
	while (*pos == ' ' || *pos == '\t')
		pos++;
}

static int is_cmd_end(int c)
{
	return !c || c == '\n' || c == ';';
}

/* Read up to the unescaped delimiter: \delim gives delim, \n a newline,
 * backslash-newline a newline; other escapes are kept for later.  In a
 * replacement "\&" stays escaped even when & is the delimiter. */
static char *delimited(int delim, int regex, size_t *lenp)
{
	size_t cap = 16, len = 0;
	char *s = xmalloc(cap);
	/* attach s to nothing yet: free it ourselves before any bad() */
	for (;;) {
		int c = *pos;
		if (len + 3 > cap)
			s = xrealloc(s, cap *= 2);
		if (!c || c == '\n') {
			free(s);
			return NULL;
		}
		pos++;
		if (c == delim) {
			s[len] = 0;
			*lenp = len;
			return s;
		}
		if (c == '\\') {
			c = *pos;
			if (!c) {
				free(s);
				return NULL;
			}
			pos++;
			if (c == delim && !(delim == '&' && !regex)) {
				s[len++] = (char)c;
				continue;
			}
			if (c == '\n') {
				s[len++] = '\n';
				continue;
			}
			if (c == 'n' && regex) {
				s[len++] = '\n';
				continue;
			}
			s[len++] = '\\';
		}
		s[len++] = (char)c;
	}
}

/* GNU escapes in a regex that the C library does not know. */
static void regex_escapes(char *s)
{
	char *o = s;
	while (*s) {
		if (*s == '\\' && s[1] && strchr("trfva", s[1])) {
			*o++ = "\t\r\f\v\a"[strchr("trfva", s[1]) - "trfva"];
			s += 2;
		} else if (*s == '\\' && s[1]) {
			*o++ = *s++;
			*o++ = *s++;
		} else
			*o++ = *s++;
	}
	*o = 0;
}

static regex_t *last_compiled;

/* Compile a regex; "" means the last regex (NULL). */
static regex_t *compile_re(char *text, int flags)
{
	regex_t *re;
	int rc;
	if (!*text) {
		free(text);
		if (!last_compiled)
			bad("no previous regular expression");
		return NULL;
	}
	regex_escapes(text);
	re = xzalloc(sizeof(*re));
	rc = regcomp(re, text, flags | (P.ere ? REG_EXTENDED : 0));
	free(text);
	if (rc) {
		char msg[128];
		regerror(rc, re, msg, sizeof(msg));
		regfree(re);
		free(re);
		bad(msg);
	}
	P.re = xrealloc(P.re, (P.nre + 1) * sizeof(*P.re));
	P.re[P.nre++] = re;
	return last_compiled = re;
}

static unsigned long read_num(void)
{
	unsigned long v = 0;
	if (!isdigit((unsigned char)*pos))
		bad("expected a number");
	while (isdigit((unsigned char)*pos)) {
		if (v > (ULONG_MAX - 9) / 10)
			bad("number too large");
		v = v * 10 + (unsigned long)(*pos++ - '0');
	}
	return v;
}

static int parse_regex_addr(struct addr *a)
{
	int delim = *pos == '\\' ? (pos++, *pos) : '/', flags = 0;
	size_t len;
	char *text;
	if (!delim || delim == '\n' || delim == '\\')
		bad("unexpected end of address regex");
	pos++;
	text = delimited(delim, 1, &len);
	if (!text)
		bad("unterminated address regex");
	if (strlen(text) != len) {
		free(text);
		bad("NUL byte in regex");
	}
	for (;; pos++) {
		if (*pos == 'I')
			flags |= REG_ICASE;
		else if (*pos == 'M')
			flags |= REG_NEWLINE;
		else
			break;
	}
	a->type = '/';
	a->fallback = last_compiled;
	a->re = compile_re(text, flags);
	return 1;
}

static int parse_addr(struct addr *a, int second)
{
	if (isdigit((unsigned char)*pos)) {
		a->n = read_num();
		a->type = 'n';
		if (*pos == '~' && !second) {
			pos++;
			a->step = isdigit((unsigned char)*pos) ? read_num() : 0;
			a->type = '~';
		} else if (!a->n && !second)
			a->type = '0';
		return 1;
	}
	if (second && (*pos == '+' || *pos == '~')) {
		a->type = *pos++ == '+' ? '+' : 'm';
		a->n = read_num();
		return 1;
	}
	if (*pos == '$') {
		pos++;
		a->type = '$';
		return 1;
	}
	if (*pos == '/' || *pos == '\\')
		return parse_regex_addr(a);
	return 0;
}

/* The file name of r R w W and s///w: the rest of the line. */
static char *read_filename(void)
{
	const char *e;
	skip_blank();
	e = strchr(pos, '\n');
	if (!e)
		e = pos + strlen(pos);
	if (e == pos)
		bad("missing filename in r/R/w/W commands");
	char *name = xstrndup(pos, (size_t)(e - pos));
	pos = e;
	return name;
}

static struct outf *open_wfile(char *name)
{
	struct outf *o;
	for (size_t i = 0; i < P.nwf; i++)
		if (!strcmp(P.wf[i]->name, name)) {
			free(name);
			return P.wf[i];
		}
	o = xzalloc(sizeof(*o));
	o->name = name;
	P.wf = xrealloc(P.wf, (P.nwf + 1) * sizeof(*P.wf));
	P.wf[P.nwf++] = o;
	/* POSIX: every w file is created before the first line is read */
	if (!strcmp(name, "/dev/stdout"))
		o->f = stdout;
	else if (!strcmp(name, "/dev/stderr"))
		o->f = stderr;
	else if (!(o->f = fopen(sandbox ? "/dev/null" : name, "w")))
		pdie("couldn't open file %s", name);
	return o;
}

/* Text of a i c: GNU one-line form "a text" and POSIX "a\<newline>text",
 * lines continued with a trailing backslash. */
static char *read_text(size_t *lenp)
{
	size_t cap = 32, len = 0;
	char *s;
	skip_blank();
	if (*pos == '\\') {
		pos++;
		if (*pos == '\n')
			pos++;
	} else if (is_cmd_end(*pos) && *pos != ';')
		bad("expected \\ after a, c or i");
	s = xmalloc(cap);
	while (*pos && *pos != '\n') {
		int c = *pos++;
		if (len + 3 > cap)
			s = xrealloc(s, cap *= 2);
		if (c == '\\') {
			c = *pos;
			if (!c)
				break;
			pos++;
			if (c == 't')
				c = '\t';
			else if (c == 'n')
				c = '\n';
		}
		s[len++] = (char)c;
	}
	s[len++] = '\n';
	s[len] = 0;
	*lenp = len;
	return s;
}

/* A label ends at a blank, ';' or newline; a branch's also at '}'. */
static char *read_label(int branch)
{
	const char *e;
	skip_blank();
	e = pos;
	while (*e && *e != '\n' && *e != ';' && *e != ' ' && *e != '\t' && !(branch && *e == '}'))
		e++;
	char *l = xstrndup(pos, (size_t)(e - pos));
	pos = e;
	return l;
}

/* Highest \N in a replacement, to check it against the groups. */
static int max_backref(const char *r, size_t len)
{
	int max = 0;
	for (size_t i = 0; i + 1 < len; i++)
		if (r[i] == '\\') {
			i++;
			if (r[i] >= '1' && r[i] <= '9' && r[i] - '0' > max)
				max = r[i] - '0';
		}
	return max;
}

static void parse_s(struct cmd *c)
{
	int delim = *pos, flags = 0;
	size_t len;
	char *re;
	if (!delim || delim == '\n' || delim == '\\')
		bad("unterminated 's' command");
	pos++;
	re = delimited(delim, 1, &len);
	if (!re)
		bad("unterminated 's' command");
	if (strlen(re) != len) {
		free(re);
		bad("NUL byte in regex");
	}
	c->text = delimited(delim, 0, &c->len);
	if (!c->text) {
		free(re);
		bad("unterminated 's' command");
	}
	for (;;) {
		int f = *pos;
		if (f == 'g')
			c->global = 1;
		else if (f == 'p')
			c->print = 1;
		else if (f == 'i' || f == 'I')
			flags |= REG_ICASE;
		else if (f == 'm' || f == 'M')
			flags |= REG_NEWLINE;
		else if (f == 'e')
			c->eval = 1;
		else if (isdigit(f)) {
			if (c->nth) {
				free(re);
				bad("multiple number options to 's' command");
			}
			c->nth = strtoul(pos, NULL, 10);
			while (isdigit((unsigned char)pos[1]))
				pos++;
			if (!c->nth) {
				free(re);
				bad("number option to 's' command may not be zero");
			}
		} else if (f == 'w') {
			pos++;
			c->fallback = last_compiled;
			c->re = compile_re(re, flags);
			c->wf = open_wfile(read_filename());
			goto check;
		} else
			break;
		pos++;
	}
	c->fallback = last_compiled;
	c->re = compile_re(re, flags);
check:
	if (c->eval)
		bad("the 'e' flag is not supported");
	if (c->re && (size_t)max_backref(c->text, c->len) > c->re->re_nsub)
		bad("invalid reference on 's' command's RHS");
	if (!c->nth)
		c->nth = 1;
}

static void parse_y(struct cmd *c)
{
	int delim = *pos;
	char *src, *dst;
	size_t sl, dl;
	unsigned char *map;
	if (!delim || delim == '\n' || delim == '\\')
		bad("unterminated 'y' command");
	pos++;
	/* y knows \\, \n and \delim; delimited() left "\\x" pairs for the rest */
	src = delimited(delim, 1, &sl);
	if (!src)
		bad("unterminated 'y' command");
	dst = delimited(delim, 1, &dl);
	if (!dst) {
		free(src);
		bad("unterminated 'y' command");
	}
	c->text = xmalloc(256);
	c->len = 256;
	map = (unsigned char *)c->text;
	for (int i = 0; i < 256; i++)
		map[i] = (unsigned char)i;
	size_t i = 0, j = 0;
	while (i < sl && j < dl) {
		unsigned char a = (unsigned char)src[i++], b = (unsigned char)dst[j++];
		if (a == '\\' && i < sl)
			a = src[i] == 't' ? '\t' : (unsigned char)src[i], i++;
		if (b == '\\' && j < dl)
			b = dst[j] == 't' ? '\t' : (unsigned char)dst[j], j++;
		map[a] = b;
	}
	free(src);
	free(dst);
	if (i < sl || j < dl)
		bad("strings for 'y' command are different lengths");
}

static struct cmd *new_cmd(void)
{
	if (P.n == P.cap)
		P.cmd = xrealloc(P.cmd, (P.cap = P.cap ? 2 * P.cap : 16) * sizeof(*P.cmd));
	memset(&P.cmd[P.n], 0, sizeof(*P.cmd));
	P.cmd[P.n].num = -1;
	return &P.cmd[P.n++];
}

static void compile_script(char *script)
{
	P.script = script;
	P.start = pos = script;
	if (script[0] == '#' && script[1] == 'n' && (script[2] == '\n' || !script[2]))
		P.quiet = 1;
	for (;;) {
		struct cmd *c;
		while (*pos == ' ' || *pos == '\t' || *pos == '\n' || *pos == ';')
			pos++;
		if (!*pos)
			break;
		if (*pos == '#') {
			while (*pos && *pos != '\n')
				pos++;
			continue;
		}
		c = new_cmd();
		if (parse_addr(&c->a1, 0)) {
			skip_blank();
			if (*pos == ',') {
				pos++;
				skip_blank();
				if (!parse_addr(&c->a2, 1))
					bad("unexpected ','");
			}
		}
		if (c->a1.type == '0' && c->a2.type != '/')
			bad("invalid usage of line address 0");
		skip_blank();
		if (*pos == '!') {
			c->neg = 1;
			pos++;
			skip_blank();
			if (*pos == '!')
				bad("multiple '!'s");
		}
		c->cmd = *pos;
		if (!*pos)
			bad("missing command");
		pos++;
		switch (c->cmd) {
		case '{':
			P.blocks = xrealloc(P.blocks, (P.nblocks + 1) * sizeof(size_t));
			P.blocks[P.nblocks++] = P.n - 1;
			continue;
		case '}':
			if (!P.nblocks)
				bad("unexpected '}'");
			if (c->a1.type || c->neg)
				bad("} doesn't want any addresses");
			P.cmd[P.blocks[--P.nblocks]].jump = P.n - 1;
			break;
		case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H':
		case 'n': case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
			break;
		case 'q': case 'Q': case 'l': case 'L':
			if (c->cmd == 'L')
				bad("unknown command: 'L'");
			if ((c->cmd == 'q' || c->cmd == 'Q') && c->a2.type)
				bad("command only uses one address");
			skip_blank();
			if (isdigit((unsigned char)*pos))
				c->num = (int)(read_num() & INT_MAX);
			break;
		case ':':
			if (c->a1.type)
				bad(": doesn't want any addresses");
			c->text = read_label(0);
			if (!*c->text)
				bad("\":\" lacks a label");
			break;
		case 'b': case 't': case 'T':
			c->text = read_label(1);
			break;
		case 'a': case 'i': case 'c':
			c->text = read_text(&c->len);
			continue;
		case 'r': case 'R':
			c->text = read_filename();
			if (c->cmd == 'R' && !sandbox)
				c->rf = fopen(c->text, "r");	/* missing: R reads nothing */
			continue;
		case 'w': case 'W':
			c->wf = open_wfile(read_filename());
			continue;
		case 's':
			parse_s(c);
			if (c->wf)
				continue;
			break;
		case 'y':
			parse_y(c);
			break;
		default:
			pos--;
			bad("unknown command");
		}
		skip_blank();
		if (*pos == '}' || *pos == '#')
			continue;
		if (!is_cmd_end(*pos))
			bad("extra characters after command");
	}
	if (P.nblocks)
		bad("unmatched '{'");
	/* resolve branches; no label means the end of the script */
	for (size_t i = 0; i < P.n; i++) {
		struct cmd *c = &P.cmd[i];
		if (!strchr("btT", c->cmd) || !c->cmd)
			continue;
		c->jump = P.n;
		if (!*c->text)
			continue;
		size_t k;
		for (k = 0; k < P.n; k++)
			if (P.cmd[k].cmd == ':' && !strcmp(P.cmd[k].text, c->text))
				break;
		if (k == P.n)
			die("can't find label for jump to '%s'", c->text);
		c->jump = k;
	}
}

/* ---- running ---------------------------------------------------------- */

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_need(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	if (space_limit && b->len + more > space_limit)
		die("pattern space too large");
	while (b->len + more + 1 > b->cap)
		b->cap = b->cap ? 2 * b->cap : 128;
	b->s = xrealloc(b->s, b->cap);
}

static void buf_add(struct buf *b, const char *s, size_t len)
{
	buf_need(b, len);
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = 0;
}

static void buf_set(struct buf *b, const char *s, size_t len)
{
	b->len = 0;
	buf_add(b, s, len);
}

/* Input: all FILEs as one stream, or (-s, -i) one at a time.  One line of
 * look-ahead tells whether the current line is the last ($). */
static struct input {
	char **files;
	struct lines *l;
	int fd;
	const char *name;	/* of the file the current line came from */
	const char *next_name;
	struct buf next;
	int next_nl, have_next, eof;
	unsigned long lineno;
} in;

static struct buf ps, hs, sub;
static int ps_nl;		/* the pattern space's line ended in a newline */
static int tflag;
static struct outf *out;	/* stdout, or the -i temporary */
static regex_t *last_re;

/* Fill the look-ahead; with -s stop at the end of the current file. */
static void fill(void)
{
	while (!in.have_next && !in.eof) {
		char *s;
		size_t len;
		if (!in.l) {
			if (!*in.files) {
				in.eof = 1;
				return;
			}
			in.fd = open_input(*in.files);
			in.next_name = *in.files++;
			if (in.fd < 0) {
				if (px.exitcode != 4)
					px.exitcode = 2;
				continue;
			}
			in.l = lines_open(in.fd);
		}
		s = lines_next(in.l, &len);
		if (s) {
			buf_set(&in.next, s, len);
			in.next_nl = lines_had_nl(in.l);
			in.have_next = 1;
			break;
		}
		if ((errno = lines_error(in.l))) {
			pwarn("%s", in.next_name);	/* e.g. a directory: EISDIR */
			px.exitcode = 4;	/* GNU sed's status for an I/O error */
		}
		lines_close(in.l);
		in.l = NULL;
		if (in.fd > 0)
			close(in.fd);
	}
}

static int is_last(void)
{
	fill();
	return !in.have_next;
}

/* Move the next line into b; 0 at the end of input. */
static int read_line(struct buf *b, int append)
{
	if (is_last())
		return 0;
	if (append)
		buf_add(b, "\n", 1);
	else
		b->len = 0;
	buf_add(b, in.next.s, in.next.len);
	ps_nl = in.next_nl;
	in.name = in.next_name;
	in.have_next = 0;
	in.lineno++;
	tflag = 0;
	return 1;
}

static void emit(struct outf *o, const char *s, size_t len, int nl)
{
	if (o->missing_nl)
		putc('\n', o->f);
	fwrite(s, 1, len, o->f);
	if (nl)
		putc('\n', o->f);
	o->missing_nl = 0;
	if (o->f == stderr)
		fflush(o->f);
}

static void emit_ps(struct outf *o, size_t len)
{
	emit(o, ps.s ? ps.s : "", len, ps_nl);
	o->missing_nl = !ps_nl;
}

/* a, r and R output waits for the end of the cycle (or the next n/N). */
struct app {
	char type;	/* 'a' text, 'r' file, 'R' a line we own */
	char *s;
	size_t len;
};
static struct app *appq;
static size_t nappq, capappq;

static void append(char type, char *s, size_t len)
{
	if (nappq == capappq)
		appq = xrealloc(appq, (capappq = capappq ? 2 * capappq : 8) * sizeof(*appq));
	appq[nappq++] = (struct app){ type, s, len };
}

static void flush_appends(void)
{
	for (size_t i = 0; i < nappq; i++) {
		struct app *a = &appq[i];
		if (a->type == 'r') {
			FILE *f = sandbox ? NULL : fopen(a->s, "r");
			char buf[4096];
			size_t r;
			if (!f)
				continue;	/* POSIX: a missing r file is not an error */
			if (out->missing_nl)
				putc('\n', out->f);
			out->missing_nl = 0;
			while ((r = fread(buf, 1, sizeof(buf), f)) > 0)
				fwrite(buf, 1, r, out->f);
			fclose(f);
			continue;
		}
		emit(out, a->s, a->len, 0);
		if (a->type == 'R')
			free(a->s);
	}
	nappq = 0;
}

static void cmd_l(struct cmd *c)
{
	long width = c->num >= 0 ? c->num : optnum('l', 70), col = 0;
	char esc[8];
	if (out->missing_nl)
		putc('\n', out->f), out->missing_nl = 0;
	for (size_t i = 0; i < ps.len; i++) {
		unsigned char ch = (unsigned char)ps.s[i];
		const char *k = strchr("\\\a\b\f\n\r\t\v", ch);
		if (k && ch)
			snprintf(esc, sizeof(esc), "\\%c", "\\abfnrtv"[k - "\\\a\b\f\n\r\t\v"]);
		else if (ch < 32 || ch >= 127)
			snprintf(esc, sizeof(esc), "\\%03o", ch);
		else
			esc[0] = (char)ch, esc[1] = 0;
		if (width > 1 && col + (long)strlen(esc) > width - 1) {
			fputs("\\\n", out->f);
			col = 0;
		}
		fputs(esc, out->f);
		col += (long)strlen(esc);
	}
	fputs("$\n", out->f);
}

/* Case conversion state of \L \U \E \l \u in a replacement. */
static void add_cased(struct buf *b, const char *s, size_t len, int *mode, int *once)
{
	for (size_t i = 0; i < len; i++) {
		int ch = (unsigned char)s[i];
		if (*once) {
			ch = *once == 'u' ? toupper(ch) : tolower(ch);
			*once = 0;
		} else if (*mode)
			ch = *mode == 'U' ? toupper(ch) : tolower(ch);
		buf_need(b, 1);
		b->s[b->len++] = (char)ch;
	}
	b->s[b->len] = 0;
}

static void add_replacement(struct cmd *c, regmatch_t *m)
{
	int mode = 0, once = 0;
	const char *r = c->text;
	for (size_t i = 0; i < c->len; i++) {
		char ch = r[i];
		if (ch == '&') {
			add_cased(&sub, ps.s + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so), &mode, &once);
			continue;
		}
		if (ch == '\\' && i + 1 < c->len) {
			ch = r[++i];
			if (ch >= '0' && ch <= '9') {
				int k = ch - '0';
				if (m[k].rm_so >= 0)
					add_cased(&sub, ps.s + m[k].rm_so, (size_t)(m[k].rm_eo - m[k].rm_so), &mode, &once);
				continue;
			}
			if (ch == 'L' || ch == 'U' || ch == 'E') {
				mode = ch == 'E' ? 0 : ch;
				once = 0;
				continue;
			}
			if (ch == 'l' || ch == 'u') {
				once = ch;
				continue;
			}
			if (ch == 'n')
				ch = '\n';
			else if (ch == 't')
				ch = '\t';
		}
		add_cased(&sub, &ch, 1, &mode, &once);
	}
}

static regex_t *pick_re(regex_t *re, regex_t *fallback)
{
	if (re)
		return last_re = re;
	return last_re ? last_re : (last_re = fallback);
}

static int match_re(regex_t *re, regex_t *fallback)
{
	regmatch_t m[1];
	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)ps.len;
	return !regexec(pick_re(re, fallback), ps.s ? ps.s : "", 1, m, REG_STARTEND);
}

static int do_subst(struct cmd *c)
{
	regex_t *re = pick_re(c->re, c->fallback);
	regmatch_t m[10];
	size_t posn = 0, prev_end = (size_t)-1;
	unsigned long count = 0;
	int done = 0;

	sub.len = 0;
	buf_need(&sub, 0);
	if (!ps.s)
		buf_set(&ps, "", 0);
	while (posn <= ps.len) {
		size_t so, eo;
		m[0].rm_so = (regoff_t)posn;
		m[0].rm_eo = (regoff_t)ps.len;
		if (regexec(re, ps.s, 10, m, REG_STARTEND))
			break;
		so = (size_t)m[0].rm_so;
		eo = (size_t)m[0].rm_eo;
		/* an empty match right after a match is not a new match */
		if (so == eo && so == prev_end) {
			if (so >= ps.len)
				break;
			buf_add(&sub, ps.s + so, 1);
			posn = so + 1;
			continue;
		}
		buf_add(&sub, ps.s + posn, so - posn);
		if (++count >= c->nth) {
			add_replacement(c, m);
			done = 1;
		} else
			buf_add(&sub, ps.s + so, eo - so);
		prev_end = eo;
		if (so == eo) {
			if (so < ps.len)
				buf_add(&sub, ps.s + so, 1);
			posn = eo + 1;
		} else
			posn = eo;
		if (done && !c->global)
			break;
	}
	if (!done)
		return 0;
	if (posn < ps.len)
		buf_add(&sub, ps.s + posn, ps.len - posn);
	struct buf t = ps;
	ps = sub;
	sub = t;
	return 1;
}

static int match1(struct addr *a)
{
	switch (a->type) {
	case 'n':
		return in.lineno == a->n;
	case '0':
		return in.lineno == 1;
	case '$':
		return is_last();
	case '~':
		return a->step ? in.lineno >= a->n && (in.lineno - a->n) % a->step == 0 : in.lineno == a->n;
	case '/':
		return match_re(a->re, a->fallback);
	}
	return 0;
}

/* Does c apply to this line?  Ranges keep state in c->in_range:
 * 0 not started yet, 1 inside, 2 ended. */
static int match_addr(struct cmd *c)
{
	int r, more = 1;
	if (!c->a1.type)
		return !c->neg;
	if (!c->a2.type)
		return match1(&c->a1) != c->neg;
	if (c->in_range == 1) {
		switch (c->a2.type) {
		case 'n':
			/* past the end line (skipped by d or a branch): closed, and
			 * this line is in only if the start address matches it */
			if (in.lineno > c->a2.n) {
				c->in_range = 2;
				return match1(&c->a1) != c->neg;
			}
			more = in.lineno < c->a2.n;
			break;
		case '+':
			more = in.lineno < c->range_end;
			break;
		case 'm':
			more = in.lineno % c->a2.n != 0;
			break;
		case '$':
			more = !is_last();
			break;
		case '/':
			more = !match_re(c->a2.re, c->a2.fallback);
			break;
		}
		c->in_range = more ? 1 : 2;
		return !c->neg;
	}
	/* a range from a line number happens once (even if a branch comes
	 * back to that line) */
	if (c->in_range == 2 && strchr("n0", c->a1.type))
		return c->neg;
	r = match1(&c->a1);
	/* GNU: a line-number start that was never seen (an earlier d skipped
	 * it) starts the range at the first line after it that gets here */
	if (!r && !c->in_range && strchr("n0", c->a1.type) && in.lineno > c->a1.n) {
		if (c->a2.type == 'n' && c->a2.n < in.lineno)
			return c->neg;
		r = 1;
	}
	if (!r)
		return c->neg;
	switch (c->a2.type) {
	case 'n':
		more = c->a2.n > in.lineno;
		break;
	case '+':
		c->range_end = in.lineno + c->a2.n;
		more = c->a2.n > 0;
		break;
	case 'm':
		more = c->a2.n && in.lineno % c->a2.n;
		break;
	case '$':
		more = !is_last();
		break;
	case '/':
		if (c->a1.type == '0')
			more = !match_re(c->a2.re, c->a2.fallback);
		break;
	}
	c->in_range = more ? 1 : 2;
	return !c->neg;
}

enum { END_PRINT, END_NOPRINT, QUIT, QUIT_NOPRINT, RESTART };

/* One cycle over the script.  *code gets q's exit code. */
static int run_cycle(int *code)
{
	for (size_t pc = 0; pc < P.n; pc++) {
		struct cmd *c = &P.cmd[pc];
		if (step_limit && ++steps > step_limit)
			return QUIT_NOPRINT;
		if (!match_addr(c)) {
			if (c->cmd == '{')
				pc = c->jump;
			continue;
		}
		switch (c->cmd) {
		case '=':
			if (out->missing_nl)
				putc('\n', out->f), out->missing_nl = 0;
			fprintf(out->f, "%lu\n", in.lineno);
			break;
		case 'a':
			append('a', c->text, c->len);
			break;
		case 'b':
			pc = c->jump - 1;	/* the loop's pc++ lands on the label */
			break;
		case 'c':
			/* in a range the text replaces the whole range: print at its end */
			if (!c->a2.type || c->neg || c->in_range != 1)
				emit(out, c->text, c->len, 0);
			return END_NOPRINT;
		case 'd':
			return END_NOPRINT;
		case 'D': {
			char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
			if (!nl)
				return END_NOPRINT;
			size_t cut = (size_t)(nl - ps.s) + 1;
			memmove(ps.s, nl + 1, ps.len - cut);
			ps.len -= cut;
			ps.s[ps.len] = 0;
			return RESTART;
		}
		case 'F':
			emit(out, in.name, strlen(in.name), 1);
			break;
		case 'g':
			buf_set(&ps, hs.s ? hs.s : "", hs.len);
			break;
		case 'G':
			buf_add(&ps, "\n", 1);
			buf_add(&ps, hs.s ? hs.s : "", hs.len);
			break;
		case 'h':
			buf_set(&hs, ps.s ? ps.s : "", ps.len);
			break;
		case 'H':
			buf_add(&hs, "\n", 1);
			buf_add(&hs, ps.s ? ps.s : "", ps.len);
			break;
		case 'i':
			emit(out, c->text, c->len, 0);
			break;
		case 'l':
			cmd_l(c);
			break;
		case 'n':
			/* no next line (in this file, with -s): GNU prints and ends
			 * the cycle; POSIX would quit without printing */
			if (is_last())
				return END_PRINT;
			if (!P.quiet)
				emit_ps(out, ps.len);
			flush_appends();
			read_line(&ps, 0);
			break;
		case 'N':
			if (is_last())
				return END_PRINT;	/* as n */
			flush_appends();
			read_line(&ps, 1);
			break;
		case 'p':
			emit_ps(out, ps.len);
			break;
		case 'P': {
			char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
			emit(out, ps.s ? ps.s : "", nl ? (size_t)(nl - ps.s) : ps.len, 1);
			break;
		}
		case 'q':
		case 'Q':
			*code = c->num > 0 ? c->num : 0;
			return c->cmd == 'q' ? QUIT : QUIT_NOPRINT;
		case 'r':
			append('r', c->text, 0);
			break;
		case 'R':
			if (c->rf) {
				char *line = NULL;
				size_t cap = 0;
				ssize_t n = getline(&line, &cap, c->rf);
				if (n > 0 && line[n - 1] != '\n') {
					line = xrealloc(line, (size_t)n + 2);
					line[n++] = '\n';
				}
				if (n > 0)
					append('R', line, (size_t)n);
				else
					free(line);
			}
			break;
		case 's':
			if (do_subst(c)) {
				tflag = 1;
				if (c->print)
					emit_ps(out, ps.len);
				if (c->wf)
					emit_ps(c->wf, ps.len);
			}
			break;
		case 't':
			if (tflag) {
				tflag = 0;
				pc = c->jump - 1;
			}
			break;
		case 'T':
			if (!tflag)
				pc = c->jump - 1;
			else
				tflag = 0;
			break;
		case 'w':
			emit_ps(c->wf, ps.len);
			break;
		case 'W': {
			char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
			emit(c->wf, ps.s ? ps.s : "", nl ? (size_t)(nl - ps.s) : ps.len, 1);
			break;
		}
		case 'x': {
			struct buf t = ps;
			ps = hs;
			hs = t;
			break;
		}
		case 'y':
			for (size_t i = 0; i < ps.len; i++)
				ps.s[i] = c->text[(unsigned char)ps.s[i]];
			break;
		case 'z':
			ps.len = 0;
			break;
		}
	}
	return END_PRINT;
}

/* Run the script over the input set up in `in`; 1 if q or Q ended it. */
static int run(int *code)
{
	while (read_line(&ps, 0)) {
		int r;
		do {
			r = run_cycle(code);
			if ((r == END_PRINT || r == QUIT) && !P.quiet)
				emit_ps(out, ps.len);
			flush_appends();
		} while (r == RESTART);
		if (r == QUIT || r == QUIT_NOPRINT)
			return 1;
	}
	return 0;
}

/* A new stream: with -s and -i each file is one, and GNU sed starts each
 * afresh: line numbers, hold space and ranges. */
static void input_reset(char **files)
{
	for (size_t i = 0; i < P.n; i++)
		P.cmd[i].in_range = 0;
	hs.len = 0;
	in.files = files;
	in.eof = in.have_next = 0;
	in.lineno = 0;
	in.name = "-";
}

/* -iSUFFIX: the backup's name, as GNU sed makes it: FILE + SUFFIX, or
 * SUFFIX with each '*' replaced by FILE as given (so bak/FILE for bak/ then *). */
static char *backup_name(const char *file, const char *suffix)
{
	struct buf b = { 0 };

	if (!strchr(suffix, '*'))
		return xasprintf("%s%s", file, suffix);
	buf_set(&b, "", 0);
	for (const char *p = suffix; *p; p++)
		if (*p == '*')
			buf_add(&b, file, strlen(file));
		else
			buf_add(&b, p, 1);
	return b.s;
}

/* -i: write to a temporary next to FILE, then rename it over FILE. */
static int edit_in_place(char *file, int *code)
{
	struct stat st;
	struct outf o = { 0 };
	char *files[] = { file, NULL }, *dir, *tmp, *backup = NULL;
	int fd, quit;

	if (stat(file, &st) < 0) {
		pwarn("can't read %s", file);
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		warn("couldn't edit %s: not a regular file", file);
		return 0;
	}
	dir = xstrdup(file);
	if (strrchr(dir, '/'))
		strrchr(dir, '/')[1] = 0;
	else
		dir[0] = 0;
	tmp = xasprintf("%ssedXXXXXX", dir);
	free(dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		pdie("couldn't open temporary file %s", tmp);
	/* the new file keeps the old one's mode and, for root, its owner */
	if (fchmod(fd, st.st_mode & 07777) < 0 ||
	    (!geteuid() && fchown(fd, st.st_uid, st.st_gid) < 0 && errno != EPERM)) {
		pwarn("%s", tmp);
		unlink(tmp);
		free(tmp);
		close(fd);
		return 0;
	}
	/* "*" alone names the file itself: no backup, as in GNU sed */
	if (optstr('i') && *optstr('i') && strcmp(optstr('i'), "*"))
		backup = backup_name(file, optstr('i'));
	o.name = tmp;
	o.f = fdopen(fd, "w");
	if (!o.f)
		pdie("%s", tmp);
	out = &o;
	input_reset(files);
	quit = run(code);
	out = &out_stdout;
	if (ferror(o.f) | fclose(o.f)) {
		pwarn("couldn't write %s", tmp);
		unlink(tmp);
	} else if (backup && rename(file, backup) < 0) {
		/* no backup, no edit: the user asked to keep the old text */
		pwarn("couldn't rename %s to %s", file, backup);
		px.exitcode = 4;	/* an I/O error, as in GNU sed */
		unlink(tmp);
	} else if (rename(tmp, file) < 0) {
		pwarn("couldn't rename %s", tmp);
		unlink(tmp);
		if (backup)
			rename(backup, file);
	}
	free(backup);
	free(tmp);
	return quit;
}

/* Forget everything a previous run left: the shell may run sed many
 * times in one process, and a die() can leave state half-built. */
static void sed_reset(void)
{
	prog_free();
	if (in.l) {
		lines_close(in.l);
		if (in.fd > 0)
			close(in.fd);
	}
	free(in.next.s);
	memset(&in, 0, sizeof(in));
	for (size_t i = 0; i < nappq; i++)
		if (appq[i].type == 'R')
			free(appq[i].s);
	nappq = 0;
	ps.len = hs.len = sub.len = 0;
	ps_nl = 1;
	tflag = 0;
	steps = 0;
	last_re = last_compiled = NULL;
	out_stdout = (struct outf){ NULL, stdout, 0 };
	out = &out_stdout;
}

int sed_main(int argc, char **argv)
{
	struct buf script = { 0 };
	char **files = argv + 1, *dash[] = { "-", NULL };
	int code = 0;

	sed_reset();
	P.ere = opt('E') || opt('r');
	buf_set(&script, "", 0);
	for (char **e = optlist('e'); *e; e++) {
		if (script.len)
			buf_add(&script, "\n", 1);
		buf_add(&script, *e, strlen(*e));
	}
	for (char **f = optlist('f'); *f; f++) {
		size_t len;
		char *text = read_file(strcmp(*f, "-") ? *f : "/dev/stdin", &len);
		if (!text)
			pdie("couldn't open file %s", *f);
		if (script.len)
			buf_add(&script, "\n", 1);
		buf_add(&script, text, strlen(text));
		free(text);
	}
	if (!opt('e') && !opt('f')) {
		if (!*files)
			die("no script (see sed --help)");
		buf_add(&script, *files, strlen(*files));
		files++;
	}
	compile_script(script.s);
	P.quiet |= opt('n');
	if (!*files)
		files = dash;
	if (ENABLE_SED_INPLACE && opt('i')) {
		for (; *files; files++)
			if (edit_in_place(*files, &code))
				break;
	} else if (opt('s') || opt('i')) {
		/* -s: each file its own stream (line numbers, $), one output */
		for (; *files; files++) {
			char *one[] = { *files, NULL };
			input_reset(one);
			if (run(&code))
				break;
		}
	} else {
		input_reset(files);
		run(&code);
	}
	sed_reset();
	if (code)
		return code;
	/* a missing input file is status 2, a read error 4, as in GNU sed */
	return px.exitcode == 4 ? 4 : px.exitcode ? 2 : 0;
}
