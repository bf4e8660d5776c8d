/* cp - copy files and directory trees */
//menu:Files
//config:config CP
//config:	bool "cp"
//config:	default y
//config:	help
//config:	  Copy files; with -a whole trees with symlinks, device nodes,
//config:	  hard links, owners, modes and times kept.
//applet:cp CP cp_main "a(archive)r(recursive)R(recursive)p(preserve)d(no-dereference)f(force)L(dereference)P(no-dereference)Hv(verbose)i(interactive)n(no-clobber)l(link)s(symbolic-link)u(update)T(no-target-directory)t(target-directory):"
//usage:cp [-arRpdfLPHvinlsuT] SOURCE DEST | SOURCE... DIR | -t DIR SOURCE...
//usage:
//usage:Copy SOURCE to DEST, or each SOURCE into DIR.
//usage:	-a	archive: -dR and keep modes, owners, times (= -dpR)
//usage:	-r, -R	copy directories recursively
//usage:	-p	keep mode, owner (as root) and times
//usage:	-d, -P	copy symlinks as symlinks (default with -r)
//usage:	-L	follow all symlinks	-H	follow symlinks given as SOURCE
//usage:	-f	remove a destination that cannot be opened
//usage:	-i	ask before overwriting	-n	never overwrite
//usage:	-u	only when SOURCE is newer than DEST
//usage:	-l	hard-link files instead of copying
//usage:	-s	symlink files instead of copying
//usage:	-v	say what is copied
//usage:	-T	DEST is never a directory to copy into
//usage:	-t DIR	copy everything into DIR
#include "pxebox.h"
#include "fs.h"

/* Refuse copying a directory into itself: the tree would grow as we walk it. */
static int into_itself(const char *src, const char *dst, int follow)
{
	struct stat st;
	char *parent;
	int r;
	if ((follow ? stat(src, &st) : lstat(src, &st)) || !S_ISDIR(st.st_mode))
		return 0;
	if (is_dir(dst))
		return path_is_inside(dst, &st);
	parent = xstrdup(dst);
	{
		size_t n = strlen(parent);
		while (n > 1 && parent[n - 1] == '/')
			parent[--n] = 0;
		char *slash = strrchr(parent, '/');
		if (!slash)
			strcpy(parent, ".");
		else if (slash == parent)
			parent[1] = 0;
		else
			*slash = 0;
	}
	r = path_is_inside(parent, &st);
	free(parent);
	return r;
}

static void copy(const char *src, const char *dst, void *ctx)
{
	struct copy *c = ctx;

	if (c->recursive && into_itself(src, dst, c->follow != 0)) {
		warn("can't copy a directory, '%s', into itself, '%s'", src, dst);
		return;
	}
	copy_tree(c, src, dst);
}

int cp_main(int argc, char **argv)
{
	struct copy c = { 0 };

	c.recursive = opt('a') || opt('r') || opt('R');
	/* -a -d -P copy symlinks as symlinks, and so does -r; otherwise a
	 * symlink SOURCE is copied as what it points to */
	if (opt('L'))
		c.follow = WALK_FOLLOW;
	else if (opt('H') || !(c.recursive || opt('d') || opt('P')))
		c.follow = WALK_FOLLOW1;
	if (opt('a') || opt('p'))
		c.preserve = META_OWNER | META_MODE | META_TIME;
	c.links = opt('a') || opt('d');
	c.force = opt('f');
	c.no_clobber = opt('n');
	c.interactive = opt('i') && !opt('n');
	c.update = opt('u');
	c.verbose = opt('v');
	c.hardlink = opt('l');
	c.symlink = opt('s');

	each_operand(argc, argv, optstr('t'), opt('T'), copy, &c);
	copy_done(&c);
	return px.exitcode;
}
