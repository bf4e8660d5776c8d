/* cpio - newc archives: reproducible creation (initramfs) and safe extraction */
//menu:Archival
//config:config CPIO
//config:	bool "cpio"
//config:	default y
//config:	help
//config:	  Create (-o), list (-t) and extract (-i) newc cpio archives,
//config:	  the initramfs format.  Creation is reproducible: inode numbers
//config:	  are assigned in order, device numbers are 0, and mtimes are
//config:	  clamped to SOURCE_DATE_EPOCH when it is set.
//config:
//config:config CPIO_GZIP
//config:	bool "Read gzip-compressed archives (detected by magic)"
//config:	depends on CPIO
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  cpio -i and -t also accept a .cpio.gz on stdin.
//applet:cpio CPIO cpio_main "o(create)i(extract)t(list)d(make-directories)m(preserve-modification-time)v(verbose)u(unconditional)H:(format)R:(owner)F:(file)\001(quiet)"
//usage:cpio -o|-i|-t [-dmuv] [-H newc] [-R USER[:GROUP]] [-F FILE] [--quiet] [PATTERN]...
//usage:
//usage:-o reads file names from stdin, one a line (e.g. from find . | sort),
//usage:and writes a newc archive.  -i extracts, -t lists, the members whose
//usage:names match a PATTERN (all by default).  Extraction never writes outside
//usage:the current directory: leading '/' is removed, names with '..' are
//usage:skipped, links are made after the files.  When the environment variable
//usage:SOURCE_DATE_EPOCH is set, -o clamps mtimes to it; inode numbers are
//usage:always assigned in order and device numbers written as 0, so the same
//usage:tree gives the same archive byte for byte.
//usage:	-o	create	-i	extract	-t	list
//usage:	-d	create leading directories	-m	keep modification times
//usage:	-u	replace files even when they are newer
//usage:	-v	list names (with -t: long listing)
//usage:	-H newc	format (the only one)	-F FILE	archive file
//usage:	-R USER[:GROUP]	owner to write (-o) or set (-i)
//usage:	--quiet	do not print the block count
#include "pxebox.h"
#include "gz.h"
#include "archive.h"
#include "fs.h"
#include <fnmatch.h>
#include <grp.h>
#include <pwd.h>
#include <sys/sysmacros.h>

#define BUFSZ (128 * 1024)
#define NAME_CAP 4096	/* longest member name accepted */

struct hdr {
	unsigned long f[13];	/* newc fields in header order */
	char *name;
};
enum { INO, MODE, UID, GID, NLINK, MTIME, SIZE, MAJ, MIN, RMAJ, RMIN, NAMESIZE, CHECK };

static unsigned long long total;	/* bytes moved, for the block count */
static int have_owner;
static uid_t r_uid;
static gid_t r_gid;

/* -R USER[:GROUP] (or '.'), names or numbers; "USER:" takes USER's group */
static void parse_owner(const char *s)
{
	char *u = xstrdup(s), *g = strpbrk(u, ":.");
	struct passwd *pw = NULL;
	if (g)
		*g++ = 0;
	if (*u) {
		char *end;
		unsigned long v = strtoul(u, &end, 10);
		if (*end || end == u) {
			pw = getpwnam(u);
			if (!pw)
				die("invalid user: '%s'", u);
			v = pw->pw_uid;
		}
		r_uid = (uid_t)v;
	} else
		r_uid = geteuid();
	r_gid = getegid();
	if (g && *g) {
		char *end;
		unsigned long v = strtoul(g, &end, 10);
		if (*end || end == g) {
			struct group *gr = getgrnam(g);
			if (!gr)
				die("invalid group: '%s'", g);
			v = gr->gr_gid;
		}
		r_gid = (gid_t)v;
	} else if (g && pw)
		r_gid = pw->pw_gid;
	have_owner = 1;
	free(u);
}

/* ---- reading ------------------------------------------------------------ */

struct rd {
	struct gzr *g;
	unsigned char buf[BUFSZ];
	size_t pos, len;
	int err;
};

static int rd_get(struct rd *r, void *dst, size_t len)
{
	unsigned char *d = dst;
	while (len) {
		size_t n;
		if (r->pos == r->len) {
			ssize_t k = gz_read(r->g, r->buf, sizeof(r->buf));
			if (k <= 0) {
				r->err = k < 0;
				return 0;
			}
			r->pos = 0;
			r->len = (size_t)k;
		}
		n = r->len - r->pos < len ? r->len - r->pos : len;
		if (d) {
			memcpy(d, r->buf + r->pos, n);
			d += n;
		}
		r->pos += n;
		len -= n;
		total += n;
	}
	return 1;
}

/* Member data to fd (-1: drop). -1 short read, -2 write error. */
static int rd_copy(struct rd *r, int fd, unsigned long size)
{
	int werr = 0;
	while (size) {
		size_t n;
		if (r->pos == r->len) {
			ssize_t k = gz_read(r->g, r->buf, sizeof(r->buf));
			if (k <= 0) {
				r->err = k < 0;
				return -1;
			}
			r->pos = 0;
			r->len = (size_t)k;
		}
		n = r->len - r->pos < size ? r->len - r->pos : size;
		if (fd >= 0 && !werr && writeall(fd, r->buf + r->pos, n) < 0)
			werr = errno;
		r->pos += n;
		size -= n;
		total += n;
	}
	errno = werr;
	return werr ? -2 : 0;
}

/* Parse a 110-byte newc header; -1 when it is not one. */
static int parse_hdr(const char *b, struct hdr *h)
{
	if (memcmp(b, "07070", 5) || (b[5] != '1' && b[5] != '2'))
		return -1;
	for (int i = 0; i < 13; i++) {
		unsigned long v = 0;
		for (int k = 0; k < 8; k++) {
			int c = (unsigned char)b[6 + i * 8 + k];
			if (!isxdigit(c))
				return -1;
			v = v << 4 | (unsigned long)(isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
		}
		h->f[i] = v;
	}
	if (h->f[NAMESIZE] < 1 || h->f[NAMESIZE] > NAME_CAP)
		return -1;
	return 0;
}

static void list_long(const struct hdr *h, const char *name, const char *target)
{
	char modes[11], when[32];
	time_t t = (time_t)h->f[MTIME], now = time(NULL);
	struct tm *tm = localtime(&t);
	const char *pw = uid_name((uid_t)h->f[UID]), *gr = gid_name((gid_t)h->f[GID]);
	char u[16], g[16];
	mode_t m = (mode_t)h->f[MODE];
	mode_string(m, modes);
	snprintf(u, sizeof(u), "%lu", h->f[UID]);
	snprintf(g, sizeof(g), "%lu", h->f[GID]);
	/* within six months: time of day, else the year, as ls does */
	if (!tm)
		snprintf(when, sizeof(when), "%ld", (long)t);
	else
		strftime(when, sizeof(when), t > now - 15778476 && t <= now + 3600 ? "%b %e %H:%M" : "%b %e  %Y", tm);
	printf("%s %3lu %-8s %-8s ", modes, h->f[NLINK], pw ? pw : u, gr ? gr : g);
	if (S_ISCHR(m) || S_ISBLK(m))
		printf("%3lu, %3lu", h->f[RMAJ], h->f[RMIN]);
	else
		printf("%8lu", h->f[SIZE]);
	printf(" %s %s", when, name);
	if (target)
		printf(" -> %s", target);
	putchar('\n');
}

/* Hard links in newc: every name of an inode carries nlink > 1 and one
 * of them (GNU: the last) carries the data.  Names seen before the data are
 * kept here and linked to it. */
struct ln {
	unsigned long ino, maj, min;
	char *name;	/* member name (cleaned) */
	int data;	/* this is the name with the data */
	struct ax_meta m;
};
static struct ln *lns;
static size_t nlns;

static void ln_add(const struct hdr *h, const char *name, int data, const struct ax_meta *m)
{
	lns = xrealloc(lns, (nlns + 1) * sizeof(*lns));
	lns[nlns++] = (struct ln){ h->f[INO], h->f[MAJ], h->f[MIN], xstrdup(name), data, *m };
}

static int same_inode(const struct ln *l, const struct hdr *h)
{
	return l->ino == h->f[INO] && l->maj == h->f[MAJ] && l->min == h->f[MIN];
}

static int matches(char **pats, const char *name)
{
	if (!*pats)
		return 1;
	for (; *pats; pats++)
		if (!fnmatch(*pats, name, 0))
			return 1;
	return 0;
}

static void extract_file(struct rd *r, struct axdest *d, const struct hdr *h, const char *name,
			 const struct ax_meta *m, unsigned long count)
{
	struct axfile f;
	struct stat st;
	int rc;
	/* as GNU cpio: an existing file at least as new stays, unless -u */
	if (!opt('u') && !ax_lstat(d, name, &st) && !S_ISDIR(st.st_mode) && st.st_mtime >= (time_t)h->f[MTIME]) {
		int saved = px.exitcode;	/* a notice, not a failure, as in GNU cpio */
		warn("%s not created: newer or same age version exists", name);
		px.exitcode = saved;
		if (rd_copy(r, -1, h->f[SIZE]) == -1)
			goto short_read;
		return;
	}
	rc = ax_file_begin(d, name, &f);
	if (rc) {
		if (rd_copy(r, -1, h->f[SIZE]) == -1)
			goto short_read;
		return;
	}
	rc = rd_copy(r, f.fd, h->f[SIZE]);
	if (rc < 0) {
		int e = errno;
		ax_file_abort(d, &f);
		if (rc == -1)
			goto short_read;
		errno = e;
		pwarn("%s", name);
		return;
	}
	ax_file_commit(d, &f, m);
	return;
short_read:
	die("%s at entry '%s' (entry %lu)", r->err ? gz_why(r->g) : "short read", name, count);
}

static int copy_in(int fd, char **pats)
{
	/* static: a die() that jumps back (shell, fuzzer) leaves nothing behind */
	static struct rd rd;
	struct rd *r = memset(&rd, 0, sizeof(rd));
	struct axdest *d = NULL;
	unsigned long count = 0;
	int warned_abs = 0, list = opt('t');
	char hb[110];

	r->g = gz_ropen(fd, GZ_RAW_OK);
	if (!r->g)
		die("read error");
	if (!ENABLE_CPIO_GZIP && gz_is_gzip(r->g))
		die("gzip support not built in");
	if (!list) {
		int flags = AX_PERMS;
		if (opt('d'))
			flags |= AX_MKDIRS;
		if (opt('m'))
			flags |= AX_MTIME;
		if (!geteuid() || have_owner)
			flags |= AX_OWNER;
		d = ax_open(".", flags);
	}
	for (;;) {
		struct hdr h;
		char *name, *clean, *target = NULL;
		int abs = 0;
		size_t pad;
		mode_t mode;
		struct ax_meta m;

		if (!rd_get(r, hb, sizeof(hb))) {
			if (r->err)
				die("%s after entry %lu", gz_why(r->g), count);
			die(count ? "short read after entry %lu (no trailer)" : "empty archive", count);
		}
		count++;
		if (parse_hdr(hb, &h) < 0)
			die(count == 1 ? "not a newc cpio archive" : "corrupt header at entry %lu", count);
		name = xmalloc(h.f[NAMESIZE] + 1);
		pad = (4 - (110 + h.f[NAMESIZE]) % 4) % 4;
		if (!rd_get(r, name, h.f[NAMESIZE]) || !rd_get(r, NULL, pad))
			die("short read in the name of entry %lu", count);
		name[h.f[NAMESIZE]] = 0;
		if (strlen(name) != h.f[NAMESIZE] - 1)
			die("corrupt name in entry %lu", count);
		if (!strcmp(name, "TRAILER!!!")) {
			free(name);
			break;
		}
		mode = (mode_t)h.f[MODE];
		pad = (4 - h.f[SIZE] % 4) % 4;
		if (S_ISLNK(mode)) {
			if (h.f[SIZE] > NAME_CAP)
				die("symlink target too long in entry %lu", count);
			target = xzalloc(h.f[SIZE] + 1);
			if (!rd_get(r, target, h.f[SIZE]))
				die("short read at entry '%s' (entry %lu)", name, count);
			if (strlen(target) != h.f[SIZE] || !h.f[SIZE])
				die("corrupt symlink target in entry %lu", count);
		}
		m = (struct ax_meta){ mode, have_owner ? r_uid : (uid_t)h.f[UID],
				      have_owner ? r_gid : (gid_t)h.f[GID], (time_t)h.f[MTIME],
				      makedev(h.f[RMAJ], h.f[RMIN]) };
		clean = ax_clean(xstrdup(name), &abs);
		if (!matches(pats, name)) {
			/* not asked for */
		} else if (!clean && !list) {
			warn("%s: member name contains '..', skipped", name);
		} else {
			if (abs && !warned_abs++ && !list)
				warn("removing leading '/' from member names");
			if (list) {
				if (opt('v'))
					list_long(&h, name, target);
				else
					printf("%s\n", name);
			} else {
				if (opt('v'))
					fprintf(stderr, "%s\n", name);
				if (S_ISREG(mode)) {
					if (h.f[NLINK] > 1 && !h.f[SIZE]) {
						/* the data may have come first (not GNU's order) */
						size_t i;
						for (i = 0; i < nlns; i++)
							if (same_inode(&lns[i], &h) && lns[i].data == 1)
								break;
						if (i < nlns)
							ax_link(d, clean, lns[i].name, 0, &m);
						else
							ln_add(&h, clean, 0, &m);
					} else {
						extract_file(r, d, &h, clean, &m, count);
						if (h.f[NLINK] > 1) {
							/* names seen earlier become links to this one */
							for (size_t i = 0; i < nlns; i++)
								if (same_inode(&lns[i], &h) && !lns[i].data) {
									ax_link(d, lns[i].name, clean, 0, &m);
									lns[i].data = 2;	/* done */
								}
							ln_add(&h, clean, 1, &m);
						}
						h.f[SIZE] = 0;	/* consumed */
					}
				} else if (S_ISDIR(mode)) {
					ax_mkdir(d, clean, &m);
				} else if (S_ISLNK(mode)) {
					ax_link(d, clean, target, 1, &m);
					h.f[SIZE] = 0;
				} else if (S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode)) {
					ax_mknod(d, clean, &m);
				} else {
					warn("%s: unsupported file type, skipped", name);
				}
			}
		}
		if (S_ISLNK(mode))
			h.f[SIZE] = 0;	/* the target was read already */
		if (rd_copy(r, -1, h.f[SIZE]) == -1 || !rd_get(r, NULL, pad))
			die("%s at entry '%s' (entry %lu)", r->err ? gz_why(r->g) : "short read", name, count);
		free(clean);
		free(target);
		free(name);
	}
	if (d) {
		/* names whose data never came: the data was empty */
		for (size_t i = 0; i < nlns; i++) {
			struct axfile f;
			int seen = 0;
			if (lns[i].data)
				continue;
			for (size_t k = 0; k < i; k++)
				if (!lns[k].data && lns[k].ino == lns[i].ino && lns[k].maj == lns[i].maj &&
				    lns[k].min == lns[i].min) {
					ax_link(d, lns[i].name, lns[k].name, 0, &lns[i].m);
					seen = 1;
					break;
				}
			if (!seen && !ax_file_begin(d, lns[i].name, &f))
				ax_file_commit(d, &f, &lns[i].m);
		}
		if (ax_finish(d))
			px.exitcode = 1;
	}
	/* drain, so a gzip trailer is checked */
	while (rd_get(r, NULL, 1))
		;
	if (r->err)
		die("%s", gz_why(r->g));
	if (gz_rclose(r->g) < 0)
		px.exitcode = 1;
	return px.exitcode;
}

/* ---- writing ------------------------------------------------------------ */

struct wr {
	int fd;
	unsigned char buf[BUFSZ];
	size_t len;
};

static void put(struct wr *w, const void *p, size_t n)
{
	const unsigned char *s = p;
	total += n;
	while (n) {
		size_t k = sizeof(w->buf) - w->len < n ? sizeof(w->buf) - w->len : n;
		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
		if (w->len == sizeof(w->buf)) {
			xwrite(w->fd, w->buf, w->len);
			w->len = 0;
		}
	}
}

static void put_zero(struct wr *w, size_t n)
{
	static const unsigned char z[512];
	while (n) {
		size_t k = n < sizeof(z) ? n : sizeof(z);
		put(w, z, k);
		n -= k;
	}
}

static void put_hdr(struct wr *w, const char *name, const unsigned long f[13])
{
	char h[224];	/* fields are 32-bit: 110 bytes are written */
	size_t nl = strlen(name) + 1;
	snprintf(h, sizeof(h), "070701%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX",
		 f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], (unsigned long)nl, 0UL);
	put(w, h, 110);
	put(w, name, nl);
	put_zero(w, (4 - (110 + nl) % 4) % 4);
}

/* A file's data, exactly size bytes: padded if it shrank, cut if it grew. */
static void put_data(struct wr *w, const char *path, unsigned long size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	unsigned long left = size;
	if (fd < 0)
		pwarn("%s", path);
	while (fd >= 0 && left) {
		char buf[65536];
		ssize_t r = read(fd, buf, left < sizeof(buf) ? left : sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r < 0)
				pwarn("%s", path);
			else
				warn("%s: file shrank; padding with zeros", path);
			break;
		}
		put(w, buf, (size_t)r);
		left -= (unsigned long)r;
	}
	if (fd >= 0)
		close(fd);
	put_zero(w, left);
	put_zero(w, (4 - size % 4) % 4);
}

struct hl {
	dev_t dev;
	ino_t ino;
	unsigned long newino;
	char **names;
	size_t n;
	struct stat st;
};

/* All names of a hard-linked inode, the data with the last one: what GNU
 * cpio writes and the kernel's initramfs unpacker expects.  Written when
 * the last name is seen, so the list order holds. */
static void emit_group(struct wr *w, struct hl *g)
{
	struct stat *st = &g->st;
	unsigned long f[13];
	if ((unsigned long long)st->st_size > 0xffffffffULL) {
		warn("%s: too large for newc, skipped", g->names[0]);
		g->n = 0;
		return;
	}
	for (size_t k = 0; k < g->n; k++) {
		int last = k + 1 == g->n;
		if (opt('v'))
			fprintf(stderr, "%s\n", g->names[k]);
		f[INO] = g->newino;
		f[MODE] = st->st_mode;
		f[UID] = st->st_uid;
		f[GID] = st->st_gid;
		f[NLINK] = g->n;
		f[MTIME] = (unsigned long)st->st_mtime;
		f[SIZE] = last ? (unsigned long)st->st_size : 0;
		f[MAJ] = f[MIN] = f[RMAJ] = f[RMIN] = 0;
		put_hdr(w, g->names[k], f);
		if (last)
			put_data(w, g->names[k], (unsigned long)st->st_size);
		free(g->names[k]);
	}
	free(g->names);
	g->names = NULL;
	g->n = 0;
}

static int copy_out(int fd)
{
	struct wr *w = xzalloc(sizeof(*w));
	struct lines *ls = lines_open(0);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	long long clamp = -1;
	unsigned long ino = 0;
	struct hl *hls = NULL;
	size_t nhls = 0;
	char *name;
	unsigned long f[13];

	w->fd = fd;
	if (sde && *sde)
		clamp = parse_num(sde, "SOURCE_DATE_EPOCH", 0, LLONG_MAX);
	while ((name = lines_next(ls, NULL))) {
		struct stat st;
		char *target = NULL;
		if (!*name)
			continue;
		if (lstat(name, &st) < 0) {
			pwarn("%s", name);
			continue;
		}
		if (S_ISSOCK(st.st_mode)) {
			warn("%s: socket ignored", name);
			continue;
		}
		if (have_owner) {
			st.st_uid = r_uid;
			st.st_gid = r_gid;
		}
		if (clamp >= 0 && st.st_mtime > clamp)
			st.st_mtime = (time_t)clamp;
		if (S_ISREG(st.st_mode) && st.st_nlink > 1) {
			/* all names of an inode go out together at the end */
			size_t i;
			for (i = 0; i < nhls; i++)
				if (hls[i].dev == st.st_dev && hls[i].ino == st.st_ino)
					break;
			if (i == nhls) {
				hls = xrealloc(hls, (nhls + 1) * sizeof(*hls));
				hls[nhls++] = (struct hl){ st.st_dev, st.st_ino, ++ino, NULL, 0, st };
			}
			hls[i].names = xrealloc(hls[i].names, (hls[i].n + 1) * sizeof(char *));
			hls[i].names[hls[i].n++] = xstrdup(name);
			if (hls[i].n == hls[i].st.st_nlink)
				emit_group(w, &hls[i]);
			continue;
		}
		if (S_ISLNK(st.st_mode)) {
			ssize_t n;
			target = xmalloc((size_t)st.st_size + 1);
			n = readlink(name, target, (size_t)st.st_size + 1);
			if (n < 0 || n > st.st_size) {
				pwarn("%s", name);
				free(target);
				continue;
			}
			target[n] = 0;
			st.st_size = n;
		}
		if (S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode))
			st.st_size = 0;
		if ((unsigned long long)st.st_size > 0xffffffffULL) {
			warn("%s: too large for newc, skipped", name);
			free(target);
			continue;
		}
		if (opt('v'))
			fprintf(stderr, "%s\n", name);
		f[INO] = ++ino;
		f[MODE] = st.st_mode;
		f[UID] = st.st_uid;
		f[GID] = st.st_gid;
		f[NLINK] = S_ISREG(st.st_mode) ? 1 : st.st_nlink;
		f[MTIME] = (unsigned long)st.st_mtime;
		f[SIZE] = (unsigned long)st.st_size;
		f[MAJ] = f[MIN] = 0;
		f[RMAJ] = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? major(st.st_rdev) : 0;
		f[RMIN] = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? minor(st.st_rdev) : 0;
		put_hdr(w, name, f);
		if (target) {
			put(w, target, (size_t)st.st_size);
			put_zero(w, (4 - (size_t)st.st_size % 4) % 4);
			free(target);
		} else if (S_ISREG(st.st_mode))
			put_data(w, name, (unsigned long)st.st_size);
	}
	lines_close(ls);
	/* groups whose other names were not in the list */
	for (size_t i = 0; i < nhls; i++)
		if (hls[i].n)
			emit_group(w, &hls[i]);
	free(hls);
	memset(f, 0, sizeof(f));
	f[NLINK] = 1;
	put_hdr(w, "TRAILER!!!", f);
	put_zero(w, (size_t)((512 - total % 512) % 512));
	xwrite(w->fd, w->buf, w->len);
	free(w);
	return px.exitcode;
}

int cpio_main(int argc, char **argv)
{
	int modes = !!opt('o') + !!opt('i') + !!opt('t'), fd, rc;
	const char *file = optstr('F');
	if (modes != 1 && !(opt('i') && opt('t') && modes == 2)) {
		warn("you must specify one of -o, -i, -t");
		usage_die();
	}
	if (optstr('H') && strcmp(optstr('H'), "newc"))
		die("unsupported format '%s': only newc", optstr('H'));
	if (optstr('R'))
		parse_owner(optstr('R'));
	if (opt('o')) {
		if (argc > 1)
			die("extra operand '%s'", argv[1]);
		fd = file ? xopen(file, O_WRONLY | O_CREAT | O_TRUNC, 0666) : 1;
		rc = copy_out(fd);
	} else {
		fd = file ? xopen(file, O_RDONLY) : 0;
		rc = copy_in(fd, argv + 1);
	}
	if (!opt(1))
		fprintf(stderr, "%llu block%s\n", (total + 511) / 512, (total + 511) / 512 == 1 ? "" : "s");
	return rc;
}
