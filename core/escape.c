/* escape.c - backslash escapes shared by echo -e and printf. */
#include "pxebox.h"
#include "escape.h"

int escape_decode(const char **sp, char *out, int mode)
{
	static const char from[] = "abefnrtv\\\"", to[] = "\a\b\033\f\n\r\t\v\\\"";
	const char *s = *sp, *p = *s ? strchr(from, *s) : NULL;
	int v = 0, n = 0;

	if (*s == 'c')
		return 0;
	if (p && (*s != '"' || mode != ESC_ECHO)) {
		*out = to[p - from];
		*sp = s + 1;
		return 1;
	}
	if (*s >= '0' && *s <= '7' && (*s == '0' || mode != ESC_ECHO)) {
		if (*s == '0' && mode != ESC_FORMAT)
			s++;	/* the 0 of \0NNN is a marker, not a digit */
		for (; n < 3 && *s >= '0' && *s <= '7'; n++, s++)
			v = v * 8 + (*s - '0');
	} else if (*s == 'x' && isxdigit((unsigned char)s[1])) {
		for (s++; n < 2 && isxdigit((unsigned char)*s); n++, s++)
			v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10);
	} else {
		*out = '\\';
		return 1;
	}
	*out = (char)v;
	*sp = s;
	return 1;
}
