/* xfuncs.c - checked allocation, full read/write loops, line reading. */
#include "pxebox.h"

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *xzalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	size_t l = strnlen(s, n);
	char *p = xmalloc(l + 1);
	memcpy(p, s, l);
	p[l] = 0;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, SIZE_MAX);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

ssize_t readall(int fd, void *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t r = read(fd, (char *)buf + got, len - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return got ? (ssize_t)got : -1;
		if (!r)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

ssize_t writeall(int fd, const void *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, (const char *)buf + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return (ssize_t)done;
}

void xwrite(int fd, const void *buf, size_t len)
{
	if (writeall(fd, buf, len) < 0)
		pdie("write error");
}

int xopen(const char *path, int flags, ...)
{
	mode_t mode = 0;
	int fd;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	fd = open(path, flags | O_CLOEXEC, mode);
	if (fd < 0)
		pdie("%s", path);
	return fd;
}

int open_input(const char *path)
{
	int fd;
	if (!strcmp(path, "-"))
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		pwarn("%s", path);
	return fd;
}

off_t copy_fd(int in, int out)
{
	static char buf[65536];
	off_t total = 0;
	for (;;) {
		ssize_t r = read(in, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (!r)
			return total;
		if (writeall(out, buf, (size_t)r) < 0)
			return -1;
		total += r;
	}
}

char *read_file(const char *path, size_t *lenp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0, cap = 4096;
	char *buf;
	if (fd < 0)
		return NULL;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t r;
		if (cap - len < 2)
			buf = xrealloc(buf, cap *= 2);
		r = read(fd, buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			errno = e;
			return NULL;
		}
		if (!r)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = 0;
	if (lenp)
		*lenp = len;
	return buf;
}

struct lines {
	int fd, eof, nl, err;
	size_t start, end, cap;
	char *buf;
};

struct lines *lines_open(int fd)
{
	struct lines *l = xzalloc(sizeof(*l));
	l->fd = fd;
	l->cap = 8192;
	l->buf = xmalloc(l->cap);
	return l;
}

char *lines_next(struct lines *l, size_t *lenp)
{
	for (;;) {
		char *nl = memchr(l->buf + l->start, '\n', l->end - l->start);
		if (nl || (l->eof && l->end > l->start)) {
			char *s = l->buf + l->start;
			size_t len = nl ? (size_t)(nl - s) : l->end - l->start;
			s[len] = 0;	/* room exists: buf always keeps one spare byte */
			l->start += len + (nl != NULL);
			l->nl = nl != NULL;
			if (lenp)
				*lenp = len;
			return s;
		}
		if (l->eof)
			return NULL;
		if (l->start) {
			memmove(l->buf, l->buf + l->start, l->end - l->start);
			l->end -= l->start;
			l->start = 0;
		}
		if (l->cap - l->end < 2)
			l->buf = xrealloc(l->buf, l->cap *= 2);
		ssize_t r = read(l->fd, l->buf + l->end, l->cap - l->end - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			l->err = errno;	/* the caller asks lines_error() after NULL */
		if (r <= 0)
			l->eof = 1;
		else
			l->end += (size_t)r;
	}
}

int lines_had_nl(struct lines *l)
{
	return l->nl;
}

int lines_error(struct lines *l)
{
	return l->err;
}

void lines_close(struct lines *l)
{
	if (l) {
		free(l->buf);
		free(l);
	}
}
