/* fs.h - file-tree helpers shared by the file applets (cp, mv, rm, chmod,
 * chown, ls) and anyone else who walks or copies trees (tar, cpio, find).
 * Include after pxebox.h. */
#ifndef PXEBOX_FS_H
#define PXEBOX_FS_H

#include "pxebox.h"

/* ---- tree walk -------------------------------------------------------
 * walk_tree() visits PATH and, if it is a directory, everything below it,
 * parents before children.  It holds one directory fd however deep the tree
 * is (it climbs back up through ".." and checks dev:ino on the way), so
 * trees deeper than the fd limit or PATH_MAX still work through dirfd+name.
 * A directory's entries are read completely before its children are
 * visited, so callbacks may remove or create entries freely. */
struct walk {
	const char *path;	/* whole path, for messages */
	const char *name;	/* last component, relative to dirfd */
	int dirfd;		/* containing directory; AT_FDCWD for the start */
	int depth;		/* 0 for the start path */
	int post;		/* second visit of a directory, after its entries */
	int err;		/* errno of a failure, see below; 0 normally */
	struct stat st;		/* lstat (stat when following); zeroed if it failed */
	void *ctx;		/* what the caller passed */
	const struct stat *root;	/* stat of the start path (for -xdev) */
};
/* w->err on a first visit: the stat failed (st.st_mode is 0), or ELOOP for
 * a directory that is its own ancestor (not entered).  On a post visit: the
 * directory could not be opened or read, so its entries were not visited. */

#define WALK_FOLLOW	1	/* follow every symlink (-L) */
#define WALK_FOLLOW1	2	/* follow a symlink given as the start path (-H) */
#define WALK_POST	4	/* visit directories again after their entries */
#define WALK_XDEV	8	/* do not enter directories on other filesystems */
#define WALK_SORT	16	/* entries in strcmp order, not readdir order */

/* callback results */
#define WALK_CONTINUE	0
#define WALK_SKIP	1	/* on a first visit: do not enter this directory */
#define WALK_STOP	2	/* end the walk now */

/* Returns 0, or -1 when the walk had to stop because the way back up could
 * not be found (reported with pwarn) or the callback said WALK_STOP. */
int walk_tree(const char *path, int flags, int (*fn)(struct walk *w), void *ctx);

/* ---- metadata ----------------------------------------------------------- */

#define META_OWNER	1	/* uid and gid (silently skipped when not root) */
#define META_MODE	2	/* permission bits incl. setuid/setgid/sticky */
#define META_TIME	4	/* atime and mtime, nanoseconds included */

/* Give dirfd/name the metadata in st.  Symlinks are never followed (their
 * owner and times are set; they have no mode).  The owner goes first since
 * chown clears setuid bits.  Returns 0 or -1 with errno from the first
 * failure; later steps are still tried. */
int set_meta(int dirfd, const char *name, const struct stat *st, int what);

/* "drwxr-xr-x" (10 characters and a NUL), as ls -l shows a mode */
char *mode_string(mode_t mode, char buf[11]);

/* ---- user and group names (from /etc/passwd and /etc/group, read once) - */

const char *uid_name(uid_t uid);	/* NULL if the id has no name */
const char *gid_name(gid_t gid);
int uid_group(uid_t uid, gid_t *gid);	/* login group; 0, or -1 if unknown */
/* A name or a decimal id; 0, or -1 if neither (nothing printed). */
int parse_uid(const char *s, uid_t *uid);
int parse_gid(const char *s, gid_t *gid);

/* ---- copying and removing trees (core/copy.c) ----------------------------
 * What cp does, shared with mv (across filesystems) and anyone else who
 * copies trees.  Messages name px.applet. */
struct copy {
	int follow;		/* WALK_FOLLOW (-L), WALK_FOLLOW1 (-H) or 0 (-P) */
	int recursive;		/* directories too; specials are recreated */
	int preserve;		/* META_* bits to copy from the source */
	int links;		/* hard-linked sources stay hard-linked */
	int force;		/* unlink a destination that cannot be opened */
	int no_clobber;		/* leave existing destinations alone */
	int interactive;	/* ask before overwriting */
	int update;		/* only when the source is newer */
	int verbose;		/* print 'src' -> 'dst' */
	int hardlink;		/* -l: link files instead of copying */
	int symlink;		/* -s: symlink files instead of copying */
	/* private */
	const char *src_root, *dst_root;
	struct copied *seen;
	size_t nseen, capseen;
	unsigned char *made;	/* per depth: we created that directory */
	int capmade;
	int failed;
	int dfd, ddepth;	/* open destination directory and its depth */
	struct stat *dstack;	/* destination directories by depth */
	int capd;
};

/* Copy src (file or tree) to dst, which is the full destination name.
 * Returns 0, or -1 after reporting what failed; nothing half-copied is left
 * under a finished file's name. */
int copy_tree(struct copy *c, const char *src, const char *dst);
void copy_done(struct copy *c);	/* free the hard-link table */

/* rm -rf without questions; reports failures, returns 0 or -1 */
int remove_tree(const char *path);

/* Ask on stderr ("applet: QUESTION? "), answer from stdin; 1 for y/Y. */
int ask_yes(const char *fmt, ...) PRINTF(1, 2);

/* ---- paths ------------------------------------------------------------- */

/* Is the directory `inner` (a path that exists) the directory `outer` or
 * below it?  Used to refuse copying or moving a directory into itself. */
int path_is_inside(const char *inner, const struct stat *outer);

/* SRC's last component under DIR, trailing slashes ignored ("a/b/" into
 * "d" gives "d/b"): where cp, mv and ln put SRC in DIR.  malloc'd. */
char *path_into(const char *dir, const char *src);
int is_dir(const char *path);	/* stat (symlinks followed) says directory */

/* The operand forms cp and mv share: SRC DEST, SRC... DIR, -t DIR SRC...
 * (dir from -t, or NULL), with -T (no_dir) meaning DEST is never a
 * directory to go into.  Calls fn(src, dst, ctx) for each; a bad command
 * line is a usage error. */
void each_operand(int argc, char **argv, const char *dir, int no_dir,
		  void (*fn)(const char *src, const char *dst, void *ctx), void *ctx);

#endif
