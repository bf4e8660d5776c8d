/* chmod - change file modes */
//menu:Files
//config:config CHMOD
//config:	bool "chmod"
//config:	default y
//config:	help
//config:	  Change the permission bits of files, octal or symbolic.
//applet:chmod CHMOD chmod_main NULL
//usage:chmod [-Rcvf] MODE[,MODE]... FILE...
//usage:
//usage:Change each FILE's mode.  MODE is octal or [ugoa]*[-+=][rwxXst]*
//usage:(also [-+=][ugo], copying bits), several separated by commas.
//usage:	-R	recurse into directories (symlinks found there are skipped)
//usage:	-c	say which files changed	-v	say what was done to each
//usage:	-f	no error messages
//usage:	--reference=FILE	use FILE's mode
#include "pxebox.h"
#include "fs.h"

static const char *mode_arg;
static int has_ref, quiet, verbose, changes, recursive;

static int change(struct walk *w)
{
	mode_t m;
	char a[11], b[11];

	if (w->err && !w->post) {
		if (!quiet) {
			errno = w->err;
			pwarn("cannot access '%s'", w->path);
		}
		px.exitcode = 1;
		return WALK_SKIP;
	}
	if (w->post) {
		if (!w->err)
			return WALK_CONTINUE;
		if (!quiet) {
			errno = w->err;
			pwarn("cannot read directory '%s'", w->path);
		}
		px.exitcode = 1;
		return WALK_CONTINUE;
	}
	/* symlinks have no mode of their own; only followed on the command line */
	if (S_ISLNK(w->st.st_mode))
		return WALK_CONTINUE;
	if (parse_mode(mode_arg, &m, w->st.st_mode)) {
		warn("invalid mode '%s'", mode_arg);
		return WALK_STOP;
	}
	if (fchmodat(w->dirfd, w->name, m, 0)) {
		if (!quiet)
			pwarn("changing permissions of '%s'", w->path);
		px.exitcode = 1;
	} else if (verbose || (changes && m != (w->st.st_mode & 07777))) {
		if (m != (w->st.st_mode & 07777))
			printf("mode of '%s' changed from %04o (%s) to %04o (%s)\n", w->path,
			       (unsigned)(w->st.st_mode & 07777), mode_string(w->st.st_mode, a) + 1,
			       (unsigned)m, mode_string(m, b) + 1);
		else
			printf("mode of '%s' retained as %04o (%s)\n", w->path, (unsigned)m,
			       mode_string(m, a) + 1);
	}
	return recursive ? WALK_CONTINUE : WALK_SKIP;
}

/* Options by hand: "-w" or "-x,g+w" is a MODE, not an option. */
static int is_opts(const char *a)
{
	if (a[0] != '-' || !a[1])
		return 0;
	return a[strspn(a + 1, "Rcvf") + 1] == 0;
}

int chmod_main(int argc, char **argv)
{
	char **files = xzalloc(argc * sizeof(*files));
	char buf[8];
	int nf = 0, dashdash = 0;
	mode_t dummy;

	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (!dashdash && !strcmp(a, "--help")) {
			show_help(applet_find(px.applet), stdout);
			return 0;
		}
		if (!dashdash && !strcmp(a, "--")) {
			dashdash = 1;
		} else if (!dashdash && is_opts(a)) {
			recursive |= !!strchr(a, 'R');
			changes |= !!strchr(a, 'c');
			verbose |= !!strchr(a, 'v');
			quiet |= !!strchr(a, 'f');
		} else if (!dashdash && !strcmp(a, "--recursive")) {
			recursive = 1;
		} else if (!dashdash && !strcmp(a, "--verbose")) {
			verbose = 1;
		} else if (!dashdash && !strcmp(a, "--changes")) {
			changes = 1;
		} else if (!dashdash && (!strcmp(a, "--silent") || !strcmp(a, "--quiet"))) {
			quiet = 1;
		} else if (!dashdash && str_start(a, "--reference=")) {
			struct stat st;
			if (stat(a + 12, &st))
				pdie("failed to get attributes of '%s'", a + 12);
			snprintf(buf, sizeof(buf), "%o", (unsigned)(st.st_mode & 07777));
			mode_arg = buf;
			has_ref = 2;
		} else if (!dashdash && a[0] == '-' && a[1] == '-' && a[2]) {
			warn("unrecognized option '%s'", a);
			usage_die();
		} else {
			files[nf++] = a;
		}
	}
	if (!has_ref && nf) {
		mode_arg = files[0];
		memmove(files, files + 1, nf-- * sizeof(*files));
	}
	if (!mode_arg || !nf) {
		if (mode_arg && !has_ref)
			warn("missing operand after '%s'", mode_arg);
		else
			warn("missing operand");
		usage_die();
	}
	if (parse_mode(mode_arg, &dummy, 0))
		die("invalid mode '%s'", mode_arg);
	for (int i = 0; i < nf; i++)
		if (walk_tree(files[i], WALK_FOLLOW1 | WALK_POST, change, NULL) < 0)
			break;
	free(files);
	return px.exitcode;
}
