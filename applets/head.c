/* head - print the first lines or bytes of files */
//menu:Text
//config:config HEAD
//config:	bool "head"
//config:	default y
//config:	help
//config:	  Print the first 10 lines of each file.
//applet:head HEAD head_main NULL
//usage:head [-n [-]N] [-c [-]N] [-qv] [FILE]...
//usage:
//usage:Print the first 10 lines of each FILE (or stdin).
//usage:	-n N	first N lines; -N: all but the last N (also the old form -N)
//usage:	-c N	first N bytes; -N: all but the last N (suffixes b k m)
//usage:	-q	never print headers	-v	always print headers
#include "pxebox.h"

/* a count with its sign: "-N" is special for head, "+N" for tail */
static long long count(const char *s, int *special, int bytes)
{
	int sign;
	long long v = parse_count(s, &sign, bytes);
	*special = sign == '-';
	return v;
}

/* all but the last n lines or bytes: hold back a window of n.
 * Returns 0, or -1 with errno when a read failed. */
static int all_but(int fd, long long n, int bytes)
{
	if (bytes) {
		char *buf = xmalloc(65536 + (size_t)(n < (64 << 20) ? n : (64 << 20)));
		size_t have = 0;
		ssize_t r;
		if (n > (64 << 20))
			die("-c -N: N over 64 MiB");
		while ((r = read(fd, buf + have, 65536)) > 0) {
			have += (size_t)r;
			if ((long long)have > n) {
				size_t out = have - (size_t)n;
				fflush(stdout);
				xwrite(1, buf, out);
				memmove(buf, buf + out, (size_t)n);
				have = (size_t)n;
			}
		}
		free(buf);
		return r < 0 ? -1 : 0;
	}
	struct lines *l = lines_open(fd);
	char **q = NULL, *line;
	size_t *ql = NULL, qs = 0, qe = 0, cap = 0, len;

	while ((line = lines_next(l, &len))) {
		if (qe == cap) {
			if (qs > cap / 2) {	/* reuse the front before growing */
				memmove(q, q + qs, (qe - qs) * sizeof(*q));
				memmove(ql, ql + qs, (qe - qs) * sizeof(*ql));
				qe -= qs, qs = 0;
			} else {
				cap = cap ? cap * 2 : 64;
				q = xrealloc(q, cap * sizeof(*q));
				ql = xrealloc(ql, cap * sizeof(*ql));
			}
		}
		q[qe] = xstrndup(line, len);
		ql[qe++] = len;
		if ((long long)(qe - qs) > n) {	/* the oldest has n lines after it */
			fwrite(q[qs], 1, ql[qs], stdout);
			putchar('\n');
			free(q[qs++]);
		}
	}
	while (qs < qe)
		free(q[qs++]);
	free(q);
	free(ql);
	errno = lines_error(l);
	lines_close(l);
	return errno ? -1 : 0;
}

static int first(int fd, long long n, int bytes)
{
	char buf[65536];
	while (n > 0) {
		ssize_t r = read(fd, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? -1 : 0;
		if (bytes) {
			size_t w = (long long)r > n ? (size_t)n : (size_t)r;
			fflush(stdout);
			xwrite(1, buf, w);
			n -= (long long)w;
			continue;
		}
		size_t i = 0;
		for (; i < (size_t)r && n > 0; i++)
			if (buf[i] == '\n')
				n--;
		fwrite(buf, 1, i, stdout);
		/* a seekable input is left just after what we printed, as POSIX asks */
		if (!n && i < (size_t)r)
			lseek(fd, (off_t)i - r, SEEK_CUR);
	}
	return 0;
}

int head_main(int argc, char **argv)
{
	long long n = 10;
	int bytes = 0, neg = 0, quiet = 0, verbose = 0, i, nfiles;
	char *dash[] = { "-", NULL };
	char **files;

	/* options by hand: -N and -n -N must not be read as flags */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		char *a = argv[i];
		if (!strcmp(a, "--"))
			{ i++; break; }
		if (isdigit((unsigned char)a[1]))
			n = count(a + 1, &neg, 0), bytes = 0, neg = 0;
		else if (a[1] == 'n' || a[1] == 'c') {
			const char *v = a[2] ? a + 2 : argv[++i];
			if (!v)
				usage_die();
			bytes = a[1] == 'c';
			n = count(v, &neg, bytes);
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet") || !strcmp(a, "--silent"))
			quiet = 1, verbose = 0;
		else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
			verbose = 1, quiet = 0;
		else if (!strcmp(a, "--help")) {
			show_help(applet_find("head"), stdout);
			return 0;
		} else {
			warn("invalid option -- '%s'", a + 1);
			usage_die();
		}
	}
	files = i < argc ? argv + i : dash;
	nfiles = argc - i;
	for (int k = 0; files[k]; k++) {
		int fd = open_input(files[k]);
		if (fd < 0)
			continue;
		if (verbose || (nfiles > 1 && !quiet))
			printf("%s==> %s <==\n", k ? "\n" : "", strcmp(files[k], "-") ? files[k] : "standard input");
		if ((neg ? all_but(fd, n, bytes) : first(fd, n, bytes)) < 0)
			pwarn("%s", files[k]);	/* e.g. a directory: EISDIR */
		fflush(stdout);
		if (fd)
			close(fd);
	}
	return px.exitcode;
}
