/* echo - print arguments */
//menu:Shell utilities
//config:config ECHO
//config:	bool "echo"
//config:	default y
//config:	help
//config:	  Print the arguments, separated by spaces.
//applet:echo ECHO echo_main NULL
//usage:echo [-neE] [ARG]...
//usage:
//usage:Print the ARGs separated by spaces and followed by a newline.
//usage:	-n	no trailing newline
//usage:	-e	interpret backslash escapes (\\n \\t \\c \\0NNN \\xHH ...)
//usage:	-E	do not interpret escapes (default)
#include "pxebox.h"
#include "escape.h"

int echo_main(int argc, char **argv)
{
	int nl = 1, esc = 0, i = 1;

	/* only arguments made entirely of n/e/E letters are options, as in bash */
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *p = argv[i] + 1;
		if (p[strspn(p, "neE")])
			break;
		for (; *p; p++)
			if (*p == 'n')
				nl = 0;
			else
				esc = *p == 'e';
	}
	for (; i < argc; i++) {
		const char *s = argv[i];
		if (!esc)
			fputs(s, stdout);
		else
			while (*s) {
				char c = *s++;
				if (c == '\\') {
					if (!escape_decode(&s, &c, ESC_ECHO))
						return 0;
				}
				putchar(c);
			}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (nl)
		putchar('\n');
	return 0;
}
