/* tar - create, list and safely extract ustar/GNU/pax archives, gzip included */
//menu:Archival
//config:config TAR
//config:	bool "tar"
//config:	default y
//config:	help
//config:	  List and extract tar archives (ustar, GNU long names, pax),
//config:	  never writing outside the destination directory.
//config:
//config:config TAR_CREATE
//config:	bool "Create archives (-c)"
//config:	depends on TAR
//config:	default y
//config:	help
//config:	  Write ustar archives, with pax headers for long names and
//config:	  big sizes.
//config:
//config:config TAR_GZIP
//config:	bool "gzip in a child process (-z, and detected by magic on extract)"
//config:	depends on TAR
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  Decompression runs in a child process so that it overlaps
//config:	  with writing files, and zlib is linked in.  Without this,
//config:	  -z still works when another applet links zlib (gzip,
//config:	  modutils), inflating in the same process.
//config:
//config:config TAR_FROM
//config:	bool "Name lists and exclusions (-T -X --exclude)"
//config:	depends on TAR
//config:	default y
//config:	help
//config:	  Read member names from a file, skip names matching patterns.
//applet:tar TAR tar_main NULL
//usage:tar -c|-x|-t [-zvOpkhmo] [-f FILE] [-C DIR] [-T FILE] [-X FILE] [--exclude PAT] [--strip-components N] [NAME]...
//usage:
//usage:Create (-c), extract (-x) or list (-t) a tar archive; the first argument
//usage:may omit its dash (tar xzf a.tgz).  Extraction never writes outside DIR:
//usage:leading '/' is removed, names with '..' are skipped, symlinks and hard
//usage:links are made after all files, files are written under a temporary name
//usage:and renamed when complete.  A gzip archive is detected by its magic.
//usage:	-f FILE	archive (default and "-": stdin/stdout)
//usage:	-C DIR	change to DIR first	-v	list names (-vv: long listing)
//usage:	-z	gzip	-O	extract files to stdout
//usage:	-p	keep modes as stored (default for root)
//usage:	-o	do not set owners (set by default for root)
//usage:	-m	do not restore modification times
//usage:	-k	keep existing files	-h	archive what symlinks point to
//usage:	-T FILE	names to archive, one a line	-X FILE	exclusion patterns
//usage:	--exclude PAT	skip names matching PAT
//usage:	--strip-components N	drop N leading name components on extract
//usage:	--numeric-owner	ignore user and group names
#include "pxebox.h"
#include "gz.h"
#include "archive.h"
#include "fs.h"
#include <fnmatch.h>
#include <grp.h>
#include <pwd.h>
#include <sys/sysmacros.h>

#define TAR_SPEC "c(create)x(extract)(get)t(list)f:(file)C:(directory)v(verbose)z(gzip)(gunzip)(ungzip)" \
	"O(to-stdout)p(preserve-permissions)(same-permissions)h(dereference)k(keep-old-files)" \
	"T(files-from)*X(exclude-from)*m(touch)o(no-same-owner)\001(strip-components)#\002(exclude)*" \
	"\003(numeric-owner)"
#define BUFSZ (256 * 1024)
#define META_MAX (1 << 20)	/* cap on long names and pax records */

/* ---- reading ------------------------------------------------------------ */

struct entry {
	char *name, *link;
	char uname[33], gname[33];
	char type;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned long long size;
	long long mtime;
	unsigned dmaj, dmin;
	unsigned given;		/* pax: which of size, mtime, uid, gid were set */
};
#define GIVEN_SIZE 1
#define GIVEN_MTIME 2
#define GIVEN_UID 4
#define GIVEN_GID 8

/* Block reader over the (maybe decompressed) stream. */
struct rd {
	struct gzr *g;
	unsigned char *buf;
	size_t pos, len;
	int eof, err;
};

static int rd_fill(struct rd *r)
{
	ssize_t n;
	if (r->pos < r->len)
		return 1;
	if (r->eof)
		return 0;
	n = gz_read(r->g, r->buf, BUFSZ);
	if (n <= 0) {
		r->eof = 1;
		r->err = n < 0;
		return 0;
	}
	r->pos = 0;
	r->len = (size_t)n;
	return 1;
}

/* Exactly len bytes (len <= 512, or copied in pieces); 0 at a short read. */
static int rd_get(struct rd *r, void *dst, size_t len)
{
	unsigned char *d = dst;
	while (len) {
		size_t n;
		if (!rd_fill(r))
			return 0;
		n = r->len - r->pos < len ? r->len - r->pos : len;
		if (d) {
			memcpy(d, r->buf + r->pos, n);
			d += n;
		}
		r->pos += n;
		len -= n;
	}
	return 1;
}

/* Octal (space/NUL padded) or GNU base-256; -1 when malformed. */
static long long getnum(const unsigned char *p, size_t len)
{
	unsigned long long v = 0;
	size_t i = 0;
	if (*p & 0x80) {
		if (*p == 0xff)
			return -1;	/* negative: refused */
		v = *p & 0x3f;
		for (i = 1; i < len; i++) {
			if (v >> 55)
				return -1;
			v = v << 8 | p[i];
		}
		return (long long)v;
	}
	while (i < len && p[i] == ' ')
		i++;
	for (; i < len && p[i] >= '0' && p[i] <= '7'; i++)
		v = v << 3 | (unsigned)(p[i] - '0');
	for (; i < len; i++)
		if (p[i] != ' ' && p[i])
			return -1;
	return (long long)v;
}

static int zero_block(const unsigned char *b)
{
	for (int i = 0; i < 512; i++)
		if (b[i])
			return 0;
	return 1;
}

/* Parse one ustar/GNU/v7 header.  0 ok, 1 zero block, -1 not a header. */
static int parse_header(const unsigned char *b, struct entry *e)
{
	unsigned long sum = 0;
	long ssum = 0;
	long long chk, v;
	int ustar = !memcmp(b + 257, "ustar", 6);	/* POSIX: prefix field valid */

	if (zero_block(b))
		return 1;
	for (int i = 0; i < 512; i++) {
		int c = i >= 148 && i < 156 ? ' ' : b[i];
		sum += (unsigned)c;
		ssum += (signed char)c;
	}
	chk = getnum(b + 148, 8);
	if (chk < 0 || ((unsigned long)chk != sum && chk != ssum))
		return -1;
	memset(e, 0, sizeof(*e));
	if (ustar && b[345])
		e->name = xasprintf("%.155s/%.100s", (const char *)b + 345, (const char *)b);
	else
		e->name = xstrndup((const char *)b, 100);
	e->link = xstrndup((const char *)b + 157, 100);
	memcpy(e->uname, b + 265, 32);
	memcpy(e->gname, b + 297, 32);
	e->type = b[156] ? (char)b[156] : '0';
	if ((v = getnum(b + 100, 8)) < 0)
		return -1;
	e->mode = (mode_t)(v & 07777);
	if ((v = getnum(b + 108, 8)) < 0)
		return -1;
	e->uid = (uid_t)v;
	if ((v = getnum(b + 116, 8)) < 0)
		return -1;
	e->gid = (gid_t)v;
	if ((v = getnum(b + 124, 12)) < 0)
		return -1;
	e->size = (unsigned long long)v;
	if ((v = getnum(b + 136, 12)) < 0)
		v = 0;
	e->mtime = v;
	e->dmaj = (unsigned)getnum(b + 329, 8);
	e->dmin = (unsigned)getnum(b + 337, 8);
	/* v7 and old GNU mark directories only with a trailing slash */
	if ((e->type == '0' || e->type == '7') && *e->name && str_end(e->name, "/"))
		e->type = '5';
	return 0;
}

/* pax extended header records "LEN key=value\n"; -1 when malformed. */
static int parse_pax(char *p, size_t len, struct entry *x)
{
	while (len) {
		char *end, *eq, *val;
		unsigned long n = strtoul(p, &end, 10);
		if (end == p || *end != ' ' || n > len || n < (size_t)(end - p) + 3 || p[n - 1] != '\n')
			return -1;
		p[n - 1] = 0;
		eq = memchr(end + 1, '=', (size_t)(p + n - 1 - (end + 1)));
		if (!eq)
			return -1;
		*eq = 0;
		val = eq + 1;
		if (!strcmp(end + 1, "path")) {
			free(x->name);
			x->name = xstrdup(val);
		} else if (!strcmp(end + 1, "linkpath")) {
			free(x->link);
			x->link = xstrdup(val);
		} else if (!strcmp(end + 1, "size")) {
			char *e2;
			x->size = strtoull(val, &e2, 10);
			if (*e2 || *val == '-')
				return -1;
			x->given |= GIVEN_SIZE;
		} else if (!strcmp(end + 1, "mtime")) {
			x->mtime = strtoll(val, NULL, 10);
			x->given |= GIVEN_MTIME;
		} else if (!strcmp(end + 1, "uid")) {
			x->uid = (uid_t)strtoul(val, NULL, 10);
			x->given |= GIVEN_UID;
		} else if (!strcmp(end + 1, "gid")) {
			x->gid = (gid_t)strtoul(val, NULL, 10);
			x->given |= GIVEN_GID;
		} else if (!strcmp(end + 1, "uname")) {
			snprintf(x->uname, sizeof(x->uname), "%s", val);
		} else if (!strcmp(end + 1, "gname")) {
			snprintf(x->gname, sizeof(x->gname), "%s", val);
		}
		p += n;
		len -= n;
	}
	return 0;
}

static void free_entry(struct entry *e)
{
	free(e->name);
	free(e->link);
	e->name = e->link = NULL;
}

/* ---- listing ---------------------------------------------------------- */

static mode_t type_mode(char type)
{
	switch (type) {
	case '2': return S_IFLNK;
	case '3': return S_IFCHR;
	case '4': return S_IFBLK;
	case '5': return S_IFDIR;
	case '6': return S_IFIFO;
	}
	return S_IFREG;
}

/* GNU tar's -tv layout, so listings compare with it */
static void list_long(const struct entry *e, const char *name, FILE *f)
{
	static int ugswidth = 19;
	char modes[11], user[40], group[40], size[48], when[32];
	time_t t = (time_t)e->mtime;
	struct tm *tm = localtime(&t);
	int pad;
	mode_string(type_mode(e->type) | e->mode, modes);
	if (e->type == '1')
		modes[0] = 'h';	/* as GNU tar shows hard links */
	if (*e->uname)
		snprintf(user, sizeof(user), "%s", e->uname);
	else
		snprintf(user, sizeof(user), "%u", (unsigned)e->uid);
	if (*e->gname)
		snprintf(group, sizeof(group), "%s", e->gname);
	else
		snprintf(group, sizeof(group), "%u", (unsigned)e->gid);
	if (e->type == '3' || e->type == '4')
		snprintf(size, sizeof(size), "%u,%u", e->dmaj, e->dmin);
	else
		snprintf(size, sizeof(size), "%llu", e->type == '1' || e->type == '2' || e->type == '5' ? 0ULL : e->size);
	if (tm)
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M", tm);
	else
		snprintf(when, sizeof(when), "%lld", e->mtime);
	pad = (int)(strlen(user) + 1 + strlen(group) + 1 + strlen(size));
	if (pad > ugswidth)
		ugswidth = pad;
	fprintf(f, "%s %s/%s %*s %s %s", modes, user, group, ugswidth - pad + (int)strlen(size), size, when, name);
	if (e->type == '2')
		fprintf(f, " -> %s", e->link);
	else if (e->type == '1')
		fprintf(f, " link to %s", e->link);
	fputc('\n', f);
}

/* ---- extraction --------------------------------------------------------- */

struct xstate {
	struct rd r;
	struct axdest *d;
	char **names;		/* operands: members to take (NULL: all) */
	char *found;
	int warned_abs, list, tostdout, verbose;
	unsigned long count;
	char *buf;
};

static char **excludes;
static size_t nexcludes;

/* As GNU tar: a pattern may match from any component on, and what it
 * matches takes everything below with it. */
static int excluded(const char *name)
{
	for (size_t i = 0; i < nexcludes; i++)
		for (const char *p = name; p; p = strchr(p, '/') ? strchr(p, '/') + 1 : NULL)
			if (!fnmatch(excludes[i], p, FNM_LEADING_DIR))
				return 1;
	return 0;
}

static int selected(struct xstate *s, const char *name)
{
	if (!s->names || !*s->names)
		return 1;
	for (int i = 0; s->names[i]; i++) {
		size_t n = strlen(s->names[i]);
		while (n > 1 && s->names[i][n - 1] == '/')
			n--;
		if (!strncmp(name, s->names[i], n) && (!name[n] || name[n] == '/')) {
			s->found[i] = 1;
			return 1;
		}
	}
	return 0;
}

static uid_t owner_uid(const struct entry *e)
{
	static char last[33];
	static uid_t lastid;
	struct passwd *pw;
	if (opt(3) || !*e->uname)
		return e->uid;
	if (*last && !strcmp(last, e->uname))
		return lastid;
	pw = getpwnam(e->uname);
	snprintf(last, sizeof(last), "%s", e->uname);
	return lastid = pw ? pw->pw_uid : e->uid;
}

static gid_t owner_gid(const struct entry *e)
{
	static char last[33];
	static gid_t lastid;
	struct group *gr;
	if (opt(3) || !*e->gname)
		return e->gid;
	if (*last && !strcmp(last, e->gname))
		return lastid;
	gr = getgrnam(e->gname);
	snprintf(last, sizeof(last), "%s", e->gname);
	return lastid = gr ? gr->gr_gid : e->gid;
}

/* Copy size bytes of member data to fd (or drop them with fd -1). */
static int copy_data(struct rd *r, int fd, unsigned long long size)
{
	int werr = 0;
	while (size) {
		size_t n;
		if (!rd_fill(r))
			return -1;
		n = r->len - r->pos;
		if (n > size)
			n = (size_t)size;
		if (fd >= 0 && !werr && writeall(fd, r->buf + r->pos, n) < 0)
			werr = errno;
		r->pos += n;
		size -= n;
	}
	errno = werr;
	return werr ? -2 : 0;
}

static NORETURN void short_read(struct xstate *s, const char *name)
{
	if (s->r.err)
		die("%s at entry '%s' (entry %lu)", gz_why(s->r.g), name, s->count);
	die("short read at entry '%s' (entry %lu)", name, s->count);
}

static void extract_one(struct xstate *s, struct entry *e, const char *name, const char *shown)
{
	unsigned long long pad = (512 - e->size % 512) % 512;
	int has_data = e->type == '0' || e->type == '7' || (e->type != '1' && e->type != '2' &&
		e->type != '3' && e->type != '4' && e->type != '5' && e->type != '6');
	unsigned long long size = has_data ? e->size : 0;
	struct ax_meta m = { e->mode, owner_uid(e), owner_gid(e), (time_t)e->mtime,
			     makedev(e->dmaj, e->dmin) };
	const char *outname = name;
	struct axfile f;
	int rc;

	if (s->list) {
		if (s->verbose)
			list_long(e, shown, stdout);
		else
			printf("%s\n", shown);
		goto skip;
	}
	if (s->verbose)
		fprintf(s->tostdout ? stderr : stdout, "%s\n", shown);
	if (opt(1)) {
		outname = ax_strip(name, optnum(1, 0));
		if (!outname)
			goto skip;
	}
	switch (e->type) {
	case '0': case '7':
		if (s->tostdout) {
			rc = copy_data(&s->r, 1, size);
			if (rc == -1)
				short_read(s, name);
			if (rc == -2)
				pdie("write error");
			goto pad;
		}
		rc = ax_file_begin(s->d, outname, &f);
		if (rc)
			goto skip;
		rc = copy_data(&s->r, f.fd, size);
		if (rc < 0) {
			int e2 = errno;
			ax_file_abort(s->d, &f);
			if (rc == -1)
				short_read(s, name);
			errno = e2;
			pwarn("%s", name);
			goto pad;
		}
		ax_file_commit(s->d, &f, &m);
		goto pad;
	case '5':
		if (!s->tostdout)
			ax_mkdir(s->d, outname, &m);
		break;
	case '2':
		if (!s->tostdout)
			ax_link(s->d, outname, e->link, 1, &m);
		break;
	case '1': {
		int abs = 0;
		char *t = ax_clean(e->link, &abs);
		const char *ts = t && opt(1) ? ax_strip(t, optnum(1, 0)) : t;
		if (!ts) {
			warn("%s: hard link target '%s' is outside the archive", name, e->link);
			break;
		}
		if (!s->tostdout)
			ax_link(s->d, outname, ts, 0, &m);
		break;
	}
	case '3': case '4': case '6':
		m.mode |= e->type == '3' ? S_IFCHR : e->type == '4' ? S_IFBLK : S_IFIFO;
		if (!s->tostdout)
			ax_mknod(s->d, outname, &m);
		break;
	default:
		warn("%s: unknown file type '%c', skipped", name, e->type);
		goto skip;
	}
	return;
skip:
	if (copy_data(&s->r, -1, size) < 0)
		short_read(s, name);
pad:
	if (!rd_get(&s->r, NULL, (size_t)pad))
		short_read(s, name);
}

/* Read a GNU L/K or pax body of size bytes into a string. */
static char *read_meta(struct xstate *s, unsigned long long size)
{
	char *p;
	if (size > META_MAX)
		die("extended header too large at entry %lu", s->count);
	p = xmalloc((size_t)size + 1);
	if (!rd_get(&s->r, p, (size_t)size) || !rd_get(&s->r, NULL, (512 - size % 512) % 512)) {
		free(p);
		short_read(s, "(extended header)");
	}
	p[size] = 0;
	return p;
}

static int tar_extract(struct xstate *s)
{
	unsigned char hdr[512];
	struct entry e, x;	/* x: what L/K/pax headers say about the next entry */

	memset(&x, 0, sizeof(x));
	for (;;) {
		int r, abs = 0;
		char *name, *shown;
		if (!rd_get(&s->r, hdr, 512)) {
			if (s->r.err || s->r.len)	/* stopped inside a header */
				short_read(s, x.name ? x.name : "(header)");
			break;
		}
		s->count++;
		r = parse_header(hdr, &e);
		if (r == 1) {
			/* end of archive: the second zero block may be missing */
			break;
		}
		if (r < 0)
			die(s->count == 1 ? "this does not look like a tar archive" :
			    "corrupt header at entry %lu", s->count);
		if (e.type == 'L' || e.type == 'K') {
			char *p = read_meta(s, e.size);
			char **slot = e.type == 'L' ? &x.name : &x.link;
			free(*slot);
			*slot = p;
			free_entry(&e);
			continue;
		}
		if (e.type == 'x' || e.type == 'g') {
			char *p = read_meta(s, e.size);
			struct entry *into = &x, g;
			if (e.type == 'g') {
				memset(&g, 0, sizeof(g));
				into = &g;	/* global records: parsed for validity, not used */
			}
			if (parse_pax(p, (size_t)e.size, into) < 0)
				die("corrupt pax header at entry %lu", s->count);
			if (into == &g)
				free_entry(&g);
			free(p);
			free_entry(&e);
			continue;
		}
		/* apply the extensions */
		if (x.name) {
			free(e.name);
			e.name = x.name;
		}
		if (x.link) {
			free(e.link);
			e.link = x.link;
		}
		if (x.given & GIVEN_SIZE)
			e.size = x.size;
		if (x.given & GIVEN_MTIME)
			e.mtime = x.mtime;
		if (x.given & GIVEN_UID)
			e.uid = x.uid;
		if (x.given & GIVEN_GID)
			e.gid = x.gid;
		if (*x.uname)
			memcpy(e.uname, x.uname, sizeof(e.uname));
		if (*x.gname)
			memcpy(e.gname, x.gname, sizeof(e.gname));
		memset(&x, 0, sizeof(x));

		/* listings show the name as stored, less the leading '/' */
		shown = xstrdup(e.name + strspn(e.name, "/"));
		name = ax_clean(e.name, &abs);
		if (abs && !s->warned_abs++)
			warn("removing leading '/' from member names");
		if (!name && !s->list)
			warn("%s: member name contains '..', skipped", shown);
		/* a listing shows unsafe names too; only extraction skips them */
		if ((!name && !s->list) || excluded(name ? name : shown) || !selected(s, name ? name : shown)) {
			unsigned long long sz = e.type == '5' || e.type == '2' || e.type == '1' ? 0 : e.size;
			if (copy_data(&s->r, -1, sz) < 0 || !rd_get(&s->r, NULL, (512 - sz % 512) % 512))
				short_read(s, shown);
			free_entry(&e);
			free(shown);
			continue;
		}
		extract_one(s, &e, name ? name : shown, shown);
		free_entry(&e);
		free(shown);
	}
	free_entry(&x);
	/* read to the end so a gzip trailer is checked */
	while (rd_fill(&s->r))
		s->r.pos = s->r.len;
	if (s->r.err)
		die("%s", gz_why(s->r.g));
	return 0;
}

static int do_extract(int argc, char **argv, int fd)
{
	struct xstate s;
	int flags = AX_MKDIRS, rc;
	memset(&s, 0, sizeof(s));
	s.list = opt('t');
	s.tostdout = opt('O');
	s.verbose = opt('v');
	s.names = argv + 1;
	s.found = xzalloc((size_t)argc);
	s.r.buf = xmalloc(BUFSZ);
	s.r.g = gz_ropen(fd, GZ_RAW_OK | (ENABLE_TAR_GZIP ? GZ_CHILD : 0));
	if (!s.r.g)
		die("%s: %s", optstr('f') ? optstr('f') : "stdin", gz_why(NULL));
	if (opt('z') && !gz_is_gzip(s.r.g))
		die("%s: not in gzip format", optstr('f') ? optstr('f') : "stdin");
	if (!geteuid()) {
		flags |= AX_PERMS;
		if (!opt('o'))
			flags |= AX_OWNER;
	}
	if (opt('p'))
		flags |= AX_PERMS;
	if (!opt('m'))
		flags |= AX_MTIME;
	if (opt('k'))
		flags |= AX_KEEP;
	if (!s.list && !s.tostdout)
		s.d = ax_open(optstr('C') ? optstr('C') : ".", flags);
	tar_extract(&s);
	if (s.d && ax_finish(s.d))
		px.exitcode = 1;
	rc = gz_rclose(s.r.g);
	if (rc < 0)
		px.exitcode = 1;
	for (int i = 1; i < argc; i++)
		if (!s.found[i - 1])
			warn("%s: not found in archive", argv[i]);
	free(s.found);
	free(s.r.buf);
	return px.exitcode;
}

/* ---- creation ----------------------------------------------------------- */

struct wr {
	int fd;
	struct gzw *gz;
	unsigned char *buf;
	size_t len;
	unsigned long long total;
	dev_t self_dev;
	ino_t self_ino;
	int warned_abs;
	struct hl { dev_t dev; ino_t ino; char *name; } *hl;
	size_t nhl;
};

static void wr_flush(struct wr *w)
{
	int r = w->gz ? gz_write(w->gz, w->buf, w->len) : (int)writeall(w->fd, w->buf, w->len);
	if (r < 0)
		pdie("write error");
	w->len = 0;
}

static void wr_put(struct wr *w, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n) {
		size_t k = BUFSZ - w->len < n ? BUFSZ - w->len : n;
		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
		w->total += k;
		if (w->len == BUFSZ)
			wr_flush(w);
	}
}

static void wr_zero(struct wr *w, size_t n)
{
	static const unsigned char z[512];
	while (n) {
		size_t k = n < 512 ? n : 512;
		wr_put(w, z, k);
		n -= k;
	}
}

static int putnum(char *f, size_t len, unsigned long long v)
{
	if (v >> (3 * (len - 1)))	/* does not fit in len-1 octal digits */
		return -1;
	snprintf(f, len, "%0*llo", (int)len - 1, v);
	return 0;
}

static void put_header(struct wr *w, const char *name, const char *link, int type, const struct stat *st,
		       unsigned long long size, const char *uname, const char *gname)
{
	unsigned char h[512];
	size_t nl = strlen(name), ll = link ? strlen(link) : 0;
	unsigned sum = 0;
	memset(h, 0, 512);
	if (nl <= 100) {
		memcpy(h, name, nl);
	} else {
		/* ustar splits at a '/' into prefix (155) and name (100) */
		const char *cut = name + nl - 101 > name ? name + nl - 101 : name;
		cut = strchr(cut, '/');
		if (cut && cut - name <= 155 && cut > name) {
			memcpy(h + 345, name, (size_t)(cut - name));
			memcpy(h, cut + 1, nl - (size_t)(cut - name) - 1);
		} else
			memcpy(h, name, 100);	/* the pax path record holds the real name */
	}
	putnum((char *)h + 100, 8, st->st_mode & 07777);
	if (putnum((char *)h + 108, 8, st->st_uid) < 0)
		putnum((char *)h + 108, 8, 0);
	if (putnum((char *)h + 116, 8, st->st_gid) < 0)
		putnum((char *)h + 116, 8, 0);
	if (putnum((char *)h + 124, 12, size) < 0)
		putnum((char *)h + 124, 12, 0);
	if (putnum((char *)h + 136, 12, st->st_mtime < 0 ? 0 : (unsigned long long)st->st_mtime) < 0)
		putnum((char *)h + 136, 12, 0);
	h[156] = (unsigned char)type;
	if (link)
		memcpy(h + 157, link, ll > 100 ? 100 : ll);
	memcpy(h + 257, "ustar\00000", 8);
	snprintf((char *)h + 265, 32, "%s", uname);
	snprintf((char *)h + 297, 32, "%s", gname);
	if (type == '3' || type == '4') {
		putnum((char *)h + 329, 8, major(st->st_rdev));
		putnum((char *)h + 337, 8, minor(st->st_rdev));
	}
	memset(h + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
	wr_put(w, h, 512);
}

/* "LEN key=value\n" where LEN counts itself */
static void pax_add(char **p, size_t *len, const char *key, const char *val)
{
	size_t body = strlen(key) + strlen(val) + 3, n = body + 1;
	char num[24];
	while (snprintf(num, sizeof(num), "%zu", n), strlen(num) + body != n)
		n = strlen(num) + body;
	*p = xrealloc(*p, *len + n + 1);
	snprintf(*p + *len, n + 1, "%s %s=%s\n", num, key, val);
	*len += n;
}

static void add_path(struct wr *w, const char *path);

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_dir(struct wr *w, const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	if (!dir) {
		pwarn("%s", path);
		return;
	}
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (!(n & (n + 1)))
			names = xrealloc(names, (n * 2 + 2) * sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	/* sorted, so that the same tree gives the same archive */
	qsort(names, n, sizeof(*names), cmpstr);
	for (size_t i = 0; i < n; i++) {
		char *p = path_join(path, names[i]);
		add_path(w, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

static void add_path(struct wr *w, const char *path)
{
	struct stat st;
	char *name, *link = NULL, *pax = NULL, num[32];
	const char *mname = path;
	size_t paxlen = 0;
	int type, fd = -1;
	unsigned long long size = 0;

	if ((opt('h') ? stat(path, &st) : lstat(path, &st)) < 0) {
		pwarn("%s", path);
		return;
	}
	if (st.st_dev == w->self_dev && st.st_ino == w->self_ino) {
		warn("%s: file is the archive; not dumped", path);
		return;
	}
	while (*mname == '/')
		mname++;
	if (mname != path && !w->warned_abs++)
		warn("removing leading '/' from member names");
	while (mname[0] == '.' && mname[1] == '/')
		mname += 2;
	if (!*mname)
		mname = ".";
	if (excluded(mname))
		return;
	name = S_ISDIR(st.st_mode) && !str_end(mname, "/") ? xasprintf("%s/", mname) : xstrdup(mname);

	if (S_ISREG(st.st_mode)) {
		type = '0';
		if (st.st_nlink > 1) {
			for (size_t i = 0; i < w->nhl; i++)
				if (w->hl[i].dev == st.st_dev && w->hl[i].ino == st.st_ino) {
					type = '1';
					link = xstrdup(w->hl[i].name);
					break;
				}
			if (type == '0') {
				w->hl = xrealloc(w->hl, (w->nhl + 1) * sizeof(*w->hl));
				w->hl[w->nhl++] = (struct hl){ st.st_dev, st.st_ino, xstrdup(name) };
			}
		}
		if (type == '0') {
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0) {
				pwarn("%s", path);
				free(name);
				return;
			}
			size = (unsigned long long)st.st_size;
		}
	} else if (S_ISDIR(st.st_mode)) {
		type = '5';
	} else if (S_ISLNK(st.st_mode)) {
		ssize_t n;
		type = '2';
		link = xmalloc((size_t)st.st_size + 2);
		n = readlink(path, link, (size_t)st.st_size + 1);
		if (n < 0) {
			pwarn("%s", path);
			free(link);
			free(name);
			return;
		}
		link[n] = 0;
	} else if (S_ISCHR(st.st_mode)) {
		type = '3';
	} else if (S_ISBLK(st.st_mode)) {
		type = '4';
	} else if (S_ISFIFO(st.st_mode)) {
		type = '6';
	} else {
		warn("%s: socket ignored", path);
		free(name);
		return;
	}

	if (strlen(name) > 100) {
		const char *cut = name + strlen(name) - 101 > name ? name + strlen(name) - 101 : name;
		cut = strchr(cut, '/');
		if (!cut || cut - name > 155 || cut == name)
			pax_add(&pax, &paxlen, "path", name);
	}
	if (link && strlen(link) > 100)
		pax_add(&pax, &paxlen, "linkpath", link);
	if (size > 077777777777ULL) {
		snprintf(num, sizeof(num), "%llu", size);
		pax_add(&pax, &paxlen, "size", num);
	}
	if (st.st_uid > 07777777) {
		snprintf(num, sizeof(num), "%u", (unsigned)st.st_uid);
		pax_add(&pax, &paxlen, "uid", num);
	}
	if (st.st_gid > 07777777) {
		snprintf(num, sizeof(num), "%u", (unsigned)st.st_gid);
		pax_add(&pax, &paxlen, "gid", num);
	}
	if (st.st_mtime < 0 || (unsigned long long)st.st_mtime > 077777777777ULL) {
		snprintf(num, sizeof(num), "%lld", (long long)st.st_mtime);
		pax_add(&pax, &paxlen, "mtime", num);
	}
	if (pax) {
		char *pname = xasprintf("PaxHeaders/%.80s", base_name(name));
		struct stat ps = st;
		ps.st_mode = 0644;
		put_header(w, pname, NULL, 'x', &ps, paxlen, "", "");
		wr_put(w, pax, paxlen);
		wr_zero(w, (512 - paxlen % 512) % 512);
		free(pname);
		free(pax);
	}
	if (opt('v'))
		fprintf(w->fd == 1 ? stderr : stdout, "%s\n", name);
	{
		const char *u = uid_name(st.st_uid), *g = gid_name(st.st_gid);
		put_header(w, name, link, type, &st, size, u ? u : "", g ? g : "");
	}
	if (fd >= 0) {
		/* exactly size bytes: a file that shrank is padded, one that grew cut */
		unsigned long long left = size;
		while (left) {
			size_t want = BUFSZ - w->len, k;
			ssize_t r;
			if (want > left)
				want = (size_t)left;
			r = read(fd, w->buf + w->len, want);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				if (r < 0)
					pwarn("%s", path);
				else
					warn("%s: file shrank by %llu bytes; padding with zeros", path, left);
				wr_zero(w, (size_t)left);
				break;
			}
			k = (size_t)r;
			w->len += k;
			w->total += k;
			left -= k;
			if (w->len == BUFSZ)
				wr_flush(w);
		}
		wr_zero(w, (512 - size % 512) % 512);
		close(fd);
	}
	if (type == '5')
		add_dir(w, path);
	free(link);
	free(name);
}

static int do_create(int argc, char **argv, int fd)
{
	struct wr w;
	struct stat st;
	memset(&w, 0, sizeof(w));
	w.fd = fd;
	w.buf = xmalloc(BUFSZ);
	if (!fstat(fd, &st) && S_ISREG(st.st_mode)) {
		w.self_dev = st.st_dev;
		w.self_ino = st.st_ino;
	}
	if (opt('z'))
		w.gz = gz_wopen(fd, 6, NULL, 0);
	if (optstr('C') && chdir(optstr('C')) < 0)
		pdie("%s", optstr('C'));
	for (int i = 1; i < argc; i++)
		add_path(&w, argv[i]);
	if (ENABLE_TAR_FROM)
		for (char **l = optlist('T'); *l; l++) {
			int in = open_input(*l);
			struct lines *ls;
			char *line;
			if (in < 0)
				continue;
			ls = lines_open(in);
			while ((line = lines_next(ls, NULL)))
				if (*line)
					add_path(&w, line);
			lines_close(ls);
			if (in)
				close(in);
		}
	if (argc < 2 && !optcount('T'))
		die("refusing to create an empty archive");
	/* two zero blocks, then pad to a 10240-byte record as GNU tar does */
	wr_zero(&w, 1024);
	wr_zero(&w, (size_t)((10240 - w.total % 10240) % 10240));
	wr_flush(&w);
	if (w.gz && gz_wclose(w.gz) < 0)
		pdie("write error");
	for (size_t i = 0; i < w.nhl; i++)
		free(w.hl[i].name);
	free(w.hl);
	free(w.buf);
	return px.exitcode;
}

static void load_excludes(void)
{
	for (char **p = optlist(2); *p; p++) {
		excludes = xrealloc(excludes, (nexcludes + 1) * sizeof(*excludes));
		excludes[nexcludes++] = *p;
	}
	for (char **f = optlist('X'); *f; f++) {
		int in = open_input(*f);
		struct lines *ls;
		char *line;
		if (in < 0)
			xexit(2);
		ls = lines_open(in);
		while ((line = lines_next(ls, NULL)))
			if (*line) {
				excludes = xrealloc(excludes, (nexcludes + 1) * sizeof(*excludes));
				excludes[nexcludes++] = xstrdup(line);
			}
		lines_close(ls);
		if (in)
			close(in);
	}
}

int tar_main(int argc, char **argv)
{
	const char *file;
	int fd, mode;
	char **av = argv;

	if (argc == 2 && !strcmp(argv[1], "--help")) {
		show_help(applet_find("tar"), stdout);
		return 0;
	}
	/* old style: "tar xzf FILE" is "tar -xzf FILE" */
	if (argc > 1 && argv[1][0] != '-') {
		av = xmalloc(((size_t)argc + 1) * sizeof(*av));
		memcpy(av, argv, ((size_t)argc + 1) * sizeof(*av));
		av[1] = xasprintf("-%s", argv[1]);
	}
	argc = opt_parse(TAR_SPEC, argc, av);
	argv = av;
	mode = !!opt('c') + !!opt('x') + !!opt('t');
	if (mode != 1) {
		warn(mode ? "you may not specify more than one of -c, -x, -t" :
		     "you must specify one of -c, -x, -t");
		usage_die();
	}
	if (!ENABLE_TAR_CREATE && opt('c'))
		die("archive creation not built in");
	if (ENABLE_TAR_FROM)
		load_excludes();
	file = optstr('f');
	if (opt('c')) {
		if (!file || !strcmp(file, "-")) {
			if (isatty(1))
				die("refusing to write archive contents to terminal");
			fd = 1;
		} else
			fd = xopen(file, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		return do_create(argc, argv, fd);
	}
	fd = !file || !strcmp(file, "-") ? 0 : xopen(file, O_RDONLY);
	return do_extract(argc, argv, fd);
}
