/* env - run a program in a changed environment */
//menu:Process utilities
//config:config ENV
//config:	bool "env"
//config:	default y
//config:	help
//config:	  Print the environment, or run a command with it changed.
//applet:env ENV env_main "^i(ignore-environment)u*(unset)0(null)"
//usage:env [-i0] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
//usage:
//usage:Set NAME=VALUEs and run COMMAND, or print the resulting environment.
//usage:	-i, -	start with an empty environment
//usage:	-u NAME	remove NAME
//usage:	-0	end each printed line with NUL
#include "pxebox.h"

extern char **environ;

int env_main(int argc, char **argv)
{
	char **u, **a = argv + 1;
	static char *empty[1];

	if (*a && !strcmp(*a, "-")) {
		environ = empty;
		a++;
	}
	if (opt('i'))
		environ = empty;
	for (u = optlist('u'); *u; u++)
		if (unsetenv(*u))
			pdie("cannot unset '%s'", *u);
	for (; *a && strchr(*a, '='); a++)
		if (putenv(*a))
			pdie("cannot set '%s'", *a);
	if (!*a) {
		for (char **e = environ; *e; e++)
			printf("%s%c", *e, opt('0') ? 0 : '\n');
		return 0;
	}
	fflush(stdout);
	execvp(*a, a);
	/* POSIX: 127 when not found, 126 when found but not runnable */
	px.exitcode = errno == ENOENT ? 127 : 126;
	pdie("%s", *a);
}
