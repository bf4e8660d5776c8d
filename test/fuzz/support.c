/* support.c - the stand-ins for core/main.c that fuzz harnesses link with. */
#include "support.h"
#include "fs.h"
#include <sys/mman.h>

const struct applet applets[] = { { 0 } };
const unsigned applet_count = 0;
jmp_buf fuzz_jmp;

const struct applet *applet_find(const char *name)
{
	return NULL;
}

/* Nothing to run with an empty table; a shell that asks gets "not found". */
int applet_run(const struct applet *a, int argc, char **argv)
{
	return 127;
}

__attribute__((constructor)) void fuzz_init(void)
{
	px.applet = "fuzz";
	px.rethrow = &fuzz_jmp;
}

char fuzz_top[64], fuzz_dest[96];

static void scratch_remove(void)
{
	remove_tree(fuzz_top);
}

void fuzz_scratch(const char *name)
{
	snprintf(fuzz_top, sizeof(fuzz_top), access("/dev/shm", W_OK) ? "/tmp/%s_fuzz.XXXXXX" : "/dev/shm/%s_fuzz.XXXXXX", name);
	if (!mkdtemp(fuzz_top))
		abort();
	snprintf(fuzz_dest, sizeof(fuzz_dest), "%s/dest", fuzz_top);
	atexit(scratch_remove);
}

int fuzz_input(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	mkdir(fuzz_dest, 0755);
	return fd;
}

void fuzz_scratch_done(int fd)
{
	DIR *d;
	struct dirent *de;

	for (int i = fd; i < fd + 64; i++)
		close(i);
	if (chdir("/") < 0)
		abort();
	d = opendir(fuzz_top);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && strcmp(de->d_name, "dest"))
			__builtin_trap();	/* something escaped the destination */
	closedir(d);
	remove_tree(fuzz_dest);
}
