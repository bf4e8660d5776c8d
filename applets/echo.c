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

/* Decode one backslash escape at *s (after the backslash) into out.
 * Returns 0 for \c (stop all output), else 1.  Shared with printf's %b. */
int echo_escape(const char **sp, char *out)
{
	const char *s = *sp;
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	const char *p = strchr(from, *s);
	int v = 0, n = 0;

	if (*s == 'c')
		return 0;
	if (*s && p) {
		*out = to[p - from];
		*sp = s + 1;
	} else if (*s == '0') {
		for (s++; n < 3 && *s >= '0' && *s <= '7'; n++, s++)
			v = v * 8 + (*s - '0');
		*out = (char)v;
		*sp = s;
	} else if (*s == 'x' && isxdigit((unsigned char)s[1])) {
		for (s++; n < 2 && isxdigit((unsigned char)*s); n++, s++)
			v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : (tolower(*s) - 'a' + 10));
		*out = (char)v;
		*sp = s;
	} else {
		*out = '\\';	/* unknown escape: print the backslash itself */
	}
	return 1;
}

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
					if (!echo_escape(&s, &c))
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
