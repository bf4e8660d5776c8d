/* find - search directory trees */
//menu:Files
//config:config FIND
//config:	bool "find"
//config:	default y
//config:	help
//config:	  Walk directory trees and test or act on each name: the tests
//config:	  -name -iname -path -ipath -type -perm -size -user -group
//config:	  -mtime -mmin -newer -links -empty, -prune, -print, -print0,
//config:	  operators ! -a -o ( ), -maxdepth -mindepth -depth -xdev, -L -H.
//config:
//config:config FIND_EXEC
//config:	bool "Run commands (-exec, -execdir, -ok)"
//config:	depends on FIND
//config:	default y
//config:	help
//config:	  -exec CMD {} ;  -exec CMD {} +  (batched within ARG_MAX),
//config:	  -execdir, -ok.
//config:
//config:config FIND_REGEX
//config:	bool "Regular expressions (-regex -iregex)"
//config:	depends on FIND
//config:	default y
//config:	help
//config:	  Match the whole path against a POSIX basic regular expression.
//applet:find FIND find_main NULL
//usage:find [-HL] [PATH]... [EXPRESSION]
//usage:
//usage:Walk each PATH (default .) and evaluate EXPRESSION for every name; with
//usage:no action in it, names that match are printed.
//usage:	-L	follow symlinks	-H	follow symlinks given as PATH
//usage:Options (always true): -maxdepth N -mindepth N -depth -xdev (-mount)
//usage:Tests (N: +N more than N, -N less, N exactly):
//usage:	-name PAT -iname PAT	last component matches the glob PAT
//usage:	-path PAT -ipath PAT	whole name matches PAT ('/' too)
//usage:	-regex RE -iregex RE	whole name matches the basic RE
//usage:	-type [bcdflps]	file type (a comma list is allowed)
//usage:	-perm [-/]MODE	exactly MODE, all of (-) or any of (/) its bits
//usage:	-size N[ckMGwb]	size in units (default 512-byte blocks, rounded up)
//usage:	-mtime N -mmin N	modified N days / minutes ago (also -atime -ctime -amin -cmin)
//usage:	-newer FILE	modified after FILE	-links N	N hard links
//usage:	-user NAME -group NAME	owner (names or numbers)
//usage:	-nouser -nogroup	owner or group has no name
//usage:	-empty	empty file or directory	-inum N	inode number
//usage:	-true -false
//usage:Actions: -print -print0 -prune -quit
//usage:	-exec CMD ARG... ;	run CMD, {} in ARG replaced by the name
//usage:	-exec CMD ARG... {} +	run CMD with as many names as fit
//usage:	-execdir CMD... ; | +	the same, in the file's directory with ./NAME
//usage:	-ok CMD ... ;	ask first (on stderr, answer from stdin)
//usage:Operators: ( EXPR ) ! EXPR EXPR [-a] EXPR EXPR -o EXPR
#include "pxebox.h"
#include "fs.h"
#include <fnmatch.h>
#include <regex.h>
#include <sys/syscall.h>

/* Directories deeper than this are reached by path instead of keeping one
 * more fd open, so a deep tree cannot exhaust the descriptor table. */
#define FD_DEPTH 48

enum {
	N_AND, N_OR, N_NOT, N_TRUE, N_FALSE, N_NAME, N_PATH, N_REGEX, N_TYPE, N_PERM, N_SIZE,
	N_TIME, N_NEWER, N_USER, N_GROUP, N_NOUSER, N_NOGROUP, N_LINKS, N_EMPTY, N_INUM, N_PRINT, N_PRINT0, N_PRUNE,
	N_QUIT, N_EXEC
};

struct node {
	int kind;
	struct node *l, *r;
	const char *s;		/* pattern */
	int flags;		/* fnmatch flags; exec: dir, ok, plus */
	char cmp;		/* '+', '-' or '=' */
	long long num;		/* what to compare with */
	unsigned long long unit;
	int which;		/* -mtime etc.: 'm' 'a' 'c'; divisor in seconds in unit */
	mode_t mode;
	const char *types;	/* -type letters */
	struct timespec ts;	/* -newer */
	regex_t re;
	/* -exec */
	char **argv;
	int argc;
	char **batch;		/* + : names collected */
	size_t nbatch, batchbytes;
	char *batchdir;		/* -execdir +: the directory the batch is for */
};

/* The file being looked at.  Its name lives in the one path buffer, which
 * grows as the walk goes deeper, so positions are kept, not pointers. */
struct cur {
	size_t len;		/* path is gpath[0..len) */
	size_t nameoff;		/* last component starts here */
	size_t dirlen;		/* its directory is gpath[0..dirlen), for -execdir */
	const char *rootname;	/* a start path: the name -name sees */
	const char *rootdir;	/* and its directory */
	int dirfd;		/* directory holding it (AT_FDCWD: use the path) */
	int follow, have_st, prune;
	unsigned char dtype;
	struct stat st;
};

static char *gpath;
static size_t gcap;

static const char *c_name(const struct cur *c)
{
	return c->rootname ? c->rootname : gpath + c->nameoff;
}

/* what to hand to the *at() calls */
static const char *c_at(const struct cur *c)
{
	return c->dirfd == AT_FDCWD ? gpath : gpath + c->nameoff;
}

static struct node *root;
static int mindepth, maxdepth = INT_MAX, depth_first, xdev, follow_all, follow_args, quit;
static time_t now;
static long arg_max;
static char **tok;	/* expression tokens */
static struct node **execs;
static size_t nexecs;

/* ---- file information -------------------------------------------------- */

static struct stat *get_st(struct cur *c)
{
	if (!c->have_st) {
		if (fstatat(c->dirfd, c_at(c), &c->st, c->follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0 &&
		    (!c->follow || fstatat(c->dirfd, c_at(c), &c->st, AT_SYMLINK_NOFOLLOW) < 0)) {
			pwarn("%s", gpath);
			memset(&c->st, 0, sizeof(c->st));
		}
		c->have_st = 1;
	}
	return &c->st;
}

static char type_of(struct cur *c)
{
	mode_t m;
	if (!c->have_st) {
		switch (c->dtype) {
		case DT_REG: return 'f';
		case DT_DIR: return 'd';
		case DT_LNK: if (!c->follow) return 'l'; break;
		case DT_CHR: return 'c';
		case DT_BLK: return 'b';
		case DT_FIFO: return 'p';
		case DT_SOCK: return 's';
		}
	}
	m = get_st(c)->st_mode;
	return S_ISREG(m) ? 'f' : S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' :
		S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '?';
}

static int cmpnum(const struct node *n, long long v)
{
	return n->cmp == '+' ? v > n->num : n->cmp == '-' ? v < n->num : v == n->num;
}

/* ---- running commands ------------------------------------------------ */

static int run(char **argv, const char *dir, int dirfd, int ok_stdin)
{
	pid_t pid;
	int st;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		pwarn("fork");
		return -1;
	}
	if (!pid) {
		if (dir && (dirfd >= 0 ? fchdir(dirfd) : chdir(dir)) < 0) {
			pwarn("%s", dir);
			_exit(1);
		}
		if (ok_stdin) {
			int fd = open("/dev/null", O_RDONLY);
			if (fd > 0) {
				dup2(fd, 0);
				close(fd);
			}
		}
		execvp(argv[0], argv);
		pwarn("%s", argv[0]);
		_exit(errno == ENOENT ? 127 : 126);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* "{}" anywhere in an argument becomes the name, as GNU find does */
static char *subst(const char *arg, const char *name)
{
	const char *p = strstr(arg, "{}");
	size_t nl = strlen(name), n = 0;
	char *out, *w;
	if (!p)
		return (char *)arg;
	for (const char *q = p; q; q = strstr(q + 2, "{}"))
		n++;
	out = w = xmalloc(strlen(arg) + n * nl + 1);
	while (p) {
		memcpy(w, arg, (size_t)(p - arg));
		w += p - arg;
		memcpy(w, name, nl);
		w += nl;
		arg = p + 2;
		p = strstr(arg, "{}");
	}
	strcpy(w, arg);
	return out;
}

static void flush_batch(struct node *n)
{
	char **av;
	if (!n->nbatch)
		return;
	av = xmalloc(((size_t)n->argc + n->nbatch + 1) * sizeof(*av));
	memcpy(av, n->argv, (size_t)n->argc * sizeof(*av));
	memcpy(av + n->argc, n->batch, n->nbatch * sizeof(*av));
	av[n->argc + n->nbatch] = NULL;
	if (run(av, n->batchdir, -1, 0))
		px.exitcode = 1;	/* + always evaluates true; the status tells */
	for (size_t i = 0; i < n->nbatch; i++)
		free(n->batch[i]);
	free(av);
	free(n->batchdir);
	n->batchdir = NULL;
	n->nbatch = 0;
	n->batchbytes = 0;
}

static int do_exec(struct node *n, struct cur *c)
{
	int dir = n->flags & 1, ok = n->flags & 2, plus = n->flags & 4;
	/* -execdir names the file ./NAME in its own directory */
	char *name = dir ? xasprintf("./%s", c_name(c)) : gpath;
	char *dirpath = NULL;
	int rc;

	if (dir)
		dirpath = c->rootdir ? xstrdup(c->rootdir) : c->dirlen ? xstrndup(gpath, c->dirlen) : xstrdup("/");
	if (plus) {
		size_t cost = strlen(name) + 1 + sizeof(char *);
		if (n->nbatch && (n->batchbytes + cost > (size_t)arg_max ||
				  (dir && strcmp(n->batchdir, dirpath))))
			flush_batch(n);
		if (!(n->nbatch & (n->nbatch + 1)) || !n->nbatch)
			n->batch = xrealloc(n->batch, (n->nbatch * 2 + 2) * sizeof(char *));
		n->batch[n->nbatch++] = dir ? name : xstrdup(name);
		n->batchbytes += cost;
		if (dir && !n->batchdir)
			n->batchdir = xstrdup(dirpath);
		free(dirpath);
		return 1;
	} else {
		char **av = xmalloc(((size_t)n->argc + 1) * sizeof(*av));
		for (int i = 0; i < n->argc; i++)
			av[i] = subst(n->argv[i], name);
		av[n->argc] = NULL;
		rc = 1;
		if (ok) {
			/* the question names the command as it would run */
			size_t len = 0;
			char *q;
			for (int i = 0; i < n->argc; i++)
				len += strlen(av[i]) + 1;
			q = xmalloc(len + 1);
			*q = 0;
			for (int i = 0; i < n->argc; i++) {
				strcat(q, av[i]);
				if (i + 1 < n->argc)
					strcat(q, " ");
			}
			fflush(stdout);
			rc = ask_yes("< %s >", q);
			free(q);
		}
		if (rc)
			rc = run(av, dirpath, dir && c->dirfd != AT_FDCWD ? c->dirfd : -1, ok) == 0;
		for (int i = 0; i < n->argc; i++)
			if (av[i] != n->argv[i])
				free(av[i]);
		free(av);
	}
	if (dir)
		free(name);
	free(dirpath);
	return rc;
}

/* ---- evaluation ------------------------------------------------------- */

static int is_empty(struct cur *c)
{
	char t = type_of(c);
	if (t == 'f')
		return get_st(c)->st_size == 0;
	if (t == 'd') {
		int fd = openat(c->dirfd, c_at(c), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		DIR *d;
		struct dirent *de;
		int empty = 1;
		if (fd < 0 || !(d = fdopendir(fd))) {
			if (fd >= 0)
				close(fd);
			pwarn("%s", gpath);
			return 0;
		}
		while ((de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				empty = 0;
				break;
			}
		closedir(d);
		return empty;
	}
	return 0;
}

static int eval(struct node *n, struct cur *c)
{
	struct stat *st;
	switch (n->kind) {
	case N_AND: return eval(n->l, c) && eval(n->r, c);
	case N_OR: return eval(n->l, c) || eval(n->r, c);
	case N_NOT: return !eval(n->l, c);
	case N_TRUE: return 1;
	case N_FALSE: return 0;
	case N_NAME: return !fnmatch(n->s, c_name(c), n->flags);
	case N_PATH: return !fnmatch(n->s, gpath, n->flags);
	case N_REGEX: {
		regmatch_t m;
		return !regexec(&n->re, gpath, 1, &m, 0) && m.rm_so == 0 && gpath[m.rm_eo] == 0;
	}
	case N_TYPE: return strchr(n->types, type_of(c)) != NULL;
	case N_PERM: {
		mode_t m = get_st(c)->st_mode & 07777;
		if (n->cmp == '-')
			return (m & n->mode) == n->mode;
		if (n->cmp == '/')
			return !n->mode || (m & n->mode);
		return m == n->mode;
	}
	case N_SIZE: {
		unsigned long long sz = (unsigned long long)get_st(c)->st_size;
		return cmpnum(n, (long long)((sz + n->unit - 1) / n->unit));
	}
	case N_TIME: {
		time_t t;
		st = get_st(c);
		t = n->which == 'a' ? st->st_atime : n->which == 'c' ? st->st_ctime : st->st_mtime;
		/* floor division, so a file from the future is in period -1 */
		long long age = (long long)(now - t), per = (long long)n->unit;
		return cmpnum(n, age >= 0 ? age / per : -((-age + per - 1) / per));
	}
	case N_NEWER:
		st = get_st(c);
		return st->st_mtim.tv_sec > n->ts.tv_sec ||
			(st->st_mtim.tv_sec == n->ts.tv_sec && st->st_mtim.tv_nsec > n->ts.tv_nsec);
	case N_USER: return get_st(c)->st_uid == (uid_t)n->num;
	case N_GROUP: return get_st(c)->st_gid == (gid_t)n->num;
	case N_NOUSER: return !uid_name(get_st(c)->st_uid);
	case N_NOGROUP: return !gid_name(get_st(c)->st_gid);
	case N_LINKS: return cmpnum(n, (long long)get_st(c)->st_nlink);
	case N_INUM: return cmpnum(n, (long long)get_st(c)->st_ino);
	case N_EMPTY: return is_empty(c);
	case N_PRINT:
		fwrite(gpath, 1, c->len, stdout);
		putchar('\n');
		return 1;
	case N_PRINT0:
		fwrite(gpath, 1, c->len, stdout);
		putchar(0);
		return 1;
	case N_PRUNE:
		c->prune = 1;
		return 1;
	case N_QUIT:
		quit = 1;
		return 1;
	case N_EXEC: return do_exec(n, c);
	}
	return 0;
}

/* ---- parsing ------------------------------------------------------------- */

static struct node *mk(int kind, struct node *l, struct node *r)
{
	struct node *n = xzalloc(sizeof(*n));
	n->kind = kind;
	n->l = l;
	n->r = r;
	return n;
}

static int has_action;
static struct node *parse_or(void);

static const char *arg(const char *what)
{
	if (!*tok)
		die("missing argument to '%s'", what);
	return *tok++;
}

/* "+N", "-N" or "N" */
static void num_arg(struct node *n, const char *what, const char *s, const char *suffixes)
{
	char *end;
	n->cmp = *s == '+' || *s == '-' ? *s++ : '=';
	errno = 0;
	n->num = strtoll(s, &end, 10);
	if (end == s || !isdigit((unsigned char)*s) || errno ||
	    (*end && (!suffixes || !strchr(suffixes, *end) || end[1])))
		die("invalid argument '%s' to '%s'", s, what);
	n->unit = 1;
	if (suffixes) {
		switch (*end) {
		case 'c': n->unit = 1; break;
		case 'w': n->unit = 2; break;
		case 'k': n->unit = 1024; break;
		case 'M': n->unit = 1024 * 1024; break;
		case 'G': n->unit = 1024ULL * 1024 * 1024; break;
		default: n->unit = 512; break;
		}
	}
}

static struct node *parse_primary(void)
{
	const char *t = *tok++;
	struct node *n;

	if (!strcmp(t, "(")) {
		n = parse_or();
		if (!*tok || strcmp(*tok, ")"))
			die("missing ')'");
		tok++;
		return n;
	}
	n = mk(N_TRUE, NULL, NULL);
	/* options: true wherever they stand */
	if (!strcmp(t, "-maxdepth") || !strcmp(t, "-mindepth")) {
		const char *s = arg(t);
		char *end;
		long v = strtol(s, &end, 10);
		if (*end || end == s || v < 0)
			die("invalid argument '%s' to '%s'", s, t);
		*(t[2] == 'a' ? &maxdepth : &mindepth) = (int)(v > INT_MAX ? INT_MAX : v);
	} else if (!strcmp(t, "-depth") || !strcmp(t, "-d")) {
		depth_first = 1;
	} else if (!strcmp(t, "-xdev") || !strcmp(t, "-mount")) {
		xdev = 1;
	} else if (!strcmp(t, "-follow")) {
		follow_all = 1;
	} else if (!strcmp(t, "-true")) {
	} else if (!strcmp(t, "-false")) {
		n->kind = N_FALSE;
	} else if (!strcmp(t, "-name") || !strcmp(t, "-iname")) {
		n->kind = N_NAME;
		n->s = arg(t);
		n->flags = t[1] == 'i' ? FNM_CASEFOLD : 0;
	} else if (!strcmp(t, "-path") || !strcmp(t, "-ipath") || !strcmp(t, "-wholename") ||
		   !strcmp(t, "-iwholename")) {
		n->kind = N_PATH;
		n->s = arg(t);
		n->flags = t[1] == 'i' ? FNM_CASEFOLD : 0;
	} else if (ENABLE_FIND_REGEX && (!strcmp(t, "-regex") || !strcmp(t, "-iregex"))) {
		int e;
		n->kind = N_REGEX;
		n->s = arg(t);
		e = regcomp(&n->re, n->s, t[1] == 'i' ? REG_ICASE : 0);
		if (e) {
			char buf[128];
			regerror(e, &n->re, buf, sizeof(buf));
			die("bad regex '%s': %s", n->s, buf);
		}
	} else if (!strcmp(t, "-type")) {
		const char *s = arg(t);
		char *types = xzalloc(strlen(s) + 1), *w = types;
		for (const char *p = s; *p; p++) {
			if (strchr("bcdflps", *p) && (p[1] == ',' || !p[1]))
				*w++ = *p;
			else if (*p != ',' || p == s || !p[1])
				die("unknown argument to -type: %s", s);
		}
		if (!*types)
			die("unknown argument to -type: %s", s);
		n->kind = N_TYPE;
		n->types = types;
	} else if (!strcmp(t, "-perm")) {
		const char *s = arg(t);
		n->kind = N_PERM;
		n->cmp = *s == '-' || *s == '/' || *s == '+' ? (*s == '+' ? '/' : *s++) : '=';
		if (parse_mode(s, &n->mode, 0) < 0)
			die("invalid mode '%s'", s);
	} else if (!strcmp(t, "-size")) {
		n->kind = N_SIZE;
		num_arg(n, t, arg(t), "cwbkMG");
	} else if (!strcmp(t, "-mtime") || !strcmp(t, "-atime") || !strcmp(t, "-ctime") ||
		   !strcmp(t, "-mmin") || !strcmp(t, "-amin") || !strcmp(t, "-cmin")) {
		n->kind = N_TIME;
		num_arg(n, t, arg(t), NULL);
		n->which = t[1];
		n->unit = t[3] == 'i' ? 60 : 86400;
	} else if (!strcmp(t, "-newer")) {
		const char *s = arg(t);
		struct stat st;
		if ((follow_all || follow_args ? stat(s, &st) : lstat(s, &st)) < 0)
			pdie("%s", s);
		n->kind = N_NEWER;
		n->ts = st.st_mtim;
	} else if (!strcmp(t, "-user") || !strcmp(t, "-group")) {
		const char *s = arg(t);
		uid_t u;
		gid_t g;
		if (t[1] == 'u' ? parse_uid(s, &u) < 0 : parse_gid(s, &g) < 0)
			die(t[1] == 'u' ? "'%s' is not the name of a known user" :
			    "'%s' is not the name of an existing group", s);
		n->kind = t[1] == 'u' ? N_USER : N_GROUP;
		n->num = t[1] == 'u' ? u : g;
	} else if (!strcmp(t, "-nouser") || !strcmp(t, "-nogroup")) {
		n->kind = t[3] == 'u' ? N_NOUSER : N_NOGROUP;
	} else if (!strcmp(t, "-links") || !strcmp(t, "-inum")) {
		n->kind = t[1] == 'l' ? N_LINKS : N_INUM;
		num_arg(n, t, arg(t), NULL);
	} else if (!strcmp(t, "-empty")) {
		n->kind = N_EMPTY;
	} else if (!strcmp(t, "-print") || !strcmp(t, "-print0")) {
		n->kind = t[6] ? N_PRINT0 : N_PRINT;
		has_action = 1;
	} else if (!strcmp(t, "-prune")) {
		n->kind = N_PRUNE;
	} else if (!strcmp(t, "-quit")) {
		n->kind = N_QUIT;
		has_action = 1;	/* as in GNU find: no implicit -print */
	} else if (ENABLE_FIND_EXEC && (!strcmp(t, "-exec") || !strcmp(t, "-execdir") ||
					!strcmp(t, "-ok") || !strcmp(t, "-okdir"))) {
		char **start = tok;
		n->kind = N_EXEC;
		n->flags = (strstr(t, "dir") ? 1 : 0) | (t[1] == 'o' ? 2 : 0);
		while (*tok && strcmp(*tok, ";") &&
		       !(!strcmp(*tok, "+") && tok > start && !strcmp(tok[-1], "{}") && !(n->flags & 2)))
			tok++;
		if (!*tok || tok == start || (!strcmp(*tok, "+") && tok - 1 == start))
			die("missing argument to '%s'", t);
		if (!strcmp(*tok, "+")) {
			n->flags |= 4;
			n->argc = (int)(tok - start) - 1;	/* the {} goes */
		} else
			n->argc = (int)(tok - start);
		n->argv = start;
		tok++;
		has_action = 1;
		execs = xrealloc(execs, (nexecs + 1) * sizeof(*execs));
		execs[nexecs++] = n;
	} else {
		die(*t == '-' ? "unknown predicate '%s'" : "paths must precede expression: '%s'", t);
	}
	return n;
}

static struct node *parse_not(void)
{
	if (*tok && (!strcmp(*tok, "!") || !strcmp(*tok, "-not"))) {
		tok++;
		if (!*tok)
			die("expected an expression after '!'");
		return mk(N_NOT, parse_not(), NULL);
	}
	if (!*tok)
		die("expected an expression");
	return parse_primary();
}

static int ends_and(const char *t)
{
	return !t || !strcmp(t, "-o") || !strcmp(t, "-or") || !strcmp(t, ")") || !strcmp(t, ",");
}

static struct node *parse_and(void)
{
	struct node *n = parse_not();
	while (!ends_and(*tok)) {
		if (!strcmp(*tok, "-a") || !strcmp(*tok, "-and")) {
			tok++;
			if (ends_and(*tok))
				die("expected an expression after '-a'");
		}
		n = mk(N_AND, n, parse_not());
	}
	return n;
}

static struct node *parse_or(void)
{
	struct node *n = parse_and();
	while (*tok && (!strcmp(*tok, "-o") || !strcmp(*tok, "-or"))) {
		tok++;
		if (!*tok || !strcmp(*tok, ")"))
			die("expected an expression after '-o'");
		n = mk(N_OR, n, parse_and());
	}
	return n;
}

/* ---- walking ----------------------------------------------------------- */

struct anc {
	dev_t dev;
	ino_t ino;
};
static struct anc *ancs;
static size_t nancs, capancs;
static dev_t root_dev;

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* All entries of the directory in one buffer of dirent records. */
static char *read_dir(int fd, size_t *lenp)
{
	size_t cap = 32768, len = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		long n;
		if (cap - len < 16384)
			buf = xrealloc(buf, cap *= 2);
		n = syscall(SYS_getdents64, fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return NULL;
		}
		if (!n)
			break;
		len += (size_t)n;
	}
	*lenp = len;
	return buf;
}

static void visit(struct cur *c, int depth);

static void descend(struct cur *c, int depth)
{
	int fd;
	char *buf;
	size_t len, off, base = c->len;
	struct stat *st = get_st(c);

	if (xdev && st->st_dev != root_dev)
		return;
	if (c->follow) {
		for (size_t i = 0; i < nancs; i++)
			if (ancs[i].dev == st->st_dev && ancs[i].ino == st->st_ino) {
				warn("%s: file system loop detected", gpath);
				return;
			}
	}
	fd = openat(c->dirfd, c_at(c), O_RDONLY | O_DIRECTORY | O_CLOEXEC | (c->follow ? 0 : O_NOFOLLOW));
	if (fd < 0 || !(buf = read_dir(fd, &len))) {
		pwarn("%s", gpath);
		if (fd >= 0)
			close(fd);
		return;
	}
	if (depth + 1 >= FD_DEPTH) {
		close(fd);
		fd = -1;
	}
	if (nancs == capancs)
		ancs = xrealloc(ancs, (capancs = capancs * 2 + 16) * sizeof(*ancs));
	ancs[nancs++] = (struct anc){ st->st_dev, st->st_ino };
	if (base && gpath[base - 1] != '/')
		gpath[base++] = '/';
	for (off = 0; off < len && !quit;) {
		struct linux_dirent64 *de = (struct linux_dirent64 *)(buf + off);
		size_t nl = strlen(de->d_name);
		struct cur k;
		off += de->d_reclen;
		if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		if (base + nl + 2 > gcap)
			gpath = xrealloc(gpath, gcap = (base + nl + 2) * 2);
		memcpy(gpath + base, de->d_name, nl + 1);
		memset(&k, 0, sizeof(k));
		k.len = base + nl;
		k.nameoff = base;
		k.dirlen = c->len;
		k.dirfd = fd >= 0 ? fd : AT_FDCWD;
		k.follow = follow_all;
		k.dtype = de->d_type;
		visit(&k, depth + 1);
	}
	gpath[c->len] = 0;
	nancs--;
	free(buf);
	if (fd >= 0)
		close(fd);
}

static void visit(struct cur *c, int depth)
{
	int isdir = type_of(c) == 'd';
	if (quit)
		return;
	if ((!isdir || !depth_first) && depth >= mindepth)
		eval(root, c);
	if (isdir && !c->prune && depth < maxdepth && !quit)
		descend(c, depth);
	if (isdir && depth_first && depth >= mindepth && !quit)
		eval(root, c);
}

static void walk_root(const char *start)
{
	struct cur c;
	size_t len = strlen(start), n;
	char *b = xstrdup(start), *dir;

	if (len + 256 > gcap)
		gpath = xrealloc(gpath, gcap = len + 256);
	memcpy(gpath, start, len + 1);
	memset(&c, 0, sizeof(c));
	c.len = len;
	c.dirfd = AT_FDCWD;
	c.follow = follow_all || follow_args;
	c.dtype = DT_UNKNOWN;
	/* -name sees the last component less trailing slashes; -execdir runs
	 * in the directory above */
	n = len;
	while (n > 1 && b[n - 1] == '/')
		b[--n] = 0;
	c.rootname = base_name(b);
	if (n > 1 && strrchr(b, '/'))
		dir = strrchr(b, '/') == b ? xstrdup("/") : xstrndup(b, (size_t)(strrchr(b, '/') - b));
	else
		dir = xstrdup(".");
	c.rootdir = dir;
	if (fstatat(AT_FDCWD, start, &c.st, c.follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0 &&
	    (!c.follow || lstat(start, &c.st) < 0)) {
		pwarn("%s", start);
	} else {
		c.have_st = 1;
		root_dev = c.st.st_dev;
		visit(&c, 0);
	}
	free(dir);
	free(b);
}

int find_main(int argc, char **argv)
{
	int i = 1, nstart;
	char **starts;

	if (argc == 2 && !strcmp(argv[1], "--help")) {
		show_help(applet_find("find"), stdout);
		return 0;
	}
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !argv[i][2] &&
	       (argv[i][1] == 'L' || argv[i][1] == 'H' || argv[i][1] == 'P'); i++) {
		follow_all = argv[i][1] == 'L';
		follow_args = argv[i][1] == 'H';
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	starts = argv + i;
	for (nstart = 0; i < argc; i++, nstart++) {
		const char *a = argv[i];
		if ((a[0] == '-' && a[1]) || !strcmp(a, "(") || !strcmp(a, "!"))
			break;
	}
	tok = argv + i;
	root = *tok ? parse_or() : mk(N_TRUE, NULL, NULL);
	if (*tok)
		die(!strcmp(*tok, ")") ? "unexpected ')'" : "unexpected '%s'", *tok);
	if (!has_action) {
		struct node *p = mk(N_PRINT, NULL, NULL);
		root = mk(N_AND, root, p);
	}
	now = time(NULL);
	/* room for the command's own arguments and the environment, as GNU find */
	arg_max = sysconf(_SC_ARG_MAX);
	if (arg_max <= 0 || arg_max > 4 * 1024 * 1024)
		arg_max = arg_max <= 0 ? 131072 : 4 * 1024 * 1024;
	{
		extern char **environ;
		for (char **e = environ; *e; e++)
			arg_max -= (long)(strlen(*e) + 1 + sizeof(char *));
		for (size_t k = 0; k < nexecs; k++)
			for (int j = 0; j < execs[k]->argc; j++)
				arg_max -= (long)(strlen(execs[k]->argv[j]) + 1 + sizeof(char *));
		arg_max -= 4096;
		if (arg_max < 4096)
			arg_max = 4096;
	}
	if (!nstart)
		walk_root(".");
	for (int k = 0; k < nstart && !quit; k++)
		walk_root(starts[k]);
	for (size_t k = 0; k < nexecs; k++)
		flush_batch(execs[k]);
	return px.exitcode;
}
