/* dirname - strip the last component of a name */
//menu:Text
//config:config DIRNAME
//config:	bool "dirname"
//config:	default y
//config:	help
//config:	  Print NAME without its last component.
//applet:dirname DIRNAME dirname_main "<1z(zero)"
//usage:dirname [-z] NAME...
//usage:
//usage:Print each NAME with its last non-slash component and trailing slashes
//usage:removed; "." when NAME has no slash.
//usage:	-z	end each output line with NUL, not newline
#include "pxebox.h"

int dirname_main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		size_t len = strlen(s);

		while (len > 1 && s[len - 1] == '/')
			len--;
		while (len && s[len - 1] != '/')
			len--;
		while (len > 1 && s[len - 1] == '/')
			len--;
		if (!len)
			printf("%s", *s == '/' ? "/" : ".");
		else
			printf("%.*s", (int)len, s);
		putchar(opt('z') ? 0 : '\n');
	}
	return 0;
}
