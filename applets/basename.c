/* basename - strip directory and suffix from a name */
//menu:Text
//config:config BASENAME
//config:	bool "basename"
//config:	default y
//config:	help
//config:	  Print NAME without its directory part (and SUFFIX).
//applet:basename BASENAME basename_main "<1as:(suffix)z(zero)"
//usage:basename NAME [SUFFIX] | basename -a [-s SUFFIX] NAME...
//usage:
//usage:Print NAME with any leading directory components and trailing SUFFIX removed.
//usage:	-a	every argument is a NAME
//usage:	-s SUF	remove SUF (implies -a)
//usage:	-z	end each output line with NUL, not newline
#include "pxebox.h"

static void one(const char *name, const char *suffix)
{
	size_t len = strlen(name);
	const char *start;

	while (len > 1 && name[len - 1] == '/')
		len--;
	start = name + len;
	while (start > name && start[-1] != '/')
		start--;
	if (start == name + len && len)	/* only slashes */
		start = name + len - 1;
	len -= (size_t)(start - name);
	if (suffix) {
		size_t sl = strlen(suffix);
		/* POSIX: a suffix equal to the whole name is kept */
		if (sl < len && !memcmp(start + len - sl, suffix, sl))
			len -= sl;
	}
	printf("%.*s%c", (int)len, start, opt('z') ? 0 : '\n');
}

int basename_main(int argc, char **argv)
{
	const char *suffix = optstr('s');

	if (opt('a') || suffix) {
		for (int i = 1; i < argc; i++)
			one(argv[i], suffix);
		return 0;
	}
	if (argc > 3) {
		warn("extra operand '%s'", argv[3]);
		usage_die();
	}
	one(argv[1], argc == 3 ? argv[2] : NULL);
	return 0;
}
