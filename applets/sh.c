/* sh - an ash-compatible POSIX shell: lexer, parser (to an AST), expansions,
 * redirections, execution and the builtins that must live in the shell.
 *
 * Layout, top to bottom: memory (parse arenas, the expansion stack),
 * variables, input, lexer, parser, expansion, arithmetic, execution,
 * builtins, main.  echo, printf, test, kill and the other pxebox applets are
 * not reimplemented here: a few safe ones run in-process, the rest in a
 * forked child without exec (the "standalone shell").
 */
//menu:Shell
//config:config SH
//config:	bool "sh (ash-compatible POSIX shell)"
//config:	default y
//config:	select ECHO
//config:	help
//config:	  A POSIX shell in the ash tradition, also reachable as ash.
//config:	  Runs linuxrc and initramfs scripts.
//config:
//config:config SH_STANDALONE
//config:	bool "Run pxebox applets without exec (standalone shell)"
//config:	depends on SH
//config:	default y
//config:	help
//config:	  A command that names a pxebox applet runs that applet without
//config:	  exec'ing a new binary when PATH finds nothing else of that
//config:	  name (or finds pxebox itself), so scripts with many small
//config:	  commands are fast.  A different program in PATH (a distro's
//config:	  own modprobe, a test double) is still run.  echo, printf,
//config:	  test, true, false, basename, dirname and uname always run
//config:	  inside the shell, as builtins do.
//config:
//config:config SH_INTERACTIVE
//config:	bool "Interactive use (prompt, line editing, Ctrl-C)"
//config:	depends on SH
//config:	default y
//config:	help
//config:	  PS1 prompt, line editing and history when stdin is a terminal
//config:	  (or with -i); Ctrl-C interrupts the command, not the shell;
//config:	  job control: Ctrl-Z stops it, jobs, fg and bg.
//config:
//config:config SH_ALIAS
//config:	bool "alias and unalias"
//config:	depends on SH
//config:	default y
//config:	help
//config:	  Command aliases, expanded when a command is read.
//applet:sh SH sh_main NULL
//applet:ash SH sh_main NULL
//usage:sh [-eufxnvim] [-o OPT] [-c 'COMMANDS' [NAME [ARG]...] | FILE [ARG]...]
//usage:
//usage:Run shell commands from -c's string, FILE or stdin.
//usage:	-c	commands come from the first operand
//usage:	-e	exit when a command fails	-u	unset variables are errors
//usage:	-f	no pathname expansion		-x	trace commands
//usage:	-n	read commands, do not run them	-v	echo input
//usage:	-i	interactive			-s	read stdin
//usage:	-m	job control (on when interactive): Ctrl-Z, jobs, fg, bg
//usage:	-o pipefail	a pipeline fails if any command in it fails
#include "pxebox.h"
#include "signames.h"
#include <fnmatch.h>
#include <poll.h>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <termios.h>

#if ENABLE_SH_INTERACTIVE && defined(__has_include)
#if __has_include("lineedit.h")
#include "lineedit.h"
#define HAVE_LINEEDIT 1
#endif
#endif

#define MAXDEPTH 1000		/* nesting of parsed constructs and of calls */

/* ======================================================================
 * memory: parse arenas and the expansion stack
 * ====================================================================== */

/* Under AddressSanitizer (the fuzz harnesses) every arena and expansion
 * stack allocation gets a heap block of its own, of its exact size, so ASan
 * sees a write past its end or a use after its release; the normal build
 * carves them out of big blocks and this costs nothing there. */
#if defined(__SANITIZE_ADDRESS__)
#define MEM_EXACT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEM_EXACT 1
#endif
#endif
#ifndef MEM_EXACT
#define MEM_EXACT 0
#endif

/* Each parsed command (or function body) lives in one arena that is freed
 * as a whole; a function definition keeps a reference to its arena. */
struct achunk {
	struct achunk *next;
	size_t used, cap;
	char data[];
};
struct arena {
	struct achunk *c;
	int ref;
};
static struct arena *cur_arena;

static struct arena *arena_new(void)
{
	struct arena *a = xzalloc(sizeof(*a));
	a->ref = 1;
	return a;
}

static void arena_unref(struct arena *a)
{
	if (!a || --a->ref > 0)
		return;
	while (a->c) {
		struct achunk *n = a->c->next;
		free(a->c);
		a->c = n;
	}
	free(a);
}

static void *aalloc(size_t n)
{
	struct achunk *c = cur_arena->c;
	void *p;
	if (!MEM_EXACT)
		n = (n + 7) & ~(size_t)7;
	if (MEM_EXACT || !c || c->cap - c->used < n) {
		size_t cap = n > 4000 || MEM_EXACT ? n : 4000;
		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		c->next = cur_arena->c;
		cur_arena->c = c;
	}
	p = c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

static char *astrndup(const char *s, size_t n)
{
	char *p = aalloc(n + 1);
	memcpy(p, s, n);
	return p;
}

/* The expansion stack: strings made while running one command, released
 * in one go when the command is done (like dash's stack blocks). */
struct stblock {
	struct stblock *prev;
	size_t size;
	char space[];
};
struct stmark {
	struct stblock *b;
	char *next;
	size_t left;
};
static struct stblock *stb, *stspare;
static char *stnext;
static size_t stleft;

#define STBLOCK 16000

static void *stalloc(size_t n)
{
	void *p;
	if (!MEM_EXACT)
		n = (n + 7) & ~(size_t)7;
	if (MEM_EXACT || n > stleft) {
		size_t sz = n > STBLOCK || MEM_EXACT ? n : STBLOCK;
		struct stblock *b = sz == STBLOCK && stspare ? stspare : xmalloc(sizeof(*b) + sz);
		if (b == stspare)
			stspare = NULL;
		b->size = sz;
		b->prev = stb;
		stb = b;
		stnext = b->space;
		stleft = sz;
	}
	p = stnext;
	stnext += n;
	stleft -= n;
	return p;
}

static char *ststrndup(const char *s, size_t n)
{
	char *p = stalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static void stmark(struct stmark *m)
{
	m->b = stb;
	m->next = stnext;
	m->left = stleft;
}

static void strelease(const struct stmark *m)
{
	while (stb != m->b) {
		struct stblock *p = stb->prev;
		/* one block is kept: most commands need just one, every time */
		if (!MEM_EXACT && !stspare && stb->size == STBLOCK)
			stspare = stb;
		else
			free(stb);
		stb = p;
	}
	stnext = m->next;
	stleft = m->left;
}

/* A growable byte string on the heap. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void sb_grow(struct sbuf *b, size_t more)
{
	if (b->n + more + 1 > b->cap) {
		b->cap = (b->n + more + 1) * 2 + 32;
		b->s = xrealloc(b->s, b->cap);
	}
}

static void sb_addn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

static void sb_add(struct sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

static void sb_addc(struct sbuf *b, int c)
{
	sb_grow(b, 1);
	b->s[b->n++] = (char)c;
	b->s[b->n] = 0;
}

/* ======================================================================
 * shell state, errors
 * ====================================================================== */

struct node;
struct word;

static struct {
	int exitstatus;		/* $? */
	int lineno;		/* line being read (lexer) */
	int curline;		/* line of the command being run */
	int interactive;
	int rootpid;		/* $$ */
	int lastbg;		/* $! */
	int depth;		/* parse nesting */
	int calldepth;		/* function / eval / . nesting */
	int skip, skipcount;	/* break / continue / return in progress */
	int loopdepth, funcdepth;
	int in_trap;
	int child;		/* we are a forked subshell */
	char *arg0;
	/* options */
	int o_e, o_u, o_f, o_x, o_n, o_v, o_pipefail, o_noclobber, o_allexport, o_m;
} sh;

enum { SKIP_NONE, SKIP_BREAK, SKIP_CONT, SKIP_RETURN };

static int jc;			/* job control is on (see jobs, below) */
static int ttyfd = -1;		/* the terminal, for job control */
static void jobctl_set(int on);

/* Errors unwind to the innermost handler (the interactive prompt, or
 * sh_parse_each); without one, a non-interactive shell exits. */
struct handler {
	jmp_buf jb;
	struct handler *prev;
};
static struct handler *handler;
static int exc_status;
static NORETURN void sh_exit(int status);

static void vsherr(const char *fmt, va_list ap)
{
	fflush(stdout);
	if (sh.curline > 0)
		fprintf(stderr, "%s: line %d: ", px.applet, sh.curline);
	else
		fprintf(stderr, "%s: ", px.applet);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* A message naming the line, without unwinding. */
static void PRINTF(1, 2) shwarn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsherr(fmt, ap);
	va_end(ap);
}

static NORETURN void throw(int status)
{
	exc_status = status;
	if (handler)
		longjmp(handler->jb, 1);
	sh_exit(status);
}

/* A fatal error of a non-interactive shell (syntax, expansion, special builtin). */
static NORETURN void PRINTF(2, 3) sherror(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsherr(fmt, ap);
	va_end(ap);
	throw(status);
}

/* ======================================================================
 * variables: a hash table of name -> value, plus a stack of local frames
 * ====================================================================== */

#define V_EXPORT 1
#define V_RO 2

struct var {
	struct var *next;
	char *name;
	char *val;		/* NULL: unset (the entry may still carry flags) */
	unsigned flags;
};
static struct var *vtab[256];

static unsigned hash_name(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int is_name_start(int c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Length of the NAME at s (0 if none). */
static size_t name_len(const char *s)
{
	size_t n = 0;
	if (!is_name_start((unsigned char)*s))
		return 0;
	while (is_name_char((unsigned char)s[n]))
		n++;
	return n;
}

static int valid_name(const char *s)
{
	size_t n = name_len(s);
	return n && !s[n];
}

static struct var *var_find(const char *name, size_t n, int create)
{
	struct var **pp = &vtab[hash_name(name, n) & (ARRAY_SIZE(vtab) - 1)], *v;
	for (v = *pp; v; v = v->next)
		if (!strncmp(v->name, name, n) && !v->name[n])
			return v;
	if (!create)
		return NULL;
	v = xzalloc(sizeof(*v));
	v->name = xstrndup(name, n);
	v->next = *pp;
	*pp = v;
	return v;
}

static const char *getvar(const char *name)
{
	struct var *v = var_find(name, strlen(name), 0);
	return v ? v->val : NULL;
}

static void path_changed(void);
static void optind_changed(const char *val);

/* Set NAME (n bytes) to val (copied; NULL unsets).  Readonly: error. */
static void setvarn(const char *name, size_t n, const char *val, unsigned flags)
{
	struct var *v = var_find(name, n, 1);
	if (v->flags & V_RO)
		sherror(2, "%s: is read only", v->name);
	free(v->val);
	v->val = val ? xstrdup(val) : NULL;
	v->flags |= flags;
	if (sh.o_allexport && val)
		v->flags |= V_EXPORT;
	if (n == 4 && !memcmp(name, "PATH", 4))
		path_changed();
	else if (n == 6 && !memcmp(name, "OPTIND", 6))
		optind_changed(val);
}

static void setvar(const char *name, const char *val)
{
	setvarn(name, strlen(name), val, 0);
}

/* v in decimal into buf (24 bytes); returns buf.  Not snprintf: a loop
 * doing $((i + 1)) spends a fifth of its time in printf's format parser. */
static char *fmt_num(char *buf, long long v)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char *p = buf + 23;
	*p = 0;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return memmove(buf, p, (size_t)(buf + 24 - p));
}

static void setvar_int(const char *name, long long v)
{
	char buf[24];
	setvar(name, fmt_num(buf, v));
}

/* "NAME=value" assignment text (value copied). */
static void setvar_assign(const char *s, unsigned flags)
{
	const char *eq = strchr(s, '=');
	setvarn(s, (size_t)(eq - s), eq + 1, flags);
}

/* Local frames: `local` and temporary assignments save the old value here
 * and the frame's end puts it back. */
struct saved {
	struct saved *next;
	struct var *v;
	char *val;
	unsigned flags;
};
struct frame {
	struct frame *prev;
	struct saved *list;
};
static struct frame *curframe;

static void frame_push(struct frame *f)
{
	f->prev = curframe;
	f->list = NULL;
	curframe = f;
}

static void frame_pop(struct frame *f)
{
	while (f->list) {
		struct saved *s = f->list;
		f->list = s->next;
		free(s->v->val);
		s->v->val = s->val;
		s->v->flags = s->flags;
		if (s->v->name[0] == 'P' && !strcmp(s->v->name, "PATH"))
			path_changed();
		free(s);
	}
	curframe = f->prev;
}

/* Make NAME local to the current frame (keeping its value, as ash does). */
static struct var *make_local(const char *name, size_t n)
{
	struct var *v = var_find(name, n, 1);
	struct saved *s;
	for (s = curframe->list; s; s = s->next)
		if (s->v == v)
			return v;
	s = xmalloc(sizeof(*s));
	s->v = v;
	s->val = v->val ? xstrdup(v->val) : NULL;
	s->flags = v->flags;
	s->next = curframe->list;
	curframe->list = s;
	return v;
}

/* The environment for a child: every exported variable with a value. */
static char **make_env(void)
{
	size_t n = 0, i;
	char **env;
	struct var *v;
	for (i = 0; i < ARRAY_SIZE(vtab); i++)
		for (v = vtab[i]; v; v = v->next)
			n += (v->flags & V_EXPORT) && v->val;
	env = xmalloc((n + 1) * sizeof(*env));
	n = 0;
	for (i = 0; i < ARRAY_SIZE(vtab); i++)
		for (v = vtab[i]; v; v = v->next)
			if ((v->flags & V_EXPORT) && v->val)
				env[n++] = xasprintf("%s=%s", v->name, v->val);
	env[n] = NULL;
	return env;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* All variables with any of flags (0: all set ones), sorted by name. */
static struct var **var_list(unsigned flags, size_t *np)
{
	size_t n = 0, i, cap = 64;
	struct var **l = xmalloc(cap * sizeof(*l)), *v;
	for (i = 0; i < ARRAY_SIZE(vtab); i++)
		for (v = vtab[i]; v; v = v->next) {
			if (flags ? !(v->flags & flags) : !v->val)
				continue;
			if (n == cap)
				l = xrealloc(l, (cap *= 2) * sizeof(*l));
			l[n++] = v;
		}
	qsort(l, n, sizeof(*l), cmp_var);
	*np = n;
	return l;
}

/* Print a value quoted so the shell can read it back: always in single
 * quotes, a run of ' as "'", the form dash and ash print for set, export,
 * alias and trap. */
static void print_quoted(const char *s)
{
	do {
		size_t n = strcspn(s, "'");
		printf("'%.*s'", (int)n, s);
		s += n;
		n = strspn(s, "'");
		if (!n)
			break;
		printf("\"%.*s\"", (int)n, s);
		s += n;
	} while (*s);
}

/* Positional parameters. */
static struct {
	int n;
	char **v;
} pp;

static void pp_set(int n, char **v)
{
	for (int i = 0; i < pp.n; i++)
		free(pp.v[i]);
	free(pp.v);
	pp.v = xmalloc((n + 1) * sizeof(char *));
	for (int i = 0; i < n; i++)
		pp.v[i] = xstrdup(v[i]);
	pp.v[n] = NULL;
	pp.n = n;
}

/* ======================================================================
 * the syntax tree
 * ====================================================================== */

enum { N_CMD, N_PIPE, N_ANDOR, N_SUBSHELL, N_GROUP, N_IF, N_WHILE, N_UNTIL,
	N_FOR, N_CASE, N_FUNC };

/* A word is kept as its source text; the spans say where its ${...},
 * $(...), `...` and $((...)) are, and hold the parsed command
 * substitutions, so nothing is parsed twice when the word is expanded. */
enum { SP_PARAM, SP_CMD, SP_ARITH };
struct span {
	unsigned start, end;	/* offsets in the word's text */
	int kind;
	struct node *body;	/* SP_CMD */
};

#define W_QUOTED 1		/* had quotes: never a keyword or an alias */
#define W_LIT 2			/* nothing to expand: use the text as is */
#define W_ASSIGN 4		/* NAME=... */

struct word {
	struct word *next;
	char *text;
	unsigned len, flags, nsp;
	struct span *sp;
};

enum { R_IN, R_OUT, R_APP, R_RW, R_CLOB, R_DUPIN, R_DUPOUT, R_HERE };

struct redir {
	struct redir *next, *hnext;
	int type, fd;		/* fd -1: the default for the type */
	struct word *target;
	struct word *here;	/* here-document body */
	int hquoted, strip;
};

struct caseitem {
	struct caseitem *next;
	struct word *pats;
	struct node *body;
	int fall;		/* ;& */
};

struct node {
	int type, lineno, bg, bang;
	struct node *next;	/* the next command of a list */
	struct redir *redir;
	struct node *a, *b, *c;	/* if: cond then else; loops: cond body; () {}: a */
	struct word *words, *assigns;	/* command words; for: list; case: subject */
	struct node **v;	/* pipeline or and-or list elements */
	char *ops;		/* and-or: '&' or '|' before each element after the first */
	int nv, has_in;
	char *name;		/* for: variable; function: name */
	struct caseitem *items;
	struct arena *arena;	/* function: the arena holding its body */
};

/* ======================================================================
 * input: a stack of sources (file, string, alias text)
 * ====================================================================== */

struct input {
	struct input *prev;
	const char *p, *end;
	char *buf;		/* buffer of an fd source */
	int fd;			/* -1: a string */
	int push[4], npush;
	const char *alias;	/* an alias's text: falls back to prev at its end */
	int eof, tty;
};
static struct input *in;
static int want_ps1;

static char *read_line_interactive(const char *prompt);

static int refill(void)
{
	ssize_t n;
	if (!in->buf)
		in->buf = xmalloc(4096);
	if (in->tty) {
		char *line = read_line_interactive(want_ps1 ? getvar("PS1") : getvar("PS2"));
		want_ps1 = 0;
		if (!line)
			return 0;
		n = (ssize_t)strlen(line);
		free(in->buf);
		in->buf = xmalloc((size_t)n + 2);
		memcpy(in->buf, line, (size_t)n);
		in->buf[n++] = '\n';
		free(line);
	} else {
		do
			n = read(in->fd, in->buf, 4096);
		while (n < 0 && errno == EINTR);
		if (n <= 0)
			return 0;
	}
	if (sh.o_v)
		writeall(2, in->buf, (size_t)n);
	in->p = in->buf;
	in->end = in->buf + n;
	return 1;
}

static void pop_input(void)
{
	struct input *i = in;
	in = i->prev;
	free(i->buf);
	free(i);
}

static int pgetc(void)
{
	int c;
	for (;;) {
		if (in->npush)
			c = in->push[--in->npush];
		else if (in->p < in->end) {
			c = (unsigned char)*in->p++;
			if (!c)
				continue;	/* NUL bytes are dropped, as dash does */
		}
		else if (in->fd >= 0 && !in->eof) {
			if (!refill())
				in->eof = 1;
			continue;
		} else if (in->alias) {
			pop_input();
			continue;
		} else
			return EOF;
		if (c == '\n')
			sh.lineno++;
		return c;
	}
}

static void pungetc(int c)
{
	if (c == EOF)
		return;
	if (c == '\n')
		sh.lineno--;
	in->push[in->npush++] = c;
}

/* pgetc without backslash-newline pairs (line continuations). */
static int pgetc_cont(void)
{
	int c = pgetc(), c2;
	while (c == '\\') {
		c2 = pgetc();
		if (c2 != '\n') {
			pungetc(c2);
			break;
		}
		c = pgetc();
	}
	return c;
}

static void push_string(const char *s, size_t len, const char *alias)
{
	struct input *i = xzalloc(sizeof(*i));
	i->p = s;
	i->end = s + len;
	i->fd = -1;
	i->alias = alias;
	i->prev = in;
	in = i;
}

static void push_fd(int fd, int tty)
{
	struct input *i = xzalloc(sizeof(*i));
	i->fd = fd;
	i->tty = tty;
	i->prev = in;
	in = i;
}

/* ======================================================================
 * lexer
 * ====================================================================== */

enum { T_EOF, T_NL, T_SEMI, T_DSEMI, T_SEMIAND, T_AMP, T_AND, T_OR, T_PIPE,
	T_LP, T_RP, T_WORD, T_REDIR };
static const char *const tok_names[] = { "end of file", "newline", ";", ";;", ";&",
	"&", "&&", "||", "|", "(", ")", "word", "redirection" };

enum { CX_WORD, CX_DQ, CX_BRACE, CX_ARITH, CX_HEREDOC };

static struct lexer {
	int tok;		/* the looked-ahead token, -1: none */
	struct word *w;		/* T_WORD */
	int rtype, rfd;		/* T_REDIR */
	char *tb;		/* the word being read (arena) */
	size_t tn, tcap;
	struct span *sp;
	unsigned nsp, spcap;
	unsigned wflags;
	struct redir *hd, **hdlast;	/* here-documents waiting for their bodies */
} lx = { .tok = -1 };

static struct node *parse_list(int top);
static void read_heredocs(void);

static NORETURN void PRINTF(1, 2) synerr(const char *fmt, ...)
{
	va_list ap;
	sh.curline = sh.lineno;
	va_start(ap, fmt);
	vsherr(fmt, ap);
	va_end(ap);
	throw(2);
}

static void tb_add(int c)
{
	if (lx.tn + 2 > lx.tcap) {
		size_t cap = lx.tcap * 2 + 64;
		char *p = aalloc(cap);
		if (lx.tn)
			memcpy(p, lx.tb, lx.tn);
		lx.tb = p;
		lx.tcap = cap;
	}
	lx.tb[lx.tn++] = (char)c;
}

static void tb_adds(const char *s)
{
	while (*s)
		tb_add(*s++);
}

static unsigned span_open(int kind)
{
	if (lx.nsp == lx.spcap) {
		unsigned cap = lx.spcap * 2 + 4;
		struct span *p = aalloc(cap * sizeof(*p));
		if (lx.nsp)
			memcpy(p, lx.sp, lx.nsp * sizeof(*p));
		lx.sp = p;
		lx.spcap = cap;
	}
	lx.sp[lx.nsp].start = (unsigned)lx.tn;
	lx.sp[lx.nsp].kind = kind;
	lx.sp[lx.nsp].body = NULL;
	return lx.nsp++;
}

static void depth_check(void)
{
	if (++sh.depth > MAXDEPTH)
		synerr("syntax error: nested too deeply (more than %d levels)", MAXDEPTH);
}

/* Parse a command substitution's commands from the current input
 * (after "$(") or from a backquoted text.  The lexer state is saved
 * around it, as the substitution sits in the middle of a word. */
static struct node *parse_sub(const char *text, size_t len)
{
	struct lexer save = lx;
	struct node *n;
	int line = sh.lineno;
	depth_check();
	lx.tok = -1;
	lx.tb = NULL;
	lx.tn = lx.tcap = 0;
	lx.sp = NULL;
	lx.nsp = lx.spcap = 0;
	lx.hd = NULL;
	lx.hdlast = &lx.hd;
	if (text)
		push_string(text, len, NULL);
	n = parse_list(0);
	if (lx.tok == -1)
		lx.tok = T_EOF;	/* parse_list always leaves a token looked at */
	if (lx.tok != (text ? T_EOF : T_RP)) {
		if (lx.tok == T_EOF)
			synerr("syntax error: unterminated %s", text ? "`" : "$(");
		synerr("syntax error: unexpected \"%s\"",
		       lx.tok == T_WORD ? lx.w->text : tok_names[lx.tok]);
	}
	if (text) {
		pop_input();
		sh.lineno = line;
	}
	lx = save;
	sh.depth--;
	return n;
}

static void scan(int ctx, int dq);

/* $'...': decoded now and kept as a single-quoted string. */
static void scan_dollar_single(void)
{
	int c;
	tb_add('\'');
	while ((c = pgetc()) != '\'') {
		int v = 0, n = 0;
		if (c == EOF)
			synerr("syntax error: unterminated $'...'");
		if (c == '\\') {
			c = pgetc();
			switch (c) {
			case 'a': c = 7; break;
			case 'b': c = 8; break;
			case 'e': case 'E': c = 27; break;
			case 'f': c = 12; break;
			case 'n': c = 10; break;
			case 'r': c = 13; break;
			case 't': c = 9; break;
			case 'v': c = 11; break;
			case 'c':
				c = pgetc();
				if (c == EOF)
					synerr("syntax error: unterminated $'...'");
				c &= 31;
				break;
			case 'x':
				while (n < 2) {
					c = pgetc();
					if (!isxdigit(c)) {
						pungetc(c);
						break;
					}
					v = v * 16 + (isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
					n++;
				}
				c = n ? v : '\\';
				if (!n)
					tb_add('x');	/* \x without digits: both kept */
				break;
			case '0': case '1': case '2': case '3':
			case '4': case '5': case '6': case '7':
				while (n < 3 && c >= '0' && c <= '7') {
					v = v * 8 + c - '0';
					n++;
					c = pgetc();
				}
				pungetc(c);
				c = v & 255;
				break;
			case '\\': case '\'': case '"': case '?':
				break;
			case EOF:
				synerr("syntax error: unterminated $'...'");
			default:
				tb_add('\\');
			}
			if (c == 0) {	/* a NUL ends the string, as in bash */
				while ((c = pgetc()) != '\'' && c != EOF)
					if (c == '\\')
						pgetc();
				break;
			}
		}
		if (c == '\'')
			tb_adds("'\\''");
		else
			tb_add(c);
	}
	tb_add('\'');
}

static void scan_backquote(int dq)
{
	struct sbuf b = { 0 };
	struct node *n;
	unsigned si;
	int c;
	char *text;
	while ((c = pgetc()) != '`') {
		if (c == EOF) {
			free(b.s);
			synerr("syntax error: unterminated `");
		}
		if (c == '\\') {
			c = pgetc();
			if (c == '\n')
				continue;
			if (!(c == '$' || c == '`' || c == '\\' || (dq && c == '"')))
				sb_addc(&b, '\\');
			if (c == EOF)
				continue;
		}
		sb_addc(&b, c);
	}
	/* the text lives in the arena, so an error while parsing it leaks nothing */
	text = astrndup(b.s ? b.s : "", b.n);
	free(b.s);
	n = parse_sub(text, b.n);
	si = span_open(SP_CMD);
	tb_adds("``");
	lx.sp[si].end = (unsigned)lx.tn;
	lx.sp[si].body = n;
}

static void scan_dollar(int ctx, int dq)
{
	int c = pgetc_cont(), c2;
	unsigned si;
	if (c == '{') {
		si = span_open(SP_PARAM);
		tb_adds("${");
		scan(CX_BRACE, dq);
		tb_add('}');
		lx.sp[si].end = (unsigned)lx.tn;
	} else if (c == '(') {
		c2 = pgetc_cont();
		if (c2 == '(') {
			si = span_open(SP_ARITH);
			tb_adds("$((");
			scan(CX_ARITH, 0);
			tb_adds("))");
			lx.sp[si].end = (unsigned)lx.tn;
		} else {
			struct node *n;
			pungetc(c2);
			n = parse_sub(NULL, 0);
			si = span_open(SP_CMD);
			tb_adds("$()");
			lx.sp[si].end = (unsigned)lx.tn;
			lx.sp[si].body = n;
		}
	} else if (c == '\'' && ctx == CX_WORD) {
		lx.wflags |= W_QUOTED;
		scan_dollar_single();
	} else {
		tb_add('$');
		pungetc(c);
	}
}

/* Read word text for one context into lx.tb, up to (not including) its end. */
static void scan(int ctx, int dq)
{
	int c, depth = 0;
	depth_check();
	for (;;) {
		c = pgetc_cont();
		switch (c) {
		case EOF:
			if (ctx == CX_WORD || ctx == CX_HEREDOC)
				goto out;
			synerr("syntax error: unterminated %s", ctx == CX_DQ ? "quoted string" :
			       ctx == CX_BRACE ? "${" : "$((");
		case '\\':
			c = pgetc();
			tb_add('\\');
			if (c != EOF)
				tb_add(c);
			lx.wflags |= W_QUOTED;
			continue;
		case '\'':
			if (ctx == CX_DQ || ctx == CX_HEREDOC || (ctx == CX_BRACE && dq))
				break;
			lx.wflags |= W_QUOTED;
			tb_add('\'');
			while ((c = pgetc()) != '\'') {
				if (c == EOF)
					synerr("syntax error: unterminated quoted string");
				tb_add(c);
			}
			break;
		case '"':
			if (ctx == CX_DQ)
				goto out;
			if (ctx == CX_HEREDOC)
				break;
			lx.wflags |= W_QUOTED;
			tb_add('"');
			scan(CX_DQ, 1);
			break;
		case '`':
			scan_backquote(dq || ctx == CX_DQ);
			continue;
		case '$':
			scan_dollar(ctx, dq || ctx == CX_DQ);
			continue;
		case '}':
			if (ctx == CX_BRACE)
				goto out;
			break;
		case '(':
			depth++;
			break;
		case ')':
			if (ctx == CX_ARITH && !depth) {
				if ((c = pgetc_cont()) != ')')
					synerr("syntax error: missing '))'");
				goto out;
			}
			depth--;
			break;
		}
		if (ctx == CX_WORD && c && strchr(" \t\n;&|<>()", c)) {
			pungetc(c);
			goto out;
		}
		tb_add(c);
	}
out:
	sh.depth--;
}

static struct word *finish_word(void)
{
	struct word *w = aalloc(sizeof(*w));
	size_t nl;
	w->text = astrndup(lx.tb ? lx.tb : "", lx.tn);
	w->len = (unsigned)lx.tn;
	w->flags = lx.wflags;
	if (lx.nsp) {
		w->sp = aalloc(lx.nsp * sizeof(*w->sp));
		memcpy(w->sp, lx.sp, lx.nsp * sizeof(*w->sp));
		w->nsp = lx.nsp;
	}
	if (!strpbrk(w->text, "$`'\"\\*?[~") && strlen(w->text) == w->len)
		w->flags |= W_LIT;
	nl = name_len(w->text);
	if (nl && w->text[nl] == '=')
		w->flags |= W_ASSIGN;
	return w;
}

static int lex_redir(int c, int fd)
{
	int c2 = pgetc_cont();
	lx.rfd = fd;
	if (c == '<') {
		if (c2 == '<') {
			int c3 = pgetc_cont();
			lx.rtype = R_HERE;
			lx.rfd = fd >= 0 ? fd : 0;
			if (c3 == '-')
				lx.rfd |= 1 << 20;	/* <<-: strip tabs (flag removed by the parser) */
			else
				pungetc(c3);
			return T_REDIR;
		}
		lx.rtype = c2 == '&' ? R_DUPIN : c2 == '>' ? R_RW : (pungetc(c2), R_IN);
	} else {
		lx.rtype = c2 == '>' ? R_APP : c2 == '&' ? R_DUPOUT : c2 == '|' ? R_CLOB :
			(pungetc(c2), R_OUT);
	}
	return T_REDIR;
}

static int lex(void)
{
	int c, c2;
	do
		c = pgetc_cont();
	while (c == ' ' || c == '\t');
	if (c == '#')
		while ((c = pgetc()) != '\n' && c != EOF)
			;
	switch (c) {
	case EOF:
		return T_EOF;
	case '\n':
		if (lx.hd)
			read_heredocs();
		return T_NL;
	case ';':
		c2 = pgetc_cont();
		if (c2 == ';')
			return T_DSEMI;
		if (c2 == '&')
			return T_SEMIAND;
		pungetc(c2);
		return T_SEMI;
	case '&':
		c2 = pgetc_cont();
		if (c2 == '&')
			return T_AND;
		pungetc(c2);
		return T_AMP;
	case '|':
		c2 = pgetc_cont();
		if (c2 == '|')
			return T_OR;
		pungetc(c2);
		return T_PIPE;
	case '(':
		return T_LP;
	case ')':
		return T_RP;
	case '<': case '>':
		return lex_redir(c, -1);
	}
	pungetc(c);
	lx.tn = 0;
	lx.nsp = 0;
	lx.wflags = 0;
	scan(CX_WORD, 0);
	c = pgetc();
	if ((c == '<' || c == '>') && lx.tn && lx.tn < 5 && !lx.wflags) {
		size_t i;
		for (i = 0; i < lx.tn && isdigit((unsigned char)lx.tb[i]); i++)
			;
		if (i == lx.tn) {
			lx.tb[lx.tn] = 0;
			return lex_redir(c, atoi(lx.tb));
		}
	}
	pungetc(c);
	lx.w = finish_word();
	return T_WORD;
}

static int peek(void)
{
	if (lx.tok < 0)
		lx.tok = lex();
	return lx.tok;
}

static void next(void)
{
	peek();
	lx.tok = -1;
}

/* Remove quotes from a here-document delimiter. */
static char *unquote_delim(const char *s)
{
	char *out = aalloc(strlen(s) + 1), *o = out;
	char q = 0;
	for (; *s; s++) {
		if (!q && (*s == '\'' || *s == '"'))
			q = *s;
		else if (q && *s == q)
			q = 0;
		else if (*s == '\\' && q != '\'' && s[1])
			*o++ = *++s;
		else if (*s == '$' && !q && s[1] == '\'')
			;	/* $'x' was already decoded to 'x' */
		else
			*o++ = *s;
	}
	*o = 0;
	return out;
}

static void read_heredocs(void)
{
	struct redir *r = lx.hd;
	lx.hd = NULL;
	lx.hdlast = &lx.hd;
	for (; r; r = r->hnext) {
		const char *delim = unquote_delim(r->target->text);
		size_t dl = strlen(delim);
		struct sbuf body = { 0 };
		int c = 0;
		while (c != EOF) {
			size_t start = body.n;
			c = pgetc();
			if (r->strip)
				while (c == '\t')
					c = pgetc();
			while (c != '\n' && c != EOF) {
				sb_addc(&body, c);
				c = pgetc();
			}
			if (body.n - start == dl && (!dl || !memcmp(body.s + start, delim, dl))) {
				body.n = start;
				break;
			}
			if (c == '\n' || body.n > start)
				sb_addc(&body, '\n');
		}
		/* into the arena first: a syntax error in the body must not leak it */
		char *text = astrndup(body.s ? body.s : "", body.n);
		size_t len = body.n;
		free(body.s);
		if (r->hquoted) {
			r->here = aalloc(sizeof(struct word));
			r->here->text = text;
			r->here->len = (unsigned)len;
			r->here->flags = W_LIT;
		} else {
			/* lex the body for its $ and ` parts (lines were counted already) */
			struct lexer save = lx;
			int line = sh.lineno;
			lx.tb = NULL;
			lx.tn = lx.tcap = 0;
			lx.sp = NULL;
			lx.nsp = lx.spcap = 0;
			lx.wflags = 0;
			push_string(text, len, NULL);
			scan(CX_HEREDOC, 0);
			pop_input();
			r->here = finish_word();
			r->here->flags &= ~W_LIT;
			lx = save;
			sh.lineno = line;
		}
	}
}

/* ======================================================================
 * parser
 * ====================================================================== */

enum { KW_BANG, KW_LBRACE, KW_RBRACE, KW_CASE, KW_DO, KW_DONE, KW_ELIF, KW_ELSE,
	KW_ESAC, KW_FI, KW_FOR, KW_IF, KW_IN, KW_THEN, KW_UNTIL, KW_WHILE };
static const char *const kwlist[] = { "!", "{", "}", "case", "do", "done", "elif",
	"else", "esac", "fi", "for", "if", "in", "then", "until", "while" };

/* The keyword the next token is, or -1. */
static int kw(void)
{
	if (peek() != T_WORD || (lx.w->flags & W_QUOTED))
		return -1;
	for (unsigned i = 0; i < ARRAY_SIZE(kwlist); i++)
		if (!strcmp(lx.w->text, kwlist[i]))
			return (int)i;
	return -1;
}

static NORETURN void unexpected(void)
{
	int t = peek();
	if (t == T_WORD)
		synerr("syntax error: unexpected \"%s\"", lx.w->text);
	if (t == T_NL || t == T_EOF)
		synerr("syntax error: unexpected %s", tok_names[t]);
	if (t == T_REDIR)
		synerr("syntax error: unexpected redirection");
	synerr("syntax error: unexpected \"%s\"", tok_names[t]);
}

static void expect_kw(int k)
{
	if (kw() != k)
		unexpected();
	next();
}

static void skip_nl(void)
{
	while (peek() == T_NL)
		next();
}

static struct node *newnode(int type)
{
	struct node *n = aalloc(sizeof(*n));
	n->type = type;
	n->lineno = sh.lineno;
	return n;
}

#if ENABLE_SH_ALIAS
struct alias {
	struct alias *next;
	char *name, *val;
};
static struct alias *aliases;

static struct alias *alias_find(const char *name)
{
	struct alias *a;
	for (a = aliases; a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

/* Replace an alias in command position by its text (not recursively). */
static void alias_check(void)
{
	struct alias *a;
	struct input *i;
	while (aliases && peek() == T_WORD && !(lx.w->flags & W_QUOTED) &&
	       (a = alias_find(lx.w->text))) {
		for (i = in; i; i = i->prev)
			if (i->alias && !strcmp(i->alias, a->name))
				return;
		lx.tok = -1;
		push_string(a->val, strlen(a->val), a->name);
	}
}
#else
static void alias_check(void) { }
#endif

static struct redir *parse_redir(void)
{
	struct redir *r = aalloc(sizeof(*r));
	r->type = lx.rtype;
	r->fd = lx.rfd & ~(1 << 20);
	r->strip = !!(lx.rfd & (1 << 20));
	next();
	if (peek() != T_WORD)
		unexpected();
	r->target = lx.w;
	next();
	if (r->type == R_HERE) {
		r->hquoted = !!(r->target->flags & W_QUOTED);
		*lx.hdlast = r;
		lx.hdlast = &r->hnext;
	}
	return r;
}

static void parse_redirs(struct redir **rp)
{
	while (*rp)
		rp = &(*rp)->next;
	while (peek() == T_REDIR) {
		*rp = parse_redir();
		rp = &(*rp)->next;
	}
}

/* A list that must not be empty, ending at keyword k (consumed). */
static struct node *parse_body(int k)
{
	struct node *n = parse_list(0);
	if (!n)
		unexpected();
	expect_kw(k);
	return n;
}

static struct node *parse_command(void);

static struct node *parse_simple(void)
{
	struct node *n = newnode(N_CMD);
	struct word **at = &n->assigns, **wt = &n->words;
	struct redir **rt = &n->redir;
	for (;;) {
		int t = peek();
		if (t == T_REDIR) {
			*rt = parse_redir();
			rt = &(*rt)->next;
			continue;
		}
		if (t != T_WORD)
			break;
		if (!n->words && (lx.w->flags & W_ASSIGN)) {
			*at = lx.w;
			at = &lx.w->next;
			next();
			continue;
		}
		*wt = lx.w;
		wt = &lx.w->next;
		next();
		if (n->words->next == NULL && !n->assigns && !n->redir && peek() == T_LP) {
			/* NAME() compound-command: a function definition */
			struct node *f = newnode(N_FUNC);
			if (!valid_name(n->words->text) || (n->words->flags & W_QUOTED))
				synerr("syntax error: bad function name \"%s\"", n->words->text);
			f->name = n->words->text;
			f->arena = cur_arena;
			next();
			if (peek() != T_RP)
				unexpected();
			next();
			skip_nl();
			f->a = parse_command();
			if (f->a->type == N_CMD || f->a->type == N_FUNC)
				synerr("syntax error: function body must be a compound command");
			return f;
		}
	}
	if (!n->words && !n->assigns && !n->redir)
		unexpected();
	return n;
}

static struct node *parse_case(void)
{
	struct node *n = newnode(N_CASE);
	struct caseitem **it = &n->items;
	next();
	if (peek() != T_WORD)
		unexpected();
	n->words = lx.w;
	next();
	skip_nl();
	expect_kw(KW_IN);
	for (;;) {
		struct caseitem *ci;
		struct word **pt;
		skip_nl();
		if (kw() == KW_ESAC)
			break;
		ci = aalloc(sizeof(*ci));
		pt = &ci->pats;
		if (peek() == T_LP)
			next();
		for (;;) {
			if (peek() != T_WORD)
				unexpected();
			*pt = lx.w;
			pt = &lx.w->next;
			next();
			if (peek() != T_PIPE)
				break;
			next();
		}
		if (peek() != T_RP)
			unexpected();
		next();
		ci->body = parse_list(0);
		*it = ci;
		it = &ci->next;
		if (peek() == T_DSEMI || peek() == T_SEMIAND) {
			ci->fall = peek() == T_SEMIAND;
			next();
		} else if (kw() != KW_ESAC)
			unexpected();
	}
	next();
	return n;
}

static struct node *parse_for(void)
{
	struct node *n = newnode(N_FOR);
	next();
	if (peek() != T_WORD || !valid_name(lx.w->text))
		synerr("syntax error: bad for loop variable");
	n->name = lx.w->text;
	next();
	if (peek() == T_SEMI)
		next();
	skip_nl();
	if (kw() == KW_IN) {
		struct word **wt = &n->words;
		n->has_in = 1;
		next();
		while (peek() == T_WORD) {
			*wt = lx.w;
			wt = &lx.w->next;
			next();
		}
		if (peek() != T_SEMI && peek() != T_NL)
			unexpected();
		next();
		skip_nl();
	}
	expect_kw(KW_DO);
	n->b = parse_body(KW_DONE);
	return n;
}

static struct node *parse_command(void)
{
	struct node *n;
	depth_check();
	alias_check();
	switch (kw()) {
	case KW_LBRACE:
		n = newnode(N_GROUP);
		next();
		n->a = parse_body(KW_RBRACE);
		break;
	case KW_IF: {
		struct node *cur;
		n = cur = newnode(N_IF);
		next();
		cur->a = parse_body(KW_THEN);
		cur->b = parse_list(0);
		if (!cur->b)
			unexpected();
		while (kw() == KW_ELIF) {
			struct node *e = newnode(N_IF);
			next();
			e->a = parse_body(KW_THEN);
			e->b = parse_list(0);
			if (!e->b)
				unexpected();
			cur->c = e;
			cur = e;
		}
		if (kw() == KW_ELSE) {
			next();
			cur->c = parse_list(0);
			if (!cur->c)
				unexpected();
		}
		expect_kw(KW_FI);
		break;
	}
	case KW_WHILE:
	case KW_UNTIL:
		n = newnode(kw() == KW_WHILE ? N_WHILE : N_UNTIL);
		next();
		n->a = parse_body(KW_DO);
		n->b = parse_body(KW_DONE);
		break;
	case KW_FOR:
		n = parse_for();
		break;
	case KW_CASE:
		n = parse_case();
		break;
	case -1:
		if (peek() == T_LP) {
			n = newnode(N_SUBSHELL);
			next();
			n->a = parse_list(0);
			if (!n->a || peek() != T_RP)
				unexpected();
			next();
			break;
		}
		n = parse_simple();
		sh.depth--;
		return n;
	default:
		unexpected();
	}
	parse_redirs(&n->redir);
	sh.depth--;
	return n;
}

static struct node *parse_pipeline(void)
{
	struct node *n, *p;
	int bang = 0, cap = 0;
	while (kw() == KW_BANG) {
		bang ^= 1;
		next();
	}
	n = parse_command();
	if (peek() != T_PIPE && !bang)
		return n;
	p = newnode(N_PIPE);
	p->bang = bang;
	for (;;) {
		if (p->nv == cap) {
			struct node **v = aalloc((cap = cap * 2 + 4) * sizeof(*v));
			if (p->nv)
				memcpy(v, p->v, p->nv * sizeof(*v));
			p->v = v;
		}
		p->v[p->nv++] = n;
		if (peek() != T_PIPE)
			break;
		next();
		skip_nl();
		n = parse_command();
	}
	return p;
}

static struct node *parse_andor(void)
{
	struct node *n = parse_pipeline(), *a;
	int cap = 0;
	if (peek() != T_AND && peek() != T_OR)
		return n;
	a = newnode(N_ANDOR);
	for (char op = 0;;) {	/* ops[i]: the operator before v[i] */
		if (a->nv == cap) {
			struct node **v = aalloc((cap = cap * 2 + 4) * sizeof(*v));
			char *ops = aalloc((size_t)cap);
			if (a->nv) {
				memcpy(v, a->v, a->nv * sizeof(*v));
				memcpy(ops, a->ops, (size_t)a->nv);
			}
			a->v = v;
			a->ops = ops;
		}
		a->ops[a->nv] = op;
		a->v[a->nv++] = n;
		if (peek() != T_AND && peek() != T_OR)
			break;
		op = peek() == T_AND ? '&' : '|';
		next();
		skip_nl();
		n = parse_pipeline();
	}
	return a;
}

static int list_end(void)
{
	int t = peek(), k;
	if (t == T_EOF || t == T_RP || t == T_DSEMI || t == T_SEMIAND)
		return 1;
	k = kw();
	return k == KW_RBRACE || k == KW_THEN || k == KW_ELIF || k == KW_ELSE || k == KW_FI ||
		k == KW_DO || k == KW_DONE || k == KW_ESAC;
}

/* A list of and-or lists.  top: one command line, which ends at a newline
 * (consumed); otherwise newlines separate and the list ends at a token that
 * cannot start a command (left unread). */
static struct node *parse_list(int top)
{
	struct node *first = NULL, **tail = &first, *n;
	for (;;) {
		if (top && peek() == T_NL) {
			next();
			break;
		}
		if (!top)
			skip_nl();
		if (list_end())
			break;
		n = parse_andor();
		*tail = n;
		tail = &n->next;
		if (peek() == T_AMP) {
			n->bg = 1;
			next();
		} else if (peek() == T_SEMI)
			next();
		else if (peek() != T_NL)
			break;
	}
	return first;
}

/* One command line from the current input into *np (NULL: an empty line).
 * Returns 0 at the end of the input. */
static int parse_cmdline(struct node **np)
{
	sh.depth = 0;
	lx.tb = NULL;
	lx.tn = lx.tcap = 0;
	lx.sp = NULL;
	lx.nsp = lx.spcap = 0;
	lx.hd = NULL;
	lx.hdlast = &lx.hd;
	lx.tok = -1;
	if (peek() == T_EOF)
		return 0;
	*np = parse_list(1);
	if (lx.tok >= 0 && lx.tok != T_EOF)
		unexpected();
	if (lx.hd)
		synerr("syntax error: here-document without its body");
	return 1;
}

/* Parse a whole script one command line at a time, running nothing: each
 * line's syntax tree (NULL for an empty line) goes to each(), if given,
 * then is freed.  What `sh -n` does, and the entry point of the shell's
 * fuzz harness.  An error, in the parser or in each(), ends the script.
 * Returns 0, or the error's status (2 for syntax errors, reported on
 * stderr). */
static int sh_parse_each(const char *text, size_t len, void (*each)(struct node *, void *), void *arg)
{
	struct handler h, *saved_handler = handler;
	struct arena *saved_arena = cur_arena;
	struct input *saved_in = in;
	struct lexer saved_lx = lx;
	volatile int rc = 0;
	int line = sh.lineno;
	struct node *n;

	in = NULL;
	push_string(text, len, NULL);
	sh.lineno = 1;
	h.prev = handler;
	handler = &h;
	cur_arena = arena_new();
	if (setjmp(h.jb)) {
		rc = exc_status;
	} else {
		while (parse_cmdline(&n)) {
			if (each)
				each(n, arg);
			arena_unref(cur_arena);
			cur_arena = arena_new();
		}
	}
	arena_unref(cur_arena);
	while (in)
		pop_input();
	cur_arena = saved_arena;
	in = saved_in;
	handler = saved_handler;
	lx = saved_lx;
	sh.lineno = line;
	return rc;
}

/* ======================================================================
 * expansion
 * ====================================================================== */

#define EXP_SPLIT 1		/* field splitting */
#define EXP_GLOB 2		/* pathname expansion */
#define EXP_TILDE 4
#define EXP_ASSIGN 8		/* tilde also after = and : */
#define EXP_PAT 16		/* the result is a pattern: quoted characters escaped */
#define EXP_HEREDOC 32		/* here-document body: " is not special */
#define EXP_BWORD 64		/* the word of ${x-word}: inside "...", " quotes again;
				 * outside, its plain text is split like an expansion */
#define EXP_FULL (EXP_SPLIT | EXP_GLOB | EXP_TILDE)

/* Every byte of an expansion carries marks that say what it may still
 * become: quoted bytes are literal, bytes from unquoted expansions are
 * split on IFS, and a few marker bytes stand for field boundaries. */
#define M_Q 1			/* quoted: never split, never a pattern character */
#define M_S 2			/* from an unquoted expansion: IFS splits here */
#define M_BRK 4			/* marker: field boundary between "$@" parameters */
#define M_SEP 8			/* marker: boundary between unquoted $@ parameters */
#define M_QE 16			/* marker: an empty quoted string ("") was here */

static struct {
	char *s;
	unsigned char *m;
	size_t n, cap;
	int at_empty;		/* "$@" expanded to nothing */
} xb;

struct arglist {
	char **v;
	int n, cap;
};

/* The list lives on the expansion stack, so an error in the middle of an
 * expansion (which unwinds past the caller) leaks nothing. */
static void al_add(struct arglist *a, char *s)
{
	if (a->n + 2 > a->cap) {
		char **v = stalloc((size_t)(a->cap * 2 + 8) * sizeof(char *));
		if (a->n)
			memcpy(v, a->v, (size_t)a->n * sizeof(char *));
		a->v = v;
		a->cap = a->cap * 2 + 8;
	}
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

static void xb_add(const char *s, size_t n, int mark)
{
	if (xb.n + n > xb.cap) {
		xb.cap = (xb.n + n) * 2 + 64;
		xb.s = xrealloc(xb.s, xb.cap);
		xb.m = xrealloc(xb.m, xb.cap);
	}
	memcpy(xb.s + xb.n, s, n);
	memset(xb.m + xb.n, mark, n);
	xb.n += n;
}

static void xb_mark(int mark)
{
	xb_add("", 1, mark);
}

static struct span *span_at(struct word *w, const char *p)
{
	unsigned off = (unsigned)(p - w->text);
	for (unsigned i = 0; i < w->nsp; i++)
		if (w->sp[i].start == off)
			return &w->sp[i];
	return NULL;
}

/* The end of a "..." region that starts after its opening quote. */
static const char *skip_dq(struct word *w, const char *p, const char *end)
{
	struct span *sp;
	while (p < end && *p != '"') {
		if (*p == '\\')
			p += 2;
		else if ((*p == '$' || *p == '`') && (sp = span_at(w, p)))
			p = w->text + sp->end;
		else
			p++;
	}
	return p < end ? p : end;
}

/* The end of ${...}'s word part, or the first unquoted stop character. */
static const char *skip_to(struct word *w, const char *p, const char *end, int stop, int dq)
{
	struct span *sp;
	while (p < end && *p != stop) {
		if (*p == '\\')
			p += 2;
		else if (*p == '"')
			p = skip_dq(w, p + 1, end) + 1;
		else if (*p == '\'' && !dq) {
			const char *q = memchr(p + 1, '\'', (size_t)(end - p - 1));
			p = q ? q + 1 : end;
		} else if ((*p == '$' || *p == '`') && (sp = span_at(w, p)))
			p = w->text + sp->end;
		else
			p++;
	}
	return p < end ? p : end;
}

static void expand_text(struct word *w, const char *p, const char *end, int flags, int dq);
static long long arith_eval(const char *s, size_t n);
static void cmdsubst(struct node *body, int dq);

/* Expand a part of w into a string, without field splitting; with EXP_PAT
 * quoted pattern characters are escaped.  The string is on the stack. */
static char *expand_string(struct word *w, const char *p, const char *end, int flags, int dq)
{
	size_t start = xb.n, i;
	char *out, *o;
	expand_text(w, p, end, flags & ~(EXP_SPLIT | EXP_GLOB), dq);
	o = out = stalloc(2 * (xb.n - start) + 1);
	for (i = start; i < xb.n; i++) {
		unsigned char m = xb.m[i];
		char c = xb.s[i];
		if (m & (M_BRK | M_SEP))
			*o++ = ' ';
		else if (m & M_QE)
			continue;
		else {
			if ((flags & EXP_PAT) && (m & M_Q) && strchr("\\*?[]!-^", c))
				*o++ = '\\';
			*o++ = c;
		}
	}
	*o = 0;
	xb.n = start;
	return out;
}

static void add_value(const char *v, size_t n, int dq)
{
	xb_add(v, n, dq ? M_Q : M_S);
}

static const char *ifs_value(void)
{
	const char *ifs = getvar("IFS");
	return ifs ? ifs : " \t\n";
}

/* $@ and $*: the positional parameters as fields. */
static void add_params(int star, int dq)
{
	const char *ifs = ifs_value();
	if (!pp.n && dq && !star)
		xb.at_empty = 1;
	for (int i = 0; i < pp.n; i++) {
		if (i) {
			if (dq && star) {
				if (*ifs)
					xb_add(ifs, 1, M_Q);
			} else
				xb_mark(dq ? M_BRK : M_SEP);
		}
		add_value(pp.v[i], strlen(pp.v[i]), dq);
	}
}

/* The value of a special or positional parameter, or of a variable.
 * Returns NULL when unset.  buf holds numbers. */
static const char *param_value(const char *name, size_t n, char buf[32])
{
	char c = name[0];
	if (n == 1 && !is_name_char((unsigned char)c)) {
		switch (c) {
		case '#': return fmt_num(buf, pp.n);
		case '?': return fmt_num(buf, sh.exitstatus);
		case '$': return fmt_num(buf, sh.rootpid);
		case '!':
			if (!sh.lastbg)
				return NULL;
			return fmt_num(buf, sh.lastbg);
		case '-': {
			char *o = buf;
			if (sh.o_e) *o++ = 'e';
			if (sh.o_f) *o++ = 'f';
			if (sh.interactive) *o++ = 'i';
			if (sh.o_n) *o++ = 'n';
			if (sh.o_u) *o++ = 'u';
			if (sh.o_v) *o++ = 'v';
			if (sh.o_x) *o++ = 'x';
			if (jc) *o++ = 'm';
			*o = 0;
			return buf;
		}
		}
		return NULL;
	}
	if (isdigit((unsigned char)c)) {
		long k = 0;
		for (size_t i = 0; i < n && k < 100000000; i++)
			k = k * 10 + name[i] - '0';
		if (!k)
			return sh.arg0;
		return k <= pp.n ? pp.v[k - 1] : NULL;
	}
	{
		struct var *v = var_find(name, n, 0);
		if (v && v->val)
			return v->val;
		if (n == 6 && !memcmp(name, "LINENO", 6)) {
			snprintf(buf, 32, "%d", sh.curline);
			return buf;
		}
		if (n == 6 && !memcmp(name, "RANDOM", 6)) {
			snprintf(buf, 32, "%d", (int)(random() & 32767));
			return buf;
		}
		return NULL;
	}
}

/* Does string s match pattern pat (already escaped)?  Shortest or longest
 * prefix/suffix matches for ${x#p} and friends. */
static int pmatch(const char *pat, const char *s)
{
	return !fnmatch(pat, s, 0);
}

#include <fnmatch.h>

static int match_prefix(char *s, size_t k, const char *pat)
{
	char save = s[k];
	int m;
	s[k] = 0;
	m = pmatch(pat, s);
	s[k] = save;
	return m;
}

/* ${x#p} ${x##p} ${x%p} ${x%%p}: the part of val that remains. */
static char *trim(const char *val, const char *pat, int suffix, int longest)
{
	size_t n = strlen(val), k;
	char *tmp = ststrndup(val, n);
	if (!suffix && longest) {
		for (k = n + 1; k-- > 0;)
			if (match_prefix(tmp, k, pat))
				return tmp + k;
	} else if (!suffix) {
		for (k = 0; k <= n; k++)
			if (match_prefix(tmp, k, pat))
				return tmp + k;
	} else if (longest) {
		for (k = 0; k <= n; k++)
			if (pmatch(pat, tmp + k))
				return tmp[k] = 0, tmp;
	} else {
		for (k = n + 1; k-- > 0;)
			if (pmatch(pat, tmp + k))
				return tmp[k] = 0, tmp;
	}
	return tmp;
}

/* ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}: longest matches are replaced. */
static char *replace(const char *val, const char *pat, const char *rep, int all, int anchor)
{
	struct sbuf out = { 0 };
	size_t n = strlen(val), i = 0, k;
	char *tmp = ststrndup(val, n), *res;
	while (i <= n) {
		int found = 0;
		k = n;
		if (anchor != '#' || i == 0)
			for (;;) {
				found = match_prefix(tmp + i, k - i, pat);
				if (found || k == i || anchor == '%')
					break;
				k--;
			}
		if (found && (k > i || anchor)) {
			sb_add(&out, rep);
			i = k;
			if (!all || anchor)
				break;
			continue;
		}
		if (anchor == '#' || i == n)
			break;
		sb_addc(&out, tmp[i++]);
	}
	sb_add(&out, tmp + i);
	res = ststrndup(out.s, out.n);
	free(out.s);
	return res;
}

static NORETURN void bad_subst(struct word *w)
{
	sherror(2, "%s: bad substitution", w->text);
}

/* ${...}: s is after "${", e at the closing "}". */
static void expand_param(struct word *w, const char *s, const char *e, int flags, int dq)
{
	char buf[32], nbuf[32];
	const char *name = s, *val, *op;
	size_t n;
	int len = 0, colon = 0, isset, star = 0;

	if (*s == '#' && s + 1 < e && (is_name_char((unsigned char)s[1]) || strchr("@*#?$!-", s[1]))) {
		len = 1;
		name = ++s;
	}
	if (isdigit((unsigned char)*s)) {
		for (n = 0; s + n < e && isdigit((unsigned char)s[n]); n++)
			;
	} else if ((n = name_len(s)) == 0) {
		if (s < e && strchr("@*#?$!-", *s))
			n = 1;
		else
			bad_subst(w);
	}
	op = s + n;
	if (op < e && *op == ':') {
		colon = 1;
		op++;
	}
	if (len && op != e)
		bad_subst(w);
	if (n == 1 && (*name == '@' || *name == '*')) {
		star = *name;
		isset = pp.n > 0;
		val = NULL;
		if (isset && (colon || len || (op < e && strchr("#%/", *op)))) {
			/* these need the parameters as one string */
			struct sbuf b = { 0 };
			for (int i = 0; i < pp.n; i++) {
				if (i)
					sb_addc(&b, ' ');
				sb_add(&b, pp.v[i]);
			}
			val = ststrndup(b.s ? b.s : "", b.n);
			free(b.s);
		}
	} else {
		val = param_value(name, n, buf);
		isset = val != NULL;
	}
	if (len) {
		if (!isset && sh.o_u && !star)
			sherror(2, "%.*s: parameter not set", (int)n, name);
		snprintf(nbuf, sizeof(nbuf), "%zu", star ? (size_t)pp.n : val ? strlen(val) : 0);
		add_value(nbuf, strlen(nbuf), dq);
		return;
	}
	if (op == e) {
		if (colon)
			bad_subst(w);
		if (!isset && sh.o_u && !star)
			sherror(2, "%.*s: parameter not set", (int)n, name);
		goto emit;
	}
	/* the operator's word may assign to the variable itself (${x#${x=y}},
	 * ${x:x=1}): work on a copy of the value */
	if (val && !star)
		val = ststrndup(val, strlen(val));
	if (colon && isset && !(op < e && strchr("-=?+", *op))) {
		/* ${x:off} ${x:off:len} */
		const char *mid = skip_to(w, op, e, ':', dq);
		char *offs = expand_string(w, op, mid, 0, 1);
		long long off = arith_eval(offs, strlen(offs)), l;
		size_t vl = strlen(val);
		if (off < 0)
			off = (long long)vl + off < 0 ? 0 : (long long)vl + off;
		if (off > (long long)vl)
			off = (long long)vl;
		l = (long long)vl - off;
		if (mid < e) {
			char *ls = expand_string(w, mid + 1, e, 0, 1);
			long long want = arith_eval(ls, strlen(ls));
			if (want < 0)
				want = l + want < 0 ? 0 : l + want;
			if (want < l)
				l = want;
		}
		add_value(val + off, (size_t)l, dq);
		return;
	}
	if (colon && !(op < e && strchr("-=?+", *op)))
		goto emit;	/* ${x:...} on an unset x: empty */
	flags |= EXP_BWORD;
	switch (op < e ? *op : 0) {
	case '-':
	case '=':
	case '?':
	case '+': {
		int use_word = colon ? !(isset && (star ? pp.n && (pp.n > 1 || *pp.v[0]) : *val)) : !isset;
		if (*op == '+') {
			if (!use_word)
				expand_text(w, op + 1, e, flags, dq);
			return;
		}
		if (!use_word)
			goto emit;
		if (*op == '-') {
			expand_text(w, op + 1, e, flags, dq);
			return;
		}
		if (*op == '=') {
			char *v = expand_string(w, op + 1, e, flags & (EXP_TILDE | EXP_BWORD), dq);
			if (!is_name_start((unsigned char)*name))
				sherror(2, "%.*s: cannot assign in this way", (int)n, name);
			setvarn(name, n, v, 0);
			add_value(v, strlen(v), dq);
			return;
		}
		{
			char *msg = op + 1 < e ? expand_string(w, op + 1, e, EXP_BWORD, dq) : NULL;
			sherror(2, "%.*s: %s", (int)n, name,
				msg ? msg : colon ? "parameter null or not set" : "parameter not set");
		}
	}
	case '#':
	case '%': {
		int longest = op + 1 < e && op[1] == *op;
		/* outer double quotes do not quote the pattern (POSIX 2.6.2) */
		char *pat = expand_string(w, op + 1 + longest, e, EXP_PAT, 0);
		if (!isset) {
			if (sh.o_u)
				sherror(2, "%.*s: parameter not set", (int)n, name);
			return;
		}
		val = trim(val, pat, *op == '%', longest);
		goto emit;
	}
	case '/': {
		int all = 0, anchor = 0;
		const char *p = op + 1, *mid;
		char *pat, *rep;
		if (p < e && *p == '/')
			all = 1, p++;
		else if (p < e && (*p == '#' || *p == '%'))
			anchor = *p++;
		mid = skip_to(w, p, e, '/', dq);
		pat = expand_string(w, p, mid, EXP_PAT, 0);
		rep = mid < e ? expand_string(w, mid + 1, e, EXP_BWORD, dq) : "";
		if (!isset)
			return;
		val = replace(val, pat, rep, all, anchor);
		goto emit;
	}
	default:
		bad_subst(w);
	}
emit:
	if (star && !val) {
		add_params(star == '*', dq);
		return;
	}
	if (val)
		add_value(val, strlen(val), dq);
}

static const char *expand_dollar(struct word *w, const char *p, const char *end, int flags, int dq)
{
	struct span *sp = span_at(w, p);
	char buf[32];
	const char *v;
	size_t n;
	if (sp) {
		const char *e = w->text + sp->end;
		if (sp->kind == SP_CMD) {
			cmdsubst(sp->body, dq);
		} else if (sp->kind == SP_PARAM) {
			expand_param(w, p + 2, e - 1, flags, dq);
		} else {
			const char *s = p + 3, *se = e - 2;
			char nb[24];
			long long r;
			if (memchr(s, '$', (size_t)(se - s)) || memchr(s, '`', (size_t)(se - s)) ||
			    memchr(s, '\\', (size_t)(se - s)) || memchr(s, '"', (size_t)(se - s))) {
				char *t = expand_string(w, s, se, 0, 1);
				r = arith_eval(t, strlen(t));
			} else
				r = arith_eval(s, (size_t)(se - s));
			fmt_num(nb, r);
			add_value(nb, strlen(nb), dq);
		}
		return e;
	}
	p++;
	if (p < end && (*p == '@' || *p == '*')) {
		add_params(*p == '*', dq);
		return p + 1;
	}
	if (p < end && isdigit((unsigned char)*p))
		n = 1;
	else if (p < end && strchr("#?$!-", *p))
		n = 1;
	else if (p < end && (n = name_len(p)) > 0 && p + n > end)
		n = (size_t)(end - p);
	if (p >= end || !n) {
		xb_add("$", 1, dq ? M_Q : 0);
		return p;
	}
	v = param_value(p, n, buf);
	if (!v && sh.o_u)
		sherror(2, "%.*s: parameter not set", (int)n, p);
	if (v)
		add_value(v, strlen(v), dq);
	return p + n;
}

static void expand_tilde(const char *p, const char *e)
{
	const char *home;
	if (p == e) {
		home = getvar("HOME");
	} else {
		char *name = ststrndup(p, (size_t)(e - p));
		struct passwd *pw = getpwnam(name);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) {
		xb_add("~", 1, 0);
		xb_add(p, (size_t)(e - p), 0);
	} else
		xb_add(home, strlen(home), M_Q);
}

static void expand_text(struct word *w, const char *p, const char *end, int flags, int dq)
{
	const char *start = p, *q;
	while (p < end) {
		char c = *p;
		switch (c) {
		case '\'':
			if (dq)
				break;
			q = memchr(p + 1, '\'', (size_t)(end - p - 1));
			if (!q)
				q = end;
			if (q == p + 1)
				xb_mark(M_QE);
			else
				xb_add(p + 1, (size_t)(q - p - 1), M_Q);
			p = q + 1;
			continue;
		case '"': {
			size_t before = xb.n;
			if (dq && !(flags & EXP_BWORD))
				break;
			q = skip_dq(w, p + 1, end);
			xb.at_empty = 0;
			expand_text(w, p + 1, q, flags & ~EXP_BWORD, 1);
			if (xb.n == before && !xb.at_empty)
				xb_mark(M_QE);
			p = q + 1;
			continue;
		}
		case '\\':
			if (p + 1 >= end) {
				xb_add("\\", 1, M_Q);
				p++;
				continue;
			}
			if ((flags & EXP_HEREDOC) ? !strchr("$`\\", p[1]) :
			    dq && !strchr("$`\"\\\n", p[1])) {
				xb_add("\\", 1, M_Q);
				p++;
				continue;
			}
			xb_add(p + 1, 1, M_Q);
			p += 2;
			continue;
		case '$':
			p = expand_dollar(w, p, end, flags, dq);
			continue;
		case '`': {
			struct span *sp = span_at(w, p);
			if (!sp)
				break;
			cmdsubst(sp->body, dq);
			p = w->text + sp->end;
			continue;
		}
		case '~':
			if (!dq && (flags & EXP_TILDE) &&
			    (p == start || ((flags & EXP_ASSIGN) && (p[-1] == ':' || p[-1] == '=')))) {
				q = p + 1;
				while (q < end && *q != '/' && !((flags & EXP_ASSIGN) && *q == ':') &&
				       (is_name_char((unsigned char)*q) || strchr(".-", *q)))
					q++;
				if (q == end || *q == '/' || ((flags & EXP_ASSIGN) && *q == ':')) {
					expand_tilde(p + 1, q);
					p = q;
					continue;
				}
			}
			break;
		}
		xb_add(p, 1, dq ? M_Q : (flags & EXP_BWORD) ? M_S : 0);
		p++;
	}
}

/* ---- pathname expansion ---- */

static void glob_rec(struct sbuf *path, const char *pat, struct arglist *out)
{
	const char *slash = strchr(pat, '/');
	size_t clen = slash ? (size_t)(slash - pat) : strlen(pat), keep = path->n;
	char *comp = xstrndup(pat, clen);
	int magic = 0;
	for (size_t i = 0; i < clen; i++) {
		if (comp[i] == '\\' && i + 1 < clen)
			i++;
		else if (strchr("*?[", comp[i]))
			magic = 1;
	}
	if (!magic) {
		/* a plain component: no directory read, just the unescaped name */
		for (size_t i = 0; i < clen; i++) {
			if (comp[i] == '\\' && i + 1 < clen)
				i++;
			sb_addc(path, comp[i]);
		}
		if (slash) {
			sb_addc(path, '/');
			glob_rec(path, slash + 1, out);
		} else {
			struct stat st;
			if (!lstat(path->s, &st))
				al_add(out, ststrndup(path->s, path->n));
		}
	} else {
		DIR *d = opendir(path->n ? path->s : ".");
		struct dirent *de;
		while (d && (de = readdir(d))) {
			if (fnmatch(comp, de->d_name, FNM_PERIOD))
				continue;
			path->n = keep;
			sb_add(path, de->d_name);
			if (slash) {
				struct stat st;
				if (stat(path->s, &st) || !S_ISDIR(st.st_mode))
					continue;
				sb_addc(path, '/');
				glob_rec(path, slash + 1, out);
			} else
				al_add(out, ststrndup(path->s, path->n));
		}
		if (d)
			closedir(d);
	}
	path->n = keep;
	if (path->s)
		path->s[keep] = 0;
	free(comp);
}

/* pat has quoted characters escaped; plain is the field as text. */
static void glob_field(const char *pat, char *plain, struct arglist *out)
{
	struct sbuf path = { 0 };
	int start = out->n;
	sb_add(&path, "");
	if (*pat == '/') {
		sb_addc(&path, '/');
		while (*pat == '/')
			pat++;
	}
	glob_rec(&path, pat, out);
	free(path.s);
	if (out->n == start)
		al_add(out, plain);
	else
		qsort(out->v + start, (size_t)(out->n - start), sizeof(char *), cmp_str);
}

/* Does the unquoted '[' at xb[i] open a bracket expression that closes
 * before b?  A lone "[" (the test command) is no pattern: no directory read. */
static int bracket_closes(size_t i, size_t b)
{
	size_t j = i + 1;
	if (j < b && (xb.s[j] == '!' || xb.s[j] == '^'))
		j++;
	if (j < b && xb.s[j] == ']')
		j++;
	for (; j < b && xb.s[j] != '/'; j++)
		if (xb.s[j] == ']' && !(xb.m[j] & M_Q))
			return 1;
	return 0;
}

/* One field from xb[a,b): the text, and for globbing, the pattern. */
static void emit_field(size_t a, size_t b, int flags, struct arglist *out)
{
	char *s = stalloc(b - a + 1), *o = s;
	int magic = 0;
	for (size_t i = a; i < b; i++) {
		char c = xb.s[i];
		if (xb.m[i] & (M_BRK | M_SEP | M_QE))
			continue;
		if (!(xb.m[i] & M_Q) && (c == '*' || c == '?' || (c == '[' && bracket_closes(i, b))))
			magic = 1;
		*o++ = c;
	}
	*o = 0;
	if (magic && (flags & EXP_GLOB) && !sh.o_f) {
		char *pat = stalloc(2 * (b - a) + 1);
		o = pat;
		for (size_t i = a; i < b; i++) {
			if (xb.m[i] & (M_BRK | M_SEP | M_QE))
				continue;
			if ((xb.m[i] & M_Q) && strchr("\\*?[]", xb.s[i]))
				*o++ = '\\';
			*o++ = xb.s[i];
		}
		*o = 0;
		glob_field(pat, s, out);
	} else
		al_add(out, s);
}

static void split_fields(int flags, struct arglist *out)
{
	const char *ifs = ifs_value();
	size_t i = 0, start = 0;
	int have = 0;		/* the current field exists (even if empty) */
	while (i < xb.n) {
		unsigned char m = xb.m[i];
		char c = xb.s[i];
		if (m & M_BRK) {
			emit_field(start, i, flags, out);
			start = ++i;
			have = 1;	/* "$@": the next parameter is a field even if empty */
			continue;
		}
		if ((m & M_SEP) || ((m & M_S) && !(m & M_Q) && c && strchr(ifs, c))) {
			int white = (m & M_SEP) || strchr(" \t\n", c);
			if (have || i > start)
				emit_field(start, i, flags, out);
			else if (!white)
				emit_field(start, i, flags, out);	/* ":a" gives "" and "a" */
			i++;
			/* IFS white space around a delimiter belongs to it */
			while (i < xb.n && (xb.m[i] & (M_S | M_SEP)) && !(xb.m[i] & M_Q) &&
			       ((xb.m[i] & M_SEP) || (xb.s[i] && strchr(ifs, xb.s[i]) && strchr(" \t\n", xb.s[i])))) {
				i++;
			}
			if (white && i < xb.n && (xb.m[i] & M_S) && !(xb.m[i] & M_Q) && xb.s[i] &&
			    strchr(ifs, xb.s[i])) {
				/* white space then one non-white delimiter: one boundary */
				i++;
				while (i < xb.n && (xb.m[i] & M_S) && !(xb.m[i] & M_Q) && xb.s[i] &&
				       strchr(ifs, xb.s[i]) && strchr(" \t\n", xb.s[i]))
					i++;
			}
			start = i;
			have = 0;
			continue;
		}
		if (m & M_QE)
			have = 1;
		else
			have = 1;
		i++;
	}
	if (have && i > start)
		emit_field(start, i, flags, out);
	else if (have)
		emit_field(start, i, flags, out);
}

/* Expand one word into fields appended to out. */
static void expand_word(struct word *w, int flags, struct arglist *out)
{
	if (w->flags & W_LIT) {
		al_add(out, w->text);
		return;
	}
	xb.n = 0;
	expand_text(w, w->text, w->text + w->len, flags, (flags & EXP_HEREDOC) != 0);
	if (flags & EXP_SPLIT) {
		split_fields(flags, out);
	} else {
		emit_field(0, xb.n, flags & ~EXP_GLOB, out);
	}
}

/* Expand a word to a single string (assignments, redirections, case). */
static char *expand_one(struct word *w, int flags)
{
	if (w->flags & W_LIT)
		return w->text;
	xb.n = 0;
	return expand_string(w, w->text, w->text + w->len, flags, (flags & EXP_HEREDOC) != 0);
}

static char **expand_words(struct word *w, int flags, int *argc)
{
	struct arglist a = { 0 };
	al_add(&a, NULL);
	a.n = 0;
	for (; w; w = w->next)
		expand_word(w, flags, &a);
	*argc = a.n;
	return a.v;
}

/* ======================================================================
 * arithmetic: evaluated straight from the text, no tokens allocated
 * ====================================================================== */

struct ar {
	const char *p, *end, *start;
	int noeval;		/* inside the branch not taken of && || ?: */
	int depth;
};
static int ar_nest;		/* variables whose values are expressions */

static NORETURN void ar_err(struct ar *a, const char *msg)
{
	sherror(2, "arithmetic: %s in \"%.*s\"", msg, (int)(a->end - a->start), a->start);
}

static void ar_ws(struct ar *a)
{
	while (a->p < a->end && isspace((unsigned char)*a->p))
		a->p++;
}

static int ar_at(struct ar *a, size_t i)
{
	return a->p + i < a->end ? (unsigned char)a->p[i] : 0;
}

static long long ar_comma(struct ar *a);

static size_t ar_name(struct ar *a)
{
	size_t n = 0;
	if (a->p < a->end && is_name_start((unsigned char)*a->p))
		while (a->p + n < a->end && is_name_char((unsigned char)a->p[n]))
			n++;
	return n;
}

static long long ar_var(struct ar *a, const char *name, size_t n)
{
	char buf[32];
	const char *v = param_value(name, n, buf);
	char *end;
	long long r;
	if (!v) {
		if (sh.o_u)
			sherror(2, "%.*s: parameter not set", (int)n, name);
		return 0;
	}
	{
		/* the common case, a plain decimal number, without strtoll */
		const char *q = v + (*v == '-');
		unsigned long long u = 0;
		if (*q == '0' && !q[1])
			return 0;
		if (*q >= '1' && *q <= '9') {
			while (*q >= '0' && *q <= '9' && q - v < 18)
				u = u * 10 + (unsigned)(*q++ - '0');
			if (!*q)
				return *v == '-' ? -(long long)u : (long long)u;
		}
	}
	while (isspace((unsigned char)*v))
		v++;
	if (!*v)
		return 0;
	errno = 0;
	r = strtoll(v, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	if (!*end && !errno && end != v)
		return r;
	/* the value is itself an expression, as in ash and bash */
	if (++ar_nest > 100)
		ar_err(a, "expression recursion");
	r = arith_eval(v, strlen(v));
	ar_nest--;
	return r;
}

static void ar_set(struct ar *a, const char *name, size_t n, long long v)
{
	char buf[24];
	if (a->noeval)
		return;
	setvarn(name, n, fmt_num(buf, v), 0);
}

static long long ar_number(struct ar *a)
{
	unsigned long long v = 0;
	int base = 10, d;
	const char *p = a->p;
	if (*p == '0' && (ar_at(a, 1) == 'x' || ar_at(a, 1) == 'X')) {
		base = 16;
		p += 2;
	} else if (*p == '0')
		base = 8;
	for (;;) {
		for (; p < a->end && isalnum((unsigned char)*p); p++) {
			int c = tolower((unsigned char)*p);
			d = isdigit(c) ? c - '0' : c - 'a' + 10;
			if (d >= base)
				ar_err(a, "invalid number");
			v = v * (unsigned)base + (unsigned)d;
		}
		if (p < a->end && *p == '#' && base == 10 && v >= 2 && v <= 36) {
			base = (int)v;
			v = 0;
			p++;
			continue;
		}
		break;
	}
	if (p < a->end && (is_name_char((unsigned char)*p) || *p == '#'))
		ar_err(a, "invalid number");
	a->p = p;
	return (long long)v;
}

static long long ar_unary(struct ar *a)
{
	long long v;
	int c, c1;
	size_t n;
	if (++a->depth > MAXDEPTH)
		ar_err(a, "nested too deeply");
	ar_ws(a);
	c = ar_at(a, 0);
	c1 = ar_at(a, 1);
	if (c == '(') {
		a->p++;
		v = ar_comma(a);
		ar_ws(a);
		if (ar_at(a, 0) != ')')
			ar_err(a, "missing )");
		a->p++;
	} else if ((c == '+' || c == '-') && c1 == c) {
		const char *name;
		a->p += 2;
		ar_ws(a);
		name = a->p;
		if (!(n = ar_name(a)))
			ar_err(a, "++ or -- needs a variable");
		a->p += n;
		v = (long long)((unsigned long long)ar_var(a, name, n) + (c == '+' ? 1ULL : -1ULL));
		ar_set(a, name, n, v);
	} else if (c == '-') {
		a->p++;
		v = (long long)(0ULL - (unsigned long long)ar_unary(a));
	} else if (c == '+') {
		a->p++;
		v = ar_unary(a);
	} else if (c == '!') {
		a->p++;
		v = !ar_unary(a);
	} else if (c == '~') {
		a->p++;
		v = ~ar_unary(a);
	} else if (isdigit(c)) {
		v = ar_number(a);
	} else if ((n = ar_name(a))) {
		const char *name = a->p;
		a->p += n;
		v = ar_var(a, name, n);
		ar_ws(a);
		if ((ar_at(a, 0) == '+' || ar_at(a, 0) == '-') && ar_at(a, 1) == ar_at(a, 0)) {
			ar_set(a, name, n, (long long)((unsigned long long)v + (ar_at(a, 0) == '+' ? 1ULL : -1ULL)));
			a->p += 2;
		}
	} else
		ar_err(a, a->p < a->end ? "syntax error" : "missing operand");
	a->depth--;
	return v;
}

enum { O_NONE, O_OROR, O_ANDAND, O_OR, O_XOR, O_AND, O_EQ, O_NE, O_LT, O_LE, O_GT,
	O_GE, O_SHL, O_SHR, O_ADD, O_SUB, O_MUL, O_DIV, O_MOD, O_POW };
static const unsigned char ar_prec[] = { 0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 7, 7, 8, 8, 9, 9, 10, 10, 10, 11 };

/* The binary operator at the cursor (not an assignment), and its length. */
static int ar_binop(struct ar *a, int *len)
{
	int c = ar_at(a, 0), d = ar_at(a, 1), e = ar_at(a, 2);
	*len = 2;
	switch (c) {
	case '|': return d == '|' ? O_OROR : d == '=' ? 0 : (*len = 1, O_OR);
	case '&': return d == '&' ? O_ANDAND : d == '=' ? 0 : (*len = 1, O_AND);
	case '^': return d == '=' ? 0 : (*len = 1, O_XOR);
	case '=': return d == '=' ? O_EQ : 0;
	case '!': return d == '=' ? O_NE : 0;
	case '<': return d == '<' ? (e == '=' ? 0 : O_SHL) : d == '=' ? O_LE : (*len = 1, O_LT);
	case '>': return d == '>' ? (e == '=' ? 0 : O_SHR) : d == '=' ? O_GE : (*len = 1, O_GT);
	case '+': return d == '=' || d == '+' ? 0 : (*len = 1, O_ADD);
	case '-': return d == '=' || d == '-' ? 0 : (*len = 1, O_SUB);
	case '*': return d == '*' ? O_POW : d == '=' ? 0 : (*len = 1, O_MUL);
	case '/': return d == '=' ? 0 : (*len = 1, O_DIV);
	case '%': return d == '=' ? 0 : (*len = 1, O_MOD);
	}
	return 0;
}

static long long ar_apply(struct ar *a, int op, long long l, long long r)
{
	unsigned long long ul = (unsigned long long)l, ur = (unsigned long long)r;
	switch (op) {
	case O_OR: return l | r;
	case O_XOR: return l ^ r;
	case O_AND: return l & r;
	case O_EQ: return l == r;
	case O_NE: return l != r;
	case O_LT: return l < r;
	case O_LE: return l <= r;
	case O_GT: return l > r;
	case O_GE: return l >= r;
	case O_SHL: return (long long)(ul << (ur & 63));
	case O_SHR: return l >> (ur & 63);
	case O_ADD: return (long long)(ul + ur);
	case O_SUB: return (long long)(ul - ur);
	case O_MUL: return (long long)(ul * ur);
	case O_POW: {
		unsigned long long res = 1;
		if (r < 0)
			ar_err(a, "negative exponent");
		for (; ur; ur >>= 1, ul *= ul)
			if (ur & 1)
				res *= ul;
		return (long long)res;
	}
	case O_DIV:
	case O_MOD:
		if (!r) {
			if (a->noeval)
				return 0;
			ar_err(a, "division by zero");
		}
		if (r == -1)	/* LLONG_MIN / -1 overflows */
			return op == O_DIV ? (long long)(0ULL - ul) : 0;
		return op == O_DIV ? l / r : l % r;
	}
	return 0;
}

static long long ar_binary(struct ar *a, int minprec)
{
	long long l = ar_unary(a), r;
	int op, len;
	for (;;) {
		ar_ws(a);
		op = ar_binop(a, &len);
		if (!op || ar_prec[op] < minprec)
			return l;
		a->p += len;
		if (op == O_ANDAND || op == O_OROR) {
			int skip = op == O_ANDAND ? !l : !!l;
			a->noeval += skip;
			r = ar_binary(a, ar_prec[op] + 1);
			a->noeval -= skip;
			l = op == O_ANDAND ? (l && r) : (l || r);
		} else {
			/* ** groups to the right */
			r = ar_binary(a, ar_prec[op] + (op != O_POW));
			l = ar_apply(a, op, l, r);
		}
	}
}

static long long ar_assign(struct ar *a);

static long long ar_ternary(struct ar *a)
{
	long long c = ar_binary(a, 1), v;
	ar_ws(a);
	if (ar_at(a, 0) != '?')
		return c;
	a->p++;
	a->noeval += !c;
	v = ar_assign(a);
	a->noeval -= !c;
	ar_ws(a);
	if (ar_at(a, 0) != ':')
		ar_err(a, "missing : after ?");
	a->p++;
	a->noeval += !!c;
	{
		long long w = ar_assign(a);
		a->noeval -= !!c;
		return c ? v : w;
	}
}

static long long ar_assign(struct ar *a)
{
	const char *save, *name;
	size_t n;
	int op = 0, len = 0;
	ar_ws(a);
	save = name = a->p;
	n = ar_name(a);
	if (n) {
		a->p += n;
		ar_ws(a);
		if (ar_at(a, 0) == '=' && ar_at(a, 1) != '=') {
			op = '=';
			len = 1;
		} else if (ar_at(a, 1) == '=' && strchr("+-*/%&^|", ar_at(a, 0)) && ar_at(a, 0)) {
			int dummy;
			op = ar_binop(a, &dummy);
			if (!op)	/* "+=" is not a binop: map it by hand */
				op = strchr("+-*/%&^|", ar_at(a, 0)) - "+-*/%&^|" + 1;
			op = -op;
			len = 2;
		} else if ((ar_at(a, 0) == '<' || ar_at(a, 0) == '>') && ar_at(a, 1) == ar_at(a, 0) &&
			   ar_at(a, 2) == '=') {
			op = ar_at(a, 0) == '<' ? -9 : -10;
			len = 3;
		}
	}
	if (!op) {
		a->p = save;
		return ar_ternary(a);
	}
	a->p += len;
	{
		static const int map[] = { 0, O_ADD, O_SUB, O_MUL, O_DIV, O_MOD, O_AND, O_XOR, O_OR, O_SHL, O_SHR };
		long long r = ar_assign(a), v = r;
		if (op < 0)
			v = ar_apply(a, map[-op], a->noeval ? 0 : ar_var(a, name, n), r);
		ar_set(a, name, n, v);
		return v;
	}
}

static long long ar_comma(struct ar *a)
{
	long long v = ar_assign(a);
	ar_ws(a);
	while (ar_at(a, 0) == ',') {
		a->p++;
		v = ar_assign(a);
		ar_ws(a);
	}
	return v;
}

static long long arith_eval(const char *s, size_t n)
{
	struct ar a = { s, s + n, s, 0, 0 };
	long long v;
	ar_ws(&a);
	if (a.p == a.end)
		return 0;
	v = ar_comma(&a);
	ar_ws(&a);
	if (a.p != a.end)
		ar_err(&a, "syntax error");
	return v;
}

/* ======================================================================
 * execution
 * ====================================================================== */

#define EV_EXIT 1		/* the shell exits after this: no need to fork */
#define EV_TESTED 2		/* the status is tested: set -e does not apply */
#define EV_BGCHILD 4		/* in the child that runs a background command */

static int eval(struct node *n, int flags);
static int eval_one(struct node *n, int flags);
static int eval_string(const char *s);
static int subst_status;	/* status of the last command substitution */

/* ---- traps and signals ---- */

static char *traps[NSIG];	/* [0]: EXIT */
static volatile sig_atomic_t pending[NSIG], gotsig, intr;
static unsigned char sig_ignored_at_start[NSIG];

static void on_signal(int sig)
{
	pending[sig] = 1;
	gotsig = 1;
	if (sig == SIGINT)
		intr = 1;
}

static void set_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);	/* no SA_RESTART: wait and read see EINTR */
}

/* What a signal does when no trap is set. */
static void default_signal(int sig)
{
	if (sh.interactive && !sh.child && (sig == SIGINT))
		set_signal(sig, on_signal);
	else if (sh.interactive && !sh.child && (sig == SIGQUIT || sig == SIGTERM))
		set_signal(sig, SIG_IGN);
	else
		set_signal(sig, sig_ignored_at_start[sig] ? SIG_IGN : SIG_DFL);
}

static void run_traps(void)
{
	int st = sh.exitstatus, line = sh.curline;
	if (!gotsig || sh.in_trap)
		return;
	gotsig = 0;
	for (int i = 1; i < NSIG; i++) {
		if (!pending[i])
			continue;
		pending[i] = 0;
		if (traps[i] && *traps[i]) {
			char *t = xstrdup(traps[i]);
			sh.in_trap++;
			eval_string(t);
			sh.in_trap--;
			free(t);
		}
	}
	sh.exitstatus = st;
	sh.curline = line;
}

static void sh_exit(int status)
{
	if (traps[0] && !sh.in_trap) {
		char *t = traps[0];
		traps[0] = NULL;
		sh.exitstatus = status;
		sh.in_trap++;
		handler = NULL;
		sh.skip = 0;
		/* the trap's own commands do not change the status (an exit in it does) */
		eval_string(t);
	}
	fflush(stdout);
	jobctl_set(0);	/* the terminal goes back to whoever had it */
	exit(status & 255);
}

/* In a freshly forked subshell: traps are reset, the shell is not interactive. */
static void child_init(void)
{
	sh.child = 1;
	for (int i = 0; i < NSIG; i++) {
		if (traps[i] && *traps[i]) {
			free(traps[i]);
			traps[i] = NULL;
			if (i)
				default_signal(i);
		}
	}
	if (sh.interactive) {
		sh.interactive = 0;
		set_signal(SIGINT, SIG_DFL);
		set_signal(SIGQUIT, SIG_DFL);
		set_signal(SIGTERM, SIG_DFL);
	}
	if (jc) {
		/* a job's processes stop on Ctrl-Z; the subshell has no job control */
		jc = 0;
		set_signal(SIGTSTP, SIG_DFL);
		set_signal(SIGTTIN, SIG_DFL);
		set_signal(SIGTTOU, SIG_DFL);
	}
	handler = NULL;
}

/* fork with stdio flushed, so nothing buffered is written twice */
static pid_t fork_flushed(void)
{
	pid_t pid;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		sherror(2, "fork: %s", strerror(errno));
	return pid;
}

static pid_t xfork(void)
{
	pid_t pid = fork_flushed();
	if (!pid)
		child_init();
	return pid;
}

/* Exit status of a wait status, and nothing said. */
static int status_code(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 1;
}

/* The same for a foreground command, saying how a signal ended it. */
static int status_of(int ws)
{
	if (WIFSIGNALED(ws)) {
		int sig = WTERMSIG(ws);
		if (sig == SIGINT && sh.interactive)
			fputc('\n', stderr);
		else if (sig != SIGINT && sig != SIGPIPE)
			fprintf(stderr, "%s%s\n", strsignal(sig), WCOREDUMP(ws) ? " (core dumped)" : "");
	}
	return status_code(ws);
}

/* ---- jobs ----
 * Every background command is a job, so %N works in scripts too.  With job
 * control (an interactive shell, set -m) every job, a foreground one too,
 * gets a process group of its own and, in the foreground, the terminal:
 * Ctrl-Z stops the group, the shell takes the terminal back, and fg / bg
 * continue it.  A foreground job enters the job table only when it stops. */
enum { JS_RUN, JS_STOP, JS_DONE };
struct proc {
	pid_t pid;
	int state, status;	/* status: as $?, once done */
};
struct job {
	struct job *next;	/* the table is in id order */
	int id;			/* 0: not in the table */
	int state, notify;	/* notify: a change not yet reported */
	unsigned seq;		/* when it last stopped or went to the background */
	pid_t pgid;		/* with job control, else 0 */
	int nproc;
	struct proc *procs;
	char *cmd;		/* its text, for jobs and the notices */
	struct termios tio;	/* the terminal as the job left it when it stopped */
	int have_tio;
};
static struct job *joblist;
static unsigned jobseq;
static pid_t orig_pgid;		/* the terminal's group before we took it */
static struct termios shell_tio;

static struct job *job_new(char *cmd)
{
	struct job *j = xzalloc(sizeof(*j));
	j->cmd = cmd;
	return j;
}

/* Enter j in the table under the next free number. */
static void job_link(struct job *j)
{
	struct job **pp = &joblist;
	int id = 0;
	for (; *pp; pp = &(*pp)->next)
		id = (*pp)->id;
	j->id = id + 1;
	j->seq = ++jobseq;
	*pp = j;
}

static void job_free(struct job *j)
{
	struct job **pp;
	for (pp = &joblist; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			break;
		}
	free(j->procs);
	free(j->cmd);
	free(j);
}

/* Fork a process of job j; fg: its group gets the terminal. */
static pid_t job_fork(struct job *j, int fg)
{
	int ctl = jc;
	pid_t pid = fork_flushed();
	if (ctl) {
		/* both sides, so neither can run ahead of the other */
		pid_t pg = j->pgid ? j->pgid : pid ? pid : getpid();
		setpgid(pid, pg);
		if (fg)
			tcsetpgrp(ttyfd, pg);
	}
	if (!pid) {
		child_init();
		return 0;
	}
	if (ctl && !j->pgid)
		j->pgid = pid;
	if (j->nproc % 8 == 0)
		j->procs = xrealloc(j->procs, (j->nproc + 8) * sizeof(*j->procs));
	j->procs[j->nproc++] = (struct proc){ pid, JS_RUN, 0 };
	return pid;
}

/* The signal with a trap that is waiting to run, or 0. */
static int trapped_sig(void)
{
	if (gotsig)
		for (int i = 1; i < NSIG; i++)
			if (pending[i] && traps[i])
				return i;
	return 0;
}

/* Wait for j's processes.  Returns 0 when all are done, 1 when one stopped
 * (untraced), or 128+sig when a trapped signal came first (intr_ok). */
static int job_wait(struct job *j, int intr_ok, int untraced)
{
	for (int i = 0; i < j->nproc; i++) {
		struct proc *p = &j->procs[i];
		while (p->state != JS_DONE) {
			int ws, sig;
			pid_t r;
			if (p->state == JS_STOP && !untraced)
				break;
			r = waitpid(p->pid, &ws, untraced ? WUNTRACED : 0);
			if (r == p->pid) {
				if (WIFSTOPPED(ws)) {
					p->state = j->state = JS_STOP;
					return 1;
				}
				p->state = JS_DONE;
				p->status = j->id ? status_code(ws) : status_of(ws);
			} else if (r < 0 && errno != EINTR) {
				p->state = JS_DONE;
				p->status = 127;
			} else if (intr_ok && (sig = trapped_sig()))
				return 128 + sig;
		}
	}
	for (int i = 0; i < j->nproc; i++)
		if (j->procs[i].state != JS_DONE)
			return 0;	/* a stopped job `wait` skips */
	j->state = JS_DONE;
	return 0;
}

/* $? of a finished job: its last process, or with pipefail the last failure. */
static int job_status(struct job *j)
{
	int st = 0;
	for (int i = 0; i < j->nproc; i++)
		if (sh.o_pipefail ? j->procs[i].status != 0 : i == j->nproc - 1)
			st = j->procs[i].status;
	return st;
}

static void job_print(struct job *j, int longfmt);

/* Wait for a job in the foreground, then take the terminal back.  A job
 * that stops joins the table; a finished one is forgotten. */
static int job_fg_wait(struct job *j)
{
	int r = job_wait(j, 0, jc), st, sig = 0;
	if (jc) {
		tcsetpgrp(ttyfd, getpgrp());
		for (int i = 0; i < j->nproc; i++)
			if (j->procs[i].state == JS_DONE && j->procs[i].status > 128)
				sig = j->procs[i].status - 128;
		if (r == 1 || (sig && sig != SIGPIPE)) {
			/* what a stopped or killed program left (raw mode, no echo)
			 * is not the shell's terminal */
			j->have_tio = !tcgetattr(ttyfd, &j->tio);
			tcsetattr(ttyfd, TCSADRAIN, &shell_tio);
		}
		if (sig == SIGINT && sh.interactive)
			intr = 1;	/* Ctrl-C went to the job's group: abandon the line too */
	}
	if (r == 1) {
		if (!j->id)
			job_link(j);
		j->seq = ++jobseq;
		j->notify = 0;
		fputc('\n', stderr);
		job_print(j, 0);
		return 128 + SIGTSTP;
	}
	st = job_status(j);
	job_free(j);
	return st;
}

/* Run the forked side of a foreground command in job j: the terminal's
 * modes are saved first, to be put back if the job stops. */
static pid_t fg_fork(struct job *j)
{
	if (jc && !j->nproc)
		tcgetattr(ttyfd, &shell_tio);
	return job_fork(j, 1);
}

/* Poll the table's processes for changes, without blocking. */
static void reap_jobs(void)
{
	struct job *j, *next;
	int n = 0;
	for (j = joblist; j; j = j->next) {
		int old = j->state, stopped = 0, running = 0;
		for (int i = 0; i < j->nproc; i++) {
			struct proc *p = &j->procs[i];
			int ws;
			if (p->state != JS_DONE &&
			    waitpid(p->pid, &ws, WNOHANG | (jc ? WUNTRACED | WCONTINUED : 0)) == p->pid) {
				if (WIFSTOPPED(ws))
					p->state = JS_STOP;
				else if (WIFCONTINUED(ws))
					p->state = JS_RUN;
				else {
					p->state = JS_DONE;
					p->status = status_code(ws);
				}
			}
			stopped += p->state == JS_STOP;
			running += p->state == JS_RUN;
		}
		/* a Ctrl-Z reaches the processes one by one: one stopped is enough */
		j->state = stopped ? JS_STOP : running ? JS_RUN : JS_DONE;
		if (j->state != old) {
			j->notify = 1;
			if (j->state == JS_STOP)
				j->seq = ++jobseq;
		}
		n++;
	}
	/* a script that never waits: forget the oldest finished jobs */
	for (j = joblist; j && n > 256; j = next) {
		next = j->next;
		if (j->state == JS_DONE) {
			job_free(j);
			n--;
		}
	}
}

/* The current job (%+, %%) or, prev, the one before it (%-): the one
 * stopped or put in the background last. */
static struct job *job_current(int prev)
{
	struct job *best = NULL, *second = NULL;
	for (struct job *j = joblist; j; j = j->next) {
		int better = !best || (j->state == JS_STOP) > (best->state == JS_STOP) ||
			((j->state == JS_STOP) == (best->state == JS_STOP) && j->seq > best->seq);
		if (better) {
			second = best;
			best = j;
		} else if (!second || (j->state == JS_STOP) > (second->state == JS_STOP) ||
			   ((j->state == JS_STOP) == (second->state == JS_STOP) && j->seq > second->seq))
			second = j;
	}
	return prev ? second : best;
}

/* A job from its spec: %N, %%, %+, %-, %TEXT (its command starts so),
 * %?TEXT (contains it); NULL (after a message) if there is none. */
static struct job *job_get(const char *spec, const char *who)
{
	struct job *j, *found = NULL;
	const char *s = spec && *spec == '%' ? spec + 1 : spec;
	if (!s || !*s || !strcmp(s, "%") || !strcmp(s, "+") || !strcmp(s, "-")) {
		found = job_current(s && *s == '-');
	} else if (isdigit((unsigned char)*s)) {
		char *end;
		long id = strtol(s, &end, 10);
		for (j = joblist; j && !*end; j = j->next)
			if (j->id == id)
				found = j;
	} else {
		for (j = joblist; j; j = j->next)
			if (*s == '?' ? strstr(j->cmd, s + 1) != NULL : str_start(j->cmd, s)) {
				if (found) {
					shwarn("%s: %s: ambiguous job", who, spec);
					return NULL;
				}
				found = j;
			}
	}
	if (!found)
		shwarn("%s: %s: no such job", who, spec ? spec : "%%");
	return found;
}

static void job_print(struct job *j, int longfmt)
{
	char state[40];
	int st = job_status(j);
	struct job *cur = job_current(0), *prev = job_current(1);
	if (j->state == JS_RUN)
		strcpy(state, "Running");
	else if (j->state == JS_STOP)
		strcpy(state, "Stopped");
	else if (st > 128 && st - 128 < NSIG)
		snprintf(state, sizeof(state), "%s", strsignal(st - 128));
	else if (st)
		snprintf(state, sizeof(state), "Done(%d)", st);
	else
		strcpy(state, "Done");
	printf("[%d]%c ", j->id, j == cur ? '+' : j == prev ? '-' : ' ');
	if (longfmt)
		printf("%d ", (int)j->procs[0].pid);
	printf(" %-24s%s\n", state, j->cmd);
	fflush(stdout);
}

/* Before a prompt: report jobs that stopped or ended, forget ended ones. */
static void job_notify(void)
{
	struct job *j, *next;
	reap_jobs();
	for (j = joblist; j; j = next) {
		next = j->next;
		if (!j->notify)
			continue;
		j->notify = 0;
		if (j->state == JS_RUN)
			continue;
		job_print(j, 0);
		if (j->state == JS_DONE)
			job_free(j);
	}
}

/* The terminal's process group, for job control. */
static void jobctl_set(int on)
{
	pid_t pg;
	if (on == jc || (on && !sh.interactive) || sh.child)
		return;
	if (!on) {
		if (ttyfd >= 0 && orig_pgid > 0) {
			tcsetpgrp(ttyfd, orig_pgid);
			setpgid(0, orig_pgid);
		}
		set_signal(SIGTSTP, SIG_DFL);
		set_signal(SIGTTIN, SIG_DFL);
		set_signal(SIGTTOU, SIG_DFL);
		jc = 0;
		return;
	}
	if (ttyfd < 0) {
		int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (fd < 0 && isatty(2))
			fd = dup(2);
		if (fd >= 0) {
			ttyfd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
			close(fd);
		}
	}
	for (;;) {
		pg = ttyfd >= 0 ? tcgetpgrp(ttyfd) : -1;
		if (pg < 0) {
			/* said only where a user would expect job control */
			if (isatty(0))
				shwarn("can't access tty: job control turned off");
			sh.o_m = 0;
			return;
		}
		if (pg == getpgrp())
			break;
		kill(0, SIGTTIN);	/* started in the background: wait for the terminal */
	}
	orig_pgid = pg;
	set_signal(SIGTSTP, SIG_IGN);
	set_signal(SIGTTIN, SIG_IGN);
	set_signal(SIGTTOU, SIG_IGN);
	setpgid(0, 0);
	tcsetpgrp(ttyfd, getpid());
	jc = 1;
}

/* The text of a command for the job table: words as written. */
static void node_text(struct sbuf *b, struct node *n);

static void list_text(struct sbuf *b, struct node *n)
{
	for (; n; n = n->next) {
		node_text(b, n);
		if (n->bg)
			sb_add(b, " &");
		if (n->next)
			sb_add(b, n->bg ? " " : "; ");
	}
}

static void words_text(struct sbuf *b, struct word *w)
{
	for (; w; w = w->next) {
		if (b->n && b->s[b->n - 1] != ' ' && b->s[b->n - 1] != '(')
			sb_addc(b, ' ');
		sb_add(b, w->text);
	}
}

static void node_text(struct sbuf *b, struct node *n)
{
	static const char *const rsym[] = { "<", ">", ">>", "<>", ">|", "<&", ">&", "<<" };
	switch (n->type) {
	case N_CMD:
		words_text(b, n->assigns);
		words_text(b, n->words);
		break;
	case N_PIPE:
	case N_ANDOR:
		if (n->bang)
			sb_add(b, "! ");
		for (int i = 0; i < n->nv; i++) {
			if (i)
				sb_add(b, n->type == N_PIPE ? " | " : n->ops[i] == '&' ? " && " : " || ");
			node_text(b, n->v[i]);
		}
		break;
	case N_SUBSHELL:
		sb_addc(b, '(');
		list_text(b, n->a);
		sb_addc(b, ')');
		break;
	case N_GROUP:
		sb_add(b, "{ ");
		list_text(b, n->a);
		sb_add(b, "; }");
		break;
	default: {
		static const char *const kw[] = { [N_IF] = "if", [N_WHILE] = "while",
			[N_UNTIL] = "until", [N_FOR] = "for", [N_CASE] = "case", [N_FUNC] = "function" };
		sb_add(b, kw[n->type]);
		sb_add(b, " ...");
	}
	}
	for (struct redir *r = n->redir; r; r = r->next) {
		char fd[16] = "";
		if (r->fd >= 0)
			snprintf(fd, sizeof(fd), "%d", r->fd);
		sb_addc(b, ' ');
		sb_add(b, fd);
		sb_add(b, rsym[r->type]);
		sb_add(b, r->target->text);
	}
}

static char *cmd_text(struct node *n)
{
	struct sbuf b = { 0 };
	sb_add(&b, "");
	node_text(&b, n);
	return b.s;
}

static char *argv_text(int argc, char **argv)
{
	struct sbuf b = { 0 };
	sb_add(&b, "");
	for (int i = 0; i < argc; i++) {
		if (i)
			sb_addc(&b, ' ');
		sb_add(&b, argv[i]);
	}
	return b.s;
}

/* Wait for one child; 128+sig if a trapped signal came first and intr_ok. */
static int wait_pid(pid_t pid, int intr_ok)
{
	int ws, sig;
	for (;;) {
		pid_t r = waitpid(pid, &ws, 0);
		if (r == pid)
			return status_of(ws);
		if (r < 0 && errno != EINTR)
			return 127;
		if (intr_ok && (sig = trapped_sig()))
			return 128 + sig;
	}
}

/* ---- redirections ---- */

struct rsave {
	int fd, saved;		/* saved: a CLOEXEC copy of the old fd, -1: was closed */
};
static struct rsave *rs;
static int nrs, caprs;
static pid_t *hd_writers;
static int nhd;

static void redir_restore(int mark)
{
	fflush(stdout);
	while (nrs > mark) {
		struct rsave *r = &rs[--nrs];
		if (r->saved >= 0) {
			dup2(r->saved, r->fd);
			close(r->saved);
		} else
			close(r->fd);
	}
	while (nhd && !mark) {
		int ws;
		waitpid(hd_writers[--nhd], &ws, 0);
	}
}

static void redir_save(int fd)
{
	int i;
	for (i = 0; i < nrs; i++)
		if (rs[i].fd == fd)
			break;
	if (nrs == caprs)
		rs = xrealloc(rs, (caprs = caprs * 2 + 8) * sizeof(*rs));
	rs[nrs].fd = fd;
	rs[nrs].saved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	nrs++;
}

static int heredoc_fd(struct redir *r)
{
	const char *body = r->hquoted ? r->here->text : expand_one(r->here, EXP_HEREDOC);
	size_t len = strlen(body);
	int p[2];
	if (pipe(p) < 0)
		return -1;
	if (len <= 4096) {
		writeall(p[1], body, len);	/* fits the pipe: no writer needed */
	} else {
		pid_t pid = xfork();
		if (!pid) {
			close(p[0]);
			signal(SIGPIPE, SIG_DFL);
			writeall(p[1], body, len);
			_exit(0);
		}
		hd_writers = xrealloc(hd_writers, (nhd + 1) * sizeof(pid_t));
		hd_writers[nhd++] = pid;
	}
	close(p[1]);
	return p[0];
}

/* Apply redirections; with save, the old fds are kept for redir_restore.
 * Returns 0, or -1 after a message. */
static int redir_apply(struct redir *r, int save)
{
	for (; r; r = r->next) {
		int fd = r->fd, newfd = -1, flags = 0;
		const char *file = NULL;
		if (fd < 0)
			fd = (r->type == R_IN || r->type == R_RW || r->type == R_DUPIN) ? 0 : 1;
		if (r->type != R_HERE)
			file = expand_one(r->target, EXP_TILDE);
		switch (r->type) {
		case R_IN: flags = O_RDONLY; break;
		case R_OUT: flags = O_WRONLY | O_CREAT | O_TRUNC | (sh.o_noclobber ? O_EXCL : 0); break;
		case R_CLOB: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
		case R_APP: flags = O_WRONLY | O_CREAT | O_APPEND; break;
		case R_RW: flags = O_RDWR | O_CREAT; break;
		case R_HERE:
			newfd = heredoc_fd(r);
			if (newfd < 0) {
				shwarn("here-document: %s", strerror(errno));
				return -1;
			}
			break;
		case R_DUPIN:
		case R_DUPOUT:
			if (!strcmp(file, "-")) {
				if (save)
					redir_save(fd);
				close(fd);
				continue;
			}
			if (!*file || file[strspn(file, "0123456789")] || strlen(file) > 6) {
				shwarn("%s: bad fd number", file);
				return -1;
			}
			newfd = atoi(file);
			if (fcntl(newfd, F_GETFD) < 0) {
				shwarn("%d: %s", newfd, strerror(errno));
				return -1;
			}
			if (save)
				redir_save(fd);
			if (newfd != fd)
				dup2(newfd, fd);
			continue;
		}
		if (file) {
			newfd = open(file, flags | O_CLOEXEC, 0666);
			if (newfd < 0 && errno == EEXIST && sh.o_noclobber) {
				struct stat st;
				if (!stat(file, &st) && !S_ISREG(st.st_mode))
					newfd = open(file, (flags & ~(O_EXCL | O_TRUNC)) | O_CLOEXEC, 0666);
				else
					errno = EEXIST;
			}
			if (newfd < 0) {
				shwarn("%s: %s", file, strerror(errno));
				return -1;
			}
		}
		if (save)
			redir_save(fd);
		if (newfd != fd) {
			dup2(newfd, fd);
			close(newfd);
		} else
			fcntl(fd, F_SETFD, 0);
	}
	return 0;
}

/* ---- functions ---- */

struct func {
	struct func *next;
	char *name;
	struct node *body;
	struct arena *arena;
};
static struct func *funcs;

static struct func *func_find(const char *name)
{
	struct func *f;
	for (f = funcs; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

static void func_unset(const char *name)
{
	struct func **pp_, *f;
	for (pp_ = &funcs; (f = *pp_); pp_ = &f->next)
		if (!strcmp(f->name, name)) {
			*pp_ = f->next;
			arena_unref(f->arena);
			free(f->name);
			free(f);
			return;
		}
}

static void func_define(struct node *n)
{
	struct func *f;
	n->arena->ref++;
	func_unset(n->name);
	f = xzalloc(sizeof(*f));
	f->name = xstrdup(n->name);
	f->body = n->a;
	f->arena = n->arena;
	f->next = funcs;
	funcs = f;
}

/* Frames with saved positional parameters (function calls). */
struct pframe {
	struct frame fr;
	int n;
	char **v;
};

static int call_func(struct func *f, int argc, char **argv, char **asg, int nasg, int flags)
{
	struct frame *fr = xmalloc(sizeof(struct pframe));
	struct pframe *pf = (struct pframe *)fr;
	struct arena *a = f->arena;
	int st, loops = sh.loopdepth;
	if (sh.calldepth >= MAXDEPTH)
		sherror(2, "%s: function calls nested too deeply", argv[0]);
	pf->n = pp.n;
	pf->v = pp.v;
	pp.v = NULL;
	pp.n = 0;
	pp_set(argc - 1, argv + 1);
	frame_push(fr);
	for (int i = 0; i < nasg; i++) {
		struct var *v = make_local(asg[i], (size_t)(strchr(asg[i], '=') - asg[i]));
		setvar_assign(asg[i], V_EXPORT);
		(void)v;
	}
	a->ref++;
	sh.calldepth++;
	sh.funcdepth++;
	sh.loopdepth = 0;
	st = eval_one(f->body, flags & EV_TESTED);
	if (sh.skip == SKIP_RETURN) {
		sh.skip = SKIP_NONE;
		st = sh.exitstatus;
	} else if (sh.skip)
		sh.skip = SKIP_NONE;
	sh.loopdepth = loops;
	sh.funcdepth--;
	sh.calldepth--;
	arena_unref(a);
	frame_pop(fr);
	pp_set(0, NULL);
	free(pp.v);
	pp.n = pf->n;
	pp.v = pf->v;
	free(fr);
	return st;
}

/* ---- command lookup ---- */

typedef int (*bltin_fn)(int argc, char **argv);
struct builtin {
	const char *name;
	bltin_fn fn;
	int special;
};
static const struct builtin builtins[];
static const unsigned nbuiltins;
static int b_fg(int argc, char **argv);

static const struct builtin *builtin_find(const char *name)
{
	for (unsigned i = 0; i < nbuiltins; i++)
		if (builtins[i].name[0] == name[0] && !strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

/* Applets safe to run inside the shell process: no stdin, no global
 * state, every exit goes through xexit. */
static int nofork(const struct applet *a)
{
	static const char *const safe[] = { "[", "basename", "dirname", "echo", "false",
		"printf", "test", "true", "uname" };
	for (unsigned i = 0; i < ARRAY_SIZE(safe); i++)
		if (!strcmp(a->name, safe[i]))
			return 1;
	return 0;
}

static const char *find_path(const char *name);
static int path_is_self(const char *path);

/* An applet runs without exec when PATH finds nothing for its name, or finds
 * pxebox itself; a different program of that name in PATH (a distro's own
 * modprobe, a test double) is respected. */
static const struct applet *find_applet(const char *name)
{
	const struct applet *a;
	const char *path;
	if (strchr(name, '/') || !(a = applet_find(name)))
		return NULL;
	if (nofork(a))
		return a;
	if (!ENABLE_SH_STANDALONE)
		return NULL;
	path = find_path(name);
	return !path || path_is_self(path) ? a : NULL;
}

struct hashent {
	struct hashent *next;
	char *name, *path;
	int hits;
	int self;	/* path is pxebox itself: -1 not known yet */
};
static struct hashent *cmdhash;

static void path_changed(void)
{
	while (cmdhash) {
		struct hashent *h = cmdhash->next;
		free(cmdhash->name);
		free(cmdhash->path);
		free(cmdhash);
		cmdhash = h;
	}
}

static const char *default_path = "/sbin:/usr/sbin:/bin:/usr/bin";

/* The file PATH gives for name, or NULL. */
static const char *path_search(const char *name, const char *pathvar, int want_exec)
{
	const char *p = pathvar;
	static struct sbuf b;
	struct stat st;
	do {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		b.n = 0;
		sb_addn(&b, n ? p : ".", n ? n : 1);
		sb_addc(&b, '/');
		sb_add(&b, name);
		if (!stat(b.s, &st) && (!want_exec || (S_ISREG(st.st_mode) && !access(b.s, X_OK))))
			return b.s;
		p = colon ? colon + 1 : NULL;
	} while (p);
	return NULL;
}

static const char *find_path(const char *name)
{
	struct hashent *h;
	const char *path, *pv;
	if (strchr(name, '/'))
		return name;
	for (h = cmdhash; h; h = h->next)
		if (!strcmp(h->name, name)) {
			h->hits++;
			return h->path;
		}
	pv = getvar("PATH");
	path = path_search(name, pv ? pv : default_path, 1);
	if (!path)
		return NULL;
	h = xzalloc(sizeof(*h));
	h->name = xstrdup(name);
	h->path = xstrdup(path);
	h->hits = 1;
	h->self = -1;
	h->next = cmdhash;
	cmdhash = h;
	return h->path;
}

static int path_is_self(const char *path)
{
	static struct stat self;
	static int have_self;
	struct hashent *h;
	struct stat st;
	for (h = cmdhash; h; h = h->next)
		if (h->path == path && h->self >= 0)
			return h->self;
	if (!have_self)
		have_self = stat("/proc/self/exe", &self) ? -1 : 1;
	int r = have_self > 0 && !stat(path, &st) && st.st_dev == self.st_dev && st.st_ino == self.st_ino;
	for (h = cmdhash; h; h = h->next)
		if (h->path == path)
			h->self = r;
	return r;
}

static NORETURN void exec_path(const char *path, char **argv, char **env)
{
	int e;
	execve(path, argv, env);
	e = errno;
	if (e == ENOEXEC) {
		/* a script without #!: run it with this shell */
		int n = 0;
		char **v;
		while (argv[n])
			n++;
		v = xmalloc((n + 3) * sizeof(char *));
		v[0] = "sh";
		v[1] = (char *)path;
		memcpy(v + 2, argv + 1, n * sizeof(char *));
		execve("/proc/self/exe", v, env);
		execve("/bin/sh", v, env);
	}
	shwarn("%s: %s", argv[0], e == ENOENT ? "not found" : strerror(e));
	exit(e == ENOENT ? 127 : 126);
}

static void xtrace(char **asg, int nasg, int argc, char **argv)
{
	const char *ps4 = getvar("PS4");
	fflush(stdout);
	fputs(ps4 ? ps4 : "+ ", stderr);
	for (int i = 0; i < nasg + argc; i++) {
		const char *s = i < nasg ? asg[i] : argv[i - nasg];
		if (i)
			fputc(' ', stderr);
		if (*s && !s[strcspn(s, " \t\n'\"\\$`|&;<>()*?[]#~{}!")])
			fputs(s, stderr);
		else {
			fputc('\'', stderr);
			for (; *s; s++)
				fputs(*s == '\'' ? "'\\''" : (char[]){ *s, 0 }, stderr);
			fputc('\'', stderr);
		}
	}
	fputc('\n', stderr);
	fflush(stderr);
}

#define CMD_NOFUNC 1		/* `command NAME`: skip functions */
#define CMD_EXEC 2		/* `exec NAME`: replace the shell */
#define CMD_NOBUILTIN 4		/* kill: the applet or program, not the builtin */

static int run_command(int argc, char **argv, char **asg, int nasg, struct redir *redir,
		       int flags, int cmdflags)
{
	const struct builtin *b = (cmdflags & (CMD_EXEC | CMD_NOBUILTIN)) ? NULL : builtin_find(argv[0]);
	const struct applet *ap;
	struct func *f;
	int mark = nrs, st, i;
	const char *path;

	if ((flags & EV_EXIT) && traps[0] && !(cmdflags & CMD_EXEC))
		flags &= ~EV_EXIT;	/* the EXIT trap still has to run */
	if (b && b->special) {
		for (i = 0; i < nasg; i++)
			setvar_assign(asg[i], 0);
		fflush(stdout);
		if (redir_apply(redir, 1)) {
			/* POSIX 2.8.1: ends a non-interactive shell, status 2 as in dash */
			redir_restore(mark);
			if (!sh.interactive)
				throw(2);
			return 2;
		}
		st = b->fn(argc, argv);
		fflush(stdout);
		redir_restore(mark);
		return st;
	}
	if (!(cmdflags & (CMD_NOFUNC | CMD_EXEC)) && (f = func_find(argv[0]))) {
		fflush(stdout);
		if (redir_apply(redir, 1)) {
			redir_restore(mark);
			return 1;
		}
		st = call_func(f, argc, argv, asg, nasg, flags);
		fflush(stdout);
		redir_restore(mark);
		return st;
	}
	if (argv[0][0] == '%' && !b)
		return b_fg(argc, argv);	/* %N: fg %N */
	ap = find_applet(argv[0]);
	if (b || (ap && nofork(ap) && !(flags & EV_EXIT))) {
		struct frame *fr = NULL;
		if (nasg) {
			fr = xmalloc(sizeof(*fr));
			frame_push(fr);
			for (i = 0; i < nasg; i++) {
				make_local(asg[i], (size_t)(strchr(asg[i], '=') - asg[i]));
				setvar_assign(asg[i], V_EXPORT);
			}
		}
		fflush(stdout);
		if (redir_apply(redir, 1))
			st = 1;
		else if (b)
			st = b->fn(argc, argv);
		else
			st = applet_run(ap, argc, argv);
		fflush(stdout);
		clearerr(stdout);
		redir_restore(mark);
		if (fr) {
			frame_pop(fr);
			free(fr);
		}
		return st;
	}
	path = NULL;
	if (ap && (!strcmp(ap->name, "sh") || !strcmp(ap->name, "ash"))) {
		/* a new shell must start clean: exec ourselves rather than fork */
		path = access("/proc/self/exe", X_OK) ? find_path(argv[0]) : "/proc/self/exe";
		ap = NULL;
	} else if (!ap)
		path = find_path(argv[0]);
	if (!ap && !path) {
		fflush(stdout);
		if (!redir_apply(redir, 1))
			shwarn("%s: not found", argv[0]);
		redir_restore(mark);
		if (flags & EV_EXIT)
			sh_exit(127);
		return 127;
	}
	if (!(flags & EV_EXIT)) {
		struct job *j = job_new(jc ? argv_text(argc, argv) : NULL);
		if (fg_fork(j))
			return job_fg_wait(j);
	}
	/* in the child (or in a shell about to end) */
	for (i = 0; i < nasg; i++)
		setvar_assign(asg[i], V_EXPORT);
	if (redir_apply(redir, 0))
		exit(1);
	if (ap) {
		extern char **environ;
		environ = make_env();
		signal(SIGPIPE, SIG_DFL);
		sh_exit(applet_run(ap, argc, argv));
	}
	exec_path(path, argv, make_env());
}

static int eval_cmd(struct node *n, int flags)
{
	struct stmark mark;
	int argc, st = 0, nasg = 0, cmdflags = 0;
	char **argv, **asg = NULL, **av;
	struct word *w;

	stmark(&mark);
	sh.curline = n->lineno;
	subst_status = 0;
	argv = expand_words(n->words, EXP_FULL, &argc);
	for (w = n->assigns; w; w = w->next)
		nasg++;
	if (nasg) {
		int i = 0;
		asg = stalloc(nasg * sizeof(char *));
		for (w = n->assigns; w; w = w->next) {
			char *s = expand_one(w, EXP_TILDE | EXP_ASSIGN);
			asg[i++] = s == w->text ? s : s;
		}
	}
	if (sh.o_x)
		xtrace(asg, nasg, argc, argv);
	av = argv;
	if (!argc) {
		int mark_r = nrs;
		for (int i = 0; i < nasg; i++)
			setvar_assign(asg[i], 0);
		if (n->redir) {
			fflush(stdout);
			st = redir_apply(n->redir, 1) ? 1 : 0;
			redir_restore(mark_r);
		}
		if (!st)
			st = subst_status;
		goto out;
	}
	if (!strcmp(av[0], "exec")) {
		if (argc > 1 && !strcmp(av[1], "--"))
			av++, argc--;
		if (argc == 1) {
			for (int i = 0; i < nasg; i++)
				setvar_assign(asg[i], 0);
			st = 0;
			fflush(stdout);
			if (redir_apply(n->redir, 0)) {
				if (!sh.interactive)
					throw(2);
				st = 1;
			}
			goto out;
		}
		av++, argc--;
		flags |= EV_EXIT;
		cmdflags = CMD_EXEC;
	}
	st = run_command(argc, av, asg, nasg, n->redir, flags, cmdflags);
out:
	strelease(&mark);
	return st;
}

static int eval_pipe(struct node *n, int flags)
{
	int prev = -1, i, st;
	struct job *j;
	if (n->nv == 1) {
		st = eval_one(n->v[0], (flags | (n->bang ? EV_TESTED : 0)));
		return n->bang ? !st : st;
	}
	j = job_new(jc ? cmd_text(n) : NULL);
	for (i = 0; i < n->nv; i++) {
		int p[2] = { -1, -1 };
		if (i < n->nv - 1 && pipe(p) < 0) {
			shwarn("pipe: %s", strerror(errno));
			break;
		}
		if (!fg_fork(j)) {
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (p[1] >= 0) {
				close(p[0]);
				dup2(p[1], 1);
				close(p[1]);
			}
			sh_exit(eval_one(n->v[i], EV_EXIT));
		}
		if (prev >= 0)
			close(prev);
		if (p[1] >= 0)
			close(p[1]);
		prev = p[0];
	}
	if (prev >= 0)
		close(prev);
	i = job_fg_wait(j);
	return n->bang ? !i : i;
}

static void run_background(struct node *n)
{
	static unsigned started;
	struct job *j;
	int ctl = jc;
	pid_t pid;
	/* a loop starting jobs is one command line: reap now and then, or
	 * its finished jobs pile up as zombies */
	if (++started % 64 == 0)
		reap_jobs();
	j = job_new(cmd_text(n));
	pid = job_fork(j, 0);
	if (!pid) {
		if (!ctl) {
			/* without job control a background job must not take the
			 * terminal's signals or its input */
			int fd;
			set_signal(SIGINT, SIG_IGN);
			set_signal(SIGQUIT, SIG_IGN);
			fd = open("/dev/null", O_RDONLY);
			if (fd > 0) {
				dup2(fd, 0);
				close(fd);
			}
		}
		sh_exit(eval_one(n, EV_EXIT | EV_BGCHILD));
	}
	sh.lastbg = pid;
	job_link(j);
	if (sh.interactive)
		fprintf(stderr, "[%d] %d\n", j->id, (int)pid);
}

static int eval_case(struct node *n)
{
	struct stmark mark;
	struct caseitem *ci;
	char *subject;
	int st = 0, fall = 0;
	stmark(&mark);
	sh.curline = n->lineno;
	subject = expand_one(n->words, EXP_TILDE);
	for (ci = n->items; ci; ci = ci->next) {
		struct word *p;
		int hit = fall;
		for (p = ci->pats; p && !hit; p = p->next) {
			char *pat = expand_one(p, EXP_TILDE | EXP_PAT);
			hit = !fnmatch(pat, subject, 0);
		}
		if (!hit)
			continue;
		st = ci->body ? eval(ci->body, 0) : 0;
		if (!ci->fall || sh.skip)
			break;
		fall = 1;
	}
	strelease(&mark);
	return st;
}

static int eval_for(struct node *n, int flags)
{
	struct stmark mark;
	int argc, st = 0;
	char **argv;
	stmark(&mark);
	sh.curline = n->lineno;
	if (n->has_in) {
		argv = expand_words(n->words, EXP_FULL, &argc);
	} else {
		argv = stalloc((pp.n + 1) * sizeof(char *));
		for (argc = 0; argc < pp.n; argc++)
			argv[argc] = ststrndup(pp.v[argc], strlen(pp.v[argc]));
	}
	sh.loopdepth++;
	for (int i = 0; i < argc; i++) {
		setvar(n->name, argv[i]);
		st = eval(n->b, flags & ~EV_EXIT);
		if (sh.skip) {
			if (sh.skip == SKIP_RETURN)
				break;
			if (--sh.skipcount > 0)
				break;
			if (sh.skip == SKIP_BREAK) {
				sh.skip = SKIP_NONE;
				break;
			}
			sh.skip = SKIP_NONE;
		}
	}
	sh.loopdepth--;
	strelease(&mark);
	return st;
}

static int eval_while(struct node *n, int flags)
{
	int st = 0;
	sh.loopdepth++;
	for (;;) {
		int c = eval(n->a, (flags & ~EV_EXIT) | EV_TESTED);
		if (sh.skip)
			goto skip;
		if ((c == 0) != (n->type == N_WHILE))
			break;
		st = eval(n->b, flags & ~EV_EXIT);
		if (sh.skip) {
skip:
			if (sh.skip == SKIP_RETURN)
				break;
			if (--sh.skipcount > 0)
				break;
			if (sh.skip == SKIP_BREAK) {
				sh.skip = SKIP_NONE;
				break;
			}
			sh.skip = SKIP_NONE;
		}
	}
	sh.loopdepth--;
	return st;
}

static int eval_one(struct node *n, int flags)
{
	int st = 0, mark = nrs, bgchild = flags & EV_BGCHILD;
	flags &= ~EV_BGCHILD;
	if (n->bg && !bgchild) {
		run_background(n);
		return sh.exitstatus = 0;
	}
	if (n->type != N_CMD && n->type != N_SUBSHELL && n->redir) {
		fflush(stdout);
		if (redir_apply(n->redir, 1)) {
			redir_restore(mark);
			return sh.exitstatus = 1;
		}
	}
	switch (n->type) {
	case N_CMD:
		st = eval_cmd(n, flags);
		break;
	case N_PIPE:
		st = eval_pipe(n, flags);
		break;
	case N_ANDOR:
		for (int i = 0; i < n->nv; i++) {
			if (i && (n->ops[i] == '&') != (st == 0))
				continue;
			st = eval_one(n->v[i], i == n->nv - 1 ? flags : ((flags & ~EV_EXIT) | EV_TESTED));
			if (sh.skip)
				break;
		}
		break;
	case N_SUBSHELL:
		if (!(flags & EV_EXIT)) {
			struct job *j = job_new(jc ? cmd_text(n) : NULL);
			if (fg_fork(j)) {
				st = job_fg_wait(j);
				break;
			}
		}
		if (redir_apply(n->redir, 0))
			sh_exit(1);
		/* ( ... ) || x: set -e stays off in the whole subshell (POSIX) */
		sh_exit(eval(n->a, EV_EXIT | (flags & EV_TESTED)));
	case N_GROUP:
		st = eval(n->a, flags);
		break;
	case N_IF:
		for (;;) {
			if (!eval(n->a, (flags & ~EV_EXIT) | EV_TESTED) && !sh.skip) {
				st = eval(n->b, flags);
				break;
			}
			if (sh.skip)
				break;
			n = n->c;
			st = 0;
			if (!n)
				break;
			if (n->type != N_IF || n->redir) {
				st = eval(n, flags);
				break;
			}
		}
		break;
	case N_WHILE:
	case N_UNTIL:
		st = eval_while(n, flags);
		break;
	case N_FOR:
		st = eval_for(n, flags);
		break;
	case N_CASE:
		st = eval_case(n);
		break;
	case N_FUNC:
		func_define(n);
		st = 0;
		break;
	}
	if (nrs > mark)
		redir_restore(mark);
	sh.exitstatus = st;
	if (sh.o_e && st && !(flags & EV_TESTED) && !sh.skip &&
	    (n->type == N_CMD || n->type == N_SUBSHELL || (n->type == N_PIPE && !n->bang)))
		sh_exit(st);
	return st;
}

/* Run a list of commands. */
static int eval(struct node *n, int flags)
{
	int st = 0;
	for (; n; n = n->next) {
		st = eval_one(n, n->next ? flags & ~EV_EXIT : flags);
		if (intr && sh.interactive && !sh.child && !traps[SIGINT]) {
			/* Ctrl-C: abandon the command line, back to the prompt */
			intr = 0;
			pending[SIGINT] = 0;
			throw(130);
		}
		if (gotsig)
			run_traps();
		if (sh.skip)
			break;
	}
	return st;
}

/* ---- command substitution ---- */

static void cmdsubst(struct node *body, int dq)
{
	int p[2];
	pid_t pid;
	struct sbuf out = { 0 };
	char buf[4096];
	ssize_t n;
	if (pipe(p) < 0)
		sherror(2, "pipe: %s", strerror(errno));
	pid = xfork();
	if (!pid) {
		close(p[0]);
		if (p[1] != 1) {
			dup2(p[1], 1);
			close(p[1]);
		}
		sh_exit(eval(body, EV_EXIT));
	}
	close(p[1]);
	while ((n = read(p[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sb_addn(&out, buf, (size_t)n);
	}
	close(p[0]);
	subst_status = sh.exitstatus = wait_pid(pid, 0);
	while (out.n && out.s[out.n - 1] == '\n')
		out.n--;
	if (out.n)
		add_value(out.s, out.n, dq);
	free(out.s);
}

/* ---- reading and running input ---- */

/* Read and run commands from the current input until its end.  top: the
 * shell's own input, where an interactive shell recovers from errors. */
static int eval_input(int top)
{
	struct node *n;
	struct arena *saved = cur_arena;
	struct handler h;
	struct stmark mark;
	struct input *inp = in;
	struct frame *fr = curframe;
	int recover = top && sh.interactive;
	volatile int st = 0;

	stmark(&mark);
	if (recover) {
		h.prev = handler;
		handler = &h;
		if (setjmp(h.jb)) {
			/* back to the prompt: undo what the failed command left */
			while (in != inp)
				pop_input();
			in->npush = 0;
			in->p = in->end;
			redir_restore(0);
			while (curframe != fr) {
				struct frame *f = curframe;
				frame_pop(f);
				free(f);
			}
			strelease(&mark);
			sh.skip = SKIP_NONE;
			sh.loopdepth = sh.funcdepth = sh.calldepth = 0;
			sh.in_trap = 0;
			ar_nest = 0;
			sh.exitstatus = exc_status;
			if (cur_arena != saved) {
				arena_unref(cur_arena);
				cur_arena = saved;
			}
		}
	}
	for (;;) {
		int more;
		struct arena *a;
		if (joblist) {
			if (recover)
				job_notify();
			else
				reap_jobs();
		}
		if (gotsig)
			run_traps();
		if (intr && recover) {
			intr = 0;
			pending[SIGINT] = 0;
		}
		a = cur_arena = arena_new();
		want_ps1 = 1;
		sh.curline = 0;
		more = parse_cmdline(&n);
		cur_arena = saved;
		if (!more) {
			arena_unref(a);
			break;
		}
		if (n && (!sh.o_n || sh.interactive)) {
			/* the last command of "sh -c" needs no fork, as in dash */
			int last = top && !sh.interactive && in->fd < 0 && !in->prev &&
				in->p >= in->end && !in->npush && !traps[0];
			st = eval(n, last ? EV_EXIT : 0);
		}
		arena_unref(a);
		if (sh.skip) {
			if (sh.skip == SKIP_RETURN && !top)
				break;
			sh.skip = SKIP_NONE;
		}
	}
	if (recover)
		handler = h.prev;
	return st;
}

static int eval_string(const char *s)
{
	struct lexer save = lx;
	int st, line = sh.lineno;
	push_string(s, strlen(s), NULL);
	sh.lineno = sh.curline > 0 ? sh.curline : 1;
	st = eval_input(0);
	pop_input();
	lx = save;
	sh.lineno = line;
	return sh.exitstatus = st;
}

/* ======================================================================
 * builtins
 * ====================================================================== */

static int b_true(int argc, char **argv)
{
	return 0;
}

/* A builtin's usage error: like a syntax error for special builtins. */
static int bad_usage(const char *fmt, const char *arg)
{
	fflush(stdout);
	fprintf(stderr, "%s: line %d: ", px.applet, sh.curline);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return 2;
}

static int num_arg(const char *s, const char *cmd, long *out)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0) {
		shwarn("%s: illegal number: %s", cmd, s);
		return -1;
	}
	*out = v;
	return 0;
}

static int b_break(int argc, char **argv)
{
	long n = 1;
	if (argc > 1 && (num_arg(argv[1], argv[0], &n) || n < 1)) {
		if (!sh.interactive)
			throw(2);
		return 2;
	}
	if (!sh.loopdepth)
		return 0;
	sh.skip = argv[0][0] == 'b' ? SKIP_BREAK : SKIP_CONT;
	sh.skipcount = n > sh.loopdepth ? sh.loopdepth : (int)n;
	return 0;
}

static int b_return(int argc, char **argv)
{
	long n = sh.exitstatus;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			shwarn("return: illegal number: %s", argv[1]);
			n = 2;
		}
	}
	sh.skip = SKIP_RETURN;
	return sh.exitstatus = (int)(n & 255);
}

static int b_exit(int argc, char **argv)
{
	long n = sh.exitstatus;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			shwarn("exit: illegal number: %s", argv[1]);
			n = 2;
		}
	}
	sh_exit((int)(n & 255));
}

static int b_eval(int argc, char **argv)
{
	struct sbuf b = { 0 };
	char *s;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_add(&b, argv[i]);
	}
	if (!b.s)
		return 0;
	s = ststrndup(b.s, b.n);
	free(b.s);
	if (sh.calldepth >= MAXDEPTH)
		sherror(2, "eval: nested too deeply");
	sh.calldepth++;
	eval_string(s);
	sh.calldepth--;
	return sh.exitstatus;
}

static int b_dot(int argc, char **argv)
{
	const char *file, *pv;
	struct lexer save = lx;
	int fd, st, line = sh.lineno;
	if (argc < 2)
		return bad_usage("%s: filename argument required", ".");
	file = argv[1];
	if (!strchr(file, '/') && (pv = getvar("PATH"))) {
		const char *p = path_search(file, pv, 0);
		if (p)
			file = ststrndup(p, strlen(p));
	}
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		shwarn(".: can't open %s: %s", argv[1], strerror(errno));
		if (!sh.interactive)
			throw(2);
		return 2;
	}
	if (fd < 10) {
		int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
		if (nfd >= 0) {
			close(fd);
			fd = nfd;
		}
	}
	if (sh.calldepth >= MAXDEPTH)
		sherror(2, ".: nested too deeply");
	if (argc > 2) {
		/* ". file args" sets the positional parameters for the file, as bash and ash do */
		struct pframe *pf = xmalloc(sizeof(*pf));
		pf->n = pp.n;
		pf->v = pp.v;
		pp.v = NULL;
		pp.n = 0;
		pp_set(argc - 2, argv + 2);
		free(pf);	/* simplified: the new parameters stay */
	}
	sh.calldepth++;
	push_fd(fd, 0);
	sh.lineno = 1;
	st = eval_input(0);
	pop_input();
	close(fd);
	sh.calldepth--;
	lx = save;
	sh.lineno = line;
	if (sh.skip == SKIP_RETURN)
		sh.skip = SKIP_NONE;
	return sh.exitstatus = st;
}

static int b_shift(int argc, char **argv)
{
	long n = 1;
	if (argc > 1 && num_arg(argv[1], "shift", &n))
		return 2;
	if (n > pp.n) {
		shwarn("shift: can't shift that many");
		if (!sh.interactive)
			throw(2);
		return 2;
	}
	for (long i = 0; i < n; i++)
		free(pp.v[i]);
	memmove(pp.v, pp.v + n, (pp.n - n + 1) * sizeof(char *));
	pp.n -= (int)n;
	return 0;
}

static void print_var(struct var *v, const char *prefix)
{
	fputs(prefix, stdout);
	fputs(v->name, stdout);
	if (v->val) {
		putchar('=');
		print_quoted(v->val);
	}
	putchar('\n');
}

/* export and readonly */
static int b_export(int argc, char **argv)
{
	unsigned flag = argv[0][0] == 'r' ? V_RO : V_EXPORT;
	int i = 1, st = 0;
	if (argc > 1 && !strcmp(argv[1], "-p"))
		i++;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i == argc) {
		size_t n;
		struct var **l = var_list(flag, &n);
		for (size_t k = 0; k < n; k++)
			print_var(l[k], flag == V_RO ? "readonly " : "export ");
		free(l);
		return 0;
	}
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (!n || name_len(argv[i]) != n) {
			shwarn("%s: %s: bad variable name", argv[0], argv[i]);
			st = 1;
			continue;
		}
		if (eq)
			setvarn(argv[i], n, eq + 1, flag);
		else
			var_find(argv[i], n, 1)->flags |= flag;
	}
	return st;
}

static int b_unset(int argc, char **argv)
{
	int funcs_ = 0, i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		funcs_ = strchr(argv[i], 'f') != NULL;
	}
	for (; i < argc; i++) {
		if (funcs_) {
			func_unset(argv[i]);
			continue;
		}
		struct var *v = var_find(argv[i], strlen(argv[i]), 0);
		if (v) {
			if (v->flags & V_RO) {
				shwarn("unset: %s: is read only", argv[i]);
				return 1;
			}
			free(v->val);
			v->val = NULL;
			v->flags &= ~V_EXPORT;
			if (!strcmp(v->name, "PATH"))
				path_changed();
		} else if (!valid_name(argv[i]))
			func_unset(argv[i]);
	}
	return 0;
}

static const struct {
	const char *name;
	char letter;
} optnames[] = {
	{ "allexport", 'a' }, { "errexit", 'e' }, { "noglob", 'f' }, { "monitor", 'm' },
	{ "noexec", 'n' }, { "noclobber", 'C' }, { "nounset", 'u' }, { "verbose", 'v' },
	{ "xtrace", 'x' }, { "pipefail", 0 },
};

static int *opt_ptr(int letter, const char *name)
{
	if (name) {
		if (!strcmp(name, "pipefail"))
			return &sh.o_pipefail;
		for (unsigned i = 0; i < ARRAY_SIZE(optnames); i++)
			if (!strcmp(name, optnames[i].name))
				return opt_ptr(optnames[i].letter, NULL);
		return NULL;
	}
	switch (letter) {
	case 'a': return &sh.o_allexport;
	case 'e': return &sh.o_e;
	case 'f': return &sh.o_f;
	case 'm': return &sh.o_m;
	case 'n': return &sh.o_n;
	case 'C': return &sh.o_noclobber;
	case 'u': return &sh.o_u;
	case 'v': return &sh.o_v;
	case 'x': return &sh.o_x;
	}
	return NULL;
}

static int b_set(int argc, char **argv)
{
	int i = 1;
	if (argc == 1) {
		size_t n;
		struct var **l = var_list(0, &n);
		for (size_t k = 0; k < n; k++)
			print_var(l[k], "");
		free(l);
		return 0;
	}
	for (; i < argc; i++) {
		char *a = argv[i];
		int on = a[0] == '-';
		if ((a[0] != '-' && a[0] != '+') || !a[1]) {
			if (!strcmp(a, "-"))	/* "set -": end of options, -x -v off */
				sh.o_x = sh.o_v = 0, i++;
			break;
		}
		if (!strcmp(a, "--")) {
			i++;
			if (i == argc)
				pp_set(0, NULL);
			break;
		}
		for (a++; *a; a++) {
			int *p;
			if (*a == 'o') {
				if (i + 1 >= argc) {
					for (unsigned k = 0; k < ARRAY_SIZE(optnames); k++) {
						p = opt_ptr(0, optnames[k].name);
						if (on)
							printf("%-16s%s\n", optnames[k].name, *p ? "on" : "off");
						else
							printf("set %co %s\n", *p ? '-' : '+', optnames[k].name);
					}
					continue;
				}
				p = opt_ptr(0, argv[++i]);
				if (!p)
					return bad_usage("set: illegal option -o %s", argv[i]);
			} else if (!(p = opt_ptr(*a, NULL))) {
				char s[2] = { *a, 0 };
				return bad_usage("set: illegal option -%s", s);
			}
			*p = on;
		}
	}
	if (i < argc)
		pp_set(argc - i, argv + i);
	jobctl_set(sh.o_m);
	return 0;
}

static int b_trap(int argc, char **argv)
{
	int i = 1, st = 0;
	const char *action;
	char buf[16];
	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (i == argc) {
		for (int s = 0; s < NSIG; s++)
			if (traps[s]) {
				printf("trap -- ");
				print_quoted(traps[s]);
				printf(" %s\n", sig_name(s, buf));
			}
		return 0;
	}
	action = argv[i];
	/* "trap N..." with a number first: reset those signals */
	if (isdigit((unsigned char)action[0]) && sig_number(action) >= 0)
		action = "-";
	else
		i++;
	for (; i < argc; i++) {
		int sig = sig_number(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			shwarn("trap: %s: bad trap", argv[i]);
			st = 1;
			continue;
		}
		free(traps[sig]);
		traps[sig] = strcmp(action, "-") ? xstrdup(action) : NULL;
		if (!sig)
			continue;
		if (!traps[sig])
			default_signal(sig);
		else if (!*traps[sig])
			set_signal(sig, SIG_IGN);
		else
			set_signal(sig, on_signal);
	}
	return st;
}

static void print_ticks(clock_t t, long hz, char sep)
{
	unsigned long ms = (unsigned long)t * 1000 / (unsigned long)hz;
	printf("%lum%lu.%03lus%c", ms / 60000, ms % 60000 / 1000, ms % 1000, sep);
}

static int b_times(int argc, char **argv)
{
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);
	times(&t);
	print_ticks(t.tms_utime, hz, ' ');
	print_ticks(t.tms_stime, hz, '\n');
	print_ticks(t.tms_cutime, hz, ' ');
	print_ticks(t.tms_cstime, hz, '\n');
	return 0;
}

#if ENABLE_SH_ALIAS
static int b_alias(int argc, char **argv)
{
	int st = 0;
	struct alias *a;
	if (argc == 1) {
		for (a = aliases; a; a = a->next) {
			printf("%s=", a->name);
			print_quoted(a->val);
			putchar('\n');
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq) {
			if ((a = alias_find(argv[i]))) {
				printf("%s=", a->name);
				print_quoted(a->val);
				putchar('\n');
			} else {
				shwarn("alias: %s not found", argv[i]);
				st = 1;
			}
			continue;
		}
		*eq = 0;
		if ((a = alias_find(argv[i]))) {
			free(a->val);
		} else {
			a = xzalloc(sizeof(*a));
			a->name = xstrdup(argv[i]);
			a->next = aliases;
			aliases = a;
		}
		a->val = xstrdup(eq + 1);
		*eq = '=';
	}
	return st;
}

static int b_unalias(int argc, char **argv)
{
	int st = 0;
	if (argc > 1 && !strcmp(argv[1], "-a")) {
		while (aliases) {
			struct alias *a = aliases->next;
			free(aliases->name);
			free(aliases->val);
			free(aliases);
			aliases = a;
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct alias **p, *a;
		for (p = &aliases; (a = *p); p = &a->next)
			if (!strcmp(a->name, argv[i]))
				break;
		if (!a) {
			shwarn("unalias: %s not found", argv[i]);
			st = 1;
			continue;
		}
		*p = a->next;
		free(a->name);
		free(a->val);
		free(a);
	}
	return st;
}
#endif

/* Logical path: dir joined to cur with . and .. resolved textually. */
static char *logical_path(const char *cur, const char *dir)
{
	struct sbuf b = { 0 };
	const char *p;
	char *full = dir[0] == '/' ? xstrdup(dir) : xasprintf("%s/%s", cur, dir);
	sb_add(&b, "");
	for (p = full; *p;) {
		const char *e;
		size_t n;
		while (*p == '/')
			p++;
		e = strchrnul(p, '/');
		n = (size_t)(e - p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash = strrchr(b.s, '/');
			b.n = slash ? (size_t)(slash - b.s) : 0;
			b.s[b.n] = 0;
		} else if (n && !(n == 1 && *p == '.')) {
			sb_addc(&b, '/');
			sb_addn(&b, p, n);
		}
		p = e;
	}
	if (!b.n)
		sb_addc(&b, '/');
	free(full);
	return b.s;
}

static int b_cd(int argc, char **argv)
{
	int phys = 0, i = 1, print = 0;
	const char *dir, *pwd = getvar("PWD");
	char *target = NULL, *newpwd;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		phys = strchr(argv[i], 'P') != NULL;
	}
	dir = argv[i];
	if (!dir && !(dir = getvar("HOME"))) {
		shwarn("cd: HOME not set");
		return 1;
	}
	if (!strcmp(dir, "-")) {
		if (!(dir = getvar("OLDPWD"))) {
			shwarn("cd: OLDPWD not set");
			return 1;
		}
		print = 1;
	}
	if (dir[0] != '/' && dir[0] != '.' && getvar("CDPATH")) {
		const char *p = path_search(dir, getvar("CDPATH"), 0);
		struct stat st;
		if (p && !stat(p, &st) && S_ISDIR(st.st_mode)) {
			target = xstrdup(p);
			print = strncmp(p, "./", 2) != 0;
		}
	}
	if (!target)
		target = xstrdup(dir);
	if (!phys && pwd && pwd[0] == '/') {
		char *lp = logical_path(pwd, target);
		if (!chdir(lp)) {
			free(target);
			newpwd = lp;
			goto done;
		}
		free(lp);
	}
	if (chdir(target)) {
		shwarn("cd: can't cd to %s: %s", dir, strerror(errno));
		free(target);
		return 2;
	}
	free(target);
	newpwd = getcwd(NULL, 0);
	if (!newpwd)
		newpwd = xstrdup(dir);
done:
	if (pwd)
		setvar("OLDPWD", pwd);
	setvar("PWD", newpwd);
	if (print)
		puts(newpwd);
	free(newpwd);
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	const char *pwd = getvar("PWD");
	struct stat a, b;
	int phys = argc > 1 && !strcmp(argv[1], "-P");
	if (!phys && pwd && pwd[0] == '/' && !stat(pwd, &a) && !stat(".", &b) &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		puts(pwd);
		return 0;
	} else {
		char *cwd = getcwd(NULL, 0);
		if (!cwd) {
			shwarn("pwd: %s", strerror(errno));
			return 1;
		}
		puts(cwd);
		free(cwd);
	}
	return 0;
}

static int b_local(int argc, char **argv)
{
	struct var *v;
	if (!sh.funcdepth) {
		shwarn("local: not in a function");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (n == 1 && argv[i][0] == '-')
			continue;	/* "local -": options, nothing to save here */
		if (!n || name_len(argv[i]) != n) {
			shwarn("local: %s: bad variable name", argv[i]);
			return 1;
		}
		v = make_local(argv[i], n);
		if (eq)
			setvarn(argv[i], n, eq + 1, 0);
		else if (!(v->flags & V_RO)) {
			/* "local x" starts x unset, as ash and bash do (dash keeps it) */
			free(v->val);
			v->val = NULL;
			if (!strcmp(v->name, "PATH"))
				path_changed();
		}
	}
	return 0;
}

/* Input of `read`.  From a regular file it reads blocks and seeks back over
 * what follows the line, as bash does: the kernel's sysctl files answer only
 * a read at offset 0, so byte by byte (dash, ash) gives "3" of pid_max's
 * "4194304".  Pipes and terminals go byte by byte: nothing may be taken
 * from them past the line. */
struct rdin {
	int fd, timeout, blocks, n, pos;
	char b[512];
};

static int read_byte(struct rdin *in, char *c)
{
	int fd = in->fd, timeout = in->timeout;
	if (in->blocks) {
		if (in->pos == in->n) {
			ssize_t n;
			while ((n = read(fd, in->b, sizeof(in->b))) < 0 && errno == EINTR && !gotsig)
				;
			if (n <= 0)
				return n < 0 ? -1 : 0;
			in->n = (int)n;
			in->pos = 0;
		}
		*c = in->b[in->pos++];
		return 1;
	}
	for (;;) {
		ssize_t n;
		if (timeout >= 0) {
			struct pollfd p = { fd, POLLIN, 0 };
			int r = poll(&p, 1, timeout);
			if (r == 0)
				return -2;
			if (r < 0) {
				if (errno == EINTR && !gotsig)
					continue;
				return -1;
			}
		}
		n = read(fd, c, 1);
		if (n == 1)
			return 1;
		if (n == 0)
			return 0;
		if (errno != EINTR || gotsig)
			return -1;
	}
}

static int b_read(int argc, char **argv)
{
	int raw = 0, i = 1, timeout = -1, eof = 0, fd = 0;
	const char *prompt = NULL;
	struct sbuf line = { 0 };
	struct sbuf esc = { 0 };	/* 1 for each byte escaped by a backslash */
	const char *ifs = ifs_value();
	size_t p;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		char *a = argv[i] + 1;
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (; *a; a++) {
			if (*a == 'r')
				raw = 1;
			else if (*a == 'p' || *a == 't' || *a == 'u') {
				const char *v = a[1] ? a + 1 : argv[++i];
				if (!v)
					return bad_usage("read: -%s needs an argument", (char[]){ *a, 0 });
				if (*a == 'p')
					prompt = v;
				else if (*a == 'u')
					fd = atoi(v);
				else {
					char *end;
					double t = strtod(v, &end);
					if (*end || t < 0)
						return bad_usage("read: invalid timeout %s", v);
					timeout = (int)(t * 1000);
				}
				break;
			} else
				return bad_usage("read: illegal option -%s", (char[]){ *a, 0 });
		}
	}
	if (prompt) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	struct stat st;
	struct rdin in = { fd, timeout, 0, 0, 0, "" };
	in.blocks = timeout < 0 && !fstat(fd, &st) && S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_CUR) >= 0;
	for (;;) {
		char c;
		int r = read_byte(&in, &c);
		if (r <= 0) {
			eof = 1;
			if (r == -2) {	/* timed out */
				free(line.s);
				free(esc.s);
				return 1;
			}
			break;
		}
		if (c == '\\' && !raw) {
			if ((r = read_byte(&in, &c)) <= 0) {
				eof = 1;
				break;
			}
			if (c == '\n')
				continue;
			sb_addc(&line, c);
			sb_addc(&esc, 1);
			continue;
		}
		if (c == '\n')
			break;
		sb_addc(&line, c);
		sb_addc(&esc, 0);
	}
	if (in.pos < in.n)	/* the rest is the next reader's */
		lseek(fd, -(off_t)(in.n - in.pos), SEEK_CUR);
	if (!line.s) {
		sb_add(&line, "");
		sb_add(&esc, "");
	}
	if (i >= argc) {
		setvar("REPLY", line.s);
		goto out;
	}
#define IS_IFS(k) (!esc.s[k] && line.s[k] && strchr(ifs, line.s[k]))
#define IS_WS(k) (IS_IFS(k) && strchr(" \t\n", line.s[k]))
	p = 0;
	while (p < line.n && IS_WS(p))
		p++;
	for (; i < argc; i++) {
		struct sbuf v = { 0 };
		size_t q;
		if (!valid_name(argv[i])) {
			shwarn("read: %s: bad variable name", argv[i]);
			free(line.s);
			free(esc.s);
			return 2;
		}
		sb_add(&v, "");
		if (i == argc - 1) {
			/* the last name takes the rest, less trailing IFS white space */
			size_t end = line.n;
			while (end > p && IS_WS(end - 1))
				end--;
			for (q = p; q < end; q++)
				sb_addc(&v, line.s[q]);
			p = end;
		} else {
			while (p < line.n && !IS_IFS(p))
				sb_addc(&v, line.s[p++]);
			while (p < line.n && IS_WS(p))
				p++;
			if (p < line.n && IS_IFS(p)) {
				p++;
				while (p < line.n && IS_WS(p))
					p++;
			}
		}
		setvar(argv[i], v.s);
		free(v.s);
	}
#undef IS_IFS
#undef IS_WS
out:
	free(line.s);
	free(esc.s);
	return eof;
}

static int optpos;		/* getopts: the next letter in the current argument */
static int optind_guard;

static void optind_changed(const char *val)
{
	if (!optind_guard)
		optpos = 0;
}

static int b_getopts(int argc, char **argv)
{
	const char *optstr, *name, *v, *arg, *p;
	char **args, c, res[2] = { 0, 0 };
	int nargs, ind, st = 0;
	if (argc < 3)
		return bad_usage("%s", "getopts: usage: getopts optstring name [arg...]");
	optstr = argv[1];
	name = argv[2];
	args = argc > 3 ? argv + 3 : pp.v;
	nargs = argc > 3 ? argc - 3 : pp.n;
	v = getvar("OPTIND");
	ind = v ? atoi(v) : 1;
	if (ind < 1)
		ind = 1;
	if (optpos == 0) {
		if (ind > nargs || args[ind - 1][0] != '-' || !args[ind - 1][1]) {
			st = 1;
			goto done_end;
		}
		if (!strcmp(args[ind - 1], "--")) {
			ind++;
			st = 1;
			goto done_end;
		}
		optpos = 1;
	}
	if (ind > nargs) {
		st = 1;
		goto done_end;
	}
	arg = args[ind - 1];
	c = arg[optpos++];
	p = c != ':' ? strchr(optstr, c) : NULL;
	if (!p) {
		if (optstr[0] == ':') {
			res[0] = c;
			setvar("OPTARG", res);
		} else {
			fflush(stdout);
			fprintf(stderr, "%s: illegal option -- %c\n", px.applet, c);
			setvarn("OPTARG", 6, NULL, 0);
		}
		res[0] = '?';
	} else if (p[1] == ':') {
		if (arg[optpos]) {
			setvar("OPTARG", arg + optpos);
			optpos = 0;
			ind++;
		} else if (ind < nargs) {
			setvar("OPTARG", args[ind]);
			optpos = 0;
			ind += 2;
		} else {
			if (optstr[0] == ':') {
				res[0] = c;
				setvar("OPTARG", res);
				res[0] = ':';
			} else {
				fflush(stdout);
				fprintf(stderr, "%s: option requires an argument -- %c\n", px.applet, c);
				setvarn("OPTARG", 6, NULL, 0);
				res[0] = '?';
			}
			optpos = 0;
			ind++;
			goto done;
		}
		res[0] = c;
	} else {
		res[0] = c;
		setvarn("OPTARG", 6, NULL, 0);
	}
	if (optpos && !arg[optpos]) {
		optpos = 0;
		ind++;
	}
	goto done;
done_end:
	optpos = 0;
	res[0] = '?';
done:
	optind_guard = 1;
	setvar_int("OPTIND", ind);
	optind_guard = 0;
	setvar(name, res);
	return st;
}

/* type, command -v and command -V */
static int describe(const char *name, int mode)
{
	const struct builtin *b;
	const struct applet *ap;
	const char *path;
	for (unsigned i = 0; i < ARRAY_SIZE(kwlist); i++)
		if (!strcmp(name, kwlist[i])) {
			if (mode == 'v')
				puts(name);
			else
				printf("%s is a shell keyword\n", name);
			return 0;
		}
#if ENABLE_SH_ALIAS
	{
		struct alias *a = alias_find(name);
		if (a) {
			if (mode == 'v') {
				printf("alias %s=", name);
				print_quoted(a->val);
				putchar('\n');
			} else
				printf("%s is an alias for %s\n", name, a->val);
			return 0;
		}
	}
#endif
	if (func_find(name)) {
		if (mode == 'v')
			puts(name);
		else
			printf("%s is a shell function\n", name);
		return 0;
	}
	b = builtin_find(name);
	ap = find_applet(name);
	if (b || (ap && nofork(ap))) {
		if (mode == 'v')
			puts(name);
		else
			printf("%s is a %sshell builtin\n", name, b && b->special ? "special " : "");
		return 0;
	}
	path = find_path(name);
	if (ap && !path) {
		if (mode == 'v')
			puts(name);
		else
			printf("%s is a pxebox applet\n", name);
		return 0;
	}
	if (!path) {
		if (mode != 'v') {
			fflush(stdout);
			fprintf(stderr, "%s: not found\n", name);
		}
		return 127;
	}
	if (mode == 'v')
		puts(path);
	else
		printf("%s is %s\n", name, path);
	return 0;
}

static int b_type(int argc, char **argv)
{
	int st = 0;
	for (int i = 1; i < argc; i++)
		if (describe(argv[i], 'V'))
			st = 1;
	return st;
}

static int b_command(int argc, char **argv)
{
	int i = 1, mode = 0, st = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (char *a = argv[i] + 1; *a; a++)
			if (*a == 'v' || *a == 'V')
				mode = *a;
			else if (*a != 'p')
				return bad_usage("command: illegal option -%s", (char[]){ *a, 0 });
	}
	if (i == argc)
		return 0;
	if (mode) {
		for (; i < argc; i++)
			if (describe(argv[i], mode))
				st = 127;
		return st;
	}
	return run_command(argc - i, argv + i, NULL, 0, NULL, 0, CMD_NOFUNC);
}

static int b_hash(int argc, char **argv)
{
	if (argc == 1) {
		for (struct hashent *h = cmdhash; h; h = h->next)
			puts(h->path);
		return 0;
	}
	if (!strcmp(argv[1], "-r")) {
		path_changed();
		return 0;
	}
	for (int i = 1; i < argc; i++)
		if (!find_path(argv[i])) {
			shwarn("hash: %s: not found", argv[i]);
			return 1;
		}
	return 0;
}

static int b_wait(int argc, char **argv)
{
	struct job *j, *next;
	int st = 0, r;
	if (argc == 1) {
		/* every job; stopped ones cannot end, so they are not waited for */
		for (j = joblist; j; j = next) {
			next = j->next;
			if ((r = job_wait(j, 1, 0)) > 1)
				return r;
			if (j->state == JS_DONE)
				job_free(j);
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct proc *p = NULL;
		if (argv[i][0] == '%') {
			if (!(j = job_get(argv[i], "wait"))) {
				st = 127;
				continue;
			}
		} else {
			char *end;
			pid_t pid = (pid_t)strtol(argv[i], &end, 10);
			if (*end || pid <= 0) {
				shwarn("wait: illegal number: %s", argv[i]);
				st = 2;
				continue;
			}
			for (j = joblist; j; j = j->next) {
				for (int k = 0; k < j->nproc && !p; k++)
					if (j->procs[k].pid == pid)
						p = &j->procs[k];
				if (p)
					break;
			}
			if (!p) {
				st = 127;	/* not a child of ours, or waited for already */
				continue;
			}
		}
		if ((r = job_wait(j, 1, 0)) > 1)
			return r;
		st = p ? p->status : job_status(j);
		if (j->state == JS_DONE)
			job_free(j);
	}
	return st;
}

/* One line of jobs; a finished job, once reported, is forgotten. */
static void job_show(struct job *j, int pids, int longfmt)
{
	if (pids)
		printf("%d\n", (int)(j->pgid ? j->pgid : j->procs[0].pid));
	else
		job_print(j, longfmt);
	j->notify = 0;
	if (j->state == JS_DONE)
		job_free(j);
}

/* jobs [-lp] [%N...] */
static int b_jobs(int argc, char **argv)
{
	int i = 1, longfmt = 0, pids = 0, st = 0;
	struct job *j, *next;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (char *a = argv[i] + 1; *a; a++)
			if (*a == 'l')
				longfmt = 1;
			else if (*a == 'p')
				pids = 1;
			else
				return bad_usage("jobs: illegal option -%s", (char[]){ *a, 0 });
	}
	reap_jobs();
	if (i == argc)
		for (j = joblist; j; j = next) {
			next = j->next;
			job_show(j, pids, longfmt);
		}
	for (; i < argc; i++)
		if ((j = job_get(argv[i], "jobs")))
			job_show(j, pids, longfmt);
		else
			st = 1;
	fflush(stdout);
	return st;
}

/* fg [%N] and bg [%N...]; "%N" alone as a command is fg %N */
static int b_fg(int argc, char **argv)
{
	int fg = argv[0][0] != 'b', i = argv[0][0] == '%' ? 0 : 1, st = 0;
	const char *who = argv[0][0] == '%' ? "fg" : argv[0];
	struct job *j;
	if (!jc) {
		shwarn("%s: no job control", who);
		return 1;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	do {
		if (!(j = job_get(i < argc ? argv[i] : NULL, who))) {
			st = 1;
			continue;
		}
		if (fg) {
			puts(j->cmd);
			fflush(stdout);
			tcgetattr(ttyfd, &shell_tio);
			if (j->have_tio)
				tcsetattr(ttyfd, TCSADRAIN, &j->tio);
			tcsetpgrp(ttyfd, j->pgid);
		} else {
			printf("[%d] %s &\n", j->id, j->cmd);
			fflush(stdout);
		}
		/* even when it looks running: a stop may not have been reaped yet */
		killpg(j->pgid, SIGCONT);
		for (int k = 0; k < j->nproc; k++)
			if (j->procs[k].state == JS_STOP)
				j->procs[k].state = JS_RUN;
		j->state = JS_RUN;
		j->seq = ++jobseq;
		if (fg)
			return job_fg_wait(j);
	} while (++i < argc);
	return st;
}

/* kill: the kill applet, with %N job specs turned into process ids (the
 * job's process group when it has one) */
static int b_kill(int argc, char **argv)
{
	const struct applet *ap = applet_find("kill");
	int n = 0, dashdash = 0, st, sig = SIGTERM, nstopped = 0;
	size_t cap = (size_t)argc + 2;
	char **v;
	struct job **stopped;
	for (struct job *j = joblist; j; j = j->next)
		cap += (size_t)j->nproc;
	v = stalloc(cap * sizeof(char *));
	stopped = stalloc((size_t)argc * sizeof(*stopped));
	if (argc > 2 && !strcmp(argv[1], "-s"))
		sig = sig_number(argv[2]);
	else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--"))
		sig = sig_number(argv[1] + 1);
	for (int i = 0; i < argc; i++) {
		struct job *j;
		if (!strcmp(argv[i], "--"))
			dashdash = 1;
		if (!i || argv[i][0] != '%') {
			v[n++] = argv[i];
			continue;
		}
		if (!(j = job_get(argv[i], "kill")))
			return 1;
		if (j->state == JS_STOP)
			stopped[nstopped++] = j;
		if (!dashdash) {
			v[n++] = "--";	/* -PGID is an operand, not a signal */
			dashdash = 1;
		}
		if (j->pgid) {
			v[n++] = stalloc(16);
			snprintf(v[n - 1], 16, "-%d", (int)j->pgid);
		} else {
			for (int k = 0; k < j->nproc; k++)
				if (j->procs[k].state != JS_DONE) {
					v[n++] = stalloc(16);
					snprintf(v[n - 1], 16, "%d", (int)j->procs[k].pid);
				}
		}
	}
	v[n] = NULL;
	if (ap)
		st = applet_run(ap, n, v);
	else
		st = run_command(n, v, NULL, 0, NULL, 0, CMD_NOFUNC | CMD_NOBUILTIN);
	fflush(stdout);
	/* a stopped job would only see the signal once continued: continue it */
	if (sig != SIGSTOP && sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU && sig > 0)
		for (int i = 0; i < nstopped; i++) {
			struct job *j = stopped[i];
			for (int k = 0; k < j->nproc; k++)
				if (j->procs[k].state == JS_STOP) {
					if (!j->pgid)
						kill(j->procs[k].pid, SIGCONT);
					j->procs[k].state = JS_RUN;
				}
			if (j->pgid)
				killpg(j->pgid, SIGCONT);
			j->state = JS_RUN;
		}
	return st;
}

static int b_umask(int argc, char **argv)
{
	mode_t old = umask(0);
	int sym = 0, i = 1;
	umask(old);
	if (i < argc && !strcmp(argv[i], "-S"))
		sym = 1, i++;
	if (i == argc) {
		if (sym) {
			mode_t m = ~old & 0777;
			char buf[32], *o = buf;
			for (int k = 0; k < 3; k++) {
				int bits = (m >> (6 - 3 * k)) & 7;
				o += sprintf(o, "%s%c=", k ? "," : "", "ugo"[k]);
				if (bits & 4) *o++ = 'r';
				if (bits & 2) *o++ = 'w';
				if (bits & 1) *o++ = 'x';
			}
			*o = 0;
			puts(buf);
		} else
			printf("%04o\n", (unsigned)old);
		return 0;
	}
	{
		mode_t m;
		if (isdigit((unsigned char)argv[i][0])) {
			char *end;
			unsigned long v = strtoul(argv[i], &end, 8);
			if (*end || v > 0777)
				return bad_usage("umask: bad mask %s", argv[i]), 1;
			umask((mode_t)v);
		} else {
			if (parse_mode(argv[i], &m, ~old & 0777))
				return bad_usage("umask: bad mask %s", argv[i]), 1;
			umask(~m & 0777);
		}
	}
	return 0;
}

static int b_ulimit(int argc, char **argv)
{
	static const struct {
		char opt;
		int res, unit;
		const char *what;
	} lims[] = {
		{ 'c', RLIMIT_CORE, 512, "core file size (blocks)" },
		{ 'd', RLIMIT_DATA, 1024, "data seg size (kb)" },
		{ 'f', RLIMIT_FSIZE, 512, "file size (blocks)" },
		{ 'l', RLIMIT_MEMLOCK, 1024, "max locked memory (kb)" },
		{ 'm', RLIMIT_RSS, 1024, "max memory size (kb)" },
		{ 'n', RLIMIT_NOFILE, 1, "open files" },
		{ 's', RLIMIT_STACK, 1024, "stack size (kb)" },
		{ 't', RLIMIT_CPU, 1, "cpu time (seconds)" },
		{ 'u', RLIMIT_NPROC, 1, "max user processes" },
		{ 'v', RLIMIT_AS, 1024, "virtual memory (kb)" },
	};
	int hard = 0, soft = 0, all = 0, which = 2, i = 1;
	unsigned k;
	struct rlimit rl;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
		for (char *a = argv[i] + 1; *a; a++) {
			if (*a == 'H')
				hard = 1;
			else if (*a == 'S')
				soft = 1;
			else if (*a == 'a')
				all = 1;
			else {
				for (k = 0; k < ARRAY_SIZE(lims) && lims[k].opt != *a; k++)
					;
				if (k == ARRAY_SIZE(lims))
					return bad_usage("ulimit: illegal option -%s", (char[]){ *a, 0 });
				which = (int)k;
			}
		}
	if (all) {
		for (k = 0; k < ARRAY_SIZE(lims); k++) {
			getrlimit(lims[k].res, &rl);
			rlim_t v = hard ? rl.rlim_max : rl.rlim_cur;
			printf("-%c: %-25s ", lims[k].opt, lims[k].what);
			if (v == RLIM_INFINITY)
				puts("unlimited");
			else
				printf("%llu\n", (unsigned long long)(v / lims[k].unit));
		}
		return 0;
	}
	getrlimit(lims[which].res, &rl);
	if (i == argc) {
		rlim_t v = hard ? rl.rlim_max : rl.rlim_cur;
		if (v == RLIM_INFINITY)
			puts("unlimited");
		else
			printf("%llu\n", (unsigned long long)(v / lims[which].unit));
		return 0;
	}
	{
		rlim_t v;
		if (!strcmp(argv[i], "unlimited"))
			v = RLIM_INFINITY;
		else {
			char *end;
			unsigned long long n = strtoull(argv[i], &end, 10);
			if (*end || !*argv[i])
				return bad_usage("ulimit: bad number %s", argv[i]), 1;
			v = (rlim_t)(n * lims[which].unit);
		}
		if (!hard && !soft)
			hard = soft = 1;
		if (hard)
			rl.rlim_max = v;
		if (soft)
			rl.rlim_cur = v;
		if (setrlimit(lims[which].res, &rl)) {
			shwarn("ulimit: %s", strerror(errno));
			return 1;
		}
	}
	return 0;
}

static const struct builtin builtins[] = {
	{ ".", b_dot, 1 },
	{ ":", b_true, 1 },
#if ENABLE_SH_ALIAS
	{ "alias", b_alias, 0 },
#endif
	{ "break", b_break, 1 },
	{ "cd", b_cd, 0 },
	{ "bg", b_fg, 0 },
	{ "command", b_command, 0 },
	{ "continue", b_break, 1 },
	{ "eval", b_eval, 1 },
	{ "exit", b_exit, 1 },
	{ "export", b_export, 1 },
	{ "fg", b_fg, 0 },
	{ "getopts", b_getopts, 0 },
	{ "hash", b_hash, 0 },
	{ "jobs", b_jobs, 0 },
	{ "kill", b_kill, 0 },
	{ "local", b_local, 0 },
	{ "pwd", b_pwd, 0 },
	{ "read", b_read, 0 },
	{ "readonly", b_export, 1 },
	{ "return", b_return, 1 },
	{ "set", b_set, 1 },
	{ "shift", b_shift, 1 },
	{ "times", b_times, 1 },
	{ "trap", b_trap, 1 },
	{ "type", b_type, 0 },
	{ "ulimit", b_ulimit, 0 },
	{ "umask", b_umask, 0 },
#if ENABLE_SH_ALIAS
	{ "unalias", b_unalias, 0 },
#endif
	{ "unset", b_unset, 1 },
	{ "wait", b_wait, 0 },
};
static const unsigned nbuiltins = ARRAY_SIZE(builtins);

/* ======================================================================
 * interactive input and main
 * ====================================================================== */

/* PS1 with $NAME and ${NAME} replaced, as most prompts need. */
static char *expand_prompt(const char *ps)
{
	struct sbuf b = { 0 };
	sb_add(&b, "");
	while (ps && *ps) {
		if (*ps == '$' && (ps[1] == '{' || is_name_start((unsigned char)ps[1]))) {
			int brace = ps[1] == '{';
			const char *s = ps + 1 + brace;
			size_t n = name_len(s);
			char *name = xstrndup(s, n);
			const char *v = getvar(name);
			free(name);
			if (v)
				sb_add(&b, v);
			ps = s + n + (brace && s[n] == '}');
		} else
			sb_addc(&b, *ps++);
	}
	return b.s;
}

static char *read_line_interactive(const char *prompt)
{
	char *p = expand_prompt(prompt);
#ifdef HAVE_LINEEDIT
	char *line = lineedit_read(p);
	free(p);
	return line;
#else
	struct sbuf b = { 0 };
	fflush(stdout);
	fputs(p, stderr);
	fflush(stderr);
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (intr) {
				/* Ctrl-C at the prompt: drop the line, prompt again */
				intr = 0;
				pending[SIGINT] = 0;
				b.n = 0;
				fputc('\n', stderr);
				fputs(p, stderr);
				fflush(stderr);
			}
			continue;
		}
		if (n <= 0) {
			if (b.n)
				break;
			free(b.s);
			free(p);
			return NULL;
		}
		if (c == '\n')
			break;
		sb_addc(&b, c);
	}
	free(p);
	if (!b.s)
		sb_add(&b, "");
	return b.s;
#endif
}

static void init_vars(char **envp)
{
	char buf[PATH_MAX];
	for (; envp && *envp; envp++) {
		char *eq = strchr(*envp, '=');
		if (eq && name_len(*envp) == (size_t)(eq - *envp))
			setvarn(*envp, (size_t)(eq - *envp), eq + 1, V_EXPORT);
	}
	setvar("IFS", " \t\n");
	if (!getvar("PATH"))
		setvar("PATH", default_path);
	if (!getvar("PS1"))
		setvar("PS1", geteuid() ? "$ " : "# ");
	setvar("PS2", "> ");
	setvar("PS4", "+ ");
	setvar("OPTIND", "1");
	setvar_int("PPID", getppid());
	{
		const char *pwd = getvar("PWD");
		struct stat a, b;
		if (!pwd || pwd[0] != '/' || stat(pwd, &a) || stat(".", &b) ||
		    a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
			if (getcwd(buf, sizeof(buf)))
				setvarn("PWD", 3, buf, V_EXPORT);
		}
	}
}

int sh_main(int argc, char **argv)
{
	extern char **environ;
	int i = 1, cflag = 0, sflag = 0, iflag = 0;
	const char *cmd = NULL;

	sh.rootpid = getpid();
	sh.o_m = -1;	/* not given: on when interactive */
	for (int s = 1; s < NSIG; s++) {
		struct sigaction sa;
		if (!sigaction(s, NULL, &sa) && sa.sa_handler == SIG_IGN)
			sig_ignored_at_start[s] = 1;
	}
	init_vars(environ);
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		int on = argv[i][0] == '-';
		if (!strcmp(argv[i], "--") || !strcmp(argv[i], "-")) {
			i++;
			break;
		}
		for (char *a = argv[i] + 1; *a; a++) {
			int *p;
			if (*a == 'c')
				cflag = on;
			else if (*a == 's')
				sflag = on;
			else if (*a == 'i')
				iflag = on;
			else if (*a == 'o') {
				if (i + 1 >= argc || !(p = opt_ptr(0, argv[++i]))) {
					fprintf(stderr, "%s: illegal option -o %s\n", px.applet, i < argc ? argv[i] : "");
					return 2;
				}
				*p = on;
			} else if ((p = opt_ptr(*a, NULL)))
				*p = on;
			else {
				fprintf(stderr, "%s: illegal option -%c\n", px.applet, *a);
				usage_die();
			}
		}
	}
	sh.arg0 = argv[0];
	if (cflag) {
		if (i >= argc) {
			fprintf(stderr, "%s: -c requires an argument\n", px.applet);
			return 2;
		}
		cmd = argv[i++];
		if (sh.o_n)
			return sh_parse_each(cmd, strlen(cmd), NULL, NULL);
		if (i < argc)
			sh.arg0 = argv[i++];
		push_string(cmd, strlen(cmd), NULL);
	} else if (!sflag && i < argc) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "%s: can't open '%s': %s\n", px.applet, argv[i], strerror(errno));
			return errno == ENOENT ? 127 : 126;
		}
		if (fd < 10) {
			int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
			if (nfd >= 0) {
				close(fd);
				fd = nfd;
			}
		}
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		sh.arg0 = argv[i++];
		push_fd(fd, 0);
	} else {
		sh.interactive = ENABLE_SH_INTERACTIVE && (iflag || (isatty(0) && isatty(2)));
		push_fd(0, sh.interactive);	/* prompts even on a pipe with -i */
	}
	pp_set(argc - i, argv + i);
	if (sh.interactive) {
		default_signal(SIGINT);
		default_signal(SIGQUIT);
		default_signal(SIGTERM);
	}
	if (sh.o_m < 0)
		sh.o_m = sh.interactive;
	jobctl_set(sh.o_m);
	sh.lineno = 1;
	eval_input(1);
	sh_exit(sh.exitstatus);
}
