/* tr - translate or delete characters */
//menu:Text
//config:config TR
//config:	bool "tr"
//config:	default y
//config:	help
//config:	  Translate, squeeze or delete characters from stdin.
//applet:tr TR tr_main "<1>2c(complement)C(complement)d(delete)s(squeeze-repeats)t(truncate-set1)"
//usage:tr [-cdst] SET1 [SET2]
//usage:
//usage:Copy stdin to stdout, replacing characters of SET1 by those of SET2.
//usage:	-c	use the complement of SET1	-d	delete SET1's characters
//usage:	-s	squeeze runs of SET2's (or SET1's) characters into one
//usage:	-t	truncate SET1 to the length of SET2
//usage:SETs: a-z ranges, \\n \\t \\\\ \\NNN escapes, [:alpha:] classes, [c*N] repeats.
#include "pxebox.h"
#include "escape.h"

static const struct { const char *name; int (*is)(int); } classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* next character of a set spec, decoding escapes */
static int next_char(const char **sp)
{
	const char *s = *sp;
	char c;
	if (*s == '\\' && s[1]) {
		s++;
		escape_decode(&s, &c, ESC_FORMAT);
		/* an unknown escape stands for its character: "\-" is a plain '-' */
		if (s == *sp + 1 && c == '\\' && *s != '\\')
			c = *s++;
		*sp = s;
		return (unsigned char)c;
	}
	*sp = s + 1;
	return (unsigned char)*s;
}

/* expand a set into out[]; returns its length.  In SET2, [c*] fills up to len1. */
static int expand(const char *s, unsigned char *out, int max, int len1)
{
	int n = 0;
	while (*s && n < max) {
		if (s[0] == '[' && s[1] == ':') {
			const char *end = strstr(s + 2, ":]");
			unsigned i;
			for (i = 0; end && i < ARRAY_SIZE(classes); i++)
				if ((size_t)(end - s - 2) == strlen(classes[i].name) && !strncmp(s + 2, classes[i].name, (size_t)(end - s - 2)))
					break;
			if (!end || i == ARRAY_SIZE(classes))
				die("invalid character class");
			for (int c = 0; c < 256 && n < max; c++)
				if (classes[i].is(c))
					out[n++] = (unsigned char)c;
			s = end + 2;
			continue;
		}
		if (s[0] == '[' && s[1] && s[2] == '*') {	/* [c*N] or [c*] */
			const char *p = s + 1;
			int c = next_char(&p), rep;
			char *end;
			p++;	/* '*' */
			rep = (int)strtol(p, &end, *p == '0' ? 8 : 10);
			if (*end != ']')
				die("invalid repeat '%s'", s);
			if (!rep)
				rep = len1 > n ? len1 - n : 0;
			while (rep-- > 0 && n < max)
				out[n++] = (unsigned char)c;
			s = end + 1;
			continue;
		}
		int c = next_char(&s);
		if (*s == '-' && s[1]) {
			s++;
			int hi = next_char(&s);
			if (hi < c)
				die("range-endpoints of '%c-%c' are in reverse order", c, hi);
			for (; c <= hi && n < max; c++)
				out[n++] = (unsigned char)c;
			continue;
		}
		out[n++] = (unsigned char)c;
	}
	return n;
}

int tr_main(int argc, char **argv)
{
	static unsigned char set1[4096], set2[4096], buf[65536], out[65536];
	int map[256], in1[256] = { 0 }, in2[256] = { 0 };
	int del = opt('d'), squeeze = opt('s'), comp = opt('c') || opt('C');
	int n1, n2 = 0, last = -1;
	ssize_t r;

	if (argc < 3 && !del && !squeeze)
		die("missing operand after '%s'", argv[1]);
	if (argc == 3 && del && !squeeze)
		die("extra operand '%s' (only one set when deleting)", argv[2]);
	n1 = expand(argv[1], set1, sizeof(set1), 0);
	if (comp) {	/* the complement, in ascending order */
		int mark[256] = { 0 }, k = 0;
		for (int i = 0; i < n1; i++)
			mark[set1[i]] = 1;
		for (int c = 0; c < 256; c++)
			if (!mark[c])
				set1[k++] = (unsigned char)c;
		n1 = k;
	}
	if (argc == 3)
		n2 = expand(argv[2], set2, sizeof(set2), n1);
	if (opt('t') && n2 < n1)
		n1 = n2;
	for (int c = 0; c < 256; c++)
		map[c] = c;
	for (int i = 0; i < n1; i++) {
		in1[set1[i]] = 1;
		if (!del && n2)	/* SET2 shorter: its last char repeats, as GNU and busybox do */
			map[set1[i]] = set2[i < n2 ? i : n2 - 1];
	}
	/* squeeze uses SET2 when translating or deleting, else SET1 */
	if (argc == 3)
		for (int i = 0; i < n2; i++)
			in2[set2[i]] = 1;
	else
		memcpy(in2, in1, sizeof(in2));
	while ((r = read(0, buf, sizeof(buf))) > 0) {
		size_t o = 0;
		for (ssize_t i = 0; i < r; i++) {
			int c = buf[i];
			if (del && in1[c])
				continue;
			c = map[c];
			if (squeeze && in2[c] && c == last)
				continue;
			last = c;
			out[o++] = (unsigned char)c;
		}
		xwrite(1, out, o);
	}
	if (r < 0)
		pdie("read error");
	return 0;
}
