/* touch - change file timestamps, creating missing files */
//menu:Files
//config:config TOUCH
//config:	bool "touch"
//config:	default y
//config:	help
//config:	  Set the access and modification times of files.
//applet:touch TOUCH touch_main "<1amc(no-create)d(date):t:r(reference):h(no-dereference)f"
//usage:touch [-amch] [-d DATE | -t STAMP | -r FILE] FILE...
//usage:
//usage:Set each FILE's times to now (or the time given), creating it if missing.
//usage:	-a	access time only	-m	modification time only
//usage:	-c	do not create missing files
//usage:	-h	change a symlink, not what it points to
//usage:	-d DATE	YYYY-MM-DD[ HH:MM[:SS[.N]]][Z], HH:MM[:SS], @SECONDS
//usage:	-t STAMP	[[CC]YY]MMDDhhmm[.ss]
//usage:	-r FILE	use FILE's times
#include "pxebox.h"

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int num(const char *s, int n)
{
	int v = 0;
	while (n--)
		v = v * 10 + *s++ - '0';
	return v;
}

/* mktime, but in UTC when utc is set; -1 and errno EINVAL if invalid */
static time_t make_time(struct tm *tm, int utc)
{
	struct tm want = *tm;
	time_t t;
	tm->tm_isdst = -1;
	if (utc) {
		/* timegm is not in every libc: shift a mktime result instead */
		char *tz = getenv("TZ") ? xstrdup(getenv("TZ")) : NULL;
		setenv("TZ", "UTC0", 1);
		tzset();
		t = mktime(tm);
		if (tz)
			setenv("TZ", tz, 1);
		else
			unsetenv("TZ");
		tzset();
		free(tz);
	} else
		t = mktime(tm);
	/* mktime normalises Feb 30 to Mar 2: refuse instead */
	if (tm->tm_mday != want.tm_mday || tm->tm_mon != want.tm_mon || tm->tm_hour != want.tm_hour ||
	    tm->tm_min != want.tm_min)
		return -1;
	return t;
}

/* -t [[CC]YY]MMDDhhmm[.ss] */
static int parse_stamp(const char *s, struct timespec *ts)
{
	time_t now = time(NULL);
	struct tm tm = *localtime(&now);
	const char *dot = strchr(s, '.');
	size_t n = dot ? (size_t)(dot - s) : strlen(s);
	if (!digits(s, n) || (n != 8 && n != 10 && n != 12))
		return -1;
	if (n == 12) {
		tm.tm_year = num(s, 4) - 1900;
		s += 4;
	} else if (n == 10) {
		int yy = num(s, 2);
		tm.tm_year = yy < 69 ? yy + 100 : yy;	/* POSIX: 69-99 are 19xx */
		s += 2;
	}
	tm.tm_mon = num(s, 2) - 1;
	tm.tm_mday = num(s + 2, 2);
	tm.tm_hour = num(s + 4, 2);
	tm.tm_min = num(s + 6, 2);
	tm.tm_sec = 0;
	if (dot) {
		if (strlen(dot + 1) != 2 || !digits(dot + 1, 2))
			return -1;
		tm.tm_sec = num(dot + 1, 2);
		if (tm.tm_sec > 60)
			return -1;
	}
	ts->tv_sec = make_time(&tm, 0);
	ts->tv_nsec = 0;
	return ts->tv_sec == -1 ? -1 : 0;
}

/* nanoseconds from ".123" (any number of digits; extra ones dropped) */
static const char *frac(const char *s, long *ns)
{
	long scale = 100000000;
	*ns = 0;
	if (*s != '.' && *s != ',')
		return s;
	for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
		*ns += (*s - '0') * scale;
	return s;
}

/* -d: the forms scripts use; a full date parser is out of scope */
static int parse_date(const char *s, struct timespec *ts)
{
	time_t now = time(NULL);
	struct tm tm = *localtime(&now);
	int utc = 0;
	long ns = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '@') {
		char *end;
		errno = 0;
		long long v = strtoll(s + 1, &end, 10);
		if (end == s + 1 || errno)
			return -1;
		s = frac(end, &ns);
		if (*s)
			return -1;
		ts->tv_sec = (time_t)v;
		ts->tv_nsec = ns;
		return 0;
	}
	if (!strcmp(s, "now")) {
		clock_gettime(CLOCK_REALTIME, ts);
		return 0;
	}
	tm.tm_sec = 0;
	if (digits(s, 4) && (s[4] == '-' || s[4] == '.') && digits(s + 5, 2) && s[7] == s[4] && digits(s + 8, 2)) {
		tm.tm_year = num(s, 4) - 1900;
		tm.tm_mon = num(s + 5, 2) - 1;
		tm.tm_mday = num(s + 8, 2);
		tm.tm_hour = tm.tm_min = 0;
		s += 10;
		if (!*s)
			goto done;
		if (*s != ' ' && *s != 'T' && *s != 't' && *s != '-')	/* busybox takes YYYY.MM.DD-hh:mm */
			return -1;
		s++;
	}
	if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
		return -1;
	tm.tm_hour = num(s, 2);
	tm.tm_min = num(s + 3, 2);
	s += 5;
	if (*s == ':') {
		if (!digits(s + 1, 2))
			return -1;
		tm.tm_sec = num(s + 1, 2);
		s = frac(s + 3, &ns);
	}
	while (*s == ' ')
		s++;
	if (!strcmp(s, "Z") || !strcmp(s, "UTC") || !strcmp(s, "+0000") || !strcmp(s, "+00:00"))
		utc = 1, s = "";
	if (*s || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
done:
	ts->tv_sec = make_time(&tm, utc);
	ts->tv_nsec = ns;
	return ts->tv_sec == -1 ? -1 : 0;
}

int touch_main(int argc, char **argv)
{
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	int flags = opt('h') ? AT_SYMLINK_NOFOLLOW : 0;

	if (optstr('r')) {
		struct stat st;
		if (stat(optstr('r'), &st))
			pdie("%s", optstr('r'));
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
	} else if (optstr('t')) {
		if (parse_stamp(optstr('t'), &ts[0]))
			die("invalid date format '%s'", optstr('t'));
		ts[1] = ts[0];
	} else if (optstr('d')) {
		if (parse_date(optstr('d'), &ts[0]))
			die("invalid date '%s'", optstr('d'));
		ts[1] = ts[0];
	}
	/* -a alone leaves mtime, -m alone leaves atime; both means both */
	if (opt('a') && !opt('m'))
		ts[1].tv_nsec = UTIME_OMIT;
	if (opt('m') && !opt('a'))
		ts[0].tv_nsec = UTIME_OMIT;

	for (int i = 1; i < argc; i++) {
		const char *f = argv[i];
		if (!strcmp(f, "-")) {	/* POSIX: touch - means stdout */
			if (futimens(1, ts))
				pwarn("setting times of '-'");
			continue;
		}
		if (!utimensat(AT_FDCWD, f, ts, flags))
			continue;
		if (errno == ENOENT && !opt('c') && !opt('h')) {
			int fd = open(f, O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0666);
			if (fd >= 0) {
				int rc = futimens(fd, ts);
				close(fd);
				if (!rc)
					continue;
			}
			pwarn("can't touch '%s'", f);
			continue;
		}
		if (errno == ENOENT && opt('c'))
			continue;
		pwarn("setting times of '%s'", f);
	}
	return px.exitcode;
}
