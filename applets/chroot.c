/* chroot - run a command with another root directory */
//menu:Files
//config:config CHROOT
//config:	bool "chroot"
//config:	default y
//config:	help
//config:	  Run a command (default: an interactive shell) inside NEWROOT.
//applet:chroot CHROOT chroot_main "^<1"
//usage:chroot NEWROOT [COMMAND [ARG]...]
//usage:
//usage:Run COMMAND with NEWROOT as /, in /.  The default command is
//usage:"$SHELL -i", or "/bin/sh -i" when SHELL is unset.
#include "pxebox.h"

int chroot_main(int argc, char **argv)
{
	char *shell[] = { getenv("SHELL"), "-i", NULL };

	/* coreutils' exit codes: 125 for chroot itself, 126/127 for the command */
	px.exitcode = 125;
	if (chroot(argv[1]))
		pdie("cannot change root directory to '%s'", argv[1]);
	if (chdir("/"))
		pdie("cannot chdir to root directory");
	if (!shell[0] || !*shell[0])
		shell[0] = "/bin/sh";
	argv = argc > 2 ? argv + 2 : shell;
	execvp(argv[0], argv);
	px.exitcode = errno == ENOENT ? 127 : 126;
	pdie("failed to run command '%s'", argv[0]);
}
