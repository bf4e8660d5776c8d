/* mknod - make block or character special files and fifos */
//menu:Files
//config:config MKNOD
//config:	bool "mknod"
//config:	default y
//config:	help
//config:	  Create device nodes and named pipes.
//applet:mknod MKNOD mknod_main "<2>4m(mode):"
//usage:mknod [-m MODE] NAME TYPE [MAJOR MINOR]
//usage:
//usage:Create a special file NAME of TYPE:
//usage:	b	block device	c, u	character device (unbuffered)
//usage:	p	named pipe (fifo; no MAJOR MINOR)
//usage:	-m MODE	mode of the new file (as chmod; umask not applied)
#include "pxebox.h"
#include <sys/sysmacros.h>

int mknod_main(int argc, char **argv)
{
	const char *name = argv[1], *type = argv[2];
	mode_t mode = 0666, kind;
	dev_t dev = 0;

	if (optstr('m') && parse_mode(optstr('m'), &mode, 0666))
		die("invalid mode '%s'", optstr('m'));
	if (strlen(type) != 1 || !strchr("bcup", type[0]))
		die("invalid device type '%s'", type);
	kind = type[0] == 'b' ? S_IFBLK : type[0] == 'p' ? S_IFIFO : S_IFCHR;
	if (kind == S_IFIFO) {
		if (argc != 3)
			die("fifos do not have major and minor device numbers");
	} else {
		if (argc != 5)
			die(argc < 5 ? "special files require major and minor device numbers" :
				       "extra operand");
		/* the kernel's dev_t holds 12-bit majors and 20-bit minors */
		dev = makedev(parse_num(argv[3], "major device number", 0, 4095),
			      parse_num(argv[4], "minor device number", 0, 1048575));
	}
	if (mknod(name, kind | mode, dev))
		pdie("%s", name);
	/* mknod() applied the umask; -m asks for the mode as given */
	if (optstr('m') && chmod(name, mode)) {
		int e = errno;
		unlink(name);
		errno = e;
		pdie("%s", name);
	}
	return 0;
}
