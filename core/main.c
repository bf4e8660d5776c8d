/* main.c - multicall dispatch: by argv[0], or as "pxebox APPLET ARGS". */
#include "pxebox.h"

#define PXEBOX_USAGE \
	"pxebox [APPLET [ARGS]...] | --list | --install [-s] DIR\n\n" \
	"One static multicall binary for diskless PXE boot.\n\n" \
	"\t--list\t\tlist the applets built in\n" \
	"\t--install DIR\thard-link every applet into DIR (-s: symlinks)\n" \
	"\tAPPLET --help\tshow an applet's usage"

const struct applet *applet_find(const char *name)
{
	unsigned lo = 0, hi = applet_count;
	while (lo < hi) {	/* the generated table is sorted by name */
		unsigned mid = (lo + hi) / 2;
		int c = strcmp(name, applets[mid].name);
		if (!c)
			return &applets[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int run_main(const struct applet *a, int argc, char **argv)
{
	int rc;
	if (a->spec && argc == 2 && !strcmp(argv[1], "--help")) {
		show_help(a, stdout);
		return 0;
	}
	if (a->spec)
		argc = opt_parse(a->spec, argc, argv);
	rc = a->main(argc, argv);
	return flush_stdout(rc);
}

int applet_run(const struct applet *a, int argc, char **argv)
{
	jmp_buf jb, *saved = px.rethrow;
	const char *saved_name = px.applet;
	int rc;

	px.applet = a->name;
	px.exitcode = 0;
	px.rethrow = &jb;
	rc = setjmp(jb) ? px.rethrow_code : run_main(a, argc, argv);
	px.rethrow = saved;
	px.applet = saved_name;
	return rc;
}

static int install(const char *dir, int symbolic)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	unsigned i;
	if (n < 0)
		pdie("/proc/self/exe");
	self[n] = 0;
	if (mkdir_p(dir, 0755))
		pdie("%s", dir);
	for (i = 0; i < applet_count; i++) {
		char *dst = path_join(dir, applets[i].name);
		unlink(dst);
		if ((symbolic ? symlink(self, dst) : link(self, dst)) < 0)
			pwarn("%s", dst);
		free(dst);
	}
	return px.exitcode;
}

static int pxebox_main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help")) {
		puts("usage: " PXEBOX_USAGE);
		return argc < 2;
	}
	if (!strcmp(argv[1], "--list")) {
		for (unsigned i = 0; i < applet_count; i++)
			puts(applets[i].name);
		return 0;
	}
	if (!strcmp(argv[1], "--install")) {
		int s = argc > 2 && !strcmp(argv[2], "-s");
		if (argc != 3 + s)
			die("usage: pxebox --install [-s] DIR");
		return install(argv[2 + s], s);
	}
	return -1;
}

int main(int argc, char **argv)
{
	const char *name = base_name(argv[0]);
	const struct applet *a;

	if (!strcmp(name, "pxebox") || str_start(name, "pxebox_")) {
		int rc = pxebox_main(argc, argv);
		if (rc >= 0)
			return rc;
		argv++, argc--;
		name = argv[0];
	}
	a = applet_find(name);
	if (!a) {
		fprintf(stderr, "pxebox: applet not found: %s\n", name);
		return 127;
	}
	/* SIGPIPE may be ignored by whoever started us; applets expect default */
	signal(SIGPIPE, SIG_DFL);
	px.applet = a->name;
	xexit(applet_run(a, argc, argv));
}
