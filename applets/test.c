/* test, [ - evaluate a conditional expression */
//menu:Shell utilities
//config:config TEST
//config:	bool "test and ["
//config:	default y
//config:	help
//config:	  Evaluate file, string and integer conditions for shell scripts.
//config:	  The shell runs it in-process, so it keeps no state between calls.
//config:
//config:config TEST_FILE_TIMES
//config:	bool "Support -nt -ot -ef"
//config:	depends on TEST
//config:	default y
//config:	help
//config:	  Compare two files' modification times or identity.
//applet:test TEST test_main NULL
//applet:[ TEST bracket_main NULL
//usage:test EXPRESSION  or  [ EXPRESSION ]
//usage:
//usage:Exit 0 if EXPRESSION is true, 1 if false, 2 on error.
//usage:	! EXPR	not		EXPR -a EXPR	and		EXPR -o EXPR	or
//usage:	( EXPR )	grouping	-n S / -z S	non-empty / empty string
//usage:	S1 = S2, S1 == S2, S1 != S2, S1 < S2, S1 > S2	string comparison
//usage:	N1 -eq -ne -lt -le -gt -ge N2	integer comparison
//usage:	-e -f -d -b -c -p -S -h -L	exists / regular / dir / block / char / fifo / socket / symlink
//usage:	-r -w -x -s	readable / writable / executable / size > 0
//usage:	-u -g -k -O -G	setuid / setgid / sticky / owned by my uid / my gid
//usage:	-t FD		FD is a terminal
//usage:	F1 -nt F2, F1 -ot F2, F1 -ef F2	newer / older / same file
#include "pxebox.h"

/* Everything lives in this struct on the caller's stack: the shell runs us
 * in its own process, and die() may longjmp out at any point. */
struct tst {
	char **av;
	int n, pos;
};

NORETURN static void syntax(const char *fmt, const char *arg)
{
	px.exitcode = 2;
	die(fmt, arg);
}

/* Integers: blanks, a sign, digits, blanks - what coreutils and dash take. */
static long long num(const char *s)
{
	const char *p = s;
	char *end;
	long long v;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!isdigit((unsigned char)p[*p == '-' || *p == '+']))
		syntax("%s: integer expected", s);
	errno = 0;
	v = strtoll(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end)
		syntax("%s: integer expected", s);
	if (errno == ERANGE)
		syntax("%s: integer out of range", s);
	return v;
}

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefgGhLknOprsStuwxz", s[1]);
}

/* and_or: -a and -o count as binary operators only in the 3-argument form */
static int is_binary(const char *s, int and_or)
{
	static const char *const ops[] = {
		"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
		"-nt", "-ot", "-ef",
	};
	for (unsigned i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(s, ops[i]))
			return ENABLE_TEST_FILE_TIMES || i < 11;
	return and_or && (!strcmp(s, "-a") || !strcmp(s, "-o"));
}

static int unary(const char *op, const char *arg)
{
	struct stat st;
	int c = op[1];

	switch (c) {
	case 'n': return *arg != 0;
	case 'z': return *arg == 0;
	case 't': return isatty((int)num(arg));
	case 'r': return access(arg, R_OK) == 0;
	case 'w': return access(arg, W_OK) == 0;
	case 'x': return access(arg, X_OK) == 0;
	}
	if (c == 'h' || c == 'L')
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	if (stat(arg, &st))
		return 0;
	switch (c) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'O': return st.st_uid == geteuid();
	case 'G': return st.st_gid == getegid();
	}
	return 0;
}

/* -nt/-ot: a file that exists is newer than one that does not */
static int newer(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa))
		return 0;
	if (stat(b, &sb))
		return 1;
	if (sa.st_mtim.tv_sec != sb.st_mtim.tv_sec)
		return sa.st_mtim.tv_sec > sb.st_mtim.tv_sec;
	return sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec;
}

static int binary(const char *a, const char *op, const char *b)
{
	struct stat sa, sb;
	long long x, y;

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return strcmp(a, b) == 0;
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-a"))
		return *a && *b;
	if (!strcmp(op, "-o"))
		return *a || *b;
	if (!strcmp(op, "-nt"))
		return newer(a, b);
	if (!strcmp(op, "-ot"))
		return newer(b, a);
	if (!strcmp(op, "-ef"))
		return !stat(a, &sa) && !stat(b, &sb) &&
			sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	x = num(a);
	y = num(b);
	switch (op[1] * 256 + op[2]) {
	case 'e' * 256 + 'q': return x == y;
	case 'n' * 256 + 'e': return x != y;
	case 'l' * 256 + 't': return x < y;
	case 'l' * 256 + 'e': return x <= y;
	case 'g' * 256 + 't': return x > y;
	}
	return x >= y;	/* -ge */
}

/* ---- the general grammar, for more than four arguments -------------------
 *   or  := and { -o and }     and := not { -a not }
 *   not := ! not | primary    primary := ( or ) | UOP arg | arg BOP arg | arg */

static int p_or(struct tst *t);

static const char *next(struct tst *t, const char *after)
{
	if (t->pos >= t->n)
		syntax("missing argument after '%s'", after);
	return t->av[t->pos++];
}

static int p_primary(struct tst *t)
{
	const char *a = next(t, t->pos ? t->av[t->pos - 1] : "test");
	int left = t->n - t->pos;

	/* a binary operator ahead wins: "test ( = (" compares strings */
	if (left >= 2 && is_binary(t->av[t->pos], 0)) {
		const char *op = t->av[t->pos++];
		return binary(a, op, next(t, op));
	}
	if (!strcmp(a, "(") && left) {
		int r = p_or(t);
		if (t->pos >= t->n || strcmp(t->av[t->pos], ")"))
			syntax("%s", "missing ')'");
		t->pos++;
		return r;
	}
	if (is_unary(a) && left)
		return unary(a, t->av[t->pos++]);
	return *a != 0;
}

static int p_not(struct tst *t)
{
	/* a lone trailing "!" is just a non-empty string */
	if (t->pos + 1 < t->n && !strcmp(t->av[t->pos], "!")) {
		t->pos++;
		return !p_not(t);
	}
	return p_primary(t);
}

static int p_and(struct tst *t)
{
	int r = p_not(t);
	while (t->pos < t->n && !strcmp(t->av[t->pos], "-a")) {
		t->pos++;
		r = p_not(t) & r;	/* parse both sides: syntax errors count */
	}
	return r;
}

static int p_or(struct tst *t)
{
	int r = p_and(t);
	while (t->pos < t->n && !strcmp(t->av[t->pos], "-o")) {
		t->pos++;
		r = p_and(t) | r;
	}
	return r;
}

/* POSIX fixes the meaning of up to four arguments by their count, so that
 * "test ! = x" or "test ( = )" mean what they say; more use the grammar. */
static int eval(char **av, int n)
{
	struct tst t = { av, n, 0 };
	int r;

	switch (n) {
	case 0:
		return 0;
	case 1:
		return *av[0] != 0;
	case 2:
		if (!strcmp(av[0], "!"))
			return !eval(av + 1, 1);
		if (is_unary(av[0]))
			return unary(av[0], av[1]);
		if (!strcmp(av[0], "("))
			syntax("%s", "missing ')'");
		syntax("%s: unary operator expected", av[0]);
	case 3:
		if (is_binary(av[1], 1))
			return binary(av[0], av[1], av[2]);
		if (!strcmp(av[0], "!"))
			return !eval(av + 1, 2);
		if (!strcmp(av[0], "(") && !strcmp(av[2], ")"))
			return eval(av + 1, 1);
		syntax("%s: binary operator expected", av[1]);
	case 4:
		if (!strcmp(av[0], "!"))
			return !eval(av + 1, 3);
		if (!strcmp(av[0], "(") && !strcmp(av[3], ")"))
			return eval(av + 1, 2);
	}
	r = p_or(&t);
	if (t.pos < t.n)
		syntax("extra argument '%s'", av[t.pos]);
	return r;
}

int test_main(int argc, char **argv)
{
	return !eval(argv + 1, argc - 1);
}

int bracket_main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[argc - 1], "]"))
		syntax("%s", "missing ']'");
	return !eval(argv + 1, argc - 2);
}
