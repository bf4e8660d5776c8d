/* copy.c - copy a file or tree with its metadata, remove a tree (fs.h). */
#include "fs.h"

/* a source with several links, and the destination its first copy got */
struct copied {
	dev_t dev;
	ino_t ino;
	char *dst;
};

int ask_yes(const char *fmt, ...)
{
	va_list ap;
	int c, first;
	fflush(stdout);
	fprintf(stderr, "%s: ", px.applet);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("? ", stderr);
	first = c = getchar();
	while (c != EOF && c != '\n')
		c = getchar();
	return first == 'y' || first == 'Y';
}

static const char *seen_before(struct copy *c, const struct stat *st)
{
	for (size_t i = 0; i < c->nseen; i++)
		if (c->seen[i].dev == st->st_dev && c->seen[i].ino == st->st_ino)
			return c->seen[i].dst;
	return NULL;
}

static void remember(struct copy *c, const struct stat *st, const char *dst)
{
	if (c->nseen == c->capseen)
		c->seen = xrealloc(c->seen, (c->capseen = c->capseen * 2 + 16) * sizeof(*c->seen));
	c->seen[c->nseen++] = (struct copied){ st->st_dev, st->st_ino, xstrdup(dst) };
}

void copy_done(struct copy *c)
{
	for (size_t i = 0; i < c->nseen; i++)
		free(c->seen[i].dst);
	free(c->seen);
	free(c->made);
	free(c->dstack);
	c->seen = NULL;
	c->made = NULL;
	c->dstack = NULL;
	c->capd = 0;
	c->nseen = c->capseen = 0;
	c->capmade = 0;
}

static void failed(struct copy *c, const char *fmt, const char *a, const char *b)
{
	int e = errno;
	fflush(stdout);
	fprintf(stderr, "%s: ", px.applet);
	fprintf(stderr, fmt, a, b);
	if (e)
		fprintf(stderr, ": %s", strerror(e));
	fputc('\n', stderr);
	px.exitcode = 1;
	c->failed = 1;
}

/* The destination directory holding entries of depth `depth`, as an fd.
 * Like the walk, only one is open: we climb back through ".." (checking
 * dev:ino), so trees deeper than PATH_MAX copy too.  -1 on failure. */
static int dest_dir(struct copy *c, int depth)
{
	while (c->ddepth >= depth && c->ddepth >= 0) {
		int pfd = -1;
		struct stat st;
		if (c->ddepth > 0) {
			pfd = openat(c->dfd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (pfd < 0 || fstat(pfd, &st) || st.st_dev != c->dstack[c->ddepth - 1].st_dev ||
			    st.st_ino != c->dstack[c->ddepth - 1].st_ino) {
				if (pfd >= 0)
					close(pfd);
				errno = ENOENT;
				return -1;
			}
		}
		close(c->dfd);
		c->dfd = pfd;
		c->ddepth--;
	}
	return c->ddepth < 0 ? AT_FDCWD : c->dfd;
}

/* We made (or found) the destination directory for a source directory at
 * `depth`: it becomes the current one for its entries. */
static int dest_enter(struct copy *c, int pfd, const char *name, int depth)
{
	int fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (depth >= c->capd)
		c->dstack = xrealloc(c->dstack, (c->capd = depth * 2 + 16) * sizeof(*c->dstack));
	if (fstat(fd, &c->dstack[depth])) {
		close(fd);
		return -1;
	}
	if (c->dfd >= 0)
		close(c->dfd);
	c->dfd = fd;
	c->ddepth = depth;
	return 0;
}

/* Data of one regular file.  A new destination that fails is removed; an
 * existing one is rewritten in place (its inode and other links stay, as in
 * every cp) and also removed when the copy fails half-way. */
static int copy_data(struct copy *c, struct walk *w, int dfd, const char *dname, const char *dst, int exists)
{
	int in, out = -1, e;
	in = openat(w->dirfd, w->name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (in < 0) {
		failed(c, "can't open '%s'%s", w->path, "");
		return -1;
	}
	if (exists) {
		out = openat(dfd, dname, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
		if (out < 0 && c->force && !unlinkat(dfd, dname, 0))
			exists = 0;
	}
	if (!exists)
		out = openat(dfd, dname, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, w->st.st_mode & 0777);
	if (out < 0) {
		failed(c, "can't create '%s'%s", dst, "");
		close(in);
		return -1;
	}
	if (copy_fd(in, out) < 0) {
		e = errno;
		close(in);
		close(out);
		unlinkat(dfd, dname, 0);
		errno = e;
		failed(c, "error copying '%s' to '%s'", w->path, dst);
		return -1;
	}
	close(in);
	if (close(out)) {
		e = errno;
		unlinkat(dfd, dname, 0);
		errno = e;
		failed(c, "error writing '%s'%s", dst, "");
		return -1;
	}
	return 0;
}

static int copy_one(struct walk *w)
{
	struct copy *c = w->ctx;
	const char *rel = w->path + strlen(c->src_root);
	char *dst = w->depth ? path_join(c->dst_root, rel + (*rel == '/')) : xstrdup(c->dst_root);
	struct stat dst_st;
	int exists, mode = w->st.st_mode, r = WALK_CONTINUE;
	const char *first, *dn = w->depth ? w->name : c->dst_root;
	int dfd = dest_dir(c, w->depth);

	if (dfd == -1) {
		failed(c, "can't return to the directory above '%s'%s", dst, "");
		r = WALK_STOP;
		goto out;
	}
	if (w->err) {
		errno = w->err;
		if (w->post)
			failed(c, "can't read directory '%s'%s", w->path, "");
		else if (w->err == ELOOP)
			failed(c, "recursive directory loop at '%s'%s", w->path, ""), errno = 0;
		else
			failed(c, "can't stat '%s'%s", w->path, "");
		goto out_skip;
	}
	if (w->post) {
		/* contents done: now the directory's own mode and times stick */
		if (w->depth < c->capmade && c->made[w->depth] && !c->preserve) {
			/* new directory: the source's mode under the umask */
			if (fchmodat(dfd, dn, mode & 07777 & ~umask_get(), 0))
				failed(c, "can't set mode of '%s'%s", dst, "");
		}
		if (c->preserve && set_meta(dfd, dn, &w->st, c->preserve) && errno != EPERM)
			failed(c, "can't preserve attributes of '%s'%s", dst, "");
		goto out;
	}
	exists = !fstatat(dfd, dn, &dst_st, AT_SYMLINK_NOFOLLOW);
	if (exists && dst_st.st_dev == w->st.st_dev && dst_st.st_ino == w->st.st_ino) {
		errno = 0;
		failed(c, "'%s' and '%s' are the same file", w->path, dst);
		goto out_skip;
	}

	if (S_ISDIR(mode)) {
		if (!c->recursive) {
			errno = 0;
			failed(c, "-r not specified; omitting directory '%s'%s", w->path, "");
			goto out_skip;
		}
		if (w->depth >= c->capmade) {
			c->made = xrealloc(c->made, c->capmade = w->depth * 2 + 16);
		}
		c->made[w->depth] = 0;
		if (exists && !S_ISDIR(dst_st.st_mode)) {
			errno = 0;
			failed(c, "can't overwrite non-directory '%s' with directory '%s'", dst, w->path);
			goto out_skip;
		}
		if (!exists) {
			/* owner-writable until its contents are in */
			if (mkdirat(dfd, dn, (mode & 0777) | 0700)) {
				failed(c, "can't create directory '%s'%s", dst, "");
				goto out_skip;
			}
			c->made[w->depth] = 1;
			if (c->verbose)
				printf("'%s' -> '%s'\n", w->path, dst);
		}
		if (dest_enter(c, dfd, dn, w->depth)) {
			failed(c, "can't open directory '%s'%s", dst, "");
			goto out_skip;
		}
		goto out;
	}

	if (exists && S_ISDIR(dst_st.st_mode)) {
		errno = 0;
		failed(c, "can't overwrite directory '%s' with non-directory '%s'", dst, w->path);
		goto out;
	}
	if (exists && c->no_clobber)
		goto out;
	if (exists && c->update && dst_st.st_mtim.tv_sec > w->st.st_mtim.tv_sec - (dst_st.st_mtim.tv_nsec >= w->st.st_mtim.tv_nsec))
		goto out;
	if (exists && c->interactive && !ask_yes("overwrite '%s'", dst))
		goto out;

	if (c->links && !S_ISDIR(mode) && w->st.st_nlink > 1 && (first = seen_before(c, &w->st))) {
		if (exists)
			unlinkat(dfd, dn, 0);
		if (linkat(AT_FDCWD, first, dfd, dn, 0))
			failed(c, "can't create hard link '%s'%s", dst, "");
		else if (c->verbose)
			printf("'%s' -> '%s'\n", w->path, dst);
		goto out;
	}

	if (c->hardlink || c->symlink) {
		if (exists && unlinkat(dfd, dn, 0)) {
			failed(c, "can't remove '%s'%s", dst, "");
			goto out;
		}
		if (c->hardlink ? linkat(w->dirfd, w->name, dfd, dn, c->follow ? AT_SYMLINK_FOLLOW : 0)
				: symlinkat(w->path, dfd, dn)) {
			failed(c, "can't link '%s' to '%s'", dst, w->path);
			goto out;
		}
	} else if (S_ISREG(mode) || (!c->recursive && !S_ISLNK(mode))) {
		/* without -r a fifo or device is read like a file, as in coreutils;
		 * a destination symlink to a file is written through, as there */
		struct stat t;
		int reg = exists && (S_ISREG(dst_st.st_mode) ||
			(S_ISLNK(dst_st.st_mode) && !fstatat(dfd, dn, &t, 0) && S_ISREG(t.st_mode)));
		if (exists && !reg && c->force && unlinkat(dfd, dn, 0)) {
			failed(c, "can't remove '%s'%s", dst, "");
			goto out;
		}
		if (copy_data(c, w, dfd, dn, dst, reg) < 0)
			goto out;
	} else {
		/* symlinks and special files are made anew in place of what was there */
		if (exists && unlinkat(dfd, dn, 0)) {
			failed(c, "can't remove '%s'%s", dst, "");
			goto out;
		}
		if (S_ISLNK(mode)) {
			size_t cap = w->st.st_size > 0 ? (size_t)w->st.st_size + 1 : PATH_MAX;
			char *target = xmalloc(cap);
			ssize_t n = readlinkat(w->dirfd, w->name, target, cap);
			if (n < 0 || (size_t)n >= cap) {
				if (n >= 0)
					errno = ENAMETOOLONG;
				failed(c, "can't read link '%s'%s", w->path, "");
				free(target);
				goto out;
			}
			target[n] = 0;
			n = symlinkat(target, dfd, dn);
			free(target);
			if (n) {
				failed(c, "can't create symlink '%s'%s", dst, "");
				goto out;
			}
		} else if (mknodat(dfd, dn, mode & (S_IFMT | 0777), w->st.st_rdev)) {
			failed(c, "can't create '%s'%s", dst, "");
			goto out;
		}
	}
	if (c->verbose)
		printf("'%s' -> '%s'\n", w->path, dst);
	if (c->links && w->st.st_nlink > 1 && !c->hardlink && !c->symlink)
		remember(c, &w->st, dst);
	if (c->preserve && !c->hardlink && !c->symlink &&
	    set_meta(dfd, dn, &w->st, c->preserve) && errno != EPERM)
		failed(c, "can't preserve attributes of '%s'%s", dst, "");
	goto out;

out_skip:
	r = WALK_SKIP;
out:
	free(dst);
	return r;
}

int copy_tree(struct copy *c, const char *src, const char *dst)
{
	int flags = WALK_POST | c->follow;
	c->src_root = src;
	c->dst_root = dst;
	c->failed = 0;
	c->dfd = -1;
	c->ddepth = -1;
	if (walk_tree(src, flags, copy_one, c) < 0)
		c->failed = 1;
	if (c->dfd >= 0)
		close(c->dfd);
	c->dfd = -1;
	return c->failed ? -1 : 0;
}

static int remove_one(struct walk *w)
{
	int *bad = w->ctx;
	if (w->err && !(w->post && w->err == ENOENT)) {
		errno = w->err;
		pwarn("can't remove '%s'", w->path);
		*bad = 1;
		return WALK_SKIP;
	}
	if (S_ISDIR(w->st.st_mode) && !w->post)
		return WALK_CONTINUE;
	if (unlinkat(w->dirfd, w->name, S_ISDIR(w->st.st_mode) ? AT_REMOVEDIR : 0) &&
	    !(*bad && errno == ENOTEMPTY)) {
		pwarn("can't remove '%s'", w->path);
		*bad = 1;
	}
	return WALK_CONTINUE;
}

int remove_tree(const char *path)
{
	int bad = 0;
	if (walk_tree(path, WALK_POST, remove_one, &bad) < 0)
		bad = 1;
	return bad ? -1 : 0;
}
