/* util.c - path, number, size and mode helpers shared by applets. */
#include "pxebox.h"

char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	if (dl == 1 && dir[0] == '/')
		return xasprintf("/%s", name);
	return xasprintf("%.*s/%s", (int)dl, dir, name);
}

const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int str_end(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !memcmp(s + a - b, suffix, b);
}

int str_start(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

long long parse_num(const char *s, const char *what, long long min, long long max)
{
	char *end;
	long long v;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (!*s || *end || errno == ERANGE || v < min || v > max)
		die("invalid %s: '%s'", what, s);
	return v;
}

long long parse_count(const char *s, int *sign, const char *what)
{
	const char *num = s;
	char *end;
	long long v, mul = 1;
	*sign = *s == '-' || *s == '+' ? *num++ : 0;
	errno = 0;
	v = strtoll(num, &end, 10);
	if (*end) {
		mul = *end == 'b' ? 512 : *end == 'k' ? 1024 : *end == 'm' ? 1048576 : 0;
		end += mul != 0;
	}
	/* GNU's words, and its echo of the argument: a '-' left out, a '+' kept */
	if (end == num || *end || v < 0 || errno || !mul || *num == '-' || *num == '+')
		die("invalid number of %s: '%s'", what, s + (*s == '-'));
	return v > LLONG_MAX / mul ? LLONG_MAX : v * mul;
}

const char *human_size(unsigned long long n, char buf[16])
{
	static const char units[] = "BKMGTPE";
	int u = 0;
	unsigned long long rem = 0;
	while (n >= 1024 && u < 6) {
		rem = n % 1024;
		n /= 1024;
		u++;
	}
	if (!u)
		snprintf(buf, 16, "%llu", n);
	else if (n < 10)
		snprintf(buf, 16, "%llu.%llu%c", n, rem * 10 / 1024, units[u]);
	else
		snprintf(buf, 16, "%llu%c", n + (rem >= 512), units[u]);
	return buf;
}

/* chmod-style mode: octal, or [ugoa]*[-+=][rwxXst]*[,...] applied to base. */
int parse_mode(const char *s, mode_t *mode, mode_t base)
{
	mode_t m = base;
	if (isdigit((unsigned char)*s)) {
		char *end;
		unsigned long v = strtoul(s, &end, 8);
		if (*end || v > 07777)
			return -1;
		*mode = (mode_t)v;
		return 0;
	}
	do {
		mode_t who = 0;
		if (*s == ',')
			s++;
		for (; strchr("ugoa", *s) && *s; s++)
			who |= *s == 'u' ? 04700 : *s == 'g' ? 02070 : *s == 'o' ? 01007 : 07777;
		if (!strchr("+-=", *s) || !*s)
			return -1;
		while (*s && strchr("+-=", *s)) {
			char op = *s++;
			mode_t bits = 0, mask = who ? who : 07777 & ~umask_get();
			for (; *s && strchr("rwxXstugo", *s); s++) {
				switch (*s) {
				case 'r': bits |= 0444; break;
				case 'w': bits |= 0222; break;
				case 'x': bits |= 0111; break;
				case 'X': if (S_ISDIR(base) || (m & 0111)) bits |= 0111; break;
				case 's': bits |= 06000; break;
				case 't': bits |= 01000; break;
				case 'u': bits |= ((m >> 6) & 7) * 0111; break;
				case 'g': bits |= ((m >> 3) & 7) * 0111; break;
				case 'o': bits |= (m & 7) * 0111; break;
				}
			}
			if (!who)
				mask |= 07000 & bits;	/* s/t ignore umask */
			bits &= who ? who : mask;
			if (op == '=')
				m = (m & ~(who ? who : 07777)) | bits;
			else if (op == '+')
				m |= bits;
			else
				m &= ~bits;
		}
	} while (*s == ',');
	if (*s)
		return -1;
	*mode = m & 07777;
	return 0;
}

mode_t umask_get(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

int mkdir_p(const char *path, mode_t mode)
{
	char *p = xstrdup(path), *s = p;
	struct stat st;
	int rc = 0;
	while (*s == '/')
		s++;
	for (;;) {
		char *slash = strchr(s, '/');
		if (slash)
			*slash = 0;
		if (mkdir(p, slash ? 0777 : mode) && errno != EEXIST) {
			rc = -1;
			break;
		}
		if (!slash)
			break;
		*slash = '/';
		s = slash + 1;
		while (*s == '/')
			s++;
		if (!*s)
			break;
	}
	if (!rc && (stat(p, &st) || !S_ISDIR(st.st_mode))) {
		if (!errno || errno == EEXIST)
			errno = ENOTDIR;
		rc = -1;
	}
	free(p);
	return rc;
}
