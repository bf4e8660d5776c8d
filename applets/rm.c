/* rm - remove files and directory trees */
//menu:Files
//config:config RM
//config:	bool "rm"
//config:	default y
//config:	help
//config:	  Remove files, and with -r whole directory trees.  Symlinks
//config:	  are removed, never followed; / and . and .. are refused.
//applet:rm RM rm_main "r(recursive)R(recursive)f(force)i(interactive)v(verbose)d(dir)"
//usage:rm [-rfiv] FILE...
//usage:
//usage:Remove each FILE.
//usage:	-r, -R	remove directories and their contents
//usage:	-f	no errors for missing files, never ask
//usage:	-i	ask before each removal
//usage:	-d	remove empty directories
//usage:	-v	say what was removed
#include "pxebox.h"
#include "fs.h"

struct rm {
	int force, ask, failed;
};

static const char *kind(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISLNK(st->st_mode))
		return "symbolic link";
	if (S_ISREG(st->st_mode))
		return st->st_size ? "regular file" : "regular empty file";
	if (S_ISFIFO(st->st_mode))
		return "fifo";
	if (S_ISSOCK(st->st_mode))
		return "socket";
	return S_ISCHR(st->st_mode) ? "character special file" : "block special file";
}

/* -i, or (as in coreutils) a write-protected file when stdin is a tty */
static int may_remove(struct rm *r, struct walk *w, const char *what)
{
	int prot;
	if (r->force)
		return 1;
	prot = !S_ISLNK(w->st.st_mode) && isatty(0) &&
		faccessat(w->dirfd, w->name, W_OK, AT_EACCESS) && errno == EACCES;
	if (!r->ask && !prot)
		return 1;
	return ask_yes("%s %s%s '%s'", what, prot ? "write-protected " : "", kind(&w->st), w->path);
}

static int rm_one(struct walk *w)
{
	struct rm *r = w->ctx;
	int dir = S_ISDIR(w->st.st_mode);

	if (w->err && !w->post) {
		if (!(r->force && w->err == ENOENT)) {
			errno = w->err;
			pwarn("can't remove '%s'", w->path);
		}
		r->failed = 1;
		return WALK_SKIP;
	}
	if (dir && !w->post) {
		if (!opt('r') && !opt('R')) {
			/* -d removes it now if empty; no -r means no descent */
			if (opt('d') && may_remove(r, w, "remove")) {
				if (unlinkat(w->dirfd, w->name, AT_REMOVEDIR)) {
					pwarn("can't remove '%s'", w->path);
					r->failed = 1;
				} else if (opt('v'))
					printf("removed directory '%s'\n", w->path);
			} else if (!opt('d')) {
				warn("can't remove '%s': Is a directory", w->path);
				r->failed = 1;
			}
			return WALK_SKIP;
		}
		if (r->ask && !ask_yes("descend into directory '%s'", w->path)) {
			r->failed = 1;	/* quietly: the parent stays */
			return WALK_SKIP;
		}
		return WALK_CONTINUE;
	}
	if (dir) {
		/* post visit: the contents are gone (or some stayed) */
		if (w->err) {
			errno = w->err;
			pwarn("can't remove '%s'", w->path);
			r->failed = 1;
			return WALK_CONTINUE;
		}
		if (r->ask && !ask_yes("remove directory '%s'", w->path))
			return WALK_CONTINUE;
		if (unlinkat(w->dirfd, w->name, AT_REMOVEDIR)) {
			/* an entry we could not or were told not to remove: said already */
			if (!(errno == ENOTEMPTY && r->failed))
				pwarn("can't remove '%s'", w->path);
			r->failed = 1;
		} else if (opt('v'))
			printf("removed directory '%s'\n", w->path);
		return WALK_CONTINUE;
	}
	if (!may_remove(r, w, "remove")) {
		r->failed = 1;
		return WALK_CONTINUE;
	}
	if (unlinkat(w->dirfd, w->name, 0)) {
		pwarn("can't remove '%s'", w->path);
		r->failed = 1;
	} else if (opt('v'))
		printf("removed '%s'\n", w->path);
	return WALK_CONTINUE;
}

/* POSIX: "." and ".." as the last component are refused, and so is "/"
 * (or anything that is the root directory) with -r. */
static int refused(const char *path)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);
	const char *b;
	struct stat st, root;
	int bad = 0;
	while (n > 1 && p[n - 1] == '/')
		p[--n] = 0;
	b = base_name(p);
	if (!strcmp(b, ".") || !strcmp(b, "..")) {
		warn("refusing to remove '.' or '..' directory: skipping '%s'", path);
		bad = 1;
	} else if ((opt('r') || opt('R')) && !stat(path, &st) && !stat("/", &root) &&
		   st.st_dev == root.st_dev && st.st_ino == root.st_ino) {
		warn("it is dangerous to operate recursively on '%s'", path);
		bad = 1;
	}
	free(p);
	return bad;
}

int rm_main(int argc, char **argv)
{
	struct rm r = { .force = 0 };
	/* the last of -f and -i wins in coreutils; we cannot see the order,
	 * so -f (the safe choice for scripts) wins */
	r.force = opt('f') > 0;
	r.ask = opt('i') && !r.force;
	if (argc < 2 && !r.force) {
		warn("missing operand");
		usage_die();
	}
	for (int i = 1; i < argc; i++) {
		if (refused(argv[i]))
			continue;
		walk_tree(argv[i], WALK_POST, rm_one, &r);
	}
	return px.exitcode;
}
