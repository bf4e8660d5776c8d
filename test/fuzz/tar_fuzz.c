/* tar_fuzz.c - libFuzzer harness for tar's header parsing (ustar, GNU L/K,
 * pax) and safe extraction.  Each input is a whole archive (plain or gzip)
 * extracted into a fresh directory; afterwards nothing may exist beside that
 * directory, which is what "never writes outside the destination" means. */
#include "support.h"
#include "../../applets/tar.c"

/* Small leaks are expected: die() ends the process in real use, and here
 * it longjmps past the frees.  The big buffers are freed after the jump (a
 * run of inputs that die would otherwise leak 384 KiB each and end in an
 * out-of-memory report), and file descriptors are closed by hand below. */
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_scratch("tar");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { "tar", "-x", "-C", fuzz_dest, NULL };
	int fd = fuzz_input(data, size);
	static struct xstate s;	/* static: still valid after the longjmp */

	fuzz_init();
	opt_parse(TAR_SPEC, 4, argv);
	memset(&s, 0, sizeof(s));
	s.r.buf = xmalloc(BUFSZ);
	if (!setjmp(fuzz_jmp)) {
		s.r.g = gz_ropen(fd, GZ_RAW_OK);
		if (s.r.g) {
			s.d = ax_open(fuzz_dest, AX_MKDIRS | AX_MTIME | AX_PERMS);
			tar_extract(&s);
			ax_finish(s.d);
		}
	}
	if (s.r.g)
		gz_rclose(s.r.g);
	free(s.r.buf);
	fuzz_scratch_done(fd);
	return 0;
}
