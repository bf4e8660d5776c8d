/* umount - detach filesystems */
//menu:Filesystems
//config:config UMOUNT
//config:	bool "umount"
//config:	default y
//config:	help
//config:	  Unmount filesystems by directory or device; -a unmounts all
//config:	  of /proc/mounts in reverse order.
//applet:umount UMOUNT umount_main "afldrnvt:"
//usage:umount [-afldrnv] [-t TYPE[,TYPE]] DIR|DEVICE...
//usage:
//usage:Unmount the filesystems mounted on DIR (or from DEVICE).
//usage:	-a	all of /proc/mounts, last mounted first, except proc,
//usage:		sysfs, devpts, devfs, rpc_pipefs and nfsd (-t filters,
//usage:		"noext4,..." excludes)
//usage:	-f	force (an unreachable NFS server)
//usage:	-l	lazy: detach now, clean up when no longer busy
//usage:	-r	remount read-only if the unmount fails as busy
//usage:	-d	free the loop device too (loops set up by mount free
//usage:		themselves)
//usage:	-v	say what was unmounted	-n	ignored (no mtab)
#include "pxebox.h"
#include "mtab.h"
#include <sys/ioctl.h>
#include <linux/loop.h>

/* The mounted entry for ARG, by directory first, else by device (the last
 * one mounted wins); NULL if none.  T keeps the strings alive.  The path
 * is resolved only when the name as given matches nothing: resolving
 * stats the mount point, which hangs on a dead NFS server, the very case
 * -f and -l are for. */
static struct mtab_ent *lookup(struct mtab *t, const char *arg)
{
	char *real = NULL;
	struct mtab_ent *hit = NULL;
	size_t i;
	for (int pass = 0; pass < 2 && !hit; pass++) {
		const char *name = arg;
		if (pass) {
			if (opt('f') || opt('l') || !(real = realpath(arg, NULL)))
				break;
			name = real;
		}
		for (i = t->n; i-- > 0 && !hit;)
			if (!strcmp(t->e[i].dir, name))
				hit = &t->e[i];
		for (i = t->n; i-- > 0 && !hit;)
			if (!strcmp(t->e[i].src, name))
				hit = &t->e[i];
	}
	free(real);
	return hit;
}

static void free_loop(const char *dev)
{
	int fd;
	if (!str_start(dev, "/dev/loop"))
		return;
	fd = open(dev, O_RDONLY | O_CLOEXEC);
	/* ENXIO: already free, as autoclear loops are by now */
	if (fd < 0 || (ioctl(fd, LOOP_CLR_FD, 0) && errno != ENXIO))
		pwarn("%s: can't free loop device", dev);
	if (fd >= 0)
		close(fd);
}

static int do_umount(const char *arg, const struct mtab_ent *e)
{
	int flags = (opt('f') ? MNT_FORCE : 0) | (opt('l') ? MNT_DETACH : 0);
	const char *dir = e ? e->dir : arg;
	int err;

	/* umount2 on the path first: it works even when /proc is not there */
	if (!umount2(arg, flags) || (e && strcmp(arg, dir) && !umount2(dir, flags))) {
		if (opt('v'))
			printf("umount: %s unmounted\n", dir);
		if (opt('d') && e)
			free_loop(e->src);
		return 0;
	}
	err = errno;
	if (err == EBUSY && opt('r')) {
		if (!mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL)) {
			fprintf(stderr, "umount: %s busy - remounted read-only\n", dir);
			return 0;
		}
		pwarn("%s: can't remount read-only", dir);
		return -1;
	}
	if (err == EINVAL && !e)
		warn("%s: not mounted", arg);
	else if (err == EBUSY)
		warn("%s: target is busy (try -l)", dir);
	else {
		errno = err;
		pwarn("%s", arg);
	}
	return -1;
}

/* util-linux leaves these to the kernel at shutdown */
static int keep_on_all(const char *type)
{
	static const char *const keep[] = { "proc", "sysfs", "devpts", "devfs", "rpc_pipefs", "nfsd", "rootfs" };
	for (size_t i = 0; i < ARRAY_SIZE(keep); i++)
		if (!strcmp(type, keep[i]))
			return 1;
	return 0;
}

int umount_main(int argc, char **argv)
{
	struct mtab t;
	int have = !mtab_load(&t, "/proc/mounts");

	if (opt('a')) {
		if (argc > 1)
			usage_die();
		if (!have)
			pdie("/proc/mounts");
		for (size_t i = t.n; i-- > 0;) {
			struct mtab_ent *e = &t.e[i];
			if (optstr('t') ? !mtab_type_match(e->type, optstr('t')) : keep_on_all(e->type))
				continue;
			do_umount(e->dir, e);
		}
	} else {
		if (argc < 2)
			usage_die();
		for (int i = 1; i < argc; i++)
			do_umount(argv[i], have ? lookup(&t, argv[i]) : NULL);
	}
	if (have)
		mtab_free(&t);
	return px.exitcode;
}
