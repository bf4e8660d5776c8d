/* archive.h - safe extraction into a destination directory, for tar and cpio.
 *
 * The rules that keep an archive inside its destination:
 *  - member names are cleaned first: leading '/' removed, names with a ".."
 *    component refused (ax_clean);
 *  - every path is walked component by component from a directory fd, never
 *    through a symlink the archive itself made: symlinks and hard links are
 *    only created by ax_finish, after every file has been written, and the
 *    symlinks it makes are remembered (dev, ino) and refused on later walks
 *    (a symlink that was in the destination before is followed, as GNU tar
 *    does, so extracting into / with /lib -> usr/lib works);
 *  - files and nodes are written under a temporary name in the final
 *    directory and renamed into place, so an interrupted extraction never
 *    leaves a file that looks complete, and a symlink already sitting on the
 *    final name is replaced instead of written through;
 *  - device nodes are made only by root; owners are set only by root;
 *  - directory modes and times are set last, deepest first.
 */
#ifndef PXEBOX_ARCHIVE_H
#define PXEBOX_ARCHIVE_H
#include "pxebox.h"

#define AX_OWNER	1	/* set owners (root) */
#define AX_PERMS	2	/* modes as stored, no umask */
#define AX_MTIME	4	/* restore modification times */
#define AX_KEEP		8	/* never replace an existing entry (an error) */
#define AX_MKDIRS	16	/* create missing parent directories */

struct ax_meta {
	mode_t mode;		/* with the file type bits */
	uid_t uid;
	gid_t gid;
	time_t mtime;
	dev_t rdev;
};

struct axdest;
struct axdest *ax_open(const char *dir, int flags);

/* Clean a member name in place; NULL when it holds a ".." component.
 * *abs is set when leading slashes were removed.  "" becomes ".". */
char *ax_clean(char *name, int *abs);
/* Drop n leading components; NULL when nothing is left. */
const char *ax_strip(const char *name, long n);

/* Regular files: begin gives a writable fd on a temporary name; commit
 * sets the metadata and renames; abort removes the temporary file.
 * Both commit and begin return 0, -1 after a warning, or 1 when AX_KEEP
 * kept an existing file (nothing written; "NAME: File exists" is said, as
 * GNU tar and busybox do, and the status is 1). */
struct axfile {
	int dirfd, fd;
	char tmp[48];
	char *name, *base;
};
int ax_file_begin(struct axdest *d, const char *name, struct axfile *f);
int ax_file_commit(struct axdest *d, struct axfile *f, const struct ax_meta *m);
void ax_file_abort(struct axdest *d, struct axfile *f);

int ax_mkdir(struct axdest *d, const char *name, const struct ax_meta *m);
int ax_mknod(struct axdest *d, const char *name, const struct ax_meta *m);	/* fifo, char, block */
/* Remember a link to create in ax_finish; a hard link's target is a
 * cleaned member name, a symlink's target is kept as stored. */
void ax_link(struct axdest *d, const char *name, const char *target, int sym, const struct ax_meta *m);
/* lstat a member name inside the destination (0 or -1 with errno). */
int ax_lstat(struct axdest *d, const char *name, struct stat *st);
/* Links, then directory modes and times; returns the number of failures. */
int ax_finish(struct axdest *d);

#endif
