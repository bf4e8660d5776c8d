/* fstab_fuzz.c - libFuzzer target for the mount table and option parsers:
 * fstab / /proc/mounts lines (core/mtab.c), mount option strings to MS_*
 * flags + data, -t type lists, HOST:/PATH detection and /proc/filesystems.
 * Built by test/fuzz/run.sh with the core objects and test/fuzz/support.c;
 * die() longjmps back to fuzz_jmp instead of exiting. */
#include "support.h"
#include "../../core/mtab.c"
#include "../../applets/mount.c"
#include <sys/mman.h>

static void one_string(const char *s)
{
	struct mount_opts o = { 0 };
	char *host = NULL, *v;
	if (!mount_opts_parse(&o, s)) {
		char *names = mount_flags_opts(o.flags);
		/* the option names of the flags must parse back to them */
		struct mount_opts back = { 0 };
		const unsigned long plain = o.flags & ~(MS_REMOUNT | MS_BIND | MS_MOVE | MS_REC);
		mount_opts_parse(&back, names);
		if ((back.flags & plain) != plain)
			__builtin_trap();
		mount_opts_free(&back);
		free(names);
		(void)mount_flags_name(o.flags | o.prop);
	}
	mount_opts_free(&o);
	mtab_type_match("ext4", s);
	mtab_type_match(s, "noext4,nfs");
	free(mtab_opt_value(s, "addr"));
	if ((v = mtab_opt_value(s, "vers")))
		free(v);
	if (nfs_source(s, &host))
		free(host);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *line;
	struct mtab_ent e;
	struct mtab t;
	int fd;

	memcpy(s, data, size);
	s[size] = 0;
	if (!setjmp(fuzz_jmp)) {
		one_string(s);
		/* one line, split in place */
		line = strdup(s);
		if (mtab_split(line, &e) > 0)
			one_string(e.opts);
		free(line);
		/* the whole input as a table file */
		fd = memfd_create("fstab", 0);
		if (fd >= 0) {
			char path[64];
			if (write(fd, data, size) == (ssize_t)size) {
				snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
				if (!mtab_load(&t, path)) {
					for (size_t i = 0; i < t.n; i++)
						one_string(t.e[i].opts);
					mtab_free(&t);
				}
			}
			close(fd);
		}
		/* the input as /proc/filesystems */
		proc_fs = strdup(s);
		free(block_types());
		(void)fs_nodev("ext4");
		free(proc_fs);
		proc_fs = NULL;
	}
	free(s);
	return 0;
}
