/* insmod - load one kernel module file */
//menu:Kernel modules
//config:config INSMOD
//config:	bool "insmod"
//config:	default y
//config:	help
//config:	  Load a module file with parameters, without looking at
//config:	  dependencies (see modprobe).  .ko.gz is inflated here; .ko.xz
//config:	  and .ko.zst go to a kernel that decompresses them itself.
//applet:insmod INSMOD insmod_main "^<1"
//usage:insmod FILE [PARAM=VALUE]...
//usage:
//usage:Load the module FILE (.ko, .ko.gz, .ko.xz or .ko.zst) with the given
//usage:parameters.  Dependencies are not loaded: use modprobe for that.
#include "pxebox.h"
#include "modules.h"

int insmod_main(int argc, char **argv)
{
	size_t len = 1;
	char *params;
	struct stat st;

	/* say "no such file" before the kernel gets to say anything vaguer */
	if (stat(argv[1], &st))
		pdie("%s", argv[1]);
	if (!S_ISREG(st.st_mode))
		die("%s: not a regular file", argv[1]);
	for (int i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;
	params = xzalloc(len);
	for (int i = 2; i < argc; i++) {
		if (i > 2)
			strcat(params, " ");
		strcat(params, argv[i]);
	}
	if (module_insert(argv[1], params)) {
		if (errno == ENOPKG)
			xexit(1);	/* module_insert explained */
		die("could not insert %s: %s", argv[1],
		    errno == ENOENT ? "Unknown symbol in module, or unknown parameter (see dmesg)" :
		    errno == ENOEXEC ? "Invalid module format" : strerror(errno));
	}
	free(params);
	return 0;
}
