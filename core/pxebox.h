/* pxebox.h - everything an applet needs from core/.
 *
 * Applets include only this header.  It brings in the generated Kconfig
 * header (CONFIG_X, ENABLE_X, IF_X(...)) and the shared helpers, so an applet
 * never writes its own error, allocation, option or I/O loop.
 */
#ifndef PXEBOX_H
#define PXEBOX_H

#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "autoconf.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NORETURN __attribute__((noreturn))
#define PRINTF(f, a) __attribute__((format(printf, f, a)))

/* ---- applet table (generated from the //applet: lines) ---------------- */

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *spec;	/* option spec, see core/opt.c; NULL: raw argv */
	const char *usage;	/* full --help text */
};

extern const struct applet applets[];
extern const unsigned applet_count;
const struct applet *applet_find(const char *name);

/* Run an applet in this process, as the shell does for its fast path:
 * parses options, calls main, returns its exit status.  Calls to xexit()
 * inside come back here instead of ending the process. */
int applet_run(const struct applet *a, int argc, char **argv);

/* ---- global state ----------------------------------------------------- */

struct pxebox_state {
	const char *applet;	/* name used in messages */
	int exitcode;		/* what xexit() uses after a non-fatal error */
	jmp_buf *rethrow;	/* set while an applet runs inside the shell */
	int rethrow_code;
	int usage_code;		/* exit status of usage_die(), set by opt_parse */
};
extern struct pxebox_state px;

/* ---- errors: "applet: message[: strerror]" on stderr ------------------ */

void warn(const char *fmt, ...) PRINTF(1, 2);		/* message, sets exitcode=1 */
void pwarn(const char *fmt, ...) PRINTF(1, 2);		/* message: strerror(errno) */
NORETURN void die(const char *fmt, ...) PRINTF(1, 2);
NORETURN void pdie(const char *fmt, ...) PRINTF(1, 2);
NORETURN void usage_die(void);	/* short usage line to stderr, exit usage_code */
int flush_stdout(int code);	/* fflush; on error say so and make code non-zero */
NORETURN void xexit(int code);	/* flush stdout, exit (or return to the shell) */
void show_help(const struct applet *a, FILE *f);

/* ---- options ------------------------------------------------------------
 * Spec syntax (one spec per applet, declared on its //applet: line):
 *   c        flag -c (counted: -vv gives 2)
 *   c:       -c ARG (last one wins)          c*   -c ARG repeatable (list)
 *   c#       -c NUM (decimal; a bad one is a usage error)
 *   c?       optional ARG, only attached: -cARG or --long=ARG (sed -i.bak)
 *   c(long)  --long is an alias of -c; several (a)(b) allowed; c(long): and
 *            c:(long) mean the same
 *   \001..\037 as the key: a long-only option, e.g. "\001(strip-components)#"
 *   leading '%N' (first of all): usage errors exit with N, not 1 (grep: 2)
 *   leading '^' stops at the first operand (no permutation), as for env/xargs
 *   leading '<N' / '>N' (after ^): at least / at most N operands
 * After parsing, argv holds argv[0] then the operands.
 */
int opt_parse(const char *spec, int argc, char **argv);	/* returns new argc */
int opt(int key);			/* how many times given */
const char *optstr(int key);		/* last argument, or NULL */
long optnum(int key, long dflt);	/* numeric argument, or dflt */
char **optlist(int key);		/* NULL-terminated list (never NULL) */
unsigned optcount(int key);		/* entries in optlist */
/* The options in command-line order, for "the last one wins" between
 * different options (mount -r -w -o rw): the next one's key (0 at the end),
 * *arg its argument or NULL; start with *pos = 0. */
int opt_next(unsigned *pos, const char **arg);

/* ---- memory (die on failure) ------------------------------------------ */

void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF(1, 2);

/* ---- I/O --------------------------------------------------------------- */

ssize_t readall(int fd, void *buf, size_t len);	/* retries EINTR/short reads */
ssize_t writeall(int fd, const void *buf, size_t len);
void xwrite(int fd, const void *buf, size_t len);	/* dies on error */
int xopen(const char *path, int flags, ...);		/* dies with the path */
int open_input(const char *path);	/* "-" is stdin; warns and returns -1 */
off_t copy_fd(int in, int out);		/* -1 on error (errno set) */
char *read_file(const char *path, size_t *len);	/* NUL-terminated, NULL+errno */
/* Line reader over a buffered fd; returns the line without '\n' or NULL at EOF. */
struct lines;
struct lines *lines_open(int fd);
char *lines_next(struct lines *l, size_t *len);
int lines_had_nl(struct lines *l);	/* did the last line end in '\n'? */
int lines_error(struct lines *l);	/* errno of a failed read (input ends there), or 0 */
void lines_close(struct lines *l);

/* ---- paths and strings ---------------------------------------------- */

char *path_join(const char *dir, const char *name);	/* malloc'd */
const char *base_name(const char *path);		/* no allocation */
int str_end(const char *s, const char *suffix);
int str_start(const char *s, const char *prefix);
long long parse_num(const char *s, const char *what, long long min, long long max);
const char *human_size(unsigned long long n, char buf[16]);
/* head/tail counts of what ("lines", "bytes"): [+-]N with an optional b, k or
 * m (512, 1024, 1048576); *sign is '+', '-' or 0 */
long long parse_count(const char *s, int *sign, const char *what);
int parse_mode(const char *s, mode_t *mode, mode_t base);	/* chmod syntax */
int mkdir_p(const char *path, mode_t mode);		/* 0 or -1 */
mode_t umask_get(void);					/* without changing it */

#endif
