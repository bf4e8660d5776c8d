/* switch_root - leave the initramfs for the real root filesystem */
//menu:Filesystems
//config:config SWITCH_ROOT
//config:	bool "switch_root"
//config:	default y
//config:	help
//config:	  The initramfs (rootfs) cannot be pivoted or unmounted.  As PID 1,
//config:	  switch_root deletes its contents (without crossing into other
//config:	  mounts), moves /dev /proc /sys /run and NEWROOT onto /, chroots
//config:	  and execs the real init.
//applet:switch_root SWITCH_ROOT switch_root_main "^<2c:h"
//usage:switch_root [-h] [-c CONSOLE] NEWROOT INIT [ARGS]...
//usage:
//usage:As PID 1 on an initramfs: delete the initramfs, move /dev /proc /sys
//usage:/run into NEWROOT (where those directories exist), make NEWROOT the
//usage:root and exec INIT (a path inside NEWROOT) with ARGS.
//usage:NEWROOT must be a mount point and INIT executable there; all checks
//usage:are done before anything is deleted.
//usage:	-c DEV	reopen stdin, stdout and stderr on DEV (/dev/console)
//usage:	-h	on failure hang instead of exiting (PID 1 exiting panics
//usage:		the kernel, and the message scrolls away)
#include "pxebox.h"
#include <sys/mount.h>
#include <sys/vfs.h>

#ifndef RAMFS_MAGIC
#define RAMFS_MAGIC 0x858458f6
#endif
#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC 0x01021994
#endif
#ifndef MS_MOVE
#define MS_MOVE 8192
#endif

/* With -h, every failure ends here instead of in a kernel panic. */
static void NORETURN fail(const char *fmt, ...) PRINTF(1, 2);
static void fail(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "switch_root: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (opt('h')) {
		fprintf(stderr, "switch_root: hanging (-h)\n");
		for (;;)
			pause();
	}
	xexit(1);
}

/* Delete everything under DFD that lives on device DEV, not following
 * symlinks and not descending into other mounts.  Errors are ignored on
 * purpose: a busy mount point stays, and nothing here is worth dying for
 * once we are committed. */
static void delete_tree(int dfd, dev_t dev)
{
	DIR *d = fdopendir(dfd);
	struct dirent *de;
	if (!d) {
		close(dfd);
		return;
	}
	while ((de = readdir(d))) {
		struct stat st;
		const char *n = de->d_name;
		if (!strcmp(n, ".") || !strcmp(n, ".."))
			continue;
		if (fstatat(dirfd(d), n, &st, AT_SYMLINK_NOFOLLOW) || st.st_dev != dev)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd(d), n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub >= 0) {
				struct stat sst;
				/* re-check: it may be a mount point now */
				if (!fstat(sub, &sst) && sst.st_dev == dev)
					delete_tree(sub, dev);
				else
					close(sub);
			}
			unlinkat(dirfd(d), n, AT_REMOVEDIR);
		} else {
			unlinkat(dirfd(d), n, 0);
		}
	}
	closedir(d);
}

/* Is INIT executable inside NEWROOT?  Asked from a child chrooted there,
 * so absolute symlinks (/sbin/init -> /lib/systemd/systemd) resolve the
 * way they will after the switch.  0 or an errno. */
static int init_ok(const char *newroot, const char *init)
{
	int st;
	pid_t pid = fork();
	if (pid < 0)
		return errno;
	if (!pid) {
		struct stat sb;
		if (chroot(newroot) || chdir("/"))
			_exit(errno & 255);
		if (stat(init, &sb))
			_exit(errno & 255);
		if (!S_ISREG(sb.st_mode))
			_exit(EACCES);
		_exit(access(init, X_OK) ? errno & 255 : 0);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return errno;
	return WIFEXITED(st) ? WEXITSTATUS(st) : EIO;
}

/* A missing INIT is most often a typo or an unpopulated root: show what
 * the directory it should be in holds (the first few names). */
static void show_dir(const char *newroot, const char *init)
{
	char *path, *slash;
	DIR *d;
	struct dirent *de;
	int n = 0;
	while (*init == '/')
		init++;
	path = path_join(newroot, init);
	slash = strrchr(path, '/');
	*slash = 0;
	if (!(d = opendir(path))) {
		fprintf(stderr, "switch_root: %s: %s\n", path, strerror(errno));
	} else {
		fprintf(stderr, "switch_root: %s holds:", path);
		while ((de = readdir(d)) && n < 12)
			if (de->d_name[0] != '.')
				fprintf(stderr, " %s", de->d_name), n++;
		fprintf(stderr, "%s\n", de ? " ..." : n ? "" : " nothing");
		closedir(d);
	}
	free(path);
}

int switch_root_main(int argc, char **argv)
{
	const char *newroot = argv[1], *init = argv[2], *console = optstr('c');
	static const char *const moves[] = { "/dev", "/proc", "/sys", "/run" };
	struct stat root_st, new_st, up_st;
	struct statfs sfs;
	char *up;
	int err, rootfd;

	if (getpid() != 1)
		fail("must be run as PID 1, from the initramfs's /init or linuxrc"
		     " (exec switch_root NEWROOT INIT)");
	if (stat("/", &root_st))
		fail("/: %s", strerror(errno));
	if (stat(newroot, &new_st))
		fail("%s: %s", newroot, strerror(errno));
	if (!S_ISDIR(new_st.st_mode))
		fail("%s: not a directory", newroot);
	up = path_join(newroot, "..");
	if (stat(up, &up_st))
		fail("%s: %s", up, strerror(errno));
	free(up);
	if (new_st.st_dev == up_st.st_dev)
		fail("%s: not a mount point (mount the real root filesystem there first)", newroot);
	if (new_st.st_dev == root_st.st_dev)
		fail("%s: is on the same filesystem as / and would be deleted with it", newroot);
	if ((err = init_ok(newroot, init))) {
		if (err == ENOENT)
			show_dir(newroot, init);
		fail("%s: %s%s (INIT is a path inside %s)", init,
		     err == EACCES ? "not an executable file" : strerror(err),
		     err == ENOENT ? " in the new root" : "", newroot);
	}
	if (statfs("/", &sfs))
		fail("/: %s", strerror(errno));
	if ((unsigned long)sfs.f_type != RAMFS_MAGIC && (unsigned long)sfs.f_type != TMPFS_MAGIC)
		fail("/ is not an initramfs (ramfs or tmpfs); refusing to delete it"
		     " (for a real root filesystem use pivot_root)");

	/* Committed.  Move the API filesystems first, so that their now
	 * empty directories go with the rest of the initramfs. */
	for (size_t i = 0; i < ARRAY_SIZE(moves); i++) {
		struct stat a, b;
		char *dst = xasprintf("%s%s", newroot, moves[i]);
		if (!stat(moves[i], &a) && a.st_dev != root_st.st_dev &&
		    !stat(dst, &b) && S_ISDIR(b.st_mode) && mount(moves[i], dst, NULL, MS_MOVE, NULL))
			fprintf(stderr, "switch_root: moving %s to %s: %s (left behind)\n",
				moves[i], dst, strerror(errno));
		free(dst);
	}
	if (chdir(newroot))
		fail("%s: %s", newroot, strerror(errno));
	rootfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		fail("/: %s", strerror(errno));
	delete_tree(rootfd, root_st.st_dev);
	if (mount(".", "/", NULL, MS_MOVE, NULL))
		fail("moving %s to /: %s", newroot, strerror(errno));
	if (chroot(".") || chdir("/"))
		fail("chroot %s: %s", newroot, strerror(errno));
	if (console) {
		int fd = open(console, O_RDWR);
		if (fd < 0) {
			fprintf(stderr, "switch_root: %s: %s\n", console, strerror(errno));
		} else {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
	}
	execv(init, argv + 2);
	fail("exec %s: %s", init, strerror(errno));
}
