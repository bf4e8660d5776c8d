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
#include <math.h>	/* only the classification macros */

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

/* Floats are doubles, as in dash and busybox (coreutils uses long double). */
static double arg_float(struct pf *p)
{
	const char *s = next_arg(p);
	char *end;
	intmax_t c;
	double v;

	if (!s || !*s)
		return 0;
	if (char_value(s, &c))
		return (double)c;
	errno = 0;
	v = strtod(s, &end);
	check_number(s, end);
	/* uClibc-ng's strtod gives "nan" the sign bit; glibc's does not */
	if (isnan(v))
		v = s[strspn(s, " \t")] == '-' ? -(double)NAN : (double)NAN;
	return v;
}

/* ---- exact float formatting ----------------------------------------------
 * uClibc-ng's printf rounds from an inexact conversion (it prints 3 for
 * %.0f of 2.5, and wrong low digits), so floats are formatted here: a
 * double is m * 2^e exactly, so its decimal expansion is exact in a small
 * big-number, and rounding is then half-to-even on the true value, as glibc. */

struct dec {
	char d[800];	/* significant digits, no leading zeros ("0" for zero) */
	int n;		/* how many */
	int point;	/* value = 0.d[0]d[1]... * 10^point */
};

/* big *= m, in base 1e9 limbs, least significant first */
static void big_mul(uint32_t *b, int *nb, uint32_t m)
{
	uint64_t carry = 0;
	for (int i = 0; i < *nb; i++) {
		uint64_t v = (uint64_t)b[i] * m + carry;
		b[i] = (uint32_t)(v % 1000000000);
		carry = v / 1000000000;
	}
	while (carry) {
		b[(*nb)++] = (uint32_t)(carry % 1000000000);
		carry /= 1000000000;
	}
}

static void dec_exact(double v, struct dec *x)
{
	uint32_t b[100];
	int nb = 0, e, len;
	uint64_t bits, m;
	char tmp[16];

	/* take the IEEE 754 fields apart: no libm needed */
	memcpy(&bits, &v, sizeof(bits));
	m = bits & ((1ull << 52) - 1);
	e = (int)(bits >> 52 & 0x7ff);
	if (e)
		m |= 1ull << 52;
	else
		e = 1;		/* subnormal */
	e -= 1075;	/* v = m * 2^e, both exact */
	for (; m; m /= 1000000000)
		b[nb++] = (uint32_t)(m % 1000000000);
	if (!nb) {
		strcpy(x->d, "0");
		x->n = 1;
		x->point = 1;
		return;
	}
	/* 2^e = 10^e / 5^-e when e < 0 */
	for (int k = e; k > 0; k -= 29)
		big_mul(b, &nb, 1u << (k < 29 ? k : 29));
	for (int k = -e; k > 0; k -= 13) {
		uint32_t p5 = 1;
		for (int i = 0; i < (k < 13 ? k : 13); i++)
			p5 *= 5;
		big_mul(b, &nb, p5);
	}
	len = sprintf(x->d, "%u", b[nb - 1]);
	for (int i = nb - 2; i >= 0; i--) {
		sprintf(tmp, "%09u", b[i]);
		memcpy(x->d + len, tmp, 9);
		len += 9;
	}
	x->n = len;
	x->point = len + (e < 0 ? e : 0);
	while (x->n > 1 && x->d[x->n - 1] == '0')
		x->n--;
}

/* Keep `keep` significant digits, rounding half to even. */
static void dec_round(struct dec *x, int keep)
{
	int up, i;

	if (keep >= x->n)
		return;
	if (keep < 0) {
		strcpy(x->d, "0");
		x->n = 1;
		x->point = 1;	/* far below half a unit: zero */
		return;
	}
	up = x->d[keep] > '5' || (x->d[keep] == '5' &&
		(x->n > keep + 1 || (keep > 0 && (x->d[keep - 1] - '0') % 2)));
	x->n = keep;
	for (i = keep - 1; up && i >= 0; i--) {
		if (x->d[i] == '9') {
			x->d[i] = '0';
		} else {
			x->d[i]++;
			up = 0;
		}
	}
	if (up) {	/* 999 -> 1000, or rounding up from no digits at all */
		memmove(x->d + 1, x->d, (size_t)x->n);
		x->d[0] = '1';
		x->n++;
		x->point++;
	}
	while (x->n > 1 && x->d[x->n - 1] == '0')
		x->n--;
	if (!x->n || (x->n == 1 && x->d[0] == '0')) {
		strcpy(x->d, "0");
		x->n = 1;
	}
}

static int is_zero(const struct dec *x)
{
	return x->n == 1 && x->d[0] == '0';
}

/* digit at position i (0 = first significant), zero outside */
static char digit(const struct dec *x, int i)
{
	return i >= 0 && i < x->n ? x->d[i] : '0';
}

static void sb_putc(char **o, char c)
{
	*(*o)++ = c;
}

/* %f: body (no sign) into o */
static void fmt_f(struct dec *x, int prec, int alt, char **o)
{
	int point = is_zero(x) ? 1 : x->point;
	if (point <= 0)
		sb_putc(o, '0');
	for (int i = 0; i < point; i++)
		sb_putc(o, digit(x, i));
	if (prec || alt)
		sb_putc(o, '.');
	for (int i = 0; i < prec; i++)
		sb_putc(o, digit(x, point + i));
}

/* %e: body (no sign) into o */
static void fmt_e(struct dec *x, int prec, int alt, char conv, char **o)
{
	int ex = is_zero(x) ? 0 : x->point - 1;
	sb_putc(o, x->d[0]);
	if (prec || alt)
		sb_putc(o, '.');
	for (int i = 1; i <= prec; i++)
		sb_putc(o, digit(x, i));
	*o += sprintf(*o, "%c%c%02d", conv, ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
}

/* drop trailing zeros of a fraction (and a bare point): %g without '#' */
static void trim_fraction(char *start, char **o, char *exp_at)
{
	char *end = exp_at ? exp_at : *o, *p = end;
	if (!memchr(start, '.', (size_t)(end - start)))
		return;
	while (p[-1] == '0')
		p--;
	if (p[-1] == '.')
		p--;
	memmove(p, end, (size_t)(*o - end));
	*o -= end - p;
}

static void print_float(const char *flags, int width, int prec, char conv, double v)
{
	/* digits: 309 before the point at most, prec after, 767 significant */
	char *buf = xmalloc((size_t)(prec > 0 ? prec : 0) + 1100), *o = buf, sign = 0;
	int alt = !!strchr(flags, '#'), upper = isupper((unsigned char)conv);
	size_t len;
	struct dec x;

	if (signbit(v))
		sign = '-', v = -v;
	else if (strchr(flags, '+'))
		sign = '+';
	else if (strchr(flags, ' '))
		sign = ' ';
	if (prec < 0)
		prec = 6;
	conv = (char)tolower((unsigned char)conv);
	if (isinf(v) || isnan(v)) {
		o += sprintf(o, "%s", isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		flags = strchr(flags, '-') ? "-" : "";	/* never zero-padded */
	} else {
		dec_exact(v, &x);
		if (conv == 'f') {
			dec_round(&x, x.point + prec);
			fmt_f(&x, prec, alt, &o);
		} else if (conv == 'e') {
			dec_round(&x, prec + 1);
			fmt_e(&x, prec, alt, upper ? 'E' : 'e', &o);
		} else {	/* g: %e's exponent picks the style */
			int p = prec ? prec : 1, ex;
			dec_round(&x, p);
			ex = is_zero(&x) ? 0 : x.point - 1;
			if (ex < p && ex >= -4) {
				fmt_f(&x, p - 1 - ex, alt, &o);
				if (!alt)
					trim_fraction(buf, &o, NULL);
			} else {
				fmt_e(&x, p - 1, alt, upper ? 'E' : 'e', &o);
				if (!alt)
					trim_fraction(buf, &o, strchr(buf, upper ? 'E' : 'e'));
			}
		}
	}
	*o = 0;
	len = strlen(buf) + !!sign;
	if (strchr(flags, '-')) {
		if (sign)
			putchar(sign);
		printf("%s%*s", buf, width > (int)len ? width - (int)len : 0, "");
	} else if (strchr(flags, '0')) {
		if (sign)
			putchar(sign);
		for (; (int)len < width; len++)
			putchar('0');
		fputs(buf, stdout);
	} else {
		printf("%*s", width > (int)len ? width - (int)len : 0, "");
		if (sign)
			putchar(sign);
		fputs(buf, stdout);
	}
	free(buf);
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
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		if (!ENABLE_PRINTF_FLOAT)
			goto bad;
		spec[n - 1] = 0;	/* the flags only */
		if (width < 0)
			width = -width, spec[n - 1] = '-', spec[n] = 0;
		print_float(spec + 1, width, prec, *f, arg_float(p));
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
