/* archive.c - safe extraction for tar and cpio (the rules are in archive.h). */
#include "archive.h"

struct pending {
	char *name, *target;	/* target: NULL for a directory */
	int sym;
	struct ax_meta m;
};

struct axdest {
	int root, flags;
	mode_t umask;
	unsigned tmpseq;
	struct pending *links, *dirs;
	size_t nlinks, ndirs;
	struct made { dev_t dev; ino_t ino; } *made;	/* symlinks we created */
	size_t nmade;
	/* the last directory walked to while writing files: archives list a
	 * directory's files together, and this saves a walk for each */
	char *cpath;
	size_t clen;
	int cfd, finishing;
	long pid;
};

struct axdest *ax_open(const char *dir, int flags)
{
	struct axdest *d = xzalloc(sizeof(*d));
	d->root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->root < 0)
		pdie("%s", dir);
	d->flags = flags;
	d->umask = umask_get();
	d->cfd = -1;
	d->pid = (long)getpid();
	return d;
}

char *ax_clean(char *name, int *abs)
{
	char *r = name, *w = name;
	if (!*name)	/* an empty name has no room for "." and names nothing */
		return NULL;
	while (*r == '/') {
		r++;
		*abs = 1;
	}
	while (*r) {
		size_t n = strcspn(r, "/");
		if (n == 2 && r[0] == '.' && r[1] == '.')
			return NULL;
		if (n && !(n == 1 && r[0] == '.')) {
			if (w != name)
				*w++ = '/';
			memmove(w, r, n);
			w += n;
		}
		r += n;
		while (*r == '/')
			r++;
	}
	if (w == name)	/* "/" or "./": the destination itself; "" was refused above */
		*w++ = '.';
	*w = 0;
	return name;
}

const char *ax_strip(const char *name, long n)
{
	while (n-- > 0) {
		const char *s = strchr(name, '/');
		if (!s)
			return NULL;
		name = s + 1;
	}
	return *name ? name : NULL;
}

/* Is this symlink (dev, ino) one that ax_finish made? */
static int made_here(struct axdest *d, const struct stat *st)
{
	for (size_t i = 0; i < d->nmade; i++)
		if (d->made[i].dev == st->st_dev && d->made[i].ino == st->st_ino)
			return 1;
	return 0;
}

/* Open the directory holding NAME; *base points at its last component.
 * A symlink on the way is followed only if this extraction did not make it
 * (one that was there before is the owner's business, as for GNU tar).
 * create: make missing directories (with AX_MKDIRS). */
static int walk(struct axdest *d, const char *name, const char **base, int create)
{
	int fd = d->root;
	const char *p = name, *slash, *last = strrchr(name, '/');
	size_t plen = last ? (size_t)(last - name) : 0;
	char comp[NAME_MAX + 1];
	/* the cache only serves the file phase: nothing there makes symlinks */
	int cache = create && !d->finishing && plen;
	if (cache && d->cfd >= 0 && plen == d->clen && !memcmp(name, d->cpath, plen)) {
		*base = last + 1;
		return d->cfd;
	}
	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);
		int nfd;
		struct stat st;
		if (n > NAME_MAX) {
			errno = ENAMETOOLONG;
			goto fail;
		}
		memcpy(comp, p, n);
		comp[n] = 0;
		nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
		if (nfd < 0 && (errno == ELOOP || errno == ENOTDIR) &&
		    !fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode)) {
			if (made_here(d, &st)) {
				errno = ELOOP;
				goto fail;
			}
			nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		}
		if (nfd < 0 && errno == ENOENT && create && (d->flags & AX_MKDIRS)) {
			if (mkdirat(fd, comp, 0777) < 0 && errno != EEXIST)
				goto fail;
			nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
		}
		if (nfd < 0)
			goto fail;
		if (fd != d->root)
			close(fd);
		fd = nfd;
		p = slash + 1;
	}
	*base = p;
	if (cache) {
		if (d->cfd >= 0)
			close(d->cfd);
		free(d->cpath);
		d->cpath = xstrndup(name, plen);
		d->clen = plen;
		d->cfd = fd;
	}
	return fd;
fail:
	if (fd != d->root)
		close(fd);
	return -1;
}

static void unwalk(struct axdest *d, int fd)
{
	if (fd >= 0 && fd != d->root && fd != d->cfd)
		close(fd);
}

int ax_lstat(struct axdest *d, const char *name, struct stat *st)
{
	const char *base;
	int fd = walk(d, name, &base, 0), r;
	if (fd < 0)
		return -1;
	r = fstatat(fd, base, st, AT_SYMLINK_NOFOLLOW);
	unwalk(d, fd);
	return r;
}

static mode_t want_mode(struct axdest *d, mode_t mode)
{
	mode &= 07777;
	return d->flags & AX_PERMS ? mode : mode & ~d->umask;
}

static void tmpname(struct axdest *d, char *buf)
{
	snprintf(buf, 48, ".pxebox-%ld-%u", d->pid, d->tmpseq++);
}

/* Put TMP in place of BASE in dirfd: renamed over, unless AX_KEEP finds
 * BASE there (-1 with EEXIST: GNU tar and busybox call that an error).
 * 0, or -1 (errno). */
static int place(struct axdest *d, int dirfd, const char *tmp, const char *base)
{
	if (d->flags & AX_KEEP) {
		struct stat st;
		if (!fstatat(dirfd, base, &st, AT_SYMLINK_NOFOLLOW)) {
			unlinkat(dirfd, tmp, 0);
			errno = EEXIST;
			return -1;
		}
	}
	if (renameat(dirfd, tmp, dirfd, base) < 0) {
		int e = errno;
		unlinkat(dirfd, tmp, 0);
		errno = e;
		return -1;
	}
	return 0;
}

int ax_file_begin(struct axdest *d, const char *name, struct axfile *f)
{
	struct stat st;
	const char *base;
	f->fd = -1;
	f->name = xstrdup(name);
	f->dirfd = walk(d, name, &base, 1);
	if (f->dirfd < 0) {
		pwarn("%s", name);
		free(f->name);
		return -1;
	}
	f->base = xstrdup(base);
	if ((d->flags & AX_KEEP) && !fstatat(f->dirfd, base, &st, AT_SYMLINK_NOFOLLOW)) {
		errno = EEXIST;
		pwarn("%s", name);
		unwalk(d, f->dirfd);
		free(f->name);
		free(f->base);
		return 1;
	}
	for (int tries = 0; f->fd < 0 && tries < 100; tries++) {
		tmpname(d, f->tmp);
		f->fd = openat(f->dirfd, f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (f->fd < 0 && errno != EEXIST)
			break;
	}
	if (f->fd < 0) {
		pwarn("%s", name);
		unwalk(d, f->dirfd);
		free(f->name);
		free(f->base);
		return -1;
	}
	return 0;
}

static void done_file(struct axdest *d, struct axfile *f)
{
	unwalk(d, f->dirfd);
	free(f->name);
	free(f->base);
}

void ax_file_abort(struct axdest *d, struct axfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	unlinkat(f->dirfd, f->tmp, 0);
	done_file(d, f);
}

/* Owner first: chown clears set-id bits that the mode then restores. */
static int set_meta_fd(struct axdest *d, int fd, const struct ax_meta *m, const char *name)
{
	int rc = 0;
	if ((d->flags & AX_OWNER) && fchown(fd, m->uid, m->gid) < 0) {
		pwarn("%s: cannot change owner", name);
		rc = -1;
	}
	if (fchmod(fd, want_mode(d, m->mode)) < 0) {
		pwarn("%s: cannot change mode", name);
		rc = -1;
	}
	if (d->flags & AX_MTIME) {
		struct timespec ts[2] = { { m->mtime, 0 }, { m->mtime, 0 } };
		if (futimens(fd, ts) < 0) {
			pwarn("%s: cannot set time", name);
			rc = -1;
		}
	}
	return rc;
}

int ax_file_commit(struct axdest *d, struct axfile *f, const struct ax_meta *m)
{
	int rc;
	set_meta_fd(d, f->fd, m, f->name);
	if (close(f->fd) < 0) {
		f->fd = -1;
		pwarn("%s", f->name);
		unlinkat(f->dirfd, f->tmp, 0);
		done_file(d, f);
		return -1;
	}
	rc = place(d, f->dirfd, f->tmp, f->base);
	if (rc < 0)
		pwarn("%s", f->name);
	done_file(d, f);
	return rc;
}

static void remember(struct pending **list, size_t *n, const char *name, const char *target,
		     int sym, const struct ax_meta *m)
{
	if (!(*n & (*n - 1)))	/* grow at 0, 1, 2, 4, 8... */
		*list = xrealloc(*list, (*n ? *n * 2 : 1) * sizeof(**list));
	(*list)[*n] = (struct pending){ xstrdup(name), target ? xstrdup(target) : NULL, sym, *m };
	++*n;
}

int ax_mkdir(struct axdest *d, const char *name, const struct ax_meta *m)
{
	const char *base;
	struct stat st;
	int fd;
	if (!strcmp(name, ".")) {
		remember(&d->dirs, &d->ndirs, name, NULL, 0, m);
		return 0;
	}
	fd = walk(d, name, &base, 1);
	if (fd < 0) {
		pwarn("%s", name);
		return -1;
	}
	/* owner-writable until ax_finish, so the entries inside can be made */
	if (mkdirat(fd, base, 0700) < 0 && !(errno == EEXIST &&
	    !fstatat(fd, base, &st, 0) && S_ISDIR(st.st_mode))) {
		if (errno == EEXIST)
			errno = ENOTDIR;
		pwarn("%s", name);
		unwalk(d, fd);
		return -1;
	}
	unwalk(d, fd);
	remember(&d->dirs, &d->ndirs, name, NULL, 0, m);
	return 0;
}

int ax_mknod(struct axdest *d, const char *name, const struct ax_meta *m)
{
	const char *base;
	char tmp[48];
	int fd, rc;
	if (!S_ISFIFO(m->mode) && geteuid()) {
		/* a device node from an archive is only trusted from root */
		warn("%s: not creating device node: not root", name);
		return -1;
	}
	fd = walk(d, name, &base, 1);
	if (fd < 0) {
		pwarn("%s", name);
		return -1;
	}
	tmpname(d, tmp);
	if (mknodat(fd, tmp, (m->mode & S_IFMT) | 0600, m->rdev) < 0) {
		pwarn("%s", name);
		unwalk(d, fd);
		return -1;
	}
	if ((d->flags & AX_OWNER) && fchownat(fd, tmp, m->uid, m->gid, AT_SYMLINK_NOFOLLOW) < 0)
		pwarn("%s: cannot change owner", name);
	fchmodat(fd, tmp, want_mode(d, m->mode), 0);
	if (d->flags & AX_MTIME) {
		struct timespec ts[2] = { { m->mtime, 0 }, { m->mtime, 0 } };
		utimensat(fd, tmp, ts, AT_SYMLINK_NOFOLLOW);
	}
	rc = place(d, fd, tmp, base);
	if (rc < 0)
		pwarn("%s", name);
	unwalk(d, fd);
	return rc < 0 ? -1 : 0;
}

void ax_link(struct axdest *d, const char *name, const char *target, int sym, const struct ax_meta *m)
{
	remember(&d->links, &d->nlinks, name, target, sym, m);
}

static int make_link(struct axdest *d, struct pending *p)
{
	const char *base, *tbase;
	char tmp[48];
	int fd, tfd = -1, rc = -1;
	fd = walk(d, p->name, &base, 1);
	if (fd < 0) {
		pwarn("%s", p->name);
		return -1;
	}
	tmpname(d, tmp);
	if (p->sym) {
		if (symlinkat(p->target, fd, tmp) < 0) {
			pwarn("%s", p->name);
			goto out;
		}
		if ((d->flags & AX_OWNER) && fchownat(fd, tmp, p->m.uid, p->m.gid, AT_SYMLINK_NOFOLLOW) < 0)
			pwarn("%s: cannot change owner", p->name);
		if (d->flags & AX_MTIME) {
			struct timespec ts[2] = { { p->m.mtime, 0 }, { p->m.mtime, 0 } };
			utimensat(fd, tmp, ts, AT_SYMLINK_NOFOLLOW);
		}
	} else {
		/* the target too is reached without symlinks, and the link is
		 * made to what the name is (a symlink stays a symlink) */
		tfd = walk(d, p->target, &tbase, 0);
		if (tfd < 0 || linkat(tfd, tbase, fd, tmp, 0) < 0) {
			pwarn("%s: cannot hard link to '%s'", p->name, p->target);
			goto out;
		}
	}
	rc = place(d, fd, tmp, base);
	if (rc < 0)
		pwarn("%s", p->name);
	if (!rc && p->sym) {
		struct stat st;
		if (!fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW)) {
			d->made = xrealloc(d->made, (d->nmade + 1) * sizeof(*d->made));
			d->made[d->nmade++] = (struct made){ st.st_dev, st.st_ino };
		}
	}
out:
	unwalk(d, tfd);
	unwalk(d, fd);
	return rc < 0 ? -1 : 0;
}

int ax_finish(struct axdest *d)
{
	int fails = 0;
	d->finishing = 1;
	if (d->cfd >= 0)
		close(d->cfd);
	d->cfd = -1;
	free(d->cpath);
	d->cpath = NULL;
	/* hard links before symlinks: no symlink of ours exists while they are made */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->nlinks; i++)
			if (d->links[i].sym == pass)
				fails += make_link(d, &d->links[i]) < 0;
	/* directories last, in reverse order, children before parents */
	for (size_t i = d->ndirs; i-- > 0;) {
		struct pending *p = &d->dirs[i];
		const char *base;
		int fd = walk(d, p->name, &base, 0), dfd;
		if (fd < 0) {
			pwarn("%s", p->name);
			fails++;
			continue;
		}
		dfd = openat(fd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (dfd < 0) {
			pwarn("%s", p->name);
			fails++;
		} else {
			fails += set_meta_fd(d, dfd, &p->m, p->name) < 0;
			close(dfd);
		}
		unwalk(d, fd);
	}
	for (size_t i = 0; i < d->nlinks; i++) {
		free(d->links[i].name);
		free(d->links[i].target);
	}
	for (size_t i = 0; i < d->ndirs; i++)
		free(d->dirs[i].name);
	free(d->links);
	free(d->dirs);
	free(d->made);
	close(d->root);
	free(d);
	return fails;
}
