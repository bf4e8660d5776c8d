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
//usage:Print the first 10 lines of each FILE ("-" or none: stdin).
//usage:	-n N	(--lines) first N lines; -N: all but the last N
//usage:	-c N	(--bytes) first N bytes; -N: all but the last N
//usage:		N may end in b, k or m (x512, x1024, x1048576)
//usage:	-q	(--quiet) never print headers
//usage:	-v	(--verbose) always print headers
//usage:The old form -N[bcklmqv] is read as the first argument only.
#include "pxebox.h"

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

/* The obsolete "-NUM[bkmclqv]..." is read only as the first argument, as
 * GNU does ("head -v -3" is an error there too).  It becomes -n/-c NUM and
 * -q/-v in a new argv, so that the rest goes through the one parser and a
 * later -n, -c, -q or -v still wins.  *num is the allocated count. */
static char **obsolete(int *argc, char **argv, char **num)
{
	const char *a = argv[1];
	char **av, suffix[2] = "";
	int bytes = 0, header = 0, k = 0;
	size_t nd;

	if (*argc < 2 || a[0] != '-' || !isdigit((unsigned char)a[1]))
		return argv;
	nd = strspn(a + 1, "0123456789");
	for (const char *p = a + 1 + nd; *p; p++) {
		switch (*p) {
		case 'c':
			bytes = 1, suffix[0] = 0;
			break;
		case 'b':
		case 'k':
		case 'm':	/* GNU: a later 'l' keeps the multiplier for lines */
			bytes = 1, suffix[0] = *p;
			break;
		case 'l':
			bytes = 0;
			break;
		case 'q':
		case 'v':
			header = *p;
			break;
		default:
			warn("invalid trailing option -- '%c'", *p);
			usage_die();
		}
	}
	*num = xasprintf("%.*s%s", (int)nd, a + 1, suffix);
	av = xmalloc(((size_t)*argc + 3) * sizeof(*av));
	av[k++] = argv[0];
	av[k++] = bytes ? "-c" : "-n";
	av[k++] = *num;
	if (header)
		av[k++] = header == 'q' ? "-q" : "-v";
	memcpy(av + k, argv + 2, (size_t)(*argc - 1) * sizeof(*av));	/* with the NULL */
	*argc += k - 2;
	return av;
}

#define HEAD_SPEC "n:(lines)c:(bytes)q(quiet)(silent)v(verbose)"

int head_main(int argc, char **argv)
{
	long long n = 10;
	int bytes = 0, sign = 0, header = 0, key, headers = 0, nfiles;
	char *dash[] = { "-", NULL }, *num = NULL;
	char **av, **files;
	const char *arg;

	/* the spec is NULL on the //applet: line because of the obsolete form,
	 * so --help is ours to answer, as on the common path */
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		show_help(applet_find("head"), stdout);
		return 0;
	}
	av = obsolete(&argc, argv, &num);
	argc = opt_parse(HEAD_SPEC, argc, av);
	/* the last of -n/-c and of -q/-v wins, as in GNU; each count is checked */
	for (unsigned pos = 0; (key = opt_next(&pos, &arg));)
		if (key == 'n' || key == 'c')
			bytes = key == 'c', n = parse_count(arg, &sign, bytes ? "bytes" : "lines");
		else
			header = key;
	files = argc > 1 ? av + 1 : dash;
	nfiles = argc - 1;
	for (int k = 0; files[k]; k++) {
		int fd = open_input(files[k]);
		if (fd < 0)
			continue;
		/* the blank line separates from a header printed before, not from a
		 * file that could not be opened */
		if (header == 'v' || (nfiles > 1 && header != 'q'))
			printf("%s==> %s <==\n", headers++ ? "\n" : "",
			       strcmp(files[k], "-") ? files[k] : "standard input");
		if ((sign == '-' ? all_but(fd, n, bytes) : first(fd, n, bytes)) < 0)
			pwarn("%s", files[k]);	/* e.g. a directory: EISDIR */
		fflush(stdout);
		if (fd)
			close(fd);
	}
	if (av != argv)
		free(av);
	free(num);
	return px.exitcode;
}
