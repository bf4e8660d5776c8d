/* gz.h - gzip streams over zlib, for gzip/gunzip/zcat, tar, cpio and modprobe.
 *
 * Reading is transparent when asked: a stream that does not start with the
 * gzip magic is passed through unchanged, so "tar -x" and "cpio -i" accept
 * both.  Concatenated members are read as one stream, as gzip -d does.
 * Without CONFIG_ZLIB the calls still link; opening a gzip stream then fails
 * with "gzip support not built in".
 */
#ifndef PXEBOX_GZ_H
#define PXEBOX_GZ_H
#include "pxebox.h"

#define GZ_RAW_OK	1	/* not gzip: pass the bytes through */
#define GZ_CHILD	2	/* inflate in a child process that feeds a pipe */

struct gzr;
/* NULL when the first read fails, or flags lack GZ_RAW_OK and fd is not
 * gzip; gz_why(NULL) then says why. */
struct gzr *gz_ropen(int fd, int flags);
/* Bytes read, 0 at the end, -1 on corrupt or truncated data (see gz_why). */
ssize_t gz_read(struct gzr *g, void *buf, size_t len);
int gz_is_gzip(struct gzr *g);		/* did the stream start with the magic? */
int gz_trailing(struct gzr *g);		/* non-gzip bytes followed the last member */
const char *gz_why(struct gzr *g);	/* what went wrong, for "applet: FILE: why";
					 * NULL: why the last gz_ropen failed */
/* Ends the stream; with GZ_CHILD also reaps the child.  Returns -1 when the
 * child reported an error (it printed the message itself). */
int gz_rclose(struct gzr *g);

/* Whole file (gzip or plain) into memory, NUL-terminated; NULL and errno
 * (EINVAL for corrupt data) on failure.  For modprobe's .ko.gz. */
char *gz_read_file(const char *path, size_t *len);

struct gzw;
/* level 1..9; name (may be NULL) and mtime go into the gzip header. */
struct gzw *gz_wopen(int fd, int level, const char *name, time_t mtime);
int gz_write(struct gzw *g, const void *buf, size_t len);	/* 0 or -1 (errno) */
int gz_wclose(struct gzw *g);		/* flushes the trailer; 0 or -1 */

#endif
