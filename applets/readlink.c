/* readlink - print a symlink's target or a canonical path */
//menu:Files
//config:config READLINK
//config:	bool "readlink"
//config:	default y
//config:	help
//config:	  Print where a symlink points, or with -f/-e/-m the canonical
//config:	  absolute path (linuxrc uses this to find the real root).
//applet:readlink READLINK readlink_main "<1f(canonicalize)e(canonicalize-existing)m(canonicalize-missing)n(no-newline)v(verbose)q(quiet)s(silent)z(zero)"
//usage:readlink [-fem] [-nvqsz] FILE...
//usage:
//usage:Print the target of each symlink FILE.
//usage:	-f	canonical path; all but the last component must exist
//usage:	-e	canonical path; every component must exist
//usage:	-m	canonical path; nothing needs to exist
//usage:	-n	no newline after the (single) name
//usage:	-v	report errors	-q, -s	do not (default)
//usage:	-z	end each name with NUL, not newline
#include "pxebox.h"

enum { MISSING_NONE, MISSING_LAST, MISSING_ANY };

/* Append component c (len n) to the absolute path in *buf. */
static void push(char **buf, size_t *len, size_t *cap, const char *c, size_t n)
{
	if (*len + n + 2 > *cap)
		*buf = xrealloc(*buf, *cap = (*len + n + 2) * 2);
	if (*len > 1 || (*buf)[0] != '/')
		(*buf)[(*len)++] = '/';
	else if (*len == 0)
		(*buf)[(*len)++] = '/';
	memcpy(*buf + *len, c, n);
	*len += n;
	(*buf)[*len] = 0;
}

static void pop(char *buf, size_t *len)
{
	while (*len > 1 && buf[*len - 1] != '/')
		(*len)--;
	if (*len > 1)
		(*len)--;	/* the slash too, unless it is the root */
	buf[*len] = 0;
}

/* Resolve every symlink and ".." in path, as realpath does, but letting
 * missing components through as `missing` says.  NULL with errno. */
static char *canon(const char *path, int missing)
{
	size_t cap = PATH_MAX, len, links = 0;
	char *buf = xmalloc(cap), *todo, *p;
	int gone = 0;	/* a component was missing: later ones cannot be links */

	if (!*path) {	/* "" names nothing, not the current directory */
		free(buf);
		errno = ENOENT;
		return NULL;
	}
	if (path[0] == '/') {
		strcpy(buf, "/");
	} else if (!getcwd(buf, cap)) {
		free(buf);
		return NULL;
	}
	len = strlen(buf);
	todo = xstrdup(path);
	p = todo;
	while (*p) {
		char *c, *next;
		size_t n;
		struct stat st;
		while (*p == '/')
			p++;
		if (!*p)
			break;
		c = p;
		n = strcspn(c, "/");
		next = c + n;
		if (n == 1 && c[0] == '.') {
			p = next;
			continue;
		}
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			pop(buf, &len);
			p = next;
			continue;
		}
		push(&buf, &len, &cap, c, n);
		if (gone) {
			p = next;
			continue;
		}
		if (lstat(buf, &st)) {
			int last = !next[strspn(next, "/")];
			if (errno != ENOENT || missing == MISSING_NONE || (missing == MISSING_LAST && !last))
				goto fail;
			gone = 1;
			p = next;
			continue;
		}
		if (S_ISLNK(st.st_mode)) {
			char *target, *rest;
			ssize_t r;
			size_t tcap = st.st_size > 0 ? (size_t)st.st_size + 1 : PATH_MAX;
			if (++links > 40) {
				errno = ELOOP;
				goto fail;
			}
			target = xmalloc(tcap);
			r = readlink(buf, target, tcap);
			if (r < 0) {
				free(target);
				goto fail;
			}
			if ((size_t)r >= tcap) {	/* grew since lstat: try again */
				free(target);
				links--;
				continue;
			}
			target[r] = 0;
			/* the link's target replaces it, followed by the unread rest */
			rest = xasprintf("%s%s", target, next);
			free(target);
			pop(buf, &len);
			if (rest[0] == '/') {
				strcpy(buf, "/");
				len = 1;
			}
			free(todo);
			todo = p = rest;
			continue;
		}
		if (!S_ISDIR(st.st_mode) && *next) {
			/* "file/..." : only -m lets a path go on through a file */
			errno = ENOTDIR;
			if (missing != MISSING_ANY)
				goto fail;
			gone = 1;
		}
		p = next;
	}
	free(todo);
	return buf;
fail:
	{
		int e = errno;
		free(todo);
		free(buf);
		errno = e;
		return NULL;
	}
}

int readlink_main(int argc, char **argv)
{
	int mode = opt('e') ? MISSING_NONE : opt('m') ? MISSING_ANY : MISSING_LAST;
	int canonical = opt('f') || opt('e') || opt('m');
	int verbose = opt('v') && !opt('q') && !opt('s');
	int end = opt('z') ? 0 : '\n';

	/* coreutils: -n is ignored (with a warning) for several names */
	if (opt('n') && argc == 2)
		end = -1;
	for (int i = 1; i < argc; i++) {
		char *out;
		if (canonical) {
			out = canon(argv[i], mode);
		} else {
			struct stat st;
			out = NULL;
			if (!lstat(argv[i], &st)) {
				size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : PATH_MAX;
				ssize_t r;
				out = xmalloc(cap);
				r = readlink(argv[i], out, cap - 1);
				if (r < 0) {
					free(out);
					out = NULL;
				} else
					out[r] = 0;
			}
		}
		if (!out) {
			if (verbose)
				pwarn("%s", argv[i]);
			px.exitcode = 1;
			continue;
		}
		fputs(out, stdout);
		if (end != -1)
			putchar(end);
		free(out);
	}
	return px.exitcode;
}
