/* modules_fuzz.c - libFuzzer target for the module tree parsers
 * (modules.dep, modules.alias, modprobe.d / modules.softdep, modules.builtin,
 * modules.builtin.modinfo, /proc/cmdline) and for modprobe's resolution of a
 * name or alias into a load list (run as -D, so nothing is loaded).
 * The input is cut at 0xff bytes into: dep, alias, conf, builtin,
 * builtin.modinfo, cmdline, and the query. */
#include "support.h"
#include "../../applets/modprobe.c"

static char *part(const uint8_t **p, const uint8_t *end, size_t *len)
{
	const uint8_t *s = *p, *e = memchr(s, 0xff, (size_t)(end - s));
	char *buf;
	if (!e)
		e = end;
	*len = (size_t)(e - s);
	buf = xmalloc(*len + 1);
	memcpy(buf, s, *len);
	buf[*len] = 0;
	*p = e < end ? e + 1 : end;
	return buf;
}

static void run(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	char *q;
	size_t len;
	struct mod **list;
	int by_alias;
	unsigned n;

	tree = modtree_new("/nonexistent/lib/modules/0");
	modtree_parse_dep(tree, part(&p, end, &len));
	/* given here, the lazily read files are not looked for on disk */
	modtree_parse_alias(tree, part(&p, end, &len));
	modtree_parse_conf(tree, part(&p, end, &len));
	modtree_parse_builtin(tree, part(&p, end, &len));
	q = part(&p, end, &len);
	modtree_parse_builtin_modinfo(tree, q, len);
	tree->balias_read = 1;
	modtree_parse_cmdline(tree, part(&p, end, &len));
	q = part(&p, end, &len);
	n = modtree_lookup(tree, q, &list, &by_alias);
	for (unsigned i = 0; i < n && i < 8; i++) {
		char *f = list[i]->path ? mod_file(tree, list[i]) : NULL;
		mod_deps(tree, list[i]);
		probe(list[i], q);
		free(f);
	}
	free(list);
	free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once) {
		/* modprobe -D: print the list, load nothing */
		char *argv[] = { "modprobe", "-D", "x", NULL };
		opt_parse("a(all)D(show-depends)r(remove)q(quiet)v(verbose)n(dry-run)b(use-blacklist)"
			  "d(dirname):S(set-version):C(config):i(ignore-install)(ignore-remove)s(syslog)",
			  3, argv);
		if (!freopen("/dev/null", "w", stdout))
			abort();
		once = 1;
	}
	tree = NULL;
	if (!setjmp(fuzz_jmp))
		run(data, size);
	modtree_free(tree);
	tree = NULL;
	free(plist);
	plist = NULL;
	plen = 0;
	return 0;
}
