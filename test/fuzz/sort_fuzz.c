/* sort_fuzz.c - the -k parser, key extraction and every comparison of sort.
 * Input: byte 0 picks global flags, byte 1 the -t separator (0xff: blanks),
 * then up to two -k specs on their own lines, then the lines to sort. */
#include "../../applets/sort.c"
#include "support.h"

static char *buf;

static void run_one(const uint8_t *data, size_t size)
{
	struct input in = { 0 };
	struct line **v, **tmp;
	char *p, *e, *end;
	static const char gf[] = "bdfghinrMV";

	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = 0;
	end = buf + size;
	if (size < 2)
		goto out;
	for (int i = 0; i < 8; i++)
		if (data[0] & (1u << i))
			gflags |= flag_of(gf[i + (data[0] & 1 ? 2 : 0)]);
	tab = data[1] == 0xff ? -1 : data[1];
	p = buf + 2;
	for (int i = 0; i < 2 && p < end && (e = memchr(p, '\n', (size_t)(end - p))); i++) {
		*e = 0;
		if (*p)
			add_key(p);
		p = e + 1;
	}
	if (!nkeys) {
		add_key("1");
		keys[0].flags = gflags;
		check_flags(gflags);
	}
	last_resort = data[0] & 1;
	add_lines(&in, p, (size_t)(end - p), '\n');
	v = xmalloc((in.n + 1) * sizeof(*v));
	tmp = xmalloc((in.n + 1) * sizeof(*v));
	for (size_t i = 0; i < in.n; i++)
		v[i] = &in.lines[i];
	msort(v, tmp, in.n);
	/* the result must be in order by the same comparison */
	for (size_t i = 1; i < in.n; i++)
		if (line_cmp(v[i - 1], v[i], last_resort) > 0 && !(gflags & F_G))
			abort();
	free(v);
	free(tmp);
	free(in.lines);
out:;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!setjmp(fuzz_jmp))
		run_one(data, size);
	/* die() in add_key longjmps here: free what run_one had */
	free(buf);
	buf = NULL;
	free(keys);
	keys = NULL;
	nkeys = 0;
	gflags = 0;
	tab = -1;
	return 0;
}
