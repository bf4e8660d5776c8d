/* test_fuzz.c - libFuzzer target for test and [: the input is split at NUL
 * bytes into arguments, which drives the argument-count rules, the
 * recursive grammar and the integer parser.  File operators only stat(). */
#include "support.h"
#include "../../applets/test.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *argv[34];
	int argc = 1;

	memcpy(s, data, size);
	s[size] = 0;
	argv[0] = "test";
	for (char *p = s; argc < 32 && p <= s + size; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	if (!setjmp(fuzz_jmp))
		test_main(argc, argv);
	/* the same words as "[ ... ]" */
	argv[0] = "[";
	argv[argc] = "]";
	argv[argc + 1] = NULL;
	if (!setjmp(fuzz_jmp))
		bracket_main(argc + 1, argv);
	free(s);
	return 0;
}
