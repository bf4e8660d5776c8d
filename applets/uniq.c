/* uniq - drop or count repeated adjacent lines */
//menu:Text
//config:config UNIQ
//config:	bool "uniq"
//config:	default y
//config:	help
//config:	  Filter out repeated adjacent lines.
//applet:uniq UNIQ uniq_main ">2c(count)d(repeated)u(unique)i(ignore-case)f(skip-fields)#s(skip-chars)#w(check-chars)#"
//usage:uniq [-cdui] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]
//usage:
//usage:Print INPUT (or stdin) with adjacent identical lines merged.
//usage:	-c	prefix lines with their count	-d	only repeated lines
//usage:	-u	only unrepeated lines	-i	ignore case
//usage:	-f N	skip N fields	-s N	skip N chars	-w N	compare N chars at most
#include "pxebox.h"

/* the part of a line that is compared */
static const char *key(const char *s, size_t len, size_t *klen)
{
	const char *e = s + len;
	for (long f = optnum('f', 0); f > 0 && s < e; f--) {
		while (s < e && isblank((unsigned char)*s))
			s++;
		while (s < e && !isblank((unsigned char)*s))
			s++;
	}
	for (long c = optnum('s', 0); c > 0 && s < e; c--)
		s++;
	*klen = (size_t)(e - s);
	if (opt('w') && *klen > (size_t)optnum('w', 0))
		*klen = (size_t)optnum('w', 0);
	return s;
}

static int same(const char *a, size_t al, const char *b, size_t bl)
{
	if (al != bl)
		return 0;
	return opt('i') ? !strncasecmp(a, b, al) : !memcmp(a, b, al);
}

int uniq_main(int argc, char **argv)
{
	int fd = argc > 1 ? open_input(argv[1]) : 0;
	struct lines *l;
	char *prev = NULL, *line;
	size_t plen = 0, len;
	unsigned long n = 0;

	if (fd < 0)
		return 1;
	if (argc > 2 && strcmp(argv[2], "-") && !freopen(argv[2], "w", stdout))
		pdie("%s", argv[2]);
	if (optnum('f', 0) < 0 || optnum('s', 0) < 0 || optnum('w', 0) < 0)
		die("invalid count");
	l = lines_open(fd);
	for (;;) {
		line = lines_next(l, &len);
		if (prev) {
			size_t ka, kb;
			const char *a = key(prev, plen, &ka), *b = line ? key(line, len, &kb) : NULL;
			if (line && same(a, ka, b, kb)) {
				n++;
				continue;
			}
			if ((!opt('d') || n > 1) && (!opt('u') || n == 1)) {
				if (opt('c'))
					printf("%7lu ", n);
				fwrite(prev, 1, plen, stdout);
				putchar('\n');
			}
			free(prev);
			prev = NULL;
		}
		if (!line)
			break;
		prev = xmalloc(len + 1);	/* lines may hold NUL bytes */
		memcpy(prev, line, len);
		plen = len;
		n = 1;
	}
	if ((errno = lines_error(l)))
		pwarn("%s", argc > 1 ? argv[1] : "-");	/* e.g. a directory: EISDIR */
	lines_close(l);
	return px.exitcode;
}
