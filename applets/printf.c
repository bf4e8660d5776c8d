/* printf - formatted output */
//menu:Shell utilities
//config:config PRINTF
//config:	bool "printf"
//config:	default y
//config:	help
//config:	  Format and print data, as POSIX printf.  The shell runs it
//config:	  in-process, so it keeps no state between calls.
//config:
//config:config PRINTF_FLOAT
//config:	bool "Support %e %f %g %E %G"
//config:	depends on PRINTF
//config:	default y
//config:	help
//config:	  Floating-point conversions.  Without them those directives are
//config:	  invalid and the float formatting code stays out of the binary.
//applet:printf PRINTF printf_main NULL
//usage:printf FORMAT [ARGUMENT]...
//usage:
//usage:Print ARGUMENTs under control of FORMAT, reusing FORMAT while arguments
//usage:remain.  Directives: %[flags][width][.precision]CONV with flags -+ #0,
//usage:width and precision numbers or * (taken from the arguments), CONV one of
//usage:	d i o u x X	integers (an argument 'c gives the value of c)
//usage:	e E f g G	floating point
//usage:	c s		first character / string
//usage:	b		string with \\ escapes (\\c stops all output)
//usage:	%%		a literal %
//usage:Escapes in FORMAT: \\\\ \\a \\b \\e \\f \\n \\r \\t \\v \\" \\NNN \\xHH, and \\c.
#include "pxebox.h"
#include "escape.h"
#include <inttypes.h>

/* All state of one run: the shell calls us in-process, so nothing static. */
struct pf {
	char **args;	/* next argument; NULL-terminated */
	int used;	/* did this pass over the format consume an argument? */
	int stop;	/* \c seen: print nothing more */
};

static const char *next_arg(struct pf *p)
{
	if (!*p->args)
		return NULL;
	p->used = 1;
	return *p->args++;
}

/* 'c or "c: the value of the character after the quote */
static int char_value(const char *s, intmax_t *v)
{
	if (*s != '\'' && *s != '"')
		return 0;
	*v = (unsigned char)s[1];
	return 1;
}

/* Report an argument that is not all number; its value is what converted,
 * as coreutils and dash print, and printf goes on with status 1. */
static void check_number(const char *s, const char *end)
{
	if (errno == ERANGE)
		warn("%s: %s", s, strerror(ERANGE));
	else if (end == s || *end)
		warn("invalid number '%s'", s);
}

static intmax_t arg_signed(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	intmax_t v;

	if (!s || !*s || char_value(s, &v))
		return s && *s ? v : 0;
	errno = 0;
	v = strtoimax(s, &end, 0);
	check_number(s, end);
	return v;
}

static uintmax_t arg_unsigned(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	intmax_t v;
	uintmax_t u;

	if (!s || !*s || char_value(s, &v))
		return s && *s ? (uintmax_t)v : 0;
	errno = 0;
	/* strtoumax takes "-1" as UINTMAX_MAX, which is what %u/%x of -1 show */
	u = strtoumax(s, &end, 0);
	check_number(s, end);
	return u;
}

static long double arg_float(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	intmax_t c;
	long double v;

	if (!s || !*s)
		return 0;
	if (char_value(s, &c))
		return (long double)c;
	errno = 0;
	v = strtold(s, &end);
	check_number(s, end);
	return v;
}

/* %b: the argument with its escapes decoded, padded as %s would be */
static void print_b(struct pf *p, const char *spec, int width, int prec)
{
	const char *s = next_arg(p);
	size_t n = 0, len = s ? strlen(s) : 0;
	char *buf = xmalloc(len + 1);

	while (s && *s) {
		char c = *s++;
		if (c == '\\' && !escape_decode(&s, &c, ESC_B)) {
			p->stop = 1;
			break;
		}
		buf[n++] = c;
	}
	/* %s would stop at a NUL that \0 produced, so write by length */
	if (prec >= 0 && (size_t)prec < n)
		n = (size_t)prec;
	if (width < 0 || (size_t)width <= n) {
		fwrite(buf, 1, n, stdout);
	} else if (strchr(spec, '-')) {
		fwrite(buf, 1, n, stdout);
		printf("%*s", width - (int)n, "");
	} else {
		printf("%*s", width - (int)n, "");
		fwrite(buf, 1, n, stdout);
	}
	free(buf);
}

/* "*" takes an int from the arguments; out-of-range values are an error */
static int star(struct pf *p)
{
	intmax_t v = arg_signed(p);
	if (v > INT_MAX || v < -INT_MAX) {
		warn("%jd: %s", v, strerror(ERANGE));
		v = 0;
	}
	return (int)v;
}

/* One directive starting at f (just after the '%').  Returns the character
 * after it, or NULL when it is invalid (printf then stops, as coreutils). */
static const char *directive(struct pf *p, const char *f)
{
	char spec[16];
	const char *start = f - 1;
	int n = 1, width = 0, prec = -1;	/* C: a negative precision is none */

	spec[0] = '%';
	for (; *f && strchr("-+ #0", *f); f++)
		if (n < 7)
			spec[n++] = *f;
	if (*f == '*') {
		width = star(p);
		f++;
	} else
		while (isdigit((unsigned char)*f))
			width = width < INT_MAX / 10 ? width * 10 + (*f++ - '0') : (f++, INT_MAX);
	if (*f == '.') {
		prec = 0;
		if (*++f == '*') {
			prec = star(p);
			f++;
		} else
			while (isdigit((unsigned char)*f))
				prec = prec < INT_MAX / 10 ? prec * 10 + (*f++ - '0') : (f++, INT_MAX);
	}
	while (*f && strchr("hlLqjzt", *f))
		f++;	/* the sizes are ours to choose, as in busybox */
	spec[n++] = '*';
	switch (*f) {
	case 'd': case 'i':
		strcpy(spec + n, ".*jd");
		printf(spec, width, prec, arg_signed(p));
		break;
	case 'o': case 'u': case 'x': case 'X':
		sprintf(spec + n, ".*j%c", *f);
		printf(spec, width, prec, arg_unsigned(p));
		break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
		if (!ENABLE_PRINTF_FLOAT)
			goto bad;
		sprintf(spec + n, ".*L%c", *f);
		printf(spec, width, prec, arg_float(p));
		break;
	case 'c': {
		const char *s = next_arg(p);
		strcpy(spec + n, "c");
		printf(spec, width, s ? *s : 0);
		break;
	}
	case 's': {
		const char *s = next_arg(p);
		strcpy(spec + n, ".*s");
		printf(spec, width, prec, s ? s : "");
		break;
	}
	case 'b':
		if (width < 0)
			width = -width, spec[n - 1] = '-';
		spec[n] = 0;
		print_b(p, spec, width, prec);
		break;
	case '%':
		if (f == start + 1) {
			putchar('%');
			break;
		}
		goto bad;	/* "%5%" is not a directive */
	default:
	bad:
		warn("%.*s: invalid conversion", (int)(f - start + !!*f), start);
		return NULL;
	}
	return f + 1;
}

/* One pass over the format.  Returns 0 to stop (\c or an invalid directive). */
static int format(struct pf *p, const char *f)
{
	while (*f && !p->stop) {
		char c = *f++;
		if (c == '%') {
			if (!(f = directive(p, f))) {
				px.exitcode = 1;
				return 0;
			}
			continue;
		}
		if (c == '\\' && !escape_decode(&f, &c, ESC_FORMAT))
			return 0;
		putchar(c);
	}
	return !p->stop;
}

int printf_main(int argc, char **argv)
{
	struct pf p = { 0 };
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (i >= argc) {
		px.exitcode = 2;
		die("usage: printf FORMAT [ARGUMENT]...");
	}
	p.args = argv + i + 1;
	/* the format is used again while arguments remain, but only if a pass
	 * consumed some: "printf x 1 2" prints x once, as everyone does */
	do {
		p.used = 0;
		if (!format(&p, argv[i]))
			break;
	} while (*p.args && p.used);
	return px.exitcode;
}
