/* wc - count lines, words and bytes */
//menu:Text
//config:config WC
//config:	bool "wc"
//config:	default y
//config:	help
//config:	  Count lines, words, characters and bytes.
//applet:wc WC wc_main "l(lines)w(words)c(bytes)m(chars)L(max-line-length)"
//usage:wc [-lwcmL] [FILE]...
//usage:
//usage:Print line, word and byte counts of each FILE (or stdin), and a total
//usage:line for several files.
//usage:	-l	lines	-w	words	-c	bytes
//usage:	-m	characters (UTF-8)	-L	length of the longest line
#include "pxebox.h"

enum { LINES, WORDS, CHARS, BYTES, LONGEST, NCOUNT };

static int count_fd(int fd, unsigned long long c[NCOUNT], int lines_only)
{
	static unsigned char buf[65536];
	int inword = 0;
	unsigned long long col = 0;
	ssize_t r;

	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		c[BYTES] += (unsigned long long)r;
		if (lines_only) {
			/* -l and -c need no look at each byte: memchr is far faster */
			const unsigned char *p = buf, *end = buf + r;
			while ((p = memchr(p, '\n', (size_t)(end - p)))) {
				c[LINES]++;
				p++;
			}
			continue;
		}
		for (ssize_t i = 0; i < r; i++) {
			unsigned char ch = buf[i];
			if ((ch & 0xc0) != 0x80)	/* not a UTF-8 continuation byte */
				c[CHARS]++;
			if (ch == '\n') {
				c[LINES]++;
				if (col > c[LONGEST])
					c[LONGEST] = col;
				col = 0;
			} else if (ch == '\t')
				col = (col | 7) + 1;
			else if ((ch & 0xc0) != 0x80 && (ch >= ' ' || ch >= 0x80) && ch != 0x7f)
				col++;
			if (isspace(ch))
				inword = 0;
			else if (!inword && ch > ' ' && ch < 0x7f) {
				inword = 1;
				c[WORDS]++;
			}
		}
	}
	if (col > c[LONGEST])
		c[LONGEST] = col;
	return r < 0 ? -1 : 0;
}

static void show(const unsigned long long c[NCOUNT], const int on[NCOUNT], int width, const char *name)
{
	int first = 1;
	for (int k = 0; k < NCOUNT; k++) {
		if (!on[k])
			continue;
		printf(first ? "%*llu" : " %*llu", width, c[k]);
		first = 0;
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* coreutils' column width, fixed before anything is read so that each
 * file's line can go out as soon as it is counted: the digits of the sum of
 * the operands' sizes when all are regular files, at least 7 when one is
 * not (a pipe, a device, a directory: its size says nothing), and 1 for a
 * single count of a single input (scripts read `wc -l <f` bare).  A count
 * wider than that just widens its own field.  busybox pads to 9 always. */
static int column_width(char **files, int n, int shown)
{
	unsigned long long sum = 0;
	int width = 1, minimum = 1;
	struct stat st;

	if (n == 1 && shown == 1)
		return 1;
	for (int i = 0; i < n; i++) {
		const char *f = files[i];
		if (strcmp(f, "-") ? stat(f, &st) : fstat(0, &st))
			continue;	/* its error comes when it is opened */
		if (S_ISREG(st.st_mode))
			sum += (unsigned long long)st.st_size;
		else
			minimum = 7;
	}
	for (; sum >= 10; sum /= 10)
		width++;
	return width < minimum ? minimum : width;
}

int wc_main(int argc, char **argv)
{
	int on[NCOUNT] = { opt('l'), opt('w'), opt('m'), opt('c'), opt('L') };
	unsigned long long total[NCOUNT] = { 0 };
	int n = argc > 1 ? argc - 1 : 1, width, shown = 0;
	char *dash[] = { "-", NULL };
	char **files = argc > 1 ? argv + 1 : dash;

	if (!on[LINES] && !on[WORDS] && !on[CHARS] && !on[BYTES] && !on[LONGEST])
		on[LINES] = on[WORDS] = on[BYTES] = 1;
	for (int k = 0; k < NCOUNT; k++)
		shown += on[k];
	width = column_width(files, n, shown);
	for (int i = 0; i < n; i++) {
		unsigned long long c[NCOUNT] = { 0 };
		int fd;
		if (!*files[i]) {	/* GNU's words: "" is no name at all, not a missing file */
			warn("invalid zero-length file name");
			continue;
		}
		fd = open_input(files[i]);
		if (fd < 0)
			continue;
		/* a read error still shows what was counted, as GNU and busybox do */
		if (count_fd(fd, c, !on[WORDS] && !on[CHARS] && !on[LONGEST]))
			pwarn("%s", files[i]);
		if (fd)
			close(fd);
		show(c, on, width, argc > 1 ? files[i] : NULL);
		for (int k = 0; k < NCOUNT; k++)
			total[k] = k == LONGEST ? (c[k] > total[k] ? c[k] : total[k]) : total[k] + c[k];
	}
	if (argc > 2)
		show(total, on, width, "total");
	return px.exitcode;
}
