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

int wc_main(int argc, char **argv)
{
	int on[NCOUNT] = { opt('l'), opt('w'), opt('m'), opt('c'), opt('L') };
	unsigned long long (*c)[NCOUNT], total[NCOUNT] = { 0 };
	int n = argc > 1 ? argc - 1 : 1, width = 1, shown = 0;
	char *ok;
	char *dash[] = { NULL, "-", NULL };
	char **files = argc > 1 ? argv : dash;

	if (!on[LINES] && !on[WORDS] && !on[CHARS] && !on[BYTES] && !on[LONGEST])
		on[LINES] = on[WORDS] = on[BYTES] = 1;
	for (int k = 0; k < NCOUNT; k++)
		shown += on[k];
	c = xzalloc((size_t)n * sizeof(*c));
	ok = xzalloc((size_t)n);
	for (int i = 0; i < n; i++) {
		int fd = open_input(files[i + 1]);
		if (fd < 0)
			continue;
		/* a read error still shows what was counted, as GNU and busybox do */
		if (count_fd(fd, c[i], !on[WORDS] && !on[CHARS] && !on[LONGEST]))
			pwarn("%s", files[i + 1]);
		ok[i] = 1;
		if (fd)
			close(fd);
		for (int k = 0; k < NCOUNT; k++)
			total[k] = k == LONGEST ? (c[i][k] > total[k] ? c[i][k] : total[k]) : total[k] + c[i][k];
	}
	/* coreutils' layout: columns as wide as the largest total (busybox pads
	 * to 9 always; scripts read `wc -l <f`, which all three print bare) */
	if (shown > 1 || argc > 2) {
		char tmp[32];
		for (int k = 0; k < NCOUNT; k++)
			if (on[k]) {
				int w = snprintf(tmp, sizeof(tmp), "%llu", total[k]);
				if (w > width)
					width = w;
			}
	}
	for (int i = 0; i < n; i++)
		if (ok[i])
			show(c[i], on, width, argc > 1 ? files[i + 1] : NULL);
	if (argc > 2)
		show(total, on, width, "total");
	free(c);
	free(ok);
	return px.exitcode;
}
