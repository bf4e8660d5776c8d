/* modules.c - the module tree: index and configuration parsers and the one
 * name/alias lookup shared by modprobe, modinfo, rmmod and lspci -k.  The
 * rules follow kmod (the reference the tests compare against), since
 * initramfs scripts are written for its behaviour. */
#include "modules.h"
#include <fnmatch.h>
#include <sys/mman.h>

#define HSIZE 1024	/* a lookup meets a few hundred modules; chains stay short */

void mod_normalise(char *s)
{
	for (; *s; s++) {
		if (*s == '[') {
			/* a character class keeps its '-' ranges */
			char *end = strchr(s, ']');
			if (!end)
				return;
			s = end;
		} else if (*s == '-')
			*s = '_';
	}
}

/* Modules and their names come from big zeroed blocks: a tree makes
 * thousands and frees them all at once. */
struct arena {
	struct arena *next;
	size_t used, size;
	max_align_t data[];
};

static void *carve(struct modtree *t, size_t n)
{
	struct arena *a = t->arena;
	void *p;
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!a || a->size - a->used < n) {
		size_t size = n > 16384 ? n : 16384;
		a = xzalloc(sizeof(*a) + size);
		a->size = size;
		a->next = t->arena;
		t->arena = a;
	}
	p = (char *)a->data + a->used;
	a->used += n;
	return p;
}

struct modtree *modtree_new(const char *dir)
{
	struct modtree *t = xzalloc(sizeof(*t));
	t->dir = xstrdup(dir);
	t->hsize = HSIZE;
	t->hash = xzalloc(HSIZE * sizeof(*t->hash));
	return t;
}

void modtree_free(struct modtree *t)
{
	if (!t)
		return;
	for (unsigned i = 0; i < t->hsize; i++) {
		struct mod *m = t->hash[i], *next;
		for (; m; m = next) {
			next = m->hnext;
			free(m->dep);
			free(m->options);
			free(m->pre);
			free(m->post);
		}
	}
	for (unsigned i = 0; i < t->nbufs; i++)
		free(t->bufs[i]);
	while (t->arena) {
		struct arena *next = t->arena->next;
		free(t->arena);
		t->arena = next;
	}
	for (unsigned i = 0; i < t->nmaps; i++)
		munmap(t->maps[i].p, t->maps[i].len);
	free(t->dep_index);
	free(t->bufs);
	free(t->hash);
	free(t->calias);
	free(t->balias);
	free(t->dir);
	free(t);
}

static void keep(struct modtree *t, char *buf)
{
	t->bufs = xrealloc(t->bufs, (t->nbufs + 1) * sizeof(*t->bufs));
	t->bufs[t->nbufs++] = buf;
}

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct mod *find_hashed(struct modtree *t, const char *name)
{
	struct mod *m = t->hash[hash(name) & (t->hsize - 1)];
	while (m && strcmp(m->name, name))
		m = m->hnext;
	return m;
}

static struct mod *add_mod(struct modtree *t, const char *name)
{
	struct mod *m = carve(t, sizeof(*m) + strlen(name) + 1);
	unsigned h = hash(name) & (t->hsize - 1);
	m->name = strcpy((char *)(m + 1), name);
	m->hnext = t->hash[h];
	t->hash[h] = m;
	t->nmods++;
	return m;
}

static const char *dep_line(struct modtree *t, const char *name);
static void dep_attach(struct modtree *t, struct mod *m, const char *line);

/* A module known from modules.dep exists as soon as its name is asked for. */
struct mod *mod_find(struct modtree *t, const char *name)
{
	struct mod *m = find_hashed(t, name);
	const char *line;
	if (m) {
		if (!m->depsought)
			dep_attach(t, m, dep_line(t, name));
		return m;
	}
	if (!(line = dep_line(t, name)))
		return NULL;
	m = add_mod(t, name);
	dep_attach(t, m, line);
	return m;
}

struct mod *mod_get(struct modtree *t, const char *name)
{
	struct mod *m = mod_find(t, name);
	if (!m) {
		m = add_mod(t, name);
		m->depsought = 1;	/* mod_find looked: no line */
	}
	return m;
}

/* "kernel/drivers/net/e1000/e1000.ko.xz" -> "e1000", normalised, in buf. */
static char *path_modname(const char *path, char *buf, size_t size)
{
	const char *b = base_name(path);
	size_t n = strcspn(b, ".");
	if (n >= size)
		n = size - 1;
	memcpy(buf, b, n);
	buf[n] = 0;
	mod_normalise(buf);
	return buf;
}

/* Next line of a buffer, cut in place; NULL at the end. */
static char *next_line(char **p)
{
	char *s = *p, *nl;
	if (!s || !*s)
		return NULL;
	nl = strchr(s, '\n');
	if (nl) {
		*nl = 0;
		*p = nl + 1;
	} else
		*p = s + strlen(s);
	return s;
}

static inline __attribute__((always_inline)) int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Next blank-separated word of a line, cut in place; NULL at the end. */
static char *next_word(char **p)
{
	char *s = *p, *e;
	while (blank(*s))
		s++;
	if (!*s)
		return NULL;
	for (e = s; *e && !blank(*e); e++)
		;
	if (*e)
		*e++ = 0;
	*p = e;
	return s;
}

/* The rest of a line, blanks trimmed at both ends (may be ""). */
static char *rest_of(char *p)
{
	char *e;
	p += strspn(p, " \t\r\v\f");
	e = p + strlen(p);
	while (e > p && strchr(" \t\r\v\f", e[-1]))
		*--e = 0;
	return p;
}

/* The module name of a modules.dep line ("path: deps"): the base name of
 * the path up to its first '.', normalised, in buf (size 256); NULL for a
 * comment or a line without a path. */
static char *dep_name(const char *line, const char *end, char *buf)
{
	const char *colon = memchr(line, ':', (size_t)(end - line)), *e, *b;
	size_t n;
	if (!colon || line[0] == '#')
		return NULL;
	while (line < colon && blank(*line))
		line++;
	for (e = colon; e > line && blank(e[-1]); e--)
		;
	if (e == line)
		return NULL;
	for (b = e; b > line && b[-1] != '/'; b--)
		;
	for (n = 0; b + n < e && b[n] != '.'; n++)
		;
	if (n > 255)
		n = 255;
	memcpy(buf, b, n);
	buf[n] = 0;
	mod_normalise(buf);
	return buf;
}

static const char *line_end(const char *s)
{
	const char *nl = strchr(s, '\n');
	return nl ? nl : s + strlen(s);
}

/* One pass over modules.dep: name hash -> line, the first line for a name
 * winning as in kmod.  Only names are hashed; nothing is copied. */
static void dep_index(struct modtree *t)
{
	const char *p, *e;
	char name[256];
	unsigned lines = 1, size = 64;
	for (p = t->dep_text; (p = strchr(p, '\n')); p++)
		lines++;
	while (size < lines * 2)
		size *= 2;
	t->dep_isize = size;
	t->dep_index = xzalloc(size * sizeof(*t->dep_index));
	for (p = t->dep_text; *p; p = *e ? e + 1 : e) {
		unsigned h;
		e = line_end(p);
		if ((size_t)(p - t->dep_text) >= UINT_MAX - 1 || !dep_name(p, e, name))
			continue;
		for (h = hash(name) & (size - 1); t->dep_index[h]; h = (h + 1) & (size - 1)) {
			const char *o = t->dep_text + t->dep_index[h] - 1;
			char other[256];
			if (!strcmp(dep_name(o, line_end(o), other), name))
				break;
		}
		if (!t->dep_index[h])
			t->dep_index[h] = (unsigned)(p - t->dep_text) + 1;
	}
}

/* The modules.dep line of a module, or NULL. */
static const char *dep_line(struct modtree *t, const char *name)
{
	if (!t->dep_text)
		return NULL;
	if (!t->dep_index)
		dep_index(t);
	for (unsigned h = hash(name) & (t->dep_isize - 1); t->dep_index[h]; h = (h + 1) & (t->dep_isize - 1)) {
		const char *o = t->dep_text + t->dep_index[h] - 1;
		char other[256];
		if (!strcmp(dep_name(o, line_end(o), other), name))
			return o;
	}
	return NULL;
}

/* Give m its line (copied: the text may be a read-only mapping). */
static void dep_attach(struct modtree *t, struct mod *m, const char *line)
{
	size_t n;
	char *copy, *colon;
	m->depsought = 1;
	if (!line || m->depline)
		return;
	n = (size_t)(line_end(line) - line);
	copy = memcpy(carve(t, n + 1), line, n);
	copy[n] = 0;
	colon = strchr(copy, ':');
	*colon = 0;
	m->depline = 1;
	m->path = rest_of(copy);
	m->deptext = colon + 1;
}

static void dep_text(struct modtree *t, const char *text)
{
	if (t->dep_text)
		return;	/* one modules.dep per tree */
	t->dep_text = text;
	/* names met before the text arrived look again */
	for (unsigned i = 0; i < t->hsize; i++)
		for (struct mod *m = t->hash[i]; m; m = m->hnext)
			m->depsought = 0;
}

void modtree_parse_dep(struct modtree *t, char *buf)
{
	keep(t, buf);
	dep_text(t, buf);
}

unsigned mod_deps(struct modtree *t, struct mod *m)
{
	char *w, *rest = m->deptext, name[256];
	m->deptext = NULL;
	while (rest && (w = next_word(&rest))) {
		struct mod *d = mod_get(t, path_modname(w, name, sizeof(name)));
		if (!d->path)
			d->path = w;
		m->dep = xrealloc(m->dep, (m->ndep + 1) * sizeof(*m->dep));
		m->dep[m->ndep++] = d;
	}
	return m->ndep;
}

static void add_alias(struct modalias **a, unsigned *n, char *pattern, char *module)
{
	if (!(*n & (*n - 1)) || !*n)	/* grow at powers of two */
		*a = xrealloc(*a, (*n ? *n * 2 : 16) * sizeof(**a));
	mod_normalise(pattern);
	mod_normalise(module);
	(*a)[*n].pattern = pattern;
	(*a)[*n].module = module;
	(*n)++;
}

/* A big index file mapped rather than read: a lookup looks at a few lines
 * of it, and a mapping costs neither the copy nor a page fault per page.
 * The bytes after the end of the last page are zeros, so the text is
 * NUL-terminated unless it fills the page exactly: then it is read. */
static const char *map_file(struct modtree *t, const char *name, int must)
{
	char *path = path_join(t->dir, name), *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t len;
	void *p;
	if (fd >= 0 && !fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size % sysconf(_SC_PAGESIZE) && t->nmaps < ARRAY_SIZE(t->maps) &&
	    (size_t)st.st_size < UINT_MAX - 1 &&
	    (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		close(fd);
		free(path);
		t->maps[t->nmaps].p = p;
		t->maps[t->nmaps++].len = (size_t)st.st_size;
		/* a NUL inside ends the text early, as it does for a read file */
		return p;
	}
	if (fd >= 0)
		close(fd);
	buf = read_file(path, &len);
	if (!buf && (must || errno != ENOENT))
		pwarn("%s", path);
	free(path);
	if (buf)
		keep(t, buf);
	return buf;
}

void modtree_parse_alias(struct modtree *t, char *buf)
{
	keep(t, buf);
	t->alias_text = buf;
	t->alias_read = 1;
}

static void add_names(char ***list, unsigned *n, char *name)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = name;
}

/* Append words to a module's options, space-separated. */
static void add_options(struct mod *m, const char *opts)
{
	char *old = m->options, *o;
	if (!*opts)
		return;
	/* kept as written, tabs made spaces: kmod passes them on like that */
	m->options = old ? xasprintf("%s %s", old, opts) : xstrdup(opts);
	free(old);
	for (o = m->options; (o = strchr(o, '\t'));)
		*o = ' ';
}

void modtree_parse_conf(struct modtree *t, char *buf)
{
	char *p = buf, *line, *s;
	keep(t, buf);
	/* a backslash at the end of a line joins the next one to it */
	for (char *o = s = buf; ; s++) {
		if (s[0] == '\\' && s[1] == '\n')
			s++;
		else if (!(*o++ = *s))
			break;
	}
	while ((line = next_line(&p))) {
		char *kw = next_word(&line), *name;
		struct mod *m;
		if (!kw || kw[0] == '#')
			continue;
		name = next_word(&line);
		if (!name)
			continue;
		if (!strcmp(kw, "alias")) {
			char *target = next_word(&line);
			if (target)
				add_alias(&t->calias, &t->ncalias, name, target);
			continue;
		}
		if (strcmp(kw, "options") && strcmp(kw, "install") && strcmp(kw, "remove") &&
		    strcmp(kw, "blacklist") && strcmp(kw, "softdep"))
			continue;	/* unknown keywords are ignored, as kmod does */
		mod_normalise(name);
		m = mod_get(t, name);
		/* the text after the blank that ends the name, as kmod keeps it */
		if (!strcmp(kw, "options"))
			add_options(m, line);
		else if (!strcmp(kw, "install")) {
			if (!m->install)	/* the first command wins, as in kmod */
				m->install = line;
		} else if (!strcmp(kw, "remove")) {
			if (!m->remove)
				m->remove = line;
		} else if (!strcmp(kw, "blacklist"))
			m->blacklisted = 1;
		else {
			/* softdep NAME [pre: A B] [post: C]; kmod uses only the
			 * first softdep line of a module, and so do we */
			int mode = 0, first = !m->softdep;
			char *w;
			m->softdep = 1;
			while ((w = next_word(&line))) {
				if (!strcmp(w, "pre:"))
					mode = 1;
				else if (!strcmp(w, "post:"))
					mode = 2;
				else if (first && mode == 1)
					add_names(&m->pre, &m->npre, w);
				else if (first && mode == 2)
					add_names(&m->post, &m->npost, w);
			}
		}
	}
}

void modtree_parse_builtin(struct modtree *t, char *buf)
{
	char *p = buf, *line, name[256];
	keep(t, buf);
	while ((line = next_line(&p))) {
		line = rest_of(line);
		if (*line && *line != '#')
			mod_get(t, path_modname(line, name, sizeof(name)))->builtin = 1;
	}
}

void modtree_parse_builtin_modinfo(struct modtree *t, char *buf, size_t len)
{
	size_t off = 0;
	keep(t, buf);
	while (off < len) {
		char *s = buf + off, *dot, *eq;
		size_t n = strnlen(s, len - off);
		if (n == len - off)
			break;	/* an unterminated last entry */
		off += n + 1;
		/* "module.key=value" */
		dot = strchr(s, '.');
		eq = strchr(s, '=');
		if (!dot || !eq || eq < dot || strncmp(dot + 1, "alias=", 6))
			continue;
		*dot = 0;
		add_alias(&t->balias, &t->nbalias, eq + 1, s);
	}
}

/* MODULE.PARAM[=VALUE] words of the kernel command line, read as kmod
 * does: blanks inside double quotes do not split words, quotes in a value
 * are kept for the kernel to parse, and a word quoted as a whole
 * ("m.p=a b") gives p="a b".  A quote in the module or parameter name
 * makes the word no module option. */
void modtree_parse_cmdline(struct modtree *t, char *buf)
{
	char *p = buf, *w;
	keep(t, buf);
	for (;;) {
		char *dot, *eq, *opt;
		int q = 0, whole;
		size_t len;
		p += strspn(p, " \t\n");
		if (!*p)
			break;
		for (w = p; *p && (q || !strchr(" \t\n", *p)); p++)
			if (*p == '"')
				q = !q;
		len = (size_t)(p - w);
		if (*p)
			*p++ = 0;
		if ((whole = *w == '"')) {
			w++;
			len--;
			if (len && w[len - 1] == '"')
				w[--len] = 0;
		}
		dot = strchr(w, '.');
		if (!dot || dot == w || memchr(w, '/', (size_t)(dot - w)) || memchr(w, '"', (size_t)(dot - w)))
			continue;
		*dot = 0;
		eq = strchr(dot + 1, '=');
		if (memchr(dot + 1, '"', eq ? (size_t)(eq - dot - 1) : strlen(dot + 1)) || eq == dot + 1 || !dot[1])
			continue;
		mod_normalise(w);
		if (!strcmp(w, "modprobe")) {
			char *list, *name;
			if (strncmp(dot + 1, "blacklist=", 10))
				continue;
			for (list = eq + 1; (name = strsep(&list, ","));)
				if (*name) {
					mod_normalise(name);
					mod_get(t, name)->blacklisted = 1;
				}
			continue;
		}
		if (whole && eq) {
			*eq = 0;
			opt = xasprintf("%s=\"%s\"", dot + 1, eq + 1);
			add_options(mod_get(t, w), opt);
			free(opt);
		} else
			add_options(mod_get(t, w), dot + 1);
	}
}

/* Read a whole file the tree keeps; NULL when it does not exist. */
static char *slurp(const char *dir, const char *name, size_t *len, int must)
{
	char *path = name ? path_join(dir, name) : xstrdup(dir), *buf;
	buf = read_file(path, len);
	if (!buf && (must || errno != ENOENT))
		pwarn("%s", path);
	free(path);
	return buf;
}

/* modprobe.d: *.conf files of all directories, sorted by file name, a name
 * in an earlier directory hiding the same name in later ones (as kmod).
 * The tree's modules.softdep takes part in the sort under its own name. */
struct conf { char *base, *path; };

static int conf_cmp(const void *a, const void *b)
{
	return strcmp(((const struct conf *)a)->base, ((const struct conf *)b)->base);
}

static void add_conf(struct conf **c, unsigned *n, const char *path)
{
	const char *b = base_name(path);
	for (unsigned i = 0; i < *n; i++)
		if (!strcmp((*c)[i].base, b))
			return;
	*c = xrealloc(*c, (*n + 1) * sizeof(**c));
	(*c)[*n].path = xstrdup(path);
	(*c)[*n].base = (char *)base_name((*c)[*n].path);
	(*n)++;
}

static void scan_conf(struct conf **c, unsigned *n, const char *dir)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	unsigned nn = 0;
	if (stat(dir, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		add_conf(c, n, dir);	/* -C FILE */
		return;
	}
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && str_end(e->d_name, ".conf"))
			add_names(&names, &nn, xstrdup(e->d_name));
	closedir(d);
	for (unsigned i = 0; i < nn; i++) {
		char *p = path_join(dir, names[i]);
		add_conf(c, n, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

static const char *const conf_dirs[] = {
	"/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d", "/lib/modprobe.d",
};

int modtree_load(struct modtree *t, int flags, const char *confpath)
{
	size_t len;
	char *buf;
	const char *text;
	if ((text = map_file(t, "modules.dep", flags & MT_DEP)))
		dep_text(t, text);
	else if (flags & MT_DEP)
		return -1;
	if ((buf = slurp(t->dir, "modules.builtin", &len, 0)))
		modtree_parse_builtin(t, buf);
	if (flags & MT_CONF) {
		struct conf *c = NULL;
		unsigned n = 0;
		char *softdep = path_join(t->dir, "modules.softdep");
		if (confpath)
			scan_conf(&c, &n, confpath);
		else
			for (unsigned i = 0; i < ARRAY_SIZE(conf_dirs); i++)
				scan_conf(&c, &n, conf_dirs[i]);
		if (!access(softdep, R_OK))
			add_conf(&c, &n, softdep);
		free(softdep);
		qsort(c, n, sizeof(*c), conf_cmp);
		for (unsigned i = 0; i < n; i++) {
			if ((buf = slurp(c[i].path, NULL, &len, 0)))
				modtree_parse_conf(t, buf);
			free(c[i].path);
		}
		free(c);
		/* after the files: kmod appends these options to theirs */
		if ((buf = slurp("/proc/cmdline", NULL, &len, 0)))
			modtree_parse_cmdline(t, buf);
	}
	return 0;
}

/* modules.alias and modules.builtin.modinfo are only needed when a name is
 * not a module name, so they are read on first use. */
static void load_aliases(struct modtree *t)
{
	if (t->alias_read)
		return;
	t->alias_read = 1;
	t->alias_text = map_file(t, "modules.alias", 0);
}

static void load_builtin_aliases(struct modtree *t)
{
	size_t len;
	char *buf;
	if (t->balias_read)
		return;
	t->balias_read = 1;
	if ((buf = slurp(t->dir, "modules.builtin.modinfo", &len, 0)))
		modtree_parse_builtin_modinfo(t, buf, len);
}

static void add_result(struct mod ***out, unsigned *n, struct mod *m)
{
	for (unsigned i = 0; i < *n; i++)
		if ((*out)[i] == m)
			return;
	*out = xrealloc(*out, (*n + 2) * sizeof(**out));
	(*out)[(*n)++] = m;
	(*out)[*n] = NULL;
}

/* Does the literal start of pattern p (up to its first wildcard) fit q?
 * Most of the 25000 aliases of a distribution kernel fail here, which
 * spares fnmatch. */
static int prefix_fits(const char *p, const char *q)
{
	for (;; p++, q++) {
		switch (*p) {
		case 0: case '*': case '?': case '[': case '\\':
			return 1;
		}
		if (*p != *q)
			return 0;
	}
}

/* modules.alias without parsing it: 25000 lines, of which a query needs
 * the few whose literal start fits; only those are cut out and matched. */
static unsigned match_text(struct modtree *t, const char *text, const char *q, struct mod ***out)
{
	unsigned n = 0;
	const char *p = text;
	while (p && *p) {
		const char *line = p, *nl = strchr(p, '\n'), *pat, *e, *mod, *me;
		p = nl ? nl + 1 : NULL;
		while (blank(*line))
			line++;
		if (strncmp(line, "alias", 5) || !blank(line[5]))
			continue;
		for (pat = line + 5; blank(*pat); pat++)
			;
		/* the literal start, read with '-' as '_' like the query */
		for (e = pat; ; e++) {
			char c = *e == '-' ? '_' : *e;
			if (!c || c == '\n' || blank(c) || c == '*' || c == '?' || c == '[' || c == '\\')
				break;
			if (c != q[e - pat])
				break;
		}
		if (*e && *e != '\n' && !blank(*e) && *e != '*' && *e != '?' && *e != '[' && *e != '\\')
			continue;	/* a literal character that differs */
		while (*e && *e != '\n' && !blank(*e))
			e++;
		for (mod = e; blank(*mod); mod++)
			;
		for (me = mod; *me && *me != '\n' && !blank(*me); me++)
			;
		if (me == mod)
			continue;
		char *pattern = xstrndup(pat, (size_t)(e - pat)), *name = xstrndup(mod, (size_t)(me - mod));
		mod_normalise(pattern);
		mod_normalise(name);
		if (!fnmatch(pattern, q, 0))
			add_result(out, &n, mod_get(t, name));
		free(pattern);
		free(name);
	}
	return n;
}

static unsigned match(struct modtree *t, const struct modalias *a, unsigned na,
		      const char *q, struct mod ***out)
{
	unsigned n = 0;
	for (unsigned i = 0; i < na; i++)
		if (prefix_fits(a[i].pattern, q) && !fnmatch(a[i].pattern, q, 0))
			add_result(out, &n, mod_get(t, a[i].module));
	return n;
}

unsigned modtree_lookup(struct modtree *t, const char *query, struct mod ***out, int *by_alias)
{
	char *q = xstrdup(query);
	struct mod *m;
	unsigned n = 0;

	*out = NULL;
	*by_alias = 1;
	mod_normalise(q);
	if ((n = match(t, t->calias, t->ncalias, q, out)))
		goto done;
	*by_alias = 0;
	m = mod_find(t, q);
	if (m && (m->path || m->install || m->remove)) {
		add_result(out, &n, m);
		goto done;
	}
	*by_alias = 1;
	load_aliases(t);
	if (t->alias_text && (n = match_text(t, t->alias_text, q, out)))
		goto done;
	*by_alias = 0;
	if (m && m->builtin) {
		add_result(out, &n, m);
		goto done;
	}
	*by_alias = 1;
	load_builtin_aliases(t);
	n = match(t, t->balias, t->nbalias, q, out);
done:
	free(q);
	return n;
}

char *mod_file(struct modtree *t, const struct mod *m)
{
	return m->path[0] == '/' ? xstrdup(m->path) : path_join(t->dir, m->path);
}
