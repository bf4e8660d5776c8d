/* grep - print lines that match patterns */
//menu:Text
//config:config GREP
//config:	bool "grep"
//config:	default y
//config:	help
//config:	  Search files for lines matching basic or extended regular
//config:	  expressions (through the C library's regex) or fixed strings.
//config:
//config:config EGREP
//config:	bool "egrep and fgrep aliases"
//config:	depends on GREP
//config:	default y
//config:	help
//config:	  egrep is grep -E, fgrep is grep -F.
//config:
//config:config GREP_CONTEXT
//config:	bool "Support -A -B -C context lines"
//config:	depends on GREP
//config:	default y
//config:	help
//config:	  Print lines around each match, groups separated by "--".
//config:
//config:config GREP_RECURSIVE
//config:	bool "Support -r -R"
//config:	depends on GREP
//config:	default y
//config:	help
//config:	  Search directories recursively.
//applet:grep GREP grep_main "%2q(quiet)(silent)v(invert-match)s(no-messages)e(regexp)*f(file)*E(extended-regexp)F(fixed-strings)G(basic-regexp)i(ignore-case)yc(count)l(files-with-matches)L(files-without-match)n(line-number)h(no-filename)H(with-filename)o(only-matching)r(recursive)R(dereference-recursive)w(word-regexp)x(line-regexp)A(after-context):B(before-context):C(context):m(max-count):a(text)I\001(color)(colour):\002(label):"
//applet:egrep EGREP grep_main "%2q(quiet)(silent)v(invert-match)s(no-messages)e(regexp)*f(file)*E(extended-regexp)F(fixed-strings)G(basic-regexp)i(ignore-case)yc(count)l(files-with-matches)L(files-without-match)n(line-number)h(no-filename)H(with-filename)o(only-matching)r(recursive)R(dereference-recursive)w(word-regexp)x(line-regexp)A(after-context):B(before-context):C(context):m(max-count):a(text)I\001(color)(colour):\002(label):"
//applet:fgrep EGREP grep_main "%2q(quiet)(silent)v(invert-match)s(no-messages)e(regexp)*f(file)*E(extended-regexp)F(fixed-strings)G(basic-regexp)i(ignore-case)yc(count)l(files-with-matches)L(files-without-match)n(line-number)h(no-filename)H(with-filename)o(only-matching)r(recursive)R(dereference-recursive)w(word-regexp)x(line-regexp)A(after-context):B(before-context):C(context):m(max-count):a(text)I\001(color)(colour):\002(label):"
//usage:grep [-HhnlLoqvsrRiwxcaIFE] [-m N] [-A N] [-B N] [-C N] {PATTERN | -e PATTERN... | -f FILE...} [FILE]...
//usage:
//usage:Print the lines of each FILE ("-" or none: stdin; with -r: ".") that match
//usage:a PATTERN.  Several patterns (newline-separated, or several -e/-f) match
//usage:when any of them does.  Exit 0 if a line was selected, 1 if none, 2 on error.
//usage:	-E	extended regex (egrep)	-F	fixed strings (fgrep)
//usage:	-e PAT	pattern (repeatable)	-f FILE	patterns from FILE, one a line
//usage:	-i	ignore case		-v	select non-matching lines
//usage:	-w	match whole words	-x	match whole lines
//usage:	-c	count selected lines	-l	list files with a selected line
//usage:	-L	list files without one	-q	quiet: exit 0 at the first match
//usage:	-n	line numbers		-o	print only the matched parts
//usage:	-H	always file names	-h	never file names
//usage:	-s	no messages about unreadable files
//usage:	-r	recurse into directories (-R: follow all symlinks)
//usage:	-m N	stop after N selected lines
//usage:	-A N	N lines after a match	-B N	N lines before
//usage:	-C N	both			-a	binary files as text
//usage:	-I	skip binary files	--color=never	accepted; no colors
#include "pxebox.h"
#include <regex.h>

/* One pattern: a compiled regex, or the literal string for -F. */
struct pat {
	char *str;
	size_t len;
	regex_t re;
	int compiled;
	int literal;	/* no regex syntax in it: memmem is much faster */
};

static struct grep {
	struct pat *pat;
	size_t npat;
	int invert, icase, word, line, fixed, ere, only, count, list, unlist;
	int quiet, number, names, nomsg, recurse, binmode; /* binmode: 0 check, 'a' text, 'I' skip */
	long before, after, maxcount;
	int matched, error, printed;	/* printed: a context group was output */
	const char *label;
} g;

static void grep_free(void)
{
	for (size_t i = 0; i < g.npat; i++) {
		if (g.pat[i].compiled)
			regfree(&g.pat[i].re);
		free(g.pat[i].str);
	}
	free(g.pat);
	g.pat = NULL;
	g.npat = 0;
}

/* Patterns are newline-separated lists; each piece is one pattern. */
static void add_patterns(const char *s, size_t len)
{
	for (;;) {
		const char *nl = memchr(s, '\n', len);
		size_t l = nl ? (size_t)(nl - s) : len;
		g.pat = xrealloc(g.pat, (g.npat + 1) * sizeof(*g.pat));
		g.pat[g.npat] = (struct pat){ xmalloc(l + 1), l };
		memcpy(g.pat[g.npat].str, s, l);	/* -f files may hold NULs */
		g.pat[g.npat].str[l] = 0;
		g.npat++;
		if (!nl)
			break;
		s = nl + 1;
		len -= l + 1;
	}
}

static void compile(int cflags)
{
	for (size_t i = 0; i < g.npat; i++) {
		struct pat *p = &g.pat[i];
		int rc;
		p->literal = 1;
		for (size_t k = 0; k < p->len && !g.fixed; k++)
			if (strchr(g.ere ? "\\.[]*^$+?(){}|" : "\\.[]*^$", p->str[k]) && p->str[k])
				p->literal = 0;
		if (p->literal)
			continue;
		if (strlen(p->str) != p->len)
			die("pattern contains a NUL byte");
		rc = regcomp(&p->re, p->str, cflags);
		if (rc) {
			char msg[128];
			regerror(rc, &p->re, msg, sizeof(msg));
			die("bad regex '%s': %s", p->str, msg);
		}
		p->compiled = 1;
	}
}

static int is_word(int c)
{
	return c == '_' || isalnum(c);
}

/* Find a fixed string in [s+from, s+len). */
static int find_fixed(const struct pat *p, const char *s, size_t len, size_t from, size_t *so, size_t *eo)
{
	if (p->len > len)
		return 0;
	for (size_t i = from; i + p->len <= len; i++) {
		size_t k = 0;
		if (g.icase) {
			while (k < p->len && tolower((unsigned char)s[i + k]) == tolower((unsigned char)p->str[k]))
				k++;
		} else {
			const char *hit = memmem(s + i, len - i, p->str, p->len);
			if (!hit)
				return 0;
			i = (size_t)(hit - s);
			k = p->len;
		}
		if (k == p->len) {
			*so = i;
			*eo = i + p->len;
			return 1;
		}
	}
	return 0;
}

/* Leftmost match of one pattern starting the search at from; -w and -x
 * narrow what counts.  REG_STARTEND keeps NUL bytes and lets ^, \< see
 * the real text before `from`. */
static int find_one(struct pat *p, const char *s, size_t len, size_t from, size_t *so, size_t *eo)
{
	for (;;) {
		if (p->literal) {
			if (!find_fixed(p, s, len, from, so, eo))
				return 0;
		} else {
			regmatch_t m[1];
			m[0].rm_so = (regoff_t)from;
			m[0].rm_eo = (regoff_t)len;
			if (regexec(&p->re, s, 1, m, REG_STARTEND))
				return 0;
			*so = (size_t)m[0].rm_so;
			*eo = (size_t)m[0].rm_eo;
		}
		if (g.line)
			return *so == 0 && *eo == len;
		if (!g.word || ((*so == 0 || !is_word((unsigned char)s[*so - 1])) &&
				(*eo == len || !is_word((unsigned char)s[*eo]))))
			return 1;
		/* not a whole word here: try again one character further on */
		if (*so >= len)
			return 0;
		from = *so + 1;
	}
}

/* Leftmost (then longest) match of any pattern at or after from. */
static int find_any(const char *s, size_t len, size_t from, size_t *so, size_t *eo)
{
	int found = 0;
	for (size_t i = 0; i < g.npat; i++) {
		size_t a, b;
		if (find_one(&g.pat[i], s, len, from, &a, &b) &&
		    (!found || a < *so || (a == *so && b > *eo))) {
			*so = a, *eo = b;
			found = 1;
		}
	}
	return found;
}

static int selected(const char *s, size_t len)
{
	size_t so, eo;
	return find_any(s, len, 0, &so, &eo) != g.invert;
}

static void prefix(const char *name, unsigned long lineno, char sep)
{
	if (g.names)
		printf("%s%c", name, sep);
	if (g.number)
		printf("%lu%c", lineno, sep);
}

static void print_line(const char *name, unsigned long lineno, char sep, const char *s, size_t len)
{
	/* -o prints no context lines, though they still separate groups */
	if (sep == '-' && g.only)
		return;
	prefix(name, lineno, sep);
	fwrite(s, 1, len, stdout);
	putchar('\n');
}

/* The -B ring: copies of the last lines that were not printed. */
struct ctx {
	char **line;
	size_t *len;
	long n, head, cap;	/* cap grows up to g.before: -B 1000000 costs nothing up front */
};

static void ctx_push(struct ctx *c, const char *s, size_t len)
{
	long slot = c->n;	/* until the ring is full, head is 0 */
	if (c->n == g.before) {
		slot = c->head;
		c->head = (c->head + 1) % g.before;
	} else {
		if (c->n == c->cap) {
			long cap = c->cap < g.before / 2 ? (c->cap ? c->cap * 2 : 16) : g.before;
			c->line = xrealloc(c->line, cap * sizeof(char *));
			c->len = xrealloc(c->len, cap * sizeof(size_t));
			memset(c->line + c->cap, 0, (cap - c->cap) * sizeof(char *));
			c->cap = cap;
		}
		c->n++;
	}
	free(c->line[slot]);
	c->line[slot] = xmalloc(len + 1);	/* not xstrndup: lines may hold NULs */
	memcpy(c->line[slot], s, len);
	c->len[slot] = len;
}

static void file_error(const char *path);
static int report(const char *name, long count);

/* Search one open file.  Returns 1 if a line was selected. */
static int grep_fd(int fd, const char *name)
{
	struct lines *l = lines_open(fd);
	struct ctx c = { 0 };
	unsigned long lineno = 0, last_out = 0;
	long count = 0, after_left = 0;
	int binary = 0, grouped = 0;
	int out_lines = !(g.quiet || g.count || g.list || g.unlist);
	char *s;
	size_t len;

	while ((!g.maxcount || count < g.maxcount) && (s = lines_next(l, &len))) {
		lineno++;
		if (!binary && g.binmode != 'a' && memchr(s, 0, len)) {
			binary = 1;
			if (g.binmode == 'I')
				break;
		}
		if (!selected(s, len)) {
			if (!out_lines || binary)
				continue;
			if (after_left) {
				print_line(name, lineno, '-', s, len);
				last_out = lineno;
				after_left--;
			} else if (g.before)
				ctx_push(&c, s, len);
			continue;
		}
		count++;
		g.matched = 1;
		if (g.quiet || g.list || g.unlist)
			break;
		if (!out_lines)
			continue;
		if (binary) {
			/* the lines of a binary file are noise on a terminal: say so once */
			printf("Binary file %s matches\n", name);
			break;
		}
		/* "--" between groups that are not adjacent, and between files */
		if ((g.before || g.after) && g.printed && (!grouped || lineno - c.n > last_out + 1))
			fputs("--\n", stdout);
		for (long i = 0; i < c.n; i++) {
			long k = (c.head + i) % g.before;
			print_line(name, lineno - c.n + i, '-', c.line[k], c.len[k]);
		}
		c.n = c.head = 0;
		g.printed = grouped = 1;
		last_out = lineno;
		after_left = g.after;
		if (g.only) {
			size_t from = 0, so, eo;
			if (g.invert)
				continue;
			while (from <= len && find_any(s, len, from, &so, &eo)) {
				if (eo > so) {
					prefix(name, lineno, ':');
					fwrite(s + so, 1, eo - so, stdout);
					putchar('\n');
				}
				from = eo > so ? eo : so + 1;
			}
		} else
			print_line(name, lineno, ':', s, len);
	}
	/* lines after the -m limit still get their -A context, as in GNU grep */
	while (after_left-- > 0 && out_lines && !binary && (s = lines_next(l, &len)))
		print_line(name, ++lineno, '-', s, len);
	if ((errno = lines_error(l)))
		file_error(name);	/* e.g. EIO; directories are caught before */
	for (long i = 0; i < c.cap; i++)
		free(c.line[i]);
	free(c.line);
	free(c.len);
	lines_close(l);
	return report(name, count);
}

/* The per-file results: -c's count, -l's and -L's names.  Returns 1 if a
 * line was selected. */
static int report(const char *name, long count)
{
	if (g.quiet) {
		if (count)
			xexit(0);	/* the first selected line settles the status */
		return 0;
	}
	if (g.count) {
		if (g.names)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if ((g.list && count) || (g.unlist && !count))
		printf("%s\n", name);
	return count > 0;
}

static void file_error(const char *path)
{
	if (!g.nomsg)
		pwarn("%s", path);
	g.error = 1;
	px.exitcode = 2;	/* pwarn set 1; a later die() must still say 2 */
}

static void grep_path(const char *path, int top);

static void grep_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	if (!d) {
		file_error(path);
		return;
	}
	while ((e = readdir(d))) {
		char *sub;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		/* "grep -r x" with no operand names files as GNU does: no "./" */
		sub = strcmp(path, ".") || !g.recurse ? path_join(path, e->d_name) : xstrdup(e->d_name);
		grep_path(sub, 0);
		free(sub);
	}
	closedir(d);
}

static void grep_path(const char *path, int top)
{
	struct stat st;
	int fd;

	if (!strcmp(path, "-") && top) {
		grep_fd(0, g.label ? g.label : "(standard input)");
		return;
	}
	if (ENABLE_GREP_RECURSIVE && g.recurse) {
		/* -r follows symlinks named on the command line only, -R all */
		int follow = top || g.recurse == 'R';
		if ((follow ? stat(path, &st) : lstat(path, &st)) < 0) {
			file_error(path);
			return;
		}
		if (S_ISLNK(st.st_mode))
			return;
		if (S_ISDIR(st.st_mode)) {
			grep_dir(path);
			return;
		}
		/* devices and fifos found while recursing would block or be endless */
		if (!top && !S_ISREG(st.st_mode))
			return;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		file_error(path);
		return;
	}
	if (!fstat(fd, &st) && S_ISDIR(st.st_mode)) {
		/* GNU grep reads it, fails, and reports it as an empty file:
		 * "dir:0" for -c, listed by -L */
		errno = EISDIR;
		file_error(path);
		report(path, 0);
	} else
		grep_fd(fd, path);
	close(fd);
}

/* GNU grep's numbers: decimal, and one too big for a long saturates. */
static int grep_num(const char *s, long *v)
{
	char *end;
	*v = strtol(s, &end, 10);
	return end != s && !*end;
}

/* -A -B -C: GNU's wording, status 2 (px.exitcode) */
static long context_arg(int key, long dflt)
{
	long v;
	if (!optstr(key))
		return dflt;
	if (!grep_num(optstr(key), &v) || v < 0)
		die("%s: invalid context length argument", optstr(key));
	return v;
}

int grep_main(int argc, char **argv)
{
	const char *me = base_name(argv[0]);
	char **files;
	char *dash[] = { "-", NULL }, *dot[] = { ".", NULL };
	int cflags = 0, ere = opt('E');

	/* die() on a bad pattern or option argument must give status 2.  The
	 * numeric options are ':' in the spec, not '#', because GNU grep's
	 * messages name them ("invalid max count") and it takes -m -1 and
	 * numbers too big for a long, which '#' rejects. */
	px.exitcode = 2;
	grep_free();	/* a die() in an earlier run in this process left them */
	memset(&g, 0, sizeof(g));
	if (ENABLE_EGREP && !strcmp(me, "egrep"))
		ere = 1;
	g.fixed = opt('F') || (ENABLE_EGREP && !strcmp(me, "fgrep"));
	g.invert = opt('v');
	g.icase = opt('i') || opt('y');
	g.word = opt('w');
	g.line = opt('x');
	g.only = opt('o');
	g.list = opt('l');
	g.unlist = opt('L');
	g.count = opt('c') && !g.list && !g.unlist;	/* -l and -L win, as in GNU grep */
	g.quiet = opt('q');
	g.number = opt('n');
	g.nomsg = opt('s');
	g.recurse = opt('R') ? 'R' : opt('r') ? 'r' : 0;
	g.binmode = opt('a') ? 'a' : opt('I') ? 'I' : 0;
	g.label = optstr('\002');
	if (ENABLE_GREP_CONTEXT) {
		g.before = g.after = context_arg('C', 0);
		g.before = context_arg('B', g.before);
		g.after = context_arg('A', g.after);
	}
	if (optstr('m')) {
		if (!grep_num(optstr('m'), &g.maxcount))
			die("invalid max count");
		if (!g.maxcount)
			return 1;	/* -m 0: nothing can be selected */
		if (g.maxcount < 0)
			g.maxcount = 0;	/* -m -1: no limit, as in GNU grep 3.8 */
	}
	if (optstr('\001') && strcmp(optstr('\001'), "never") &&
	    strcmp(optstr('\001'), "auto") && strcmp(optstr('\001'), "always"))
		die("invalid argument '%s' for --color", optstr('\001'));

	for (char **e = optlist('e'); *e; e++)
		add_patterns(*e, strlen(*e));
	for (char **f = optlist('f'); *f; f++) {
		size_t len;
		char *text, *s;
		if (!strcmp(*f, "-")) {
			struct lines *l = lines_open(0);
			while ((s = lines_next(l, &len)))
				add_patterns(s, len);
			lines_close(l);
			continue;
		}
		text = read_file(*f, &len);
		if (!text)
			pdie("%s", *f);
		/* one pattern a line: an empty file adds none, a blank line adds "" */
		if (len) {
			if (text[len - 1] == '\n')
				len--;
			add_patterns(text, len);
		}
		free(text);
	}
	files = argv + 1;
	if (!opt('e') && !opt('f')) {
		if (!*files)
			die("no pattern (see grep --help)");
		add_patterns(*files, strlen(*files));
		files++;
	}
	g.ere = ere;
	if (ere)
		cflags |= REG_EXTENDED;
	if (g.icase)
		cflags |= REG_ICASE;
	compile(cflags);

	if (!*files)
		files = ENABLE_GREP_RECURSIVE && g.recurse ? dot : dash;
	g.names = !opt('h') && (opt('H') || files[1] || (ENABLE_GREP_RECURSIVE && g.recurse));
	if (!ENABLE_GREP_CONTEXT && (opt('A') || opt('B') || opt('C')))
		die("context options are not built in");
	if (!ENABLE_GREP_RECURSIVE && g.recurse)
		die("recursive search is not built in");
	for (; *files; files++)
		grep_path(*files, 1);
	grep_free();
	if (g.error)
		return 2;
	return g.matched ? 0 : 1;
}
