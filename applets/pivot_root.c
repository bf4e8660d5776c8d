/* pivot_root - make a mounted filesystem the root */
//menu:Filesystems
//config:config PIVOT_ROOT
//config:	bool "pivot_root"
//config:	default y
//config:	help
//config:	  Swap the root filesystem for NEW_ROOT, keeping the old one at
//config:	  PUT_OLD.  For real root filesystems (old initrd, containers);
//config:	  from an initramfs use switch_root.
//applet:pivot_root PIVOT_ROOT pivot_root_main "<2>2"
//usage:pivot_root NEW_ROOT PUT_OLD
//usage:
//usage:Make NEW_ROOT (a mount point) the root filesystem and move the old
//usage:root to PUT_OLD (a directory under NEW_ROOT).  The initramfs cannot
//usage:be pivoted: from there, use switch_root.
#include "pxebox.h"
#include "mtab.h"
#include <sys/syscall.h>

/* Is the mount at / the initramfs?  Its type reads "rootfs". */
static int root_is_rootfs(void)
{
	struct mtab t;
	int yes = 0;
	if (mtab_load(&t, "/proc/mounts"))
		return 0;
	for (size_t i = t.n; i-- > 0;)
		if (!strcmp(t.e[i].dir, "/")) {
			yes = !strcmp(t.e[i].type, "rootfs");
			break;
		}
	mtab_free(&t);
	return yes;
}

int pivot_root_main(int argc, char **argv)
{
	if (!syscall(SYS_pivot_root, argv[1], argv[2]))
		return 0;
	if (errno == EINVAL && root_is_rootfs())
		die("/ is the initramfs (rootfs), which cannot be pivoted: "
		    "use switch_root NEW_ROOT INIT instead");
	if (errno == EINVAL)
		die("%s: %s (NEW_ROOT must be a mount point, PUT_OLD a directory under it,"
		    " and neither may be on a shared mount: see mount --make-rprivate /)",
		    argv[1], strerror(errno));
	if (errno == EBUSY)
		die("%s: %s (PUT_OLD must be a directory under NEW_ROOT, and neither may be"
		    " on the current root filesystem)", argv[1], strerror(errno));
	pdie("%s", argv[1]);
}
