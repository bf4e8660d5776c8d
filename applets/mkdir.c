/* mkdir - make directories */
//menu:Files
//config:config MKDIR
//config:	bool "mkdir"
//config:	default y
//config:	help
//config:	  Create directories (-p: with their parents, -m: with a mode).
//applet:mkdir MKDIR mkdir_main "<1m(mode):p(parents)v(verbose)"
//usage:mkdir [-pv] [-m MODE] DIR...
//usage:
//usage:Create each DIR.
//usage:	-p	no error if it exists; create missing parents too
//usage:	-m MODE	mode of the new directories (as chmod; umask not applied)
//usage:	-v	say what was created
#include "pxebox.h"

static void created(const char *path)
{
	if (opt('v'))
		printf("mkdir: created directory '%s'\n", path);
}

/* One directory; the umask shapes `mode` unless -m asked for it exactly. */
static int make(const char *path, mode_t mode, int exact, int last)
{
	struct stat st;
	if (mkdir(path, mode) == 0) {
		created(path);
		/* mkdir() drops bits outside the umask and may drop setgid/sticky */
		if (exact && chmod(path, mode))
			return -1;
		return 0;
	}
	if (opt('p') && errno == EEXIST && !stat(path, &st) && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST && !last)
		errno = ENOTDIR;	/* a parent that is a file */
	return -1;
}

/* -p: create each missing component from the left */
static int make_parents(char *path, mode_t mode, int exact)
{
	/* parents get u+wx so their children can be made, as coreutils does */
	mode_t pmode = (0777 & ~umask_get()) | 0300;
	char *s = path;
	while (*s == '/')
		s++;
	for (;;) {
		char *slash = strchr(s, '/');
		if (!slash)
			break;
		*slash = 0;
		/* "a//b" and "a/./b": only real components need creating */
		/* exact: a umask like 0277 must not lock us out of our own parents */
		if (*s && strcmp(s, ".") && make(path, pmode, 1, 0)) {
			*slash = '/';
			return -1;
		}
		*slash = '/';
		s = slash + 1;
		while (*s == '/')
			s++;
		if (!*s)
			break;	/* trailing slashes */
	}
	return make(path, mode, exact, 1);
}

int mkdir_main(int argc, char **argv)
{
	mode_t mode = 0777;
	int exact = 0;
	if (optstr('m')) {
		/* symbolic modes start from a=rwx, as in coreutils */
		if (parse_mode(optstr('m'), &mode, S_IFDIR | 0777))
			die("invalid mode '%s'", optstr('m'));
		exact = 1;
	}
	for (int i = 1; i < argc; i++) {
		char *path = xstrdup(argv[i]);
		if ((opt('p') ? make_parents(path, mode, exact) : make(path, mode, exact, 1)) < 0)
			pwarn("can't create directory '%s'", argv[i]);
		free(path);
	}
	return px.exitcode;
}
