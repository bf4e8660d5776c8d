/* depmod - write modules.dep, modules.alias and modules.softdep */
//menu:Kernel modules
//config:config DEPMOD
//config:	bool "depmod"
//config:	default y
//config:	help
//config:	  Read the .modinfo section of every module under
//config:	  /lib/modules/VERSION and write modules.dep, modules.alias and
//config:	  modules.softdep in kmod's format and order, so an image can be
//config:	  built without the host's kmod.
//applet:depmod DEPMOD depmod_main ">1a(all)b(basedir):n(dry-run)(show)A(quick)e(errsyms)w"
//usage:depmod [-an] [-b BASEDIR] [VERSION]
//usage:
//usage:Write modules.dep, modules.alias and modules.softdep for the modules
//usage:under BASEDIR/lib/modules/VERSION (default: the running kernel).
//usage:Dependencies come from each module's "depends" field; modules.dep
//usage:lists every module needed, transitively, in kmod's order.
//usage:	-a		all modules (the default; accepted for compatibility)
//usage:	-b BASEDIR	root directory of the module tree
//usage:	-n		write the files to stdout instead
//usage:Modules may be .ko or .ko.gz; .ko.xz and .ko.zst cannot be read (this
//usage:build has no xz or zstd decoder) and make depmod fail.
#include "pxebox.h"
#include "elfmod.h"
#include "fs.h"
#include "modules.h"
#include <sys/utsname.h>

struct dmod {
	char *path;		/* relative to the tree */
	char *name;		/* normalised */
	int order;		/* place in modules.order, or after it */
	int prio;		/* 0 for updates/, 1 otherwise: the lower wins */
	char **alias, **softdep, **depends;
	unsigned nalias, nsoftdep, ndepends;
	char **needs;		/* undefined symbols, in symbol table order */
	unsigned nneeds;
	struct dmod **dep;	/* direct dependencies */
	unsigned ndep, users, sort_idx, mark, stamp;
	int sorted;
};

static struct dmod **mods;
static unsigned nmods;
static const char *top;	/* BASE/lib/modules/VERSION */

static void push(char ***list, unsigned *n, const char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = xstrdup(s);
}

static int is_module(const char *name)
{
	return str_end(name, ".ko") || str_end(name, ".ko.gz") ||
	       str_end(name, ".ko.xz") || str_end(name, ".ko.zst");
}

static int visit(struct walk *w)
{
	struct dmod *m;
	const char *rel;
	char name[256];
	size_t n;
	if (w->err) {
		errno = w->err;
		pwarn("%s", w->path);
		return WALK_CONTINUE;
	}
	/* build/ and source/ point into kernel sources: not entered, as the
	 * walk does not follow symlinks */
	if (!S_ISREG(w->st.st_mode) || !is_module(w->name))
		return WALK_CONTINUE;
	rel = w->path + strlen(top);
	while (*rel == '/')
		rel++;
	n = strcspn(w->name, ".");
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, w->name, n);
	name[n] = 0;
	mod_normalise(name);
	m = xzalloc(sizeof(*m));
	m->path = xstrdup(rel);
	m->name = xstrdup(name);
	m->prio = !str_start(rel, "updates/");
	m->order = -1;
	mods = xrealloc(mods, (nmods + 1) * sizeof(*mods));
	mods[nmods++] = m;
	return WALK_CONTINUE;
}

/* Exported symbols of all modules, sorted by name, for the owner lookup. */
struct export {
	char *sym;
	struct dmod *owner;
};
static struct export *exports;
static unsigned nexports;

static void symbol(void *ctx, const char *name, int undef)
{
	struct dmod *m = ctx;
	if (undef)
		push(&m->needs, &m->nneeds, name);
	else if (str_start(name, "__ksymtab_")) {
		if (!(nexports & (nexports - 1)))	/* grow at powers of two */
			exports = xrealloc(exports, (nexports ? nexports * 2 : 64) * sizeof(*exports));
		exports[nexports].sym = xstrdup(name + 10);
		exports[nexports++].owner = m;
	}
}

static int by_sym(const void *a, const void *b)
{
	return strcmp(((const struct export *)a)->sym, ((const struct export *)b)->sym);
}

/* kmod takes a module's dependencies in the order its symbol table first
 * needs them (that order steers its sort of modules.dep lines); depends=
 * lists the same modules in modpost's order.  Reorder them to kmod's;
 * ones no symbol explains keep their place at the end. */
static void order_depends(struct dmod *m)
{
	unsigned n = 0;
	for (unsigned i = 0; i < m->nneeds && n < m->ndepends; i++) {
		struct export key = { m->needs[i], NULL }, *e;
		e = bsearch(&key, exports, nexports, sizeof(*exports), by_sym);
		if (!e)
			continue;
		for (unsigned j = n; j < m->ndepends; j++)
			if (!strcmp(m->depends[j], e->owner->name)) {
				char *t = m->depends[j];
				memmove(m->depends + n + 1, m->depends + n, (j - n) * sizeof(*m->depends));
				m->depends[n++] = t;
				break;
			}
	}
	for (unsigned i = 0; i < m->nneeds; i++)
		free(m->needs[i]);
	free(m->needs);
	m->needs = NULL;
}

/* Read one module's .modinfo and symbols; 0, or -1 after a message. */
static int read_info(struct dmod *m)
{
	char *file = path_join(top, m->path), *buf, *key, *val;
	const char *info, *why;
	size_t len, ilen, off = 0;
	int rc = 0;

	buf = module_read(file, &len);
	if (!buf) {
		free(file);
		return -1;
	}
	if (elf_modinfo(buf, len, &info, &ilen, &why)) {
		warn("%s: %s", file, why);
		rc = -1;
	} else {
		while ((key = modinfo_next(info, ilen, &off, &val))) {
			if (!strcmp(key, "alias"))
				push(&m->alias, &m->nalias, val);
			else if (!strcmp(key, "softdep"))
				push(&m->softdep, &m->nsoftdep, val);
			else if (!strcmp(key, "depends")) {
				char *list = val, *d;
				while ((d = strsep(&list, ",")))
					if (*d) {
						mod_normalise(d);
						push(&m->depends, &m->ndepends, d);
					}
			}
			free(key);
		}
		/* no symbol table is no error: only the order of deps is lost */
		elf_symbols(buf, len, symbol, m, &why);
	}
	free(buf);
	free(file);
	return rc;
}

static int by_order(const void *a, const void *b)
{
	const struct dmod *x = *(struct dmod *const *)a, *y = *(struct dmod *const *)b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int by_name(const void *a, const void *b)
{
	const struct dmod *x = *(struct dmod *const *)a, *y = *(struct dmod *const *)b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	if (x->prio != y->prio)
		return x->prio - y->prio;
	return x->order - y->order;
}

static struct dmod *find(struct dmod **sorted, unsigned count, const char *name)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(sorted[mid]->name, name);
		if (!c) {
			/* several files with one name: the first is the best */
			while (mid && !strcmp(sorted[mid - 1]->name, name))
				mid--;
			return sorted[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Path without a compression suffix, for matching modules.order. */
static char *plain_path(const char *p)
{
	size_t n = strlen(p);
	if (str_end(p, ".gz") || str_end(p, ".xz"))
		n -= 3;
	else if (str_end(p, ".zst"))
		n -= 4;
	return xstrndup(p, n);
}

static int by_plain(const void *a, const void *b)
{
	return strcmp(((char *const *)a)[0], ((char *const *)b)[0]);
}

/* modules.order gives the kernel's link order; kmod sorts by it, and the
 * modules it does not list come after, here in path order. */
static void apply_order(void)
{
	char *path = path_join(top, "modules.order"), *buf = read_file(path, NULL);
	char **keys = xmalloc((nmods + 1) * 2 * sizeof(char *)), *p = buf, *line;
	int n = 0;

	for (unsigned i = 0; i < nmods; i++) {
		keys[2 * i] = plain_path(mods[i]->path);
		keys[2 * i + 1] = (char *)mods[i];
	}
	qsort(keys, nmods, 2 * sizeof(char *), by_plain);
	while (buf && (line = strsep(&p, "\n"))) {
		char *k[2] = { line, NULL }, **hit;
		if (!*line)
			continue;
		hit = bsearch(k, keys, nmods, 2 * sizeof(char *), by_plain);
		if (hit && ((struct dmod *)hit[1])->order < 0)
			((struct dmod *)hit[1])->order = n++;
	}
	for (unsigned i = 0; i < nmods; i++)
		if (mods[i]->order < 0)
			mods[i]->order = INT_MAX;	/* then by path, in by_order */
	for (unsigned i = 0; i < nmods; i++)
		free(keys[2 * i]);
	free(keys);
	free(buf);
	free(path);
	qsort(mods, nmods, sizeof(*mods), by_order);
	for (unsigned i = 0; i < nmods; i++)
		mods[i]->mark = i;
}

static void sort_topo(void)
{
	/* kmod's depmod_calculate_dependencies: Kahn's algorithm with a
	 * stack of modules nobody (left) uses, in module order, so the sort
	 * index runs from the top users down to the base modules */
	unsigned *stack = xmalloc((nmods + 1) * sizeof(*stack)), sp = 0, n = 0;
	unsigned *users = xmalloc((nmods + 1) * sizeof(*users));
	for (unsigned i = 0; i < nmods; i++) {
		users[i] = mods[i]->users;
		if (!users[i])
			stack[sp++] = i;
	}
	while (sp) {
		struct dmod *src = mods[stack[--sp]];
		src->sort_idx = n++;
		src->sorted = 1;
		for (unsigned j = 0; j < src->ndep; j++) {
			struct dmod *dst = src->dep[j];
			unsigned di = dst->mark;
			if (users[di] && !--users[di])
				stack[sp++] = di;
		}
	}
	for (unsigned i = 0; i < nmods; i++)
		if (!mods[i]->sorted) {
			warn("%s: in a dependency cycle", mods[i]->path);
			mods[i]->sort_idx = n++;
		}
	free(stack);
	free(users);
}

/* Every module m needs, directly or not, sorted by kmod's index. */
static unsigned all_deps(struct dmod *m, struct dmod ***out, unsigned stamp)
{
	unsigned n = 0, cap = 16;
	struct dmod **todo = xmalloc(cap * sizeof(*todo));
	unsigned ntodo = 0;
	*out = NULL;
	todo[ntodo++] = m;
	while (ntodo) {
		struct dmod *x = todo[--ntodo];
		for (unsigned j = 0; j < x->ndep; j++) {
			struct dmod *d = x->dep[j];
			if (d->stamp == stamp || d == m)
				continue;
			d->stamp = stamp;
			*out = xrealloc(*out, (n + 1) * sizeof(**out));
			(*out)[n++] = d;
			if (ntodo == cap)
				todo = xrealloc(todo, (cap *= 2) * sizeof(*todo));
			todo[ntodo++] = d;
		}
	}
	free(todo);
	return n;
}

static int by_sort_idx(const void *a, const void *b)
{
	const struct dmod *x = *(struct dmod *const *)a, *y = *(struct dmod *const *)b;
	return x->sort_idx < y->sort_idx ? -1 : x->sort_idx > y->sort_idx;
}

static void write_dep(FILE *f)
{
	for (unsigned i = 0; i < nmods; i++) {
		struct dmod **d;
		unsigned n = all_deps(mods[i], &d, i + 1);
		qsort(d, n, sizeof(*d), by_sort_idx);
		fprintf(f, "%s:", mods[i]->path);
		for (unsigned j = 0; j < n; j++)
			fprintf(f, " %s", d[j]->path);
		fputc('\n', f);
		free(d);
	}
}

static void write_alias(FILE *f)
{
	fputs("# Aliases extracted from modules themselves.\n", f);
	for (unsigned i = 0; i < nmods; i++)
		for (unsigned j = 0; j < mods[i]->nalias; j++)
			fprintf(f, "alias %s %s\n", mods[i]->alias[j], mods[i]->name);
}

static void write_softdep(FILE *f)
{
	fputs("# Soft dependencies extracted from modules themselves.\n", f);
	for (unsigned i = 0; i < nmods; i++)
		for (unsigned j = 0; j < mods[i]->nsoftdep; j++)
			fprintf(f, "softdep %s %s\n", mods[i]->name, mods[i]->softdep[j]);
}

/* Write one index: to a temporary name, renamed over the old file only
 * when complete, so a failed run never leaves a half-written index. */
static int output(const char *name, void (*fn)(FILE *))
{
	char *path, *tmp;
	FILE *f;
	int rc = 0;
	if (opt('n')) {
		printf("# %s\n", name);
		fn(stdout);
		return 0;
	}
	path = path_join(top, name);
	tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f) {
		pwarn("%s", tmp);
		rc = -1;
	} else {
		fn(f);
		if (ferror(f) | fclose(f)) {
			pwarn("%s", tmp);
			rc = -1;
		} else if (rename(tmp, path)) {
			pwarn("%s", path);
			rc = -1;
		}
		if (rc)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	return rc;
}

int depmod_main(int argc, char **argv)
{
	struct utsname u;
	const char *ver = argv[1];
	char *dir;
	struct dmod **byname;
	unsigned kept = 0, total;
	int rc = 0;

	if (!ver) {
		if (uname(&u))
			pdie("uname");
		ver = u.release;
	}
	if (strchr(ver, '/') || !strcmp(ver, "..") || !strcmp(ver, "."))
		die("invalid kernel version '%s'", ver);
	dir = xasprintf("%s" MODULES_DIR "/%s", optstr('b') ? optstr('b') : "", ver);
	top = dir;
	if (access(dir, R_OK | X_OK))
		pdie("%s", dir);
	if (walk_tree(dir, WALK_SORT, visit, NULL))
		return 1;
	apply_order();

	/* one module per name: updates/ first, then the module order; the
	 * others are shadowed, but stay in byname after their winner */
	byname = xmalloc((nmods + 1) * sizeof(*byname));
	memcpy(byname, mods, nmods * sizeof(*mods));
	qsort(byname, nmods, sizeof(*byname), by_name);
	for (unsigned i = 1; i < nmods; i++)
		if (!strcmp(byname[i]->name, byname[i - 1]->name))
			byname[i]->mark = UINT_MAX;
	total = nmods;
	for (unsigned i = 0; i < total; i++)
		if (mods[i]->mark != UINT_MAX)
			mods[kept++] = mods[i];
	nmods = kept;
	for (unsigned i = 0; i < nmods; i++) {
		mods[i]->mark = i;
		if (read_info(mods[i]))
			rc = 1;
	}
	qsort(exports, nexports, sizeof(*exports), by_sym);
	for (unsigned i = 0; i < nmods; i++) {
		struct dmod *m = mods[i];
		order_depends(m);
		for (unsigned j = 0; j < m->ndepends; j++) {
			struct dmod *d = find(byname, total, m->depends[j]);
			int dup = d == m;
			if (!d) {
				/* a warning, as kmod gives for unknown symbols: the
				 * indexes are still right for every other module */
				int keep = px.exitcode;
				warn("%s: needs unknown module %s", m->path, m->depends[j]);
				px.exitcode = keep;
				continue;
			}
			for (unsigned k = 0; k < m->ndep; k++)
				dup |= m->dep[k] == d;
			if (dup)
				continue;
			m->dep = xrealloc(m->dep, (m->ndep + 1) * sizeof(*m->dep));
			m->dep[m->ndep++] = d;
			d->users++;
		}
	}
	if (rc)
		die("not writing the indexes: some modules could not be read");
	sort_topo();
	rc |= output("modules.dep", write_dep);
	rc |= output("modules.alias", write_alias);
	rc |= output("modules.softdep", write_softdep);
	free(byname);
	free(dir);
	for (unsigned i = 0; i < nexports; i++)
		free(exports[i].sym);
	free(exports);
	exports = NULL;
	nexports = 0;
	return rc ? 1 : px.exitcode;
}
