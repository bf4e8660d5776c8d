/* chown - change file owner and group */
//menu:Files
//config:config CHOWN
//config:	bool "chown"
//config:	default y
//config:	help
//config:	  Change the owner and/or group of files.
//applet:chown CHOWN chown_main "<1R(recursive)h(no-dereference)LHPcvf(silent)(quiet)\001(reference):"
//usage:chown [-Rhcvf] [-H|-L|-P] USER[:GROUP] FILE...
//usage:
//usage:Change the owner (and group) of each FILE.  USER and GROUP are
//usage:names or numbers; ":GROUP" changes only the group, "USER:" also
//usage:sets USER's login group.  "USER.GROUP" is accepted too.
//usage:	-R	recurse into directories
//usage:	-h	change symlinks themselves (also the default under -R -P)
//usage:	-H	with -R, follow symlinks given on the command line
//usage:	-L	with -R, follow every symlink to a directory
//usage:	-P	with -R, follow no symlinks (default)
//usage:	-c	say which files changed	-v	say what was done to each
//usage:	-f	no error messages
//usage:	--reference=FILE	use FILE's owner and group
#include "pxebox.h"
#include "fs.h"

static uid_t uid = (uid_t)-1;
static gid_t gid = (gid_t)-1;
static int nofollow;

static void show_ids(char *buf, size_t n, uid_t u, gid_t g)
{
	const char *un = uid_name(u), *gn = gid_name(g);
	char ub[16], gb[16];
	snprintf(ub, sizeof(ub), "%u", (unsigned)u);
	snprintf(gb, sizeof(gb), "%u", (unsigned)g);
	snprintf(buf, n, "%s:%s", un ? un : ub, gn ? gn : gb);
}

static int change(struct walk *w)
{
	uid_t u;
	gid_t g;
	struct stat st = w->st;
	int follow;

	if (w->err) {
		if (!opt('f')) {
			errno = w->err;
			pwarn(w->post ? "cannot read directory '%s'" : "cannot access '%s'", w->path);
		}
		px.exitcode = 1;
		return WALK_SKIP;
	}
	if (w->post)
		return WALK_CONTINUE;
	/* without -h (or -R -P) a symlink stands for its target */
	follow = !nofollow;
	if (follow && S_ISLNK(st.st_mode) && fstatat(w->dirfd, w->name, &st, 0)) {
		if (!opt('f'))
			pwarn("cannot dereference '%s'", w->path);
		px.exitcode = 1;
		return WALK_CONTINUE;
	}
	u = uid == (uid_t)-1 ? st.st_uid : uid;
	g = gid == (gid_t)-1 ? st.st_gid : gid;
	if (fchownat(w->dirfd, w->name, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW)) {
		if (!opt('f'))
			pwarn("changing ownership of '%s'", w->path);
		px.exitcode = 1;
	} else if (opt('v') || (opt('c') && (u != st.st_uid || g != st.st_gid))) {
		char from[80], to[80];
		show_ids(from, sizeof(from), st.st_uid, st.st_gid);
		show_ids(to, sizeof(to), u, g);
		if (u != st.st_uid || g != st.st_gid)
			printf("changed ownership of '%s' from %s to %s\n", w->path, from, to);
		else
			printf("ownership of '%s' retained as %s\n", w->path, to);
	}
	return opt('R') ? WALK_CONTINUE : WALK_SKIP;
}

/* USER, USER:GROUP, USER:, :GROUP, and busybox's USER.GROUP */
static void parse_owner(const char *spec)
{
	char *s = xstrdup(spec), *sep = strchr(s, ':');
	uid_t u;
	if (!sep && !parse_uid(s, &u)) {
		uid = u;
		free(s);
		return;
	}
	if (!sep)
		sep = strchr(s, '.');
	if (sep)
		*sep++ = 0;
	if (*s && parse_uid(s, &uid))
		die("invalid user: '%s'", spec);
	if (sep && *sep && parse_gid(sep, &gid))
		die("invalid group: '%s'", spec);
	if (sep && !*sep && *s) {
		/* "USER:" means USER's login group */
		if (uid_group(uid, &gid))
			die("invalid spec: '%s'", spec);
	}
	free(s);
}

int chown_main(int argc, char **argv)
{
	int flags = WALK_POST, i = 1;
	if (optstr('\001')) {
		struct stat st;
		if (stat(optstr('\001'), &st))
			pdie("failed to get attributes of '%s'", optstr('\001'));
		uid = st.st_uid;
		gid = st.st_gid;
	} else {
		parse_owner(argv[1]);
		i = 2;
	}
	if (i >= argc) {
		warn("missing operand after '%s'", argv[1]);
		usage_die();
	}
	/* the last of -H -L -P should win; we cannot see order, so -P > -L > -H */
	if (opt('R') && !opt('P') && opt('L'))
		flags |= WALK_FOLLOW;
	else if (opt('R') && !opt('P') && opt('H'))
		flags |= WALK_FOLLOW1;
	/* -R alone (-P) changes symlinks themselves, as coreutils does */
	nofollow = opt('h') || (opt('R') && !(flags & (WALK_FOLLOW | WALK_FOLLOW1)));
	for (; i < argc; i++)
		if (walk_tree(argv[i], flags, change, NULL) < 0)
			break;
	return px.exitcode;
}
