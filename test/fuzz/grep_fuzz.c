/* grep_fuzz.c - compile arbitrary patterns and match them against text.
 * Byte 0 picks -E -F -i -w -x -v -o -c, byte 1 the -A/-B context; then the
 * patterns (newline-separated, as grep -e takes them) up to a NUL byte;
 * the rest is the text searched, NUL bytes and all. */
#include "../../applets/grep.c"
#include "support.h"
#include <sys/mman.h>

static size_t repetitions(const uint8_t *d, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += d[i] == '*' || d[i] == '+' || d[i] == '?' || d[i] == '{';
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *pat, *text;
	size_t plen, tlen;
	int flags, ctx, fd;

	if (size < 2)
		return 0;
	flags = data[0];
	/* The C library's regcomp (glibc's and uClibc-ng's alike) is exponential
	 * in stacked repetitions such as a++++++++++++++++++ (GNU grep, which
	 * also calls it, takes seconds too): a known libc limit, not ours. */
	if (repetitions(data, size) > 8)
		return 0;
	ctx = data[1];
	pat = (const char *)data + 2;
	plen = strnlen(pat, size - 2);
	text = pat + plen + (plen < size - 2);
	tlen = size - 2 - plen - (plen < size - 2);

	grep_free();
	memset(&g, 0, sizeof(g));
	g.fixed = flags & 2;
	g.ere = flags & 1;
	g.icase = flags & 4;
	g.word = flags & 8;
	g.line = flags & 16;
	g.invert = flags & 32;
	g.only = flags & 64;
	g.count = flags & 128;
	g.before = ctx & 3;
	g.after = (ctx >> 2) & 3;
	g.number = ctx & 16;
	g.binmode = ctx & 32 ? 'a' : 0;
	g.maxcount = (ctx >> 6) & 3;
	fd = memfd_create("grep_fuzz", 0);
	if (fd < 0 || (tlen && write(fd, text, tlen) != (ssize_t)tlen) || lseek(fd, 0, SEEK_SET))
		abort();
	if (!setjmp(fuzz_jmp)) {
		add_patterns(pat, plen);
		compile((flags & 1 ? REG_EXTENDED : 0) | (g.icase ? REG_ICASE : 0));
		grep_fd(fd, "fuzz");
	}
	close(fd);
	grep_free();
	fuzz_init();
	return 0;
}
