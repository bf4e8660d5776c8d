/* mtab.h - fstab and /proc/mounts tables, and mount(8) option strings.
 *
 * Shared by mount, umount and anything else that reads mount tables, so the
 * escaping rules and the option-to-MS_* mapping live in exactly one place. */
#ifndef PXEBOX_MTAB_H
#define PXEBOX_MTAB_H

#include <sys/mount.h>

/* Not every libc's <sys/mount.h> knows the newer bits. */
#ifndef MS_NOSYMFOLLOW
#define MS_NOSYMFOLLOW 256
#endif
#ifndef MS_REC
#define MS_REC 16384
#endif
#ifndef MS_SILENT
#define MS_SILENT 32768
#endif
#ifndef MS_UNBINDABLE
#define MS_UNBINDABLE (1 << 17)
#endif
#ifndef MS_PRIVATE
#define MS_PRIVATE (1 << 18)
#endif
#ifndef MS_SLAVE
#define MS_SLAVE (1 << 19)
#endif
#ifndef MS_SHARED
#define MS_SHARED (1 << 20)
#endif
#ifndef MS_RELATIME
#define MS_RELATIME (1 << 21)
#endif
#ifndef MS_I_VERSION
#define MS_I_VERSION (1 << 23)
#endif
#ifndef MS_STRICTATIME
#define MS_STRICTATIME (1 << 24)
#endif
#ifndef MS_LAZYTIME
#define MS_LAZYTIME (1 << 25)
#endif
#ifndef MNT_FORCE
#define MNT_FORCE 1
#endif
#ifndef MNT_DETACH
#define MNT_DETACH 2
#endif

/* One line of fstab or /proc/mounts.  Fields point into the line, with the
 * octal escapes (\040 for a space) already decoded. */
struct mtab_ent {
	char *src, *dir, *type, *opts;
	int freq, passno;
};

/* A whole table.  Entries keep file order. */
struct mtab {
	struct mtab_ent *e;
	size_t n;
	char *buf;
};

/* Split LINE in place.  1: an entry; 0: blank or comment; -1: malformed
 * (fewer than two fields, or a number field that is not a number).
 * Missing type and options read as "auto" and "defaults". */
int mtab_split(char *line, struct mtab_ent *e);
/* Load PATH; -1 with errno if it cannot be read.  Malformed lines are
 * reported as "PATH:N: bad line" warnings and skipped. */
int mtab_load(struct mtab *t, const char *path);
void mtab_free(struct mtab *t);
/* Does TYPE pass a -t list like "ext4,nfs" or "nonfs,notmpfs"? */
int mtab_type_match(const char *type, const char *list);
/* Value of KEY=VALUE in a comma list, malloc'd; NULL if absent.
 * A bare KEY gives "". */
char *mtab_opt_value(const char *opts, const char *key);

/* Userspace-only options (never passed to the kernel). */
enum {
	MO_NOAUTO = 1,		/* fstab: skip with -a */
	MO_NOFAIL = 2,		/* -a: a missing device is not an error */
	MO_LOOP = 4,		/* set up a loop device for the source */
	MO_NETDEV = 8,		/* needs the network (informational) */
};

struct mount_opts {
	unsigned long flags;	/* MS_* bits for mount(2) */
	unsigned long prop;	/* MS_SHARED..MS_UNBINDABLE, | MS_REC */
	char *data;		/* the rest, comma-joined, for the filesystem */
	unsigned user;		/* MO_* */
	char *loopdev;		/* loop=/dev/loopN */
	unsigned long long offset, sizelimit;
};

/* Add the options in S (comma list) to O; later options override earlier
 * ones, so parse defaults first.  -1 (after a warning) on a bad value. */
int mount_opts_parse(struct mount_opts *o, const char *s);
void mount_opts_free(struct mount_opts *o);
/* Symbolic MS_* names for messages, "0" for none; static buffer. */
const char *mount_flags_name(unsigned long flags);
/* The mount(8) option names of FLAGS ("ro,nosuid"), malloc'd, "" for none. */
char *mount_flags_opts(unsigned long flags);

#endif
