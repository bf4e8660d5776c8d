/* rmmod - remove kernel modules */
//menu:Kernel modules
//config:config RMMOD
//config:	bool "rmmod"
//config:	default y
//config:	help
//config:	  Unload modules by name (a .ko path is accepted too).
//applet:rmmod RMMOD rmmod_main "<1f(force)w(wait)v(verbose)s(syslog)"
//usage:rmmod [-fwv] MODULE...
//usage:
//usage:Remove each MODULE from the kernel.
//usage:	-f	force removal even if in use (needs CONFIG_MODULE_FORCE_UNLOAD)
//usage:	-w	wait until the module is no longer used, then remove it
//usage:	-v	say what is removed
#include "pxebox.h"
#include "modules.h"
#include <sys/syscall.h>

int rmmod_main(int argc, char **argv)
{
	int flags = (opt('w') ? 0 : O_NONBLOCK) | (opt('f') ? O_TRUNC : 0);

	for (int i = 1; i < argc; i++) {
		/* "kernel/.../e1000.ko" or "crc32c-intel" -> the kernel's name */
		const char *b = base_name(argv[i]);
		char *name = xstrndup(b, strcspn(b, "."));
		mod_normalise(name);
		if (!*name) {
			warn("invalid module name '%s'", argv[i]);
		} else if (!module_loaded(name) && !opt('f')) {
			struct stat st;
			char *sys = xasprintf("/sys/module/%s", name);
			/* a directory without initstate is a built-in module */
			warn(stat(sys, &st) ? "module %s is not currently loaded" :
			     "module %s is built into the kernel", name);
			free(sys);
		} else {
			if (opt('v'))
				printf("rmmod %s\n", name);
			if (syscall(SYS_delete_module, name, flags))
				pwarn("could not remove '%s'", name);
		}
		free(name);
	}
	return px.exitcode;
}
