/* cpio_fuzz.c - libFuzzer harness for cpio's newc header parsing and safe
 * extraction (-idm).  Each input is a whole archive extracted into a fresh
 * directory; afterwards nothing may exist beside that directory. */
#include "support.h"
#include "../../applets/cpio.c"
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
	snprintf(top, sizeof(top), access("/dev/shm", W_OK) ? "/tmp/%s_fuzz.XXXXXX" : "/dev/shm/%s_fuzz.XXXXXX", "cpio");
	if (!mkdtemp(top))
		abort();
	snprintf(dest, sizeof(dest), "%s/dest", top);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { "cpio", "-idmu", "--quiet", NULL };
	char *nopats[] = { NULL };
	int fd = memfd_create("cpio", 0), base = fd;

	fuzz_init();
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	mkdir(dest, 0755);
	if (chdir(dest) < 0)
		abort();
	opt_parse("o(create)i(extract)t(list)d(make-directories)m(preserve-modification-time)v(verbose)u(unconditional)H:(format)R:(owner)F:(file)\001(quiet)", 3, argv);
	nlns = 0;
	total = 0;
	if (!setjmp(fuzz_jmp))
		copy_in(fd, nopats);
	for (int i = base; i < base + 64; i++)
		close(i);
	if (chdir("/") < 0)
		abort();
	check_outside();
	remove_tree(dest);
	return 0;
}
