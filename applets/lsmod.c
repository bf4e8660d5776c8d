/* lsmod - list loaded kernel modules */
//menu:Kernel modules
//config:config LSMOD
//config:	bool "lsmod"
//config:	default y
//config:	help
//config:	  Show /proc/modules as a table, in kmod's format.
//applet:lsmod LSMOD lsmod_main ">0"
//usage:lsmod
//usage:
//usage:List the loaded modules: name, size, use count and users.
#include "pxebox.h"

int lsmod_main(int argc, char **argv)
{
	int fd = open("/proc/modules", O_RDONLY | O_CLOEXEC);
	struct lines *l;
	char *line;
	size_t len;

	if (fd < 0)
		pdie("/proc/modules");
	puts("Module                  Size  Used by");
	l = lines_open(fd);
	/* "name size refcount users, state address": users are "-" or "a,b," */
	while ((line = lines_next(l, &len))) {
		char *name = strtok(line, " "), *size = strtok(NULL, " ");
		char *refs = strtok(NULL, " "), *users = strtok(NULL, " ");
		if (!name || !size || !refs)
			continue;
		printf("%-19s %8s  %s", name, size, refs);
		if (users && strcmp(users, "-")) {
			size_t n = strlen(users);
			if (n && users[n - 1] == ',')
				users[n - 1] = 0;
			printf(" %s", users);
		}
		putchar('\n');
	}
	lines_close(l);
	close(fd);
	return 0;
}
