/* tail - print the last lines or bytes of files */
//menu:Text
//config:config TAIL
//config:	bool "tail"
//config:	default y
//config:	help
//config:	  Print the last 10 lines of each file.
//config:
//config:config TAIL_FOLLOW
//config:	bool "Support -f (follow)"
//config:	depends on TAIL
//config:	default y
//applet:tail TAIL tail_main NULL
//usage:tail [-n [+]N] [-c [+]N] [-qv] [-fF] [-s SEC] [FILE]...
//usage:
//usage:Print the last 10 lines of each FILE ("-" or none: stdin).
//usage:	-n N	(--lines) last N lines; +N: from line N on
//usage:	-c N	(--bytes) last N bytes; +N: from byte N on
//usage:		N may end in b, k or m (x512, x1024, x1048576)
//usage:	-q	(--quiet) never print headers
//usage:	-v	(--verbose) always print headers
//usage:	-f	(--follow) keep printing what is appended; -F: the same
//usage:	-s SEC	(--sleep-interval) poll interval for -f (default 1)
//usage:The old forms -N[bcl][f] and +N[bcl][f] are read as the first argument,
//usage:before one FILE at most.
#include "pxebox.h"

/* Both copy loops return 0, or -1 with errno when a read failed. */
static int skip_then_copy(int fd, long long n, int bytes)
{
	char buf[65536];
	ssize_t r;
	/* "+N" counts from 1: skip N-1 units */
	long long skip = n ? n - 1 : 0;
	fflush(stdout);
	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		ssize_t i = 0;
		if (bytes) {
			i = skip > r ? r : (ssize_t)skip;
			skip -= i;
		} else
			for (; i < r && skip; i++)
				if (buf[i] == '\n')
					skip--;
		if (i < r)
			xwrite(1, buf + i, (size_t)(r - i));
	}
	return r < 0 ? -1 : 0;
}

/* the last n lines/bytes: seek back on files, buffer the tail of pipes */
static int last(int fd, long long n, int bytes)
{
	struct stat st;
	size_t have = 0, cap = 0;
	char *buf = NULL;
	ssize_t r;

	/* only what lies after the offset counts: "tail - -" or "{ head; tail; } <f" */
	off_t from = lseek(fd, 0, SEEK_CUR);
	if (from < 0)
		from = 0;
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > from) {
		off_t pos = st.st_size;
		if (bytes) {
			lseek(fd, pos - from > n ? pos - (off_t)n : from, SEEK_SET);
			return skip_then_copy(fd, 0, 1);
		}
		/* read backwards in blocks until n newlines (not the final one) */
		long long nl = 0;
		if (!n)
			return 0;
		char blk[8192];
		while (pos > from) {
			off_t at = pos - from > (off_t)sizeof(blk) ? pos - (off_t)sizeof(blk) : from;
			ssize_t len = pread(fd, blk, (size_t)(pos - at), at);
			if (len < 0)
				return -1;
			if (!len)
				break;
			for (ssize_t i = len - 1; i >= 0; i--) {
				/* a final newline ends the last line; it does not start one */
				if (blk[i] == '\n' && at + i != st.st_size - 1 && ++nl >= n) {
					lseek(fd, at + i + 1, SEEK_SET);
					return skip_then_copy(fd, 0, 1);
				}
			}
			pos = at;
		}
		lseek(fd, from, SEEK_SET);
		return skip_then_copy(fd, 0, 1);
	}
	/* a pipe: keep at most what could be the tail, trimming as we go */
	for (;;) {
		if (cap - have < 65536)
			buf = xrealloc(buf, cap = cap * 2 + 65536);
		r = read(fd, buf + have, cap - have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return -1;
		}
		if (!r)
			break;
		have += (size_t)r;
		if (have > (4u << 20)) {	/* trim to the last n units */
			size_t keep = n ? have : 0;
			if (bytes)
				keep = (long long)have > n ? (size_t)n : have;
			else {
				long long nl = 0;
				for (size_t i = have; i-- > 0;)
					if (buf[i] == '\n' && i != have - 1 && ++nl >= n) {
						keep = have - i - 1;
						break;
					}
			}
			memmove(buf, buf + have - keep, keep);
			have = keep;
		}
	}
	size_t start = 0;
	if (bytes)
		start = (long long)have > n ? have - (size_t)n : 0;
	else {
		long long nl = 0;
		for (size_t i = have; i-- > 0;)
			if (buf[i] == '\n' && i != have - 1 && ++nl >= n) {
				start = i + 1;
				break;
			}
		if (!n)
			start = have;
	}
	fflush(stdout);
	xwrite(1, buf + start, have - start);
	free(buf);
	return 0;
}

/* The obsolete "-NUM[bcl][f]" and "+NUM[bcl][f]" (POSIX's XSI form, kept by
 * GNU): only as the first argument and before one FILE at most, with "--"
 * allowed in between; elsewhere "+N" is a file name and "-N" an error.  It
 * becomes -n/-c [+]NUM and -f in a new argv for the one parser.  *num is
 * the allocated count. */
static char **obsolete(int *argc, char **argv, char **num)
{
	const char *a = argv[1], *p;
	char **av, unit = 'l';
	size_t nd;
	int follow, k = 0;

	if (!(*argc == 2 || (*argc == 3 && !(argv[2][0] == '-' && argv[2][1])) ||
	      ((*argc == 3 || *argc == 4) && !strcmp(argv[2], "--"))))
		return argv;
	/* "-" is stdin and "-c" wants its argument */
	if ((a[0] != '-' && a[0] != '+') || (a[0] == '-' && !a[1 + (a[1] == 'c')]))
		return argv;
	nd = strspn(a + 1, "0123456789");
	p = a + 1 + nd;
	if (*p == 'b' || *p == 'c' || *p == 'l')
		unit = *p++;
	follow = *p == 'f';
	if (p[follow])
		return argv;	/* e.g. -q, -v, -n5: ordinary options */
	/* no digits: 10 units ("-b" is 10 blocks of 512) */
	*num = xasprintf("%c%.*s%s", a[0], nd ? (int)nd : 2, nd ? a + 1 : "10", unit == 'b' ? "b" : "");
	av = xmalloc(((size_t)*argc + 3) * sizeof(*av));
	av[k++] = argv[0];
	av[k++] = unit == 'l' ? "-n" : "-c";
	av[k++] = *num;
	if (follow)
		av[k++] = "-f";
	memcpy(av + k, argv + 2, (size_t)(*argc - 1) * sizeof(*av));	/* with the NULL */
	*argc += k - 2;
	return av;
}

/* -s SEC: a decimal number of seconds, fractions allowed */
static double seconds(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !(v >= 0) || v > 1e9)
		die("invalid number of seconds: '%s'", s);
	return v;
}

/* -f is left out of the spec when it is not built, so it is a usage error */
#define TAIL_SPEC "n:(lines)c:(bytes)q(quiet)(silent)v(verbose)" \
	IF_TAIL_FOLLOW("f\001(follow)?Fs:(sleep-interval)")

int tail_main(int argc, char **argv)
{
	long long n = 10;
	int bytes = 0, sign = 0, header = 0, follow = 0, headers = 0, key, nfiles;
	double interval = 1.0;
	char *dash[] = { "-", NULL }, *num = NULL;
	char **av, **files;
	const char *arg;
	int *fds;

	/* the spec is NULL on the //applet: line because of the obsolete forms,
	 * so --help is ours to answer, as on the common path */
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		show_help(applet_find("tail"), stdout);
		return 0;
	}
	av = obsolete(&argc, argv, &num);
	argc = opt_parse(TAIL_SPEC, argc, av);
	/* the last of -n/-c and of -q/-v wins, as in GNU; each count is checked */
	for (unsigned pos = 0; (key = opt_next(&pos, &arg));) {
		switch (key) {
		case 'n':
		case 'c':
			bytes = key == 'c';
			n = parse_count(arg, &sign, bytes ? "bytes" : "lines");
			break;
		case 'q':
		case 'v':
			header = key;
			break;
		case 's':
			interval = seconds(arg);
			break;
		case '\001':	/* --follow[=name|descriptor]: we follow the open file */
			if (arg && strcmp(arg, "name") && strcmp(arg, "descriptor"))
				die("invalid argument '%s' for '--follow'", arg);
			/* fall through */
		default:	/* -f, -F */
			follow = ENABLE_TAIL_FOLLOW;
		}
	}
	files = argc > 1 ? av + 1 : dash;
	nfiles = argc > 1 ? argc - 1 : 1;
	fds = xmalloc((size_t)nfiles * sizeof(int));
	for (int k = 0; k < nfiles; k++) {
		int fd = fds[k] = open_input(files[k]);
		if (fd < 0)
			continue;
		/* the blank line separates from a header printed before, not from a
		 * file that could not be opened */
		if (header == 'v' || (nfiles > 1 && header != 'q')) {
			printf("%s==> %s <==\n", headers++ ? "\n" : "",
			       strcmp(files[k], "-") ? files[k] : "standard input");
			fflush(stdout);
		}
		if ((sign == '+' ? skip_then_copy(fd, n, bytes) : last(fd, n, bytes)) < 0)
			pwarn("%s", files[k]);	/* e.g. a directory: EISDIR */
	}
	if (ENABLE_TAIL_FOLLOW && follow) {
		/* a pipe on stdin ends when its writer does: nothing to wait for
		 * (GNU drops it too); without any other file, -f is done */
		int left = 0;
		for (int k = 0; k < nfiles; k++) {
			struct stat st;
			if (fds[k] >= 0 && !strcmp(files[k], "-") && !fstat(fds[k], &st) && S_ISFIFO(st.st_mode))
				fds[k] = -1;
			left += fds[k] >= 0;
		}
		follow = left > 0;
	}
	/* -f: poll the files for growth */
	while (ENABLE_TAIL_FOLLOW && follow) {
		struct timespec ts = { (time_t)interval, (long)((interval - (long)interval) * 1e9) };
		nanosleep(&ts, NULL);
		for (int k = 0; k < nfiles; k++) {
			char buf[8192];
			ssize_t r;
			if (fds[k] < 0)
				continue;
			while ((r = read(fds[k], buf, sizeof(buf))) > 0)
				xwrite(1, buf, (size_t)r);
		}
	}
	for (int k = 0; k < nfiles; k++)
		if (fds[k] > 0)
			close(fds[k]);
	free(fds);
	if (av != argv)
		free(av);
	free(num);
	return px.exitcode;
}
