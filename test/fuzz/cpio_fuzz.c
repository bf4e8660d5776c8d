/* cpio_fuzz.c - libFuzzer harness for cpio's newc header parsing and safe
 * extraction (-idm).  Each input is a whole archive extracted into a fresh
 * directory; afterwards nothing may exist beside that directory. */
#include "support.h"
#include "../../applets/cpio.c"

/* Leaks are expected: die() ends the process in real use, and here it
 * longjmps past the frees.  File descriptors are closed by hand below. */
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_scratch("cpio");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { "cpio", "-idmu", "--quiet", NULL };
	char *nopats[] = { NULL };
	int fd = fuzz_input(data, size);

	fuzz_init();
	if (chdir(fuzz_dest) < 0)
		abort();
	opt_parse("o(create)i(extract)t(list)d(make-directories)m(preserve-modification-time)v(verbose)u(unconditional)H:(format)R:(owner)F:(file)\001(quiet)", 3, argv);
	nlns = 0;
	total = 0;
	if (!setjmp(fuzz_jmp))
		copy_in(fd, nopats);
	fuzz_scratch_done(fd);
	return 0;
}
