/* xargs - build command lines from standard input */
//menu:Finding
//config:config XARGS
//config:	bool "xargs"
//config:	default y
//config:	help
//config:	  Run a command with arguments read from stdin, in batches.
//config:
//config:config XARGS_INTERACTIVE
//config:	bool "Support -p (ask on /dev/tty before each command)"
//config:	depends on XARGS
//config:	default y
//config:
//config:config XARGS_REPLACE
//config:	bool "Support -I REPL (one command per line, REPL replaced)"
//config:	depends on XARGS
//config:	default y
//applet:xargs XARGS xargs_main "^0(null)d(delimiter):n(max-args)#s(max-chars)#L(max-lines)#" IF_XARGS_REPLACE("I:") "E:r(no-run-if-empty)t(verbose)" IF_XARGS_INTERACTIVE("p(interactive)") "x(exit)P(max-procs)#"
//usage:xargs [-0rtpx] [-d DELIM] [-n N] [-P N] [-s SIZE] [-L N] [-I REPL] [-E EOF] [CMD [ARG]...]
//usage:
//usage:Run CMD (default echo) with ARGs and then arguments read from stdin,
//usage:as many as fit in one command line, as often as needed.
//usage:	-0	items end in NUL, no quoting	-d C	items end in C (\n, \t, \0 work)
//usage:	-n N	at most N items per command	-L N	at most N input lines per command
//usage:	-s N	at most N bytes per command line	-x	exit if a batch does not fit
//usage:	-I R	one command per line, R in ARGs replaced by it
//usage:	-E S	stop at an item equal to S	-r	run nothing on empty input
//usage:	-t	print each command on stderr	-p	ask on /dev/tty before each
//usage:	-P N	run up to N commands at once (0: as many as there are)
//usage:Exit: 123 a command failed, 124 one exited 255, 125 one was killed,
//usage:126 one could not run, 127 one was not found.
#include "pxebox.h"
#include "escape.h"

/* How stdin is cut into items. */
static int delim = -1;		/* -0/-d: the one delimiter, no quoting */
static int replace_mode;	/* -I: whole lines are items */
static const char *eofstr;
static int at_eof;

/* Growable byte buffer for one item. */
struct item {
	char *s;
	size_t len, cap;
};

static void item_add(struct item *it, int c)
{
	if (it->len + 1 >= it->cap)
		it->s = xrealloc(it->s, it->cap = it->cap ? it->cap * 2 : 128);
	it->s[it->len++] = (char)c;
	it->s[it->len] = 0;
}

/* Read the next item into it.  Returns 0 at end of input.  *eol is set when
 * the item ends a logical line (for -L: a line whose last character is a
 * blank continues on the next). */
static int next_item(struct item *it, int *eol)
{
	int c, q = 0, got = 0;

	it->len = 0;
	*eol = 0;
	if (at_eof)
		return 0;
	if (delim >= 0) {
		while ((c = getchar()) != EOF && c != delim)
			item_add(it, c), got = 1;
		if (c == EOF && !got)
			return 0;
		*eol = 1;
		item_add(it, 0);
		it->len--;
		return 1;
	}
	for (;;) {
		c = getchar();
		if (c == EOF) {
			if (q)
				die("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
				    q == '\'' ? "single" : "double");
			if (!got)
				return 0;
			*eol = 1;
			break;
		}
		if (q) {
			if (c == q)
				q = 0;
			else if (c == '\n')
				die("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
				    q == '\'' ? "single" : "double");
			else
				item_add(it, c);
			continue;
		}
		if (c == '\n') {
			if (!got)
				continue;	/* blank lines are not items */
			/* -I keeps trailing blanks, as GNU does */
			*eol = 1;
			break;
		}
		if (c == ' ' || c == '\t') {
			if (replace_mode) {
				if (got)
					item_add(it, c);
				continue;
			}
			if (!got)
				continue;
			/* look ahead: blanks before a newline make the line continue */
			while ((c = getchar()) == ' ' || c == '\t')
				;
			if (c != '\n' && c != EOF)
				ungetc(c, stdin);
			else if (c == EOF)
				*eol = 1;
			break;
		}
		got = 1;
		if (c == '\'' || c == '"')
			q = c;
		else if (c == '\\') {
			c = getchar();
			if (c == EOF)
				break;
			item_add(it, c);
		} else
			item_add(it, c);
	}
	if (!it->s)
		item_add(it, 0), it->len = 0;
	it->s[it->len] = 0;
	if (eofstr && !strcmp(it->s, eofstr)) {
		at_eof = 1;
		return 0;
	}
	return 1;
}

/* Every occurrence of repl in s replaced by with (malloc'd). */
static char *replace(const char *s, const char *repl, const char *with)
{
	size_t rl = strlen(repl), wl = strlen(with), n = 0;
	const char *p;
	char *out, *o;

	for (p = s; (p = strstr(p, repl)); p += rl)
		n++;
	o = out = xmalloc(strlen(s) + n * wl + 1);
	while ((p = strstr(s, repl))) {
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		memcpy(o, with, wl);
		o += wl;
		s = p + rl;
	}
	strcpy(o, s);
	return out;
}

static void show(char **argv, const char *end)
{
	for (char **a = argv; *a; a++)
		fprintf(stderr, "%s%s", *a, a[1] ? " " : "");
	fputs(end, stderr);
	fflush(stderr);
}

/* -p: ask on the terminal, not stdin, which holds our items. */
static int confirm(char **argv)
{
	static FILE *tty;
	char buf[64];

	if (!tty && !(tty = fopen("/dev/tty", "r")))
		pdie("/dev/tty");
	show(argv, "?...");
	if (!fgets(buf, sizeof(buf), tty))
		return 0;
	return buf[0] == 'y' || buf[0] == 'Y';
}

/* Commands running now (-P runs several at once). */
static struct job {
	pid_t pid;
	char *name;	/* argv[0], for messages */
} *jobs;
static long njobs;

/* The status xargs should end with for one command: 0, or 123 (carry on);
 * 124-127 stop (after the message). */
static int status_of(const char *name, int st)
{
	if (WIFSIGNALED(st)) {
		warn("%s: terminated by signal %d", name, WTERMSIG(st));
		return 125;
	}
	if (WEXITSTATUS(st) == 255) {
		warn("%s: exited with status 255; aborting", name);
		return 124;
	}
	return WEXITSTATUS(st) ? 123 : 0;
}

/* Start one command; it joins jobs[].  Returns 0, or 126/127 when it could
 * not be run (already reported). */
static int start(char **argv)
{
	int pfd[2], err = 0, st;
	pid_t pid;

	if (ENABLE_XARGS_INTERACTIVE && opt('p')) {
		if (!confirm(argv))
			return 0;
	} else if (opt('t'))
		show(argv, "\n");
	fflush(stdout);
	/* exec failure is reported through a close-on-exec pipe, so a command
	 * that itself exits 126 or 127 is not mistaken for one we could not run */
	if (pipe2(pfd, O_CLOEXEC) < 0)
		pdie("pipe");
	pid = fork();
	if (pid < 0)
		pdie("fork");
	if (!pid) {
		int fd = open("/dev/null", O_RDONLY);
		close(pfd[0]);
		/* the command must not eat the rest of our input */
		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
		execvp(argv[0], argv);
		err = errno;
		if (write(pfd[1], &err, sizeof(err)) < 0)
			_exit(127);
		_exit(127);
	}
	close(pfd[1]);
	if (readall(pfd[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(pfd[0]);
	if (err) {
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		errno = err;
		pwarn("%s", argv[0]);
		return err == ENOENT ? 127 : 126;
	}
	jobs = xrealloc(jobs, (size_t)(njobs + 1) * sizeof(*jobs));
	jobs[njobs].pid = pid;
	jobs[njobs++].name = xstrdup(argv[0]);
	return 0;
}

/* Wait for one of our commands to end; its status as status_of() says.
 * xargs runs in its own process, so every child is one of jobs[]. */
static int reap(void)
{
	for (;;) {
		int st;
		pid_t pid = waitpid(-1, &st, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			pdie("waitpid");
		}
		for (long i = 0; i < njobs; i++)
			if (jobs[i].pid == pid) {
				int r = status_of(jobs[i].name, st);
				free(jobs[i].name);
				jobs[i] = jobs[--njobs];
				return r;
			}
	}
}

/* Fold one command's status into the final one; 124-127 end xargs once the
 * others have finished (GNU waits for them too). */
static void account(int st, int *ret)
{
	if (st > 123) {
		while (njobs)
			reap();
		xexit(st);
	}
	if (st)
		*ret = st;
}

/* Room for a command line: ARG_MAX less the environment and some headroom,
 * as POSIX asks; capped like GNU so huge ARG_MAX does not mean huge batches. */
static long default_size(void)
{
	extern char **environ;
	long max = sysconf(_SC_ARG_MAX), env = 0;

	if (max <= 0)
		max = 131072;
	for (char **e = environ; *e; e++)
		env += (long)strlen(*e) + 1 + (long)sizeof(char *);
	max -= env + 2048;
	if (max > 131072)
		max = 131072;
	return max < 4096 ? 4096 : max;
}

int xargs_main(int argc, char **argv)
{
	char *echo[] = { "echo", NULL };
	char **cmd = argc > 1 ? argv + 1 : echo;
	int ncmd = argc > 1 ? argc - 1 : 1;
	long maxn = optnum('n', 0), maxl = optnum('L', 0), size = default_size();
	const char *repl = ENABLE_XARGS_REPLACE ? optstr('I') : NULL;
	long base = 0, maxjobs = optnum('P', 1);
	int ret = 0, ran = 0, have = 0, eol = 0, read_err = 0;
	struct item it = { 0 };
	char **args;

	eofstr = optstr('E');
	if (opt('0'))
		delim = 0;
	if (optstr('d')) {
		const char *d = optstr('d');
		char c = *d;
		if (d[0] == '\\' && d[1]) {
			d++;
			escape_decode(&d, &c, ESC_FORMAT);
		} else
			d++;
		if (*d || !optstr('d')[0])
			die("invalid delimiter '%s': must be a single character", optstr('d'));
		delim = (unsigned char)c;
	}
	if (maxjobs < 0)
		die("value for -P must be at least 0");
	if (!maxjobs)
		maxjobs = LONG_MAX;
	if (opt('n') && maxn < 1)
		die("value for -n must be at least 1");
	if (opt('L') && maxl < 1)
		die("value for -L must be at least 1");
	if (repl) {
		if (!*repl)
			die("-I needs a non-empty replacement string");
		replace_mode = delim < 0;
		maxl = 1, maxn = 0;
	}
	if (opt('s')) {
		long s = optnum('s', 0);
		if (s < 1)
			die("value for -s must be at least 1");
		if (s < size)
			size = s;
	}
	for (int i = 0; i < ncmd; i++)
		base += (long)strlen(cmd[i]) + 1;
	if (base > size)
		die("cannot fit single argument within argument list size limit");

	args = xmalloc((size_t)(ncmd + 1) * sizeof(char *));
	for (;;) {
		int n = ncmd, lines = 0, full = 0;
		long used = base;

		memcpy(args, cmd, (size_t)ncmd * sizeof(char *));
		for (;;) {
			long len;
			if (!have && !(have = next_item(&it, &eol))) {
				/* a read error ends the input; what came before still runs */
				if (ferror(stdin) && !read_err) {
					read_err = 1;
					pwarn("stdin");
				}
				break;
			}
			len = (long)it.len + 1;
			if (!repl && used + len > size) {
				if (n == ncmd)
					die("argument line too long");
				full = 1;
				break;
			}
			if (repl) {
				/* -I: the item goes into the initial arguments, not after them */
				for (int i = 1; i < ncmd; i++)
					args[i] = replace(cmd[i], repl, it.s);
				have = 0;
				lines = 1;
				break;
			}
			args = xrealloc(args, (size_t)(n + 2) * sizeof(char *));
			args[n++] = xstrndup(it.s, it.len);
			used += len;
			have = 0;
			if (maxn && n - ncmd >= maxn)
				break;
			if (maxl && eol && ++lines >= maxl)
				break;
		}
		args[n] = NULL;
		if (opt('x') && full && (maxn || maxl))
			die("argument list too long");
		/* empty input still runs the command once, as GNU and busybox do */
		if (n == ncmd && !lines && (ran || opt('r') || repl))
			break;
		account(start(args), &ret);
		ran = 1;
		/* -P N: at most N at once (0: no limit); without -P one at a time */
		while (njobs && njobs >= maxjobs)
			account(reap(), &ret);
		for (int i = ncmd; i < n; i++)
			free(args[i]);
		for (int i = 1; repl && i < ncmd; i++)
			free(args[i]);
	}
	while (njobs)
		account(reap(), &ret);
	if (read_err && !ret)
		ret = 1;	/* as GNU xargs */
	free(it.s);
	free(args);
	free(jobs);
	jobs = NULL;
	return ret;
}
