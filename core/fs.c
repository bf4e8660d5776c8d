/* fs.c - tree walk, metadata copy, mode strings and id names (see fs.h). */
#include "fs.h"

/* ---- tree walk ---------------------------------------------------------- */

struct level {
	char **names;		/* entries still to visit, read up front */
	size_t n, i;
	size_t pathlen;		/* length of this directory's path in wk.buf */
	struct stat st;		/* the directory itself, for the post visit */
	const char *name;	/* its name relative to the parent */
	int err;		/* opening or reading it failed */
};

struct walker {
	int flags;
	int (*fn)(struct walk *w);
	struct walk w;
	char *buf;		/* the current path */
	size_t cap;
	struct level *lv;
	int nlv, caplv;
	int fd;			/* the deepest open directory */
	struct stat rootst;
};

static void set_path(struct walker *k, size_t base, const char *name)
{
	size_t nl = strlen(name), need = base + nl + 2;
	if (need > k->cap)
		k->buf = xrealloc(k->buf, k->cap = need * 2);
	/* no doubled slash after "/" or a start path given as "dir/" */
	if (base && k->buf[base - 1] != '/')
		k->buf[base++] = '/';
	memcpy(k->buf + base, name, nl + 1);
	k->w.path = k->buf;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read all entries of the open directory fd; NULL (errno set) on failure. */
static char **read_names(int fd, size_t *np, int sort)
{
	int dfd = dup(fd);
	DIR *d = dfd < 0 ? NULL : fdopendir(dfd);
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, cap = 0;
	if (!d) {
		if (dfd >= 0)
			close(dfd);
		return NULL;
	}
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de)
			break;
		if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		if (n + 1 >= cap)
			v = xrealloc(v, (cap = cap * 2 + 16) * sizeof(*v));
		v[n++] = xstrdup(de->d_name);
	}
	if (errno) {
		int e = errno;
		while (n)
			free(v[--n]);
		free(v);
		closedir(d);
		errno = e;
		return NULL;
	}
	closedir(d);
	if (sort && n > 1)
		qsort(v, n, sizeof(*v), cmp_names);
	*np = n;
	return v ? v : xzalloc(sizeof(*v));
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Is st one of the directories we are inside?  (-L loops) */
static int is_ancestor(struct walker *k, const struct stat *st)
{
	for (int i = 0; i < k->nlv; i++)
		if (same_file(&k->lv[i].st, st))
			return 1;
	return 0;
}

/* Enter the directory just visited (k->w): open it, read it, push a level. */
static void enter(struct walker *k, int follow)
{
	struct level *l;
	int fd;
	if (k->nlv == k->caplv)
		k->lv = xrealloc(k->lv, (k->caplv = k->caplv * 2 + 8) * sizeof(*k->lv));
	l = &k->lv[k->nlv++];
	memset(l, 0, sizeof(*l));
	l->st = k->w.st;
	l->name = k->w.name;
	l->pathlen = strlen(k->buf);
	fd = openat(k->w.dirfd, k->w.name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	if (fd >= 0) {
		struct stat st;
		/* it must still be the directory we stat'ed, not a swapped-in link */
		if (fstat(fd, &st) || !same_file(&st, &l->st)) {
			close(fd);
			fd = -1;
			errno = EAGAIN;
		}
	}
	if (fd < 0 || !(l->names = read_names(fd, &l->n, k->flags & WALK_SORT))) {
		l->err = errno;
		if (fd >= 0)
			close(fd);
		return;
	}
	if (k->fd >= 0)
		close(k->fd);
	k->fd = fd;
}

/* Leave the deepest level: get back to its parent's fd. */
static int leave(struct walker *k)
{
	struct level *l = &k->lv[k->nlv - 1];
	int pfd;
	if (!l->err && k->nlv > 1) {
		struct level *p = &k->lv[k->nlv - 2];
		struct stat st;
		pfd = openat(k->fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (pfd < 0 || fstat(pfd, &st) || !same_file(&st, &p->st)) {
			/* reached through a followed symlink (or moved under us):
			 * try the path, which must still name the same directory */
			if (pfd >= 0)
				close(pfd);
			char c = k->buf[p->pathlen];
			k->buf[p->pathlen] = 0;
			pfd = open(k->buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			k->buf[p->pathlen] = c;
			if (pfd < 0 || fstat(pfd, &st) || !same_file(&st, &p->st)) {
				if (pfd >= 0)
					close(pfd);
				errno = pfd < 0 ? errno : ENOENT;
				k->buf[p->pathlen] = 0;
				pwarn("%s: cannot return to directory", k->buf);
				return -1;
			}
		}
		close(k->fd);
		k->fd = pfd;
	} else if (!l->err) {
		close(k->fd);
		k->fd = -1;
	}
	free(l->names);
	k->nlv--;
	return 0;
}

/* Visit one entry (the start path when k->nlv is 0). */
static int visit(struct walker *k, const char *name, int follow)
{
	struct walk *w = &k->w;
	int r;
	w->name = name;
	w->dirfd = k->nlv ? k->fd : AT_FDCWD;
	w->depth = k->nlv;
	w->post = 0;
	w->err = 0;
	if (fstatat(w->dirfd, name, &w->st, follow ? 0 : AT_SYMLINK_NOFOLLOW)) {
		w->err = errno;
		memset(&w->st, 0, sizeof(w->st));
		/* a dangling symlink is still worth reporting as the link */
		if (follow && !fstatat(w->dirfd, name, &w->st, AT_SYMLINK_NOFOLLOW))
			w->err = 0;
	} else if (S_ISDIR(w->st.st_mode) && is_ancestor(k, &w->st)) {
		w->err = ELOOP;
	}
	if (!k->nlv)
		k->rootst = w->st;
	w->root = &k->rootst;
	r = k->fn(w);
	if (r == WALK_STOP)
		return -1;
	if (r == WALK_SKIP || w->err || !S_ISDIR(w->st.st_mode))
		return 0;
	if ((k->flags & WALK_XDEV) && k->nlv && w->st.st_dev != k->rootst.st_dev)
		return 0;
	enter(k, follow);
	return 0;
}

int walk_tree(const char *path, int flags, int (*fn)(struct walk *w), void *ctx)
{
	struct walker k = { .flags = flags, .fn = fn, .fd = -1 };
	int rc = 0, follow = flags & (WALK_FOLLOW | WALK_FOLLOW1);
	k.w.ctx = ctx;
	k.lv = xmalloc(8 * sizeof(*k.lv));
	k.caplv = 8;
	set_path(&k, 0, path);
	if (visit(&k, path, follow) < 0)
		rc = -1;
	follow = flags & WALK_FOLLOW;
	while (!rc && k.nlv) {
		struct level *l = &k.lv[k.nlv - 1];
		if (l->i < l->n) {
			char *name = l->names[l->i++];
			set_path(&k, l->pathlen, name);
			rc = visit(&k, name, follow);
			/* names of entered directories live on in their level */
			if (k.nlv && k.lv[k.nlv - 1].name == name)
				continue;
			free(name);
			continue;
		}
		/* all entries done: post visit with the parent's fd */
		struct level done = *l;
		k.buf[l->pathlen] = 0;
		if (leave(&k) < 0) {
			rc = -1;	/* the level is freed below */
			break;
		}
		if (flags & WALK_POST) {
			k.w.path = k.buf;
			k.w.name = done.name;
			k.w.dirfd = k.nlv ? k.fd : AT_FDCWD;
			k.w.depth = k.nlv;
			k.w.post = 1;
			k.w.err = done.err;
			k.w.st = done.st;
			if (fn(&k.w) == WALK_STOP)
				rc = -1;
		}
		if (done.name != path)
			free((char *)done.name);
	}
	/* stopped early: free what is left */
	while (k.nlv) {
		struct level *l = &k.lv[--k.nlv];
		while (l->i < l->n)
			free(l->names[l->i++]);
		free(l->names);
		if (l->name != path)
			free((char *)l->name);
	}
	if (k.fd >= 0)
		close(k.fd);
	free(k.lv);
	free(k.buf);
	return rc;
}

/* ---- metadata ------------------------------------------------------------ */

int set_meta(int dirfd, const char *name, const struct stat *st, int what)
{
	int rc = 0, e = 0, link = S_ISLNK(st->st_mode);
	if ((what & META_OWNER) && !geteuid() &&
	    fchownat(dirfd, name, st->st_uid, st->st_gid, AT_SYMLINK_NOFOLLOW))
		rc = -1, e = errno;
	if ((what & META_MODE) && !link && fchmodat(dirfd, name, st->st_mode & 07777, 0) && !rc)
		rc = -1, e = errno;
	if (what & META_TIME) {
		struct timespec ts[2] = { st->st_atim, st->st_mtim };
		if (utimensat(dirfd, name, ts, AT_SYMLINK_NOFOLLOW) && !rc)
			rc = -1, e = errno;
	}
	errno = e;
	return rc;
}

char *mode_string(mode_t m, char buf[11])
{
	static const char rwx[] = "rwxrwxrwx";
	buf[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' :
		 S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : S_ISREG(m) ? '-' : '?';
	for (int i = 0; i < 9; i++)
		buf[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	/* setuid, setgid, sticky: lower case when the x bit is also set */
	if (m & S_ISUID)
		buf[3] = buf[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		buf[6] = buf[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		buf[9] = buf[9] == 'x' ? 't' : 'T';
	buf[10] = 0;
	return buf;
}

/* ---- user and group names ----------------------------------------------- */

/* /etc/passwd and /etc/group are read directly, once, into a table: the same
 * answer with any libc (a static glibc would want NSS modules at run time),
 * and ls -l over thousands of files asks only memory. */
struct ident {
	unsigned id, gid;	/* gid: the login group (passwd only) */
	char *name;
};
struct idtab {
	int loaded;
	size_t n;
	struct ident *v;
};
static struct idtab users, groups;

static struct idtab *load(struct idtab *t, const char *file)
{
	char *buf, *line, *next;
	if (t->loaded)
		return t;
	t->loaded = 1;
	buf = read_file(file, NULL);
	for (line = buf; line && *line; line = next) {
		char *f[4], *end;
		int nf = 0;
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		/* name:password:id:gid-or-members:... */
		for (char *p = line; nf < 4; nf++) {
			f[nf] = p;
			p = strchr(p, ':');
			if (!p)
				break;
			*p++ = 0;
		}
		if (nf < 3 || !*f[0] || !isdigit((unsigned char)*f[2]))
			continue;
		unsigned long id = strtoul(f[2], &end, 10);
		if (*end || id > UINT_MAX)
			continue;
		t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
		t->v[t->n].id = id;
		t->v[t->n].gid = nf > 3 && isdigit((unsigned char)*f[3]) ? strtoul(f[3], NULL, 10) : (unsigned)-1;
		t->v[t->n++].name = xstrdup(f[0]);
	}
	free(buf);
	return t;
}

static const struct ident *by_id(struct idtab *t, unsigned id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].id == id)
			return &t->v[i];	/* the first entry wins, as getpwuid */
	return NULL;
}

static const struct ident *by_name(struct idtab *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].name, name))
			return &t->v[i];
	return NULL;
}

const char *uid_name(uid_t uid)
{
	const struct ident *e = by_id(load(&users, "/etc/passwd"), uid);
	return e ? e->name : NULL;
}

const char *gid_name(gid_t gid)
{
	const struct ident *e = by_id(load(&groups, "/etc/group"), gid);
	return e ? e->name : NULL;
}

int uid_group(uid_t uid, gid_t *gid)
{
	const struct ident *e = by_id(load(&users, "/etc/passwd"), uid);
	if (!e || e->gid == (unsigned)-1)
		return -1;
	*gid = e->gid;
	return 0;
}

static int parse_id(const char *s, unsigned *id)
{
	char *end;
	unsigned long v;
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end || errno || v >= (unsigned)-1)
		return -1;
	*id = (unsigned)v;
	return 0;
}

/* A name wins over a number, as in coreutils: a user called "123" is meant. */
static int name_or_id(struct idtab *t, const char *file, const char *s, unsigned *id)
{
	const struct ident *e = by_name(load(t, file), s);
	if (e) {
		*id = e->id;
		return 0;
	}
	return parse_id(s, id);
}

int parse_uid(const char *s, uid_t *uid)
{
	unsigned v;
	if (name_or_id(&users, "/etc/passwd", s, &v))
		return -1;
	*uid = v;
	return 0;
}

int parse_gid(const char *s, gid_t *gid)
{
	unsigned v;
	if (name_or_id(&groups, "/etc/group", s, &v))
		return -1;
	*gid = v;
	return 0;
}

/* ---- paths --------------------------------------------------------------- */

int path_is_inside(const char *inner, const struct stat *outer)
{
	int fd = open(inner, O_RDONLY | O_DIRECTORY | O_CLOEXEC), inside = 0;
	struct stat st, up;
	/* climb through ".." to the root, comparing each directory */
	while (fd >= 0 && !fstat(fd, &st)) {
		int pfd;
		if (same_file(&st, outer)) {
			inside = 1;
			break;
		}
		pfd = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		close(fd);
		fd = pfd;
		if (fd < 0 || fstat(fd, &up) || same_file(&up, &st))
			break;	/* the root is its own parent */
	}
	if (fd >= 0)
		close(fd);
	return inside;
}

char *path_into(const char *dir, const char *src)
{
	char *p = xstrdup(src), *r;
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = 0;
	r = path_join(dir, base_name(p));
	free(p);
	return r;
}

int is_dir(const char *path)
{
	struct stat st;
	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

void each_operand(int argc, char **argv, const char *dir, int no_dir,
		  void (*fn)(const char *src, const char *dst, void *ctx), void *ctx)
{
	int nsrc = argc - 1;

	if (!dir && nsrc < 2) {
		warn(nsrc ? "missing destination file operand after '%s'" : "missing file operand", argv[1]);
		usage_die();
	}
	/* a symlink to a directory as DEST counts as the directory */
	if (!dir && !no_dir && (nsrc > 2 || is_dir(argv[argc - 1])))
		dir = argv[--argc], nsrc--;
	if (!dir) {
		if (nsrc > 2)
			die("extra operand '%s'", argv[3]);
		fn(argv[1], argv[2], ctx);
		return;
	}
	if (!nsrc) {
		warn("missing file operand");
		usage_die();
	}
	if (!is_dir(dir))
		die("target '%s' is not a directory", dir);
	for (int i = 1; i < argc; i++) {
		char *dst = path_into(dir, argv[i]);
		fn(argv[i], dst, ctx);
		free(dst);
	}
}
