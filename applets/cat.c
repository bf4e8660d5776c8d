/* cat - concatenate files */
//menu:Text
//config:config CAT
//config:	bool "cat"
//config:	default y
//config:	help
//config:	  Copy files (or stdin) to stdout.
//config:
//config:config CAT_FILTERS
//config:	bool "Support -n -b -v -e -t -A -s"
//config:	depends on CAT
//config:	default y
//config:	help
//config:	  Line numbering and showing non-printing characters.
//applet:cat CAT cat_main "u" IF_CAT_FILTERS("nbvetAEsT")
//usage:cat [-nbvetAs] [FILE]...
//usage:
//usage:Copy each FILE ("-" or none: stdin) to stdout.
//usage:	-n	number all lines	-b	number non-blank lines
//usage:	-v	show non-printing characters as ^X and M-X
//usage:	-e	-v and $ at line ends	-t	-v and tabs as ^I
//usage:	-A	-vET	-s	squeeze repeated blank lines
//usage:	-u	unbuffered (ignored: output is never buffered)
#include "pxebox.h"

static void show_char(int c, int v, int t, int e)
{
	if (c == '\n') {
		if (e)
			putchar('$');
		putchar('\n');
		return;
	}
	if (c == '\t' && !t) {
		putchar(c);
		return;
	}
	if (v && c >= 128) {
		fputs("M-", stdout);
		c -= 128;
	}
	if (v && (c < 32 || c == 127)) {
		putchar('^');
		c ^= 64;
	}
	putchar(c);
}

static void filter(int fd, const char *name, unsigned long *lineno, int *blanks)
{
	int n = opt('n') || opt('b'), b = opt('b'), s = opt('s');
	int e = opt('e') || opt('A') || opt('E'), t = opt('t') || opt('A') || opt('T');
	int v = opt('v') || opt('e') || opt('t') || opt('A');
	struct lines *l = lines_open(fd);
	char *line;
	size_t len;
	while ((line = lines_next(l, &len))) {
		if (!len) {
			if (s && ++*blanks > 1)
				continue;
		} else
			*blanks = 0;
		if (n && (!b || len))
			printf("%6lu\t", ++*lineno);
		for (size_t i = 0; i < len; i++)
			show_char((unsigned char)line[i], v, t, e);
		if (lines_had_nl(l))
			show_char('\n', v, t, e);
	}
	if ((errno = lines_error(l)))
		pwarn("%s", name);	/* e.g. a directory: EISDIR */
	lines_close(l);
}

int cat_main(int argc, char **argv)
{
	unsigned long lineno = 0;
	int blanks = 0, filters = ENABLE_CAT_FILTERS &&
		(opt('n') || opt('b') || opt('v') || opt('e') || opt('t') || opt('A') || opt('s') || opt('E') || opt('T'));
	char *dash[] = { "-", NULL };
	char **files = argc > 1 ? argv + 1 : dash;

	for (; *files; files++) {
		int fd = open_input(*files);
		if (fd < 0)
			continue;
		if (filters) {
			filter(fd, *files, &lineno, &blanks);
		} else if (copy_fd(fd, 1) < 0) {
			pwarn("%s", *files);
		}
		if (fd)
			close(fd);
	}
	return px.exitcode;
}
