/* tar_fuzz.c - libFuzzer harness for tar's header parsing (ustar, GNU L/K,
 * pax) and safe extraction.  Each input is a whole archive (plain or gzip)
 * extracted into a fresh directory; afterwards nothing may exist beside that
 * directory, which is what "never writes outside the destination" means. */
#include "support.h"
#include "../../applets/tar.c"
#include "fs.h"
#include <sys/mman.h>

static char top[64], dest[96];

static void cleanup(void)
{
	remove_tree(top);
}

static void check_outside(void)
{
	DIR *d = opendir(top);
	struct dirent *de;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && strcmp(de->d_name, "dest"))
			__builtin_trap();	/* something escaped the destination */
	closedir(d);
}

/* Leaks are expected: die() ends the process in real use, and here it
 * longjmps past the frees.  File descriptors are closed by hand below. */
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* tmpfs when there is one: the harness is file-system bound */
	snprintf(top, sizeof(top), access("/dev/shm", W_OK) ? "/tmp/%s_fuzz.XXXXXX" : "/dev/shm/%s_fuzz.XXXXXX", "tar");
	if (!mkdtemp(top))
		abort();
	snprintf(dest, sizeof(dest), "%s/dest", top);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { "tar", "-x", "-C", dest, NULL };
	int fd = memfd_create("tar", 0), base = fd;
	struct xstate s;

	fuzz_init();
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	mkdir(dest, 0755);
	opt_parse(TAR_SPEC, 4, argv);
	if (!setjmp(fuzz_jmp)) {
		memset(&s, 0, sizeof(s));
		s.r.buf = xmalloc(BUFSZ);
		s.r.g = gz_ropen(fd, GZ_RAW_OK);
		if (s.r.g) {
			s.d = ax_open(dest, AX_MKDIRS | AX_MTIME | AX_PERMS);
			tar_extract(&s);
			ax_finish(s.d);
			gz_rclose(s.r.g);
		}
		free(s.r.buf);
	}
	for (int i = base; i < base + 64; i++)
		close(i);
	check_outside();
	remove_tree(dest);
	return 0;
}
