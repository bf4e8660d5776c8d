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
//usage:tail [-n [+]N] [-c [+]N] [-fqv] [-s SEC] [FILE]...
//usage:
//usage:Print the last 10 lines of each FILE (or stdin).
//usage:	-n N	last N lines; +N: from line N on (also the old form -N / +N)
//usage:	-c N	last N bytes; +N: from byte N on
//usage:	-f	keep printing what is appended	-s SEC	poll interval for -f
//usage:	-q	never print headers	-v	always print headers
#include "pxebox.h"

/* a count with its sign: "-N" is special for head, "+N" for tail */
static long long count(const char *s, int *special, int bytes)
{
	int sign;
	long long v = parse_count(s, &sign, bytes);
	*special = sign == '+';
	return v;
}

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

	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0) {
		off_t pos = st.st_size;
		if (bytes) {
			lseek(fd, pos > n ? pos - (off_t)n : 0, SEEK_SET);
			return skip_then_copy(fd, 0, 1);
		}
		/* read backwards in blocks until n newlines (not the final one) */
		long long nl = 0;
		if (!n)
			return 0;
		char blk[8192];
		while (pos > 0) {
			off_t at = pos > (off_t)sizeof(blk) ? pos - (off_t)sizeof(blk) : 0;
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
		lseek(fd, 0, SEEK_SET);
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

int tail_main(int argc, char **argv)
{
	long long n = 10;
	int bytes = 0, from = 0, quiet = 0, verbose = 0, follow = 0, i, nfiles;
	double interval = 1.0;
	char *dash[] = { "-", NULL };
	char **files;
	int *fds;

	for (i = 1; i < argc && (argv[i][0] == '-' || (argv[i][0] == '+' && i == 1)) && argv[i][1]; i++) {
		char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (isdigit((unsigned char)a[1]))	/* old -N / +N */
			n = count(a, &from, 0), bytes = 0;
		else if (a[1] == 'n' || a[1] == 'c') {
			const char *v = a[2] ? a + 2 : argv[++i];
			if (!v)
				usage_die();
			bytes = a[1] == 'c';
			n = count(v, &from, bytes);
		} else if (a[1] == 's') {
			const char *v = a[2] ? a + 2 : argv[++i];
			if (!v || (interval = strtod(v, NULL)) <= 0)
				die("invalid interval '%s'", v ? v : "");
		} else if (ENABLE_TAIL_FOLLOW && (!strcmp(a, "-f") || !strcmp(a, "-F") || !strcmp(a, "--follow")))
			follow = 1;
		else if (!strcmp(a, "-q") || !strcmp(a, "--quiet") || !strcmp(a, "--silent"))
			quiet = 1, verbose = 0;
		else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
			verbose = 1, quiet = 0;
		else if (!strcmp(a, "--help")) {
			show_help(applet_find("tail"), stdout);
			return 0;
		} else {
			warn("invalid option -- '%s'", a + 1);
			usage_die();
		}
	}
	files = i < argc ? argv + i : dash;
	nfiles = i < argc ? argc - i : 1;
	fds = xmalloc((size_t)nfiles * sizeof(int));
	for (int k = 0; k < nfiles; k++) {
		int fd = fds[k] = open_input(files[k]);
		if (fd < 0)
			continue;
		if (verbose || (nfiles > 1 && !quiet)) {
			printf("%s==> %s <==\n", k ? "\n" : "", strcmp(files[k], "-") ? files[k] : "standard input");
			fflush(stdout);
		}
		if ((from ? skip_then_copy(fd, n, bytes) : last(fd, n, bytes)) < 0)
			pwarn("%s", files[k]);	/* e.g. a directory: EISDIR */
	}
	/* -f: poll the files for growth; stdin from a pipe cannot be followed */
	while (follow) {
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
	return px.exitcode;
}
