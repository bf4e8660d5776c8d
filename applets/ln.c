/* ln - make links */
//menu:Files
//config:config LN
//config:	bool "ln"
//config:	default y
//config:	help
//config:	  Create hard or symbolic links.
//applet:ln LN ln_main "<1s(symbolic)f(force)n(no-dereference)T(no-target-directory)v(verbose)"
//usage:ln [-sfnTv] TARGET [LINK | DIR] | TARGET... DIR
//usage:
//usage:Create a link to TARGET named LINK, or in DIR (with TARGET's base
//usage:name; with one operand, in the current directory).
//usage:	-s	symbolic link	-f	replace an existing LINK
//usage:	-n	a LINK that is a symlink to a directory is not entered
//usage:	-T	LINK is always the link's name, never a directory
//usage:	-v	say what was linked
#include "pxebox.h"
#include "fs.h"

static int make_link(const char *target, const char *name)
{
	return opt('s') ? symlink(target, name) : linkat(AT_FDCWD, target, AT_FDCWD, name, 0);
}

/* -f: build the link under a temporary name and rename it over LINK, so
 * LINK never goes missing and a failure leaves the old one in place. */
static int replace(const char *target, const char *name)
{
	struct stat tst, lst;
	char *dir = xstrdup(name), *slash = strrchr(dir, '/'), *tmp;
	int rc = -1;
	if (lstat(name, &lst))
		return -1;
	if (S_ISDIR(lst.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!opt('s') && !lstat(target, &tst) && tst.st_dev == lst.st_dev && tst.st_ino == lst.st_ino) {
		warn("'%s' and '%s' are the same file", target, name);
		errno = 0;
		return -1;
	}
	if (slash)
		slash[1] = 0;
	for (int i = 0; i < 100 && rc; i++) {
		tmp = xasprintf("%s.ln%ld.%d", slash ? dir : "", (long)getpid(), i);
		if (!make_link(target, tmp)) {
			rc = rename(tmp, name);
			if (rc) {
				int e = errno;
				unlink(tmp);
				errno = e;
				free(tmp);
				break;
			}
		} else if (errno != EEXIST) {
			free(tmp);
			break;
		}
		free(tmp);
	}
	free(dir);
	return rc;
}

static void do_link(const char *target, const char *name)
{
	int rc = make_link(target, name);
	if (rc && errno == EEXIST && opt('f'))
		rc = replace(target, name);
	if (rc) {
		if (errno)
			pwarn("can't create %s link '%s' to '%s'", opt('s') ? "symbolic" : "hard", name, target);
		return;
	}
	if (opt('v'))
		printf("'%s' -> '%s'\n", name, target);
}

/* Is LINK a directory to put the link in?  -n: not if it is a symlink. */
static int into_dir(const char *path)
{
	struct stat st;
	if (opt('n') && !lstat(path, &st) && S_ISLNK(st.st_mode))
		return 0;
	return is_dir(path);
}

static void link_into(const char *dir, const char *target)
{
	char *name = path_into(dir, target);
	do_link(target, name);
	free(name);
}

int ln_main(int argc, char **argv)
{
	const char *last = argv[argc - 1];
	if (argc == 2) {
		if (opt('T'))
			die("missing destination after '%s'", last);
		link_into(".", last);
	} else if (opt('T')) {
		if (argc > 3)
			die("extra operand '%s'", argv[3]);
		do_link(argv[1], last);
	} else if (into_dir(last)) {
		for (int i = 1; i < argc - 1; i++)
			link_into(last, argv[i]);
	} else if (argc > 3) {
		die("target '%s' is not a directory", last);
	} else {
		do_link(argv[1], last);
	}
	return px.exitcode;
}
