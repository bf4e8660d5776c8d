/* cut - print selected parts of lines */
//menu:Text
//config:config CUT
//config:	bool "cut"
//config:	default y
//config:	help
//config:	  Print selected bytes, characters or fields of each line.
//applet:cut CUT cut_main "b(bytes):c(characters):f(fields):d(delimiter):s(only-delimited)n\001(output-delimiter):"
//usage:cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [--output-delimiter=S] [FILE]...
//usage:
//usage:Print the selected parts of each line of FILEs (or stdin).
//usage:	-b LIST	bytes	-c LIST	characters	-f LIST	fields
//usage:	-d C	field delimiter (default tab)	-s	skip lines without it
//usage:	LIST: N, N-M, N-, -M, joined by commas.  -n is ignored.
#include "pxebox.h"

struct range { long lo, hi; };

static struct range *parse_list(const char *s, int *n)
{
	struct range *r = NULL;
	*n = 0;
	while (*s) {
		char *end;
		long lo = 1, hi = LONG_MAX;
		if (*s != '-') {
			lo = strtol(s, &end, 10);
			if (end == s || lo < 1)
				die("invalid list '%s'", s);
			s = end;
			hi = lo;
		}
		if (*s == '-') {
			s++;
			hi = LONG_MAX;
			if (isdigit((unsigned char)*s)) {
				hi = strtol(s, &end, 10);
				s = end;
			}
		}
		if (hi < lo || (*s && *s != ','))
			die("invalid list");
		r = xrealloc(r, (size_t)(*n + 1) * sizeof(*r));
		r[(*n)++] = (struct range){ lo, hi };
		if (*s == ',')
			s++;
	}
	if (!*n)
		die("invalid list");
	return r;
}

static int selected(const struct range *r, int n, long pos)
{
	for (int i = 0; i < n; i++)
		if (pos >= r[i].lo && pos <= r[i].hi)
			return 1;
	return 0;
}

int cut_main(int argc, char **argv)
{
	const char *list = optstr('b') ? optstr('b') : optstr('c') ? optstr('c') : optstr('f');
	const char *d = optstr('d') ? optstr('d') : "\t", *od = optstr(1);
	int fields = optstr('f') != NULL, nr, modes = !!optstr('b') + !!optstr('c') + !!optstr('f');
	struct range *r;
	char *dash[] = { "-", NULL };
	char **files = argc > 1 ? argv + 1 : dash;

	if (modes != 1)
		die("specify exactly one of -b, -c and -f");
	if (strlen(d) != 1)
		die("the delimiter must be a single character");
	if (!od)
		od = fields ? d : "";
	r = parse_list(list, &nr);
	for (; *files; files++) {
		int fd = open_input(*files);
		struct lines *l;
		char *line;
		size_t len;
		if (fd < 0)
			continue;
		l = lines_open(fd);
		while ((line = lines_next(l, &len))) {
			int first = 1;
			if (!fields) {
				for (size_t i = 0; i < len; i++)
					if (selected(r, nr, (long)i + 1)) {
						/* a gap between chosen ranges gets the output delimiter */
						if (!first && *od && !selected(r, nr, (long)i))
							fputs(od, stdout);
						putchar(line[i]);
						first = 0;
					}
			} else if (!memchr(line, *d, len)) {
				if (opt('s'))
					continue;
				fwrite(line, 1, len, stdout);
			} else {
				long f = 1;
				size_t start = 0;
				for (size_t i = 0; i <= len; i++) {
					if (i < len && line[i] != *d)
						continue;
					if (selected(r, nr, f)) {
						if (!first)
							fputs(od, stdout);
						fwrite(line + start, 1, i - start, stdout);
						first = 0;
					}
					f++;
					start = i + 1;
				}
			}
			putchar('\n');
		}
		if ((errno = lines_error(l)))
			pwarn("%s", *files);	/* e.g. a directory: EISDIR */
		lines_close(l);
		if (fd)
			close(fd);
	}
	free(r);
	return px.exitcode;
}
