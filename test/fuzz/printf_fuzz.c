/* printf_fuzz.c - libFuzzer target for printf: the input is split at NUL
 * bytes into the format and its arguments, which exercises the directive
 * parser, the number conversions, %b escapes and the exact float
 * formatting (its digit buffers are sized from the precision). */
#include "support.h"
#include "../../applets/printf.c"

static int stdout_null;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *argv[18];
	int argc = 1;

	if (!stdout_null) {
		/* the output is not the point; keep it out of the log */
		freopen("/dev/null", "w", stdout);
		stdout_null = 1;
	}
	/* widths and precisions in the millions only make output, slowly: keep
	 * numbers (hex too) to four digits, still past any fixed buffer size */
	for (size_t i = 0, run = 0; i < size; i++) {
		run = isxdigit(data[i]) ? run + 1 : 0;
		if (run > 4)
			return 0;
	}
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	argv[0] = "printf";
	for (char *p = s; argc < 17 && p <= s + size; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	px.exitcode = 0;
	if (!setjmp(fuzz_jmp))
		printf_main(argc, argv);
	fflush(stdout);
	free(s);
	return 0;
}
