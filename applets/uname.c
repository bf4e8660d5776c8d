/* uname - print system information */
//menu:System
//config:config UNAME
//config:	bool "uname"
//config:	default y
//config:	help
//config:	  Print the kernel name, release, machine and so on.
//applet:uname UNAME uname_main ">0a(all)s(kernel-name)n(nodename)r(kernel-release)v(kernel-version)m(machine)p(processor)i(hardware-platform)o(operating-system)"
//usage:uname [-asnrvmpio]
//usage:
//usage:Print system information (default -s).
//usage:	-a	all of the below	-s	kernel name
//usage:	-n	network node name	-r	kernel release
//usage:	-v	kernel version		-m	machine
//usage:	-p	processor		-i	hardware platform
//usage:	-o	operating system
#include "pxebox.h"
#include <sys/utsname.h>

int uname_main(int argc, char **argv)
{
	struct utsname u;
	const char *field[8];
	const char keys[] = "snrvmpio";
	int all = opt('a'), any = 0, first = 1;

	if (uname(&u))
		pdie("uname");
	field[0] = u.sysname;
	field[1] = u.nodename;
	field[2] = u.release;
	field[3] = u.version;
	field[4] = u.machine;
	field[5] = u.machine;	/* -p and -i: Linux gives no better answer */
	field[6] = u.machine;
	field[7] = "GNU/Linux";
	for (int i = 0; i < 8; i++)
		any |= opt(keys[i]);
	for (int i = 0; i < 8; i++) {
		/* -a leaves out -p and -i, as coreutils and busybox do */
		if (all ? (i == 5 || i == 6) : !(opt(keys[i]) || (!any && i == 0)))
			continue;
		printf("%s%s", first ? "" : " ", field[i]);
		first = 0;
	}
	putchar('\n');
	return 0;
}
