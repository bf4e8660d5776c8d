/* mv - move (rename) files */
//menu:Files
//config:config MV
//config:	bool "mv"
//config:	default y
//config:	help
//config:	  Rename files; across filesystems copy them (as cp -a) and
//config:	  remove the originals.
//applet:mv MV mv_main "f(force)i(interactive)n(no-clobber)v(verbose)T(no-target-directory)t(target-directory):u(update)"
//usage:mv [-finvuT] SOURCE DEST | SOURCE... DIR | -t DIR SOURCE...
//usage:
//usage:Rename SOURCE to DEST, or move each SOURCE into DIR.
//usage:	-f	never ask	-i	ask before overwriting
//usage:	-n	never overwrite	-u	only when SOURCE is newer
//usage:	-v	say what is moved
//usage:	-T	DEST is never a directory to move into
//usage:	-t DIR	move everything into DIR
#include "pxebox.h"
#include "fs.h"

/* Across filesystems: copy to a temporary name beside DEST, rename it into
 * place, then remove SOURCE.  A failed copy leaves SOURCE and DEST as they
 * were and no partial tree under DEST's name. */
static int move_across(const char *src, const char *dst, const struct stat *sst, const struct stat *dstp)
{
	struct copy c = { .recursive = 1, .preserve = META_OWNER | META_MODE | META_TIME, .links = 1 };
	char *tmp = NULL;
	int rc = -1;

	if (dstp && S_ISDIR(sst->st_mode) != S_ISDIR(dstp->st_mode)) {
		warn(S_ISDIR(sst->st_mode) ? "can't overwrite non-directory '%s' with directory '%s'" :
			"can't overwrite directory '%s' with non-directory '%s'", dst, src);
		return -1;
	}
	for (int i = 0; i < 100; i++) {
		struct stat t;
		free(tmp);
		tmp = xasprintf("%s.mv%ld.%d", dst, (long)getpid(), i);
		if (lstat(tmp, &t) && errno == ENOENT)
			break;
	}
	if (copy_tree(&c, src, tmp) < 0) {
		warn("can't move '%s' to '%s': copy failed", src, dst);
		remove_tree(tmp);
		goto out;
	}
	/* an empty directory at DEST may be replaced, as rename() would */
	if (dstp && S_ISDIR(dstp->st_mode) && rmdir(dst)) {
		pwarn("can't move '%s' to '%s'", src, dst);
		remove_tree(tmp);
		goto out;
	}
	if (rename(tmp, dst)) {
		pwarn("can't move '%s' to '%s'", src, dst);
		remove_tree(tmp);
		goto out;
	}
	rc = remove_tree(src);
out:
	copy_done(&c);
	free(tmp);
	return rc;
}

static void move_src(const char *src, const char *arg, const char *dst, struct stat *sstp);

static void move(const char *arg, const char *dst, void *ctx)
{
	struct stat sst;
	char *src = xstrdup(arg);
	size_t n = strlen(src);

	/* "dir/" names the directory; rename() wants it without the slash */
	while (n > 1 && src[n - 1] == '/')
		src[--n] = 0;
	if (lstat(src, &sst)) {
		pwarn("can't stat '%s'", arg);
		free(src);
		return;
	}
	move_src(src, arg, dst, &sst);
	free(src);
}

static void move_src(const char *src, const char *arg, const char *dst, struct stat *sstp)
{
	struct stat sst = *sstp, dst_st;
	int exists;

	exists = !lstat(dst, &dst_st);
	if (exists) {
		if (sst.st_dev == dst_st.st_dev && sst.st_ino == dst_st.st_ino) {
			warn("'%s' and '%s' are the same file", arg, dst);
			return;
		}
		if (opt('n'))
			return;
		if (opt('u') && !S_ISDIR(dst_st.st_mode) &&
		    (dst_st.st_mtim.tv_sec > sst.st_mtim.tv_sec ||
		     (dst_st.st_mtim.tv_sec == sst.st_mtim.tv_sec && dst_st.st_mtim.tv_nsec >= sst.st_mtim.tv_nsec)))
			return;
		/* -i asks; so does a write-protected DEST on a terminal, as coreutils */
		if (!opt('f') && (opt('i') || (isatty(0) && access(dst, W_OK) && !S_ISLNK(dst_st.st_mode))) &&
		    !ask_yes("overwrite '%s'", dst))
			return;
	}
	if (rename(src, dst) == 0) {
		if (opt('v'))
			printf("renamed '%s' -> '%s'\n", arg, dst);
		return;
	}
	if (errno == EINVAL && S_ISDIR(sst.st_mode)) {
		warn("can't move '%s' to a subdirectory of itself, '%s'", arg, dst);
		return;
	}
	if (errno != EXDEV) {
		pwarn("can't move '%s' to '%s'", arg, dst);
		return;
	}
	if (move_across(src, dst, &sst, exists ? &dst_st : NULL) == 0 && opt('v'))
		printf("copied '%s' -> '%s'\nremoved '%s'\n", arg, dst, arg);
}

int mv_main(int argc, char **argv)
{
	each_operand(argc, argv, optstr('t'), opt('T'), move, NULL);
	return px.exitcode;
}
