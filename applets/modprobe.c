/* modprobe - load or remove kernel modules with their dependencies */
//menu:Kernel modules
//config:config MODPROBE
//config:	bool "modprobe"
//config:	default y
//config:	help
//config:	  Load a module by name or alias with everything it needs, from
//config:	  modules.dep, modules.alias and modules.builtin under
//config:	  /lib/modules/VERSION, configured by modprobe.d (options, alias,
//config:	  blacklist, softdep, install, remove).  Compatible with kmod's
//config:	  modprobe, including --show-depends.
//config:
//config:config MODUTILS_GZIP
//config:	bool "Read gzip-compressed modules (.ko.gz)"
//config:	depends on MODPROBE || INSMOD || MODINFO || DEPMOD
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  Inflate .ko.gz files with zlib.  .ko.xz and .ko.zst need no
//config:	  decoder here: modprobe and insmod hand them to a kernel that
//config:	  decompresses them itself (see /sys/module/compression).
//applet:modprobe MODPROBE modprobe_main "a(all)D(show-depends)r(remove)q(quiet)v(verbose)n(dry-run)b(use-blacklist)d(dirname):S(set-version):C(config):i(ignore-install)(ignore-remove)s(syslog)\001(first-time)"
//usage:modprobe [-arqvnDbi] [-d DIR] [-S VERSION] [-C CONFIG] NAME [PARAM=VALUE]...
//usage:
//usage:Load the module NAME (a module name or an alias such as a PCI modalias)
//usage:and the modules it depends on, or remove them with -r.
//usage:	-a		every NAME is a module (no parameters)
//usage:	-r		remove the modules, then their unused dependencies
//usage:	-D		print what would be loaded ("insmod PATH OPTIONS",
//usage:			"builtin NAME"), load nothing
//usage:	-n		dry run	-v	print each action	-q	quiet
//usage:	-b		apply the blacklist to module names too, not only aliases
//usage:	-i		ignore install and remove commands (and softdeps)
//usage:	-d DIR		root directory of the module tree (DIR/lib/modules/VERSION)
//usage:	-S VERSION	kernel version (default: uname -r)
//usage:	-C CONFIG	configuration file or directory instead of
//usage:			/etc/modprobe.d /run/modprobe.d /usr/local/lib/modprobe.d /lib/modprobe.d
//usage:	--first-time	fail if a module is already loaded (with -r: not loaded)
//usage:Parameters come from "options" lines, the kernel command line
//usage:(NAME.PARAM=VALUE) and the command line, in that order.
#include "pxebox.h"
#include "modules.h"
#include <sys/syscall.h>
#include <sys/utsname.h>

static struct modtree *tree;
static struct mod **plist;	/* the probe list being built */
static unsigned plen;

static void queue(struct mod *m)
{
	plist = xrealloc(plist, (plen + 1) * sizeof(*plist));
	plist[plen++] = m;
}

/* Resolve softdep names (each may be an alias) into modules. */
static unsigned resolve(char **names, unsigned n, struct mod ***out)
{
	unsigned total = 0;
	*out = NULL;
	for (unsigned i = 0; i < n; i++) {
		struct mod **l;
		int by_alias;
		unsigned k = modtree_lookup(tree, names[i], &l, &by_alias);
		*out = xrealloc(*out, (total + k + 1) * sizeof(**out));
		if (k)
			memcpy(*out + total, l, k * sizeof(*l));
		total += k;
		free(l);
	}
	return total;
}

static void probe_list(struct mod *m, int required, int ignorecmd);

/* A module with its soft dependencies around it: kmod's fill_softdep. */
static void with_softdeps(struct mod *m)
{
	struct mod **pre, **post;
	/* -i skips only the named module's softdeps (see probe_list) */
	unsigned npre = resolve(m->pre, m->npre, &pre), npost = resolve(m->post, m->npost, &post);
	for (unsigned i = 0; i < npre; i++)
		probe_list(pre[i], 0, 0);
	queue(m);
	/* softdeps replace install commands, as in kmod */
	m->ignorecmd = npre || npost;
	for (unsigned i = 0; i < npost; i++)
		probe_list(post[i], 0, 0);
	free(pre);
	free(post);
}

/* kmod's get_probe_list: dependencies (deepest first, i.e. modules.dep
 * backwards), each with its softdeps, then the module itself. */
static void probe_list(struct mod *m, int required, int ignorecmd)
{
	if (m->visited)
		return;
	m->visited = 1;
	mod_deps(tree, m);
	if (required) {
		m->required = 1;
		for (unsigned i = 0; i < m->ndep; i++)
			m->dep[i]->required = 1;
	}
	for (unsigned i = m->ndep; i-- > 0;)
		with_softdeps(m->dep[i]);
	if (ignorecmd) {
		queue(m);
		m->ignorecmd = 1;
	} else
		with_softdeps(m);
}

/* Run an install or remove command with $CMDLINE_OPTS replaced. */
static int run_command(struct mod *m, const char *what, const char *cmd, const char *options)
{
	const char *v = strstr(cmd, "$CMDLINE_OPTS");
	char *full = v ? xasprintf("%.*s%s%s", (int)(v - cmd), cmd, options, v + 13) : xstrdup(cmd);
	pid_t pid;
	int st = 0;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		pdie("fork");
	if (!pid) {
		setenv("MODPROBE_MODULE", m->name, 1);
		execl("/bin/sh", "sh", "-c", full, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st)) {
		warn("%s command '%s' for module %s failed (status %d)", what, full, m->name,
		     WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
		free(full);
		return -1;
	}
	free(full);
	return 0;
}

/* Load one module found by lookup, with extra (command line) options. */
static int probe(struct mod *mod, const char *extra)
{
	int show = opt('D') || opt('v'), dry = opt('D') || opt('n');
	int loaded_ok = !opt('D');	/* -D shows the whole list regardless */
	int rc = 0;

	if (loaded_ok && (module_loaded(mod->name) || mod->builtin)) {
		if (opt('\001')) {
			warn("module %s is %s", mod->name, mod->builtin ? "built into the kernel" : "already loaded");
			return -1;
		}
		return 0;
	}
	plen = 0;
	probe_list(mod, 1, opt('i'));
	for (unsigned i = 0; i < plen; i++)
		plist[i]->visited = 0;
	for (unsigned i = 0; i < plen; i++) {
		struct mod *m = plist[i];
		char *options, *file;
		int err = 0;

		if (loaded_ok && module_loaded(m->name))
			continue;
		/* kmod's module_options_concat: "CONFIG EXTRA", the space even
		 * when EXTRA is empty (-D shows it) */
		options = xasprintf("%s%s%s", m->options ? m->options : "", m->options ? " " : "",
				    m == mod && extra ? extra : "");
		if (m->install && !opt('i') && !m->ignorecmd) {
			if (show)
				printf("install %s %s\n", m->install, options);
			if (!dry)
				err = run_command(m, "install", m->install, options);
		} else if (!m->path && m->builtin) {
			if (show)
				printf("builtin %s\n", m->name);
		} else if (!m->path) {
			/* e.g. a modprobe.d alias naming a module that is not there */
			warn("module %s not found in directory %s", m->name, tree->dir);
			err = -1;
		} else {
			file = mod_file(tree, m);
			if (show)
				printf("insmod %s %s\n", file, options);
			if (!dry && module_insert(file, options) && errno != EEXIST) {
				if (errno != ENOPKG)
					warn("could not insert '%s': %s", m->name, errno == ENOENT ?
					     "Unknown symbol in module, or unknown parameter (see dmesg)" :
					     strerror(errno));
				err = -1;
			}
			free(file);
		}
		free(options);
		/* a failing softdep does not stop the load; a dependency does */
		if (err && m->required) {
			rc = -1;
			break;
		}
	}
	for (unsigned i = 0; i < plen; i++)
		plist[i]->required = 0;
	fflush(stdout);
	return rc;
}

static int remove_one(struct mod *m, int depth);

/* Softdeps: each removed as a module named on the command line would be
 * (a chain of softdeps is followed a few levels, never round a loop). */
static void remove_list(char **names, unsigned n, int depth)
{
	struct mod **l;
	unsigned k = opt('i') || depth > 8 ? 0 : resolve(names, n, &l);
	for (unsigned i = k; i-- > 0;)
		if (module_loaded(l[i]->name))
			remove_one(l[i], depth + 1);
	if (k)
		free(l);
}

/* The module itself: its remove command, or delete_module(2). */
static int remove_bare(struct mod *m)
{
	int show = opt('D') || opt('v') || opt('n'), dry = opt('D') || opt('n');
	const char *cmd = opt('i') ? NULL : m->remove;
	if (cmd) {
		if (show)
			printf("remove %s\n", cmd);
		return dry ? 0 : run_command(m, "remove", cmd, "");
	}
	if (show)
		printf("rmmod %s\n", m->name);
	if (!dry && syscall(SYS_delete_module, m->name, O_NONBLOCK)) {
		pwarn("could not remove '%s'", m->name);
		return -1;
	}
	return 0;
}

/* As kmod's modprobe -r: post softdeps, the module, then its dependencies
 * (modules.dep's list backwards) that are loaded and unused, each alone,
 * then pre softdeps.  A module that is not loaded is no error, unless
 * --first-time. */
static int remove_one(struct mod *m, int depth)
{
	if (m->builtin && !m->path) {
		if (!depth)
			warn("module %s is built into the kernel", m->name);
		return -1;
	}
	remove_list(m->post, m->npost, depth);
	if (opt('i') || !m->remove) {
		if (!module_loaded(m->name)) {
			if (!opt('\001'))
				return 0;
			if (!opt('q'))
				warn("module %s is not in the kernel", m->name);
			return -1;
		}
		if (module_refcnt(m->name) > 0) {
			if (!opt('q'))
				warn("module %s is in use", m->name);
			return -1;
		}
	}
	if (remove_bare(m))
		return -1;
	mod_deps(tree, m);
	for (unsigned i = m->ndep; i-- > 0;) {
		struct mod *d = m->dep[i];
		if (module_loaded(d->name) && module_refcnt(d->name) == 0)
			remove_bare(d);
	}
	remove_list(m->pre, m->npre, depth);
	fflush(stdout);
	return 0;
}

static int do_name(const char *name, const char *extra)
{
	struct mod **list;
	int by_alias, rc = 0;
	unsigned n;

	/* a name is never a path (CVE-2014-9645: ifconfig /x up) */
	if (!*name || strchr(name, '/')) {
		warn("invalid module name '%s'", name);
		return -1;
	}
	n = modtree_lookup(tree, name, &list, &by_alias);
	if (!n) {
		if (!opt('q'))
			warn("module %s not found in directory %s", name, tree->dir);
		return -1;
	}
	for (unsigned i = 0; i < n; i++) {
		struct mod *m = list[i];
		/* the blacklist hides modules found by alias; -b also by name */
		if (m->blacklisted && (by_alias || opt('b')) && !opt('r')) {
			if (opt('v'))
				fprintf(stderr, "modprobe: %s is blacklisted\n", m->name);
			continue;
		}
		if (opt('r') ? remove_one(m, 0) : probe(m, extra))
			rc = -1;
	}
	free(list);
	return rc;
}

int modprobe_main(int argc, char **argv)
{
	struct utsname u;
	const char *ver = optstr('S');
	char *dir, *extra = NULL;
	int rc = 0;

	if (argc < 2) {
		warn("missing module name");
		usage_die();
	}
	if (!ver) {
		if (uname(&u))
			pdie("uname");
		ver = u.release;
	}
	dir = xasprintf("%s" MODULES_DIR "/%s", optstr('d') ? optstr('d') : "", ver);
	tree = modtree_new(dir);
	if (modtree_load(tree, MT_DEP | MT_CONF, optstr('C')))
		die("no module list: run depmod for %s", ver);
	if (opt('a') || opt('r')) {
		for (int i = 1; i < argc; i++)
			rc |= do_name(argv[i], NULL);
	} else {
		/* NAME PARAM=VALUE...: the parameters go to NAME only */
		size_t len = 1;
		for (int i = 2; i < argc; i++)
			len += strlen(argv[i]) + 1;
		extra = xzalloc(len);
		for (int i = 2; i < argc; i++) {
			if (i > 2)
				strcat(extra, " ");
			strcat(extra, argv[i]);
		}
		rc = do_name(argv[1], extra);
	}
	free(extra);
	free(dir);
	free(plist);
	modtree_free(tree);
	return rc ? 1 : px.exitcode;
}
