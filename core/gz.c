/* gz.c - gzip streams over zlib (see gz.h). */
#include "gz.h"
#if ENABLE_ZLIB
#include <zlib.h>
#endif

#define GZ_INBUF (128 * 1024)

struct gzr {
	int fd, gzip, eof, done, trailing, child_fd;
	pid_t child;
	const char *why;
	unsigned char *in;
	size_t pos, len;	/* unread input is in[pos..len) */
#if ENABLE_ZLIB
	z_stream z;
	int zinit;
#endif
};

/* Refill the input buffer; 0 at end of file, -1 on a read error. */
static int fill(struct gzr *g)
{
	ssize_t r;
	if (g->pos < g->len)
		return 1;
	do
		r = read(g->fd, g->in, GZ_INBUF);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		g->why = strerror(errno);
		return -1;
	}
	g->pos = 0;
	g->len = (size_t)r;
	if (!r)
		g->eof = 1;
	return r > 0;
}

int gz_is_gzip(struct gzr *g) { return g->gzip; }
int gz_trailing(struct gzr *g) { return g->trailing; }
/* why the last gz_ropen() failed: it freed its gzr, so gz_why(NULL) asks here */
static const char *open_why;

const char *gz_why(struct gzr *g)
{
	const char *why = g ? g->why : open_why;
	return why ? why : "unknown error";
}

#if ENABLE_ZLIB
/* After a member ends: another member, trailing bytes, or the end? */
static int next_member(struct gzr *g)
{
	int r;
	g->pos = g->len - g->z.avail_in;
	/* the second magic byte may sit in the next read */
	while ((r = fill(g)) > 0 && g->len - g->pos < 2 && g->in[g->pos] == 0x1f) {
		ssize_t n;
		g->in[0] = 0x1f;
		g->pos = 0;
		g->len = 1;
		n = read(g->fd, g->in + 1, GZ_INBUF - 1);
		if (n <= 0)
			break;
		g->len += (size_t)n;
	}
	if (r < 0)
		return -1;
	if (!r)
		return 0;
	if (g->len - g->pos >= 2 && g->in[g->pos] == 0x1f && g->in[g->pos + 1] == 0x8b) {
		inflateReset(&g->z);
		g->z.next_in = g->in + g->pos;
		g->z.avail_in = (uInt)(g->len - g->pos);
		return 1;
	}
	g->trailing = 1;
	return 0;
}

static ssize_t inflate_some(struct gzr *g, void *buf, size_t len)
{
	size_t want = len > (1u << 30) ? 1u << 30 : len;
	g->z.next_out = buf;
	g->z.avail_out = (uInt)want;
	while (g->z.avail_out && !g->done) {
		int r;
		if (!g->z.avail_in) {
			g->pos = g->len;
			r = fill(g);
			if (r < 0)
				return -1;
			if (!r) {
				g->why = "unexpected end of file";
				return -1;
			}
			g->z.next_in = g->in + g->pos;
			g->z.avail_in = (uInt)(g->len - g->pos);
		}
		r = inflate(&g->z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			r = next_member(g);
			if (r < 0)
				return -1;
			if (!r)
				g->done = 1;
		} else if (r != Z_OK && r != Z_BUF_ERROR) {
			g->why = r == Z_MEM_ERROR ? "out of memory" :
				g->z.msg ? g->z.msg : "invalid compressed data";
			return -1;
		}
	}
	return (ssize_t)(want - g->z.avail_out);
}

/* The child inflates into the pipe; its own errors are reported by it. */
static void NORETURN child_loop(struct gzr *g, int out)
{
	static char buf[256 * 1024];
	ssize_t n;
	signal(SIGPIPE, SIG_DFL);
	while ((n = inflate_some(g, buf, sizeof(buf))) > 0)
		if (writeall(out, buf, (size_t)n) < 0)
			_exit(errno == EPIPE ? 0 : 1);
	if (n < 0) {
		warn("%s", gz_why(g));
		_exit(1);
	}
	_exit(0);
}

static int start_inflate(struct gzr *g)
{
	if (inflateInit2(&g->z, 15 + 16) != Z_OK) {
		g->why = "out of memory";
		return -1;
	}
	g->zinit = 1;
	g->z.next_in = g->in + g->pos;
	g->z.avail_in = (uInt)(g->len - g->pos);
	return 0;
}
#else
static int start_inflate(struct gzr *g)
{
	g->why = "gzip support not built in";
	return -1;
}
#endif

struct gzr *gz_ropen(int fd, int flags)
{
	struct gzr *g = xzalloc(sizeof(*g));
	g->fd = fd;
	g->child_fd = -1;
	g->in = xmalloc(GZ_INBUF);
	/* two bytes decide; a pipe may deliver them one at a time */
	while (g->len < 2) {
		ssize_t r = read(fd, g->in + g->len, GZ_INBUF - g->len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			g->why = strerror(errno);
			break;
		}
		if (!r)
			break;
		g->len += (size_t)r;
	}
	g->eof = g->len < 2;
	g->gzip = g->len >= 2 && g->in[0] == 0x1f && g->in[1] == 0x8b;
	if (!g->gzip) {
		if (!g->why && !(flags & GZ_RAW_OK))
			g->why = "not in gzip format";
		if (g->why)
			goto fail;
		return g;
	}
	if (start_inflate(g))
		goto fail;
#if ENABLE_ZLIB
	if (flags & GZ_CHILD) {
		int p[2];
		if (pipe(p) < 0) {
			g->why = strerror(errno);
			goto fail;
		}
		fflush(stdout);	/* the child must not write our buffer again */
		g->child = fork();
		if (g->child < 0) {
			g->why = strerror(errno);
			close(p[0]);
			close(p[1]);
			goto fail;
		}
		if (!g->child) {
			close(p[0]);
			child_loop(g, p[1]);
		}
		close(p[1]);
		fcntl(p[0], F_SETFD, FD_CLOEXEC);
		g->child_fd = p[0];
	}
#endif
	return g;
fail:
	open_why = g->why;	/* strerror() text or a literal: outlives g */
	gz_rclose(g);
	return NULL;
}

ssize_t gz_read(struct gzr *g, void *buf, size_t len)
{
	if (!len)
		return 0;
	if (g->child_fd >= 0) {
		ssize_t r;
		do
			r = read(g->child_fd, buf, len);
		while (r < 0 && errno == EINTR);
		if (r < 0)
			g->why = strerror(errno);
		return r;
	}
	if (!g->gzip) {
		int r = fill(g);
		size_t n;
		if (r <= 0)
			return r;
		n = g->len - g->pos < len ? g->len - g->pos : len;
		memcpy(buf, g->in + g->pos, n);
		g->pos += n;
		return (ssize_t)n;
	}
#if ENABLE_ZLIB
	if (g->done)
		return 0;
	return inflate_some(g, buf, len);
#else
	return -1;
#endif
}

int gz_rclose(struct gzr *g)
{
	int rc = 0;
	if (!g)
		return 0;
	if (g->child_fd >= 0)
		close(g->child_fd);
	if (g->child > 0) {
		int st;
		while (waitpid(g->child, &st, 0) < 0 && errno == EINTR)
			;
		/* SIGPIPE only means we stopped reading early, which is fine */
		if (WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st) != SIGPIPE)
			rc = -1;
	}
#if ENABLE_ZLIB
	if (g->zinit)
		inflateEnd(&g->z);
#endif
	free(g->in);
	free(g);
	return rc;
}

char *gz_read_file(const char *path, size_t *lenp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct gzr *g;
	size_t len = 0, cap = 65536;
	char *buf;
	ssize_t r;
	if (fd < 0)
		return NULL;
	g = gz_ropen(fd, GZ_RAW_OK);
	if (!g) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	buf = xmalloc(cap);
	while ((r = gz_read(g, buf + len, cap - len - 1)) > 0) {
		len += (size_t)r;
		if (cap - len < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	gz_rclose(g);
	close(fd);
	if (r < 0) {
		free(buf);
		errno = EINVAL;
		return NULL;
	}
	buf[len] = 0;
	if (lenp)
		*lenp = len;
	return buf;
}

struct gzw {
	int fd;
#if ENABLE_ZLIB
	z_stream z;
	gz_header h;
#endif
	unsigned char out[65536];
};

#if ENABLE_ZLIB
static int deflate_some(struct gzw *g, int flush)
{
	int r;
	do {
		g->z.next_out = g->out;
		g->z.avail_out = sizeof(g->out);
		r = deflate(&g->z, flush);
		if (r == Z_STREAM_ERROR) {
			errno = EINVAL;
			return -1;
		}
		if (writeall(g->fd, g->out, sizeof(g->out) - g->z.avail_out) < 0)
			return -1;
	} while (!g->z.avail_out || (flush == Z_FINISH && r != Z_STREAM_END));
	return 0;
}
#endif

struct gzw *gz_wopen(int fd, int level, const char *name, time_t mtime)
{
#if ENABLE_ZLIB
	struct gzw *g = xzalloc(sizeof(*g));
	g->fd = fd;
	if (deflateInit2(&g->z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		die("out of memory");
	g->h.time = (uLong)(mtime > 0 ? mtime : 0);
	g->h.os = 3;	/* Unix */
	g->h.name = name ? (Bytef *)name : NULL;
	deflateSetHeader(&g->z, &g->h);
	return g;
#else
	die("gzip support not built in");
#endif
}

int gz_write(struct gzw *g, const void *buf, size_t len)
{
#if ENABLE_ZLIB
	g->z.next_in = (Bytef *)buf;
	g->z.avail_in = (uInt)len;
	return deflate_some(g, Z_NO_FLUSH);
#else
	return -1;
#endif
}

int gz_wclose(struct gzw *g)
{
	int rc = 0;
#if ENABLE_ZLIB
	g->z.next_in = NULL;
	g->z.avail_in = 0;
	rc = deflate_some(g, Z_FINISH);
	deflateEnd(&g->z);
#endif
	free(g);
	return rc;
}
