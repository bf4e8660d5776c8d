/* sync - flush file system buffers */
//menu:System
//config:config SYNC
//config:	bool "sync"
//config:	default y
//config:	help
//config:	  Write cached data to the disks.
//applet:sync SYNC sync_main "d(data)f(file-system)"
//usage:sync [-d|-f] [FILE]...
//usage:
//usage:Write all cached data to storage; with FILEs, only theirs.
//usage:	-d	only the FILEs' data (fdatasync)
//usage:	-f	the file systems holding the FILEs (syncfs)
#include "pxebox.h"

int sync_main(int argc, char **argv)
{
	if (argc < 2) {
		if (opt('d') || opt('f'))
			die("-d and -f need FILE operands");
		sync();
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		int rc;
		if (fd < 0) {
			pwarn("%s", argv[i]);
			continue;
		}
		rc = opt('f') ? syncfs(fd) : opt('d') ? fdatasync(fd) : fsync(fd);
		if (rc)
			pwarn("%s", argv[i]);
		close(fd);
	}
	return px.exitcode;
}
