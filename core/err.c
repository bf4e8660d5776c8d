/* err.c - the one way pxebox reports errors: "applet: message[: why]". */
#include "pxebox.h"

struct pxebox_state px = { "pxebox", 0, NULL, 0 };

static void vmsg(const char *fmt, va_list ap, int err)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", px.applet);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
	px.exitcode = 1;
}

void pwarn(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
	px.exitcode = 1;
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
	xexit(px.exitcode > 1 ? px.exitcode : 1);
}

void pdie(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
	xexit(px.exitcode > 1 ? px.exitcode : 1);
}

int flush_stdout(int code)
{
	/* stdout errors (full disk, closed pipe) must not pass silently */
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "%s: write error: %s\n", px.applet, strerror(errno));
		clearerr(stdout);
		return code ? code : 1;
	}
	return code;
}

void xexit(int code)
{
	code = flush_stdout(code);
	if (px.rethrow) {
		px.rethrow_code = code;
		longjmp(*px.rethrow, 1);
	}
	exit(code);
}

void show_help(const struct applet *a, FILE *f)
{
	fputs(a->usage, f);
	fputc('\n', f);
}

void usage_die(void)
{
	const struct applet *a = applet_find(px.applet);
	if (a) {
		/* first line of the usage text is the synopsis */
		const char *nl = strchr(a->usage, '\n');
		fprintf(stderr, "usage: %.*s\n", nl ? (int)(nl - a->usage) : (int)strlen(a->usage), a->usage);
	}
	xexit(px.usage_code ? px.usage_code : 1);
}
