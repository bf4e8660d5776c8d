/* modinfo - show the information a kernel module carries */
//menu:Kernel modules
//config:config MODINFO
//config:	bool "modinfo"
//config:	default y
//config:	help
//config:	  Print the .modinfo fields of a module file, or of a module found
//config:	  by name or alias in /lib/modules/VERSION (built-in ones too),
//config:	  in kmod's format.
//applet:modinfo MODINFO modinfo_main "<1F(field):0(null)k(set-version):b(basedir):a(author)d(description)l(license)p(parameters)n(filename)"
//usage:modinfo [-0adlnp] [-F FIELD] [-k VERSION] [-b BASEDIR] MODULE...
//usage:
//usage:Show the fields of each MODULE: a .ko file (also .ko.gz), or a module
//usage:name or alias looked up in BASEDIR/lib/modules/VERSION.
//usage:	-F FIELD	only FIELD's values (alias, depends, license, parm, ...)
//usage:	-a -d -l -p -n	-F author, description, license, parm, filename
//usage:	-0		end each entry with a NUL byte, not a newline
//usage:	-k VERSION	kernel version (default: uname -r)
//usage:	-b BASEDIR	root directory of the module tree
//usage:A signed module's signature is shown as sig_id, signer, sig_key,
//usage:sig_hashalgo and signature (not verified).
#include "pxebox.h"
#include "elfmod.h"
#include "modules.h"
#include <sys/utsname.h>

struct parm {
	char *name, *desc, *type;
	struct parm *next;
};

static const char *field;
static char sep;

/* parm and parmtype entries are collected and shown at the end, newest
 * first, as kmod shows them */
static void add_parm(struct parm **list, const char *key, const char *val)
{
	const char *colon = strchr(val, ':');
	size_t n = colon ? (size_t)(colon - val) : strlen(val);
	struct parm *p;
	for (p = *list; p; p = p->next)
		if (strlen(p->name) == n && !memcmp(p->name, val, n))
			break;
	if (!p) {
		p = xzalloc(sizeof(*p));
		p->name = xstrndup(val, n);
		p->next = *list;
		*list = p;
	}
	if (!strcmp(key, "parm") && !p->desc)
		p->desc = xstrdup(colon ? colon + 1 : "");
	else if (!strcmp(key, "parmtype") && !p->type)
		p->type = xstrdup(colon ? colon + 1 : "");
}

static void show_parms(struct parm *list)
{
	const char *lead = field ? "" : "parm:           ";
	while (list) {
		struct parm *next = list->next;
		if (list->desc && list->type)
			printf("%s%s:%s (%s)%c", lead, list->name, list->desc, list->type, sep);
		else if (list->desc)
			printf("%s%s:%s%c", lead, list->name, list->desc, sep);
		else
			printf("%s%s:%s%c", lead, list->name, list->type, sep);	/* sic, as kmod */
		free(list->name);
		free(list->desc);
		free(list->type);
		free(list);
		list = next;
	}
}

/* One key=value entry; parms are kept for later. */
static void show(const char *key, const char *val, struct parm **parms)
{
	if (field) {
		if (!strcmp(field, "parm") && (!strcmp(key, "parm") || !strcmp(key, "parmtype")))
			add_parm(parms, key, val);
		else if (!strcmp(field, key))
			printf("%s%c", val, sep);
		return;
	}
	if (!strcmp(key, "parm") || !strcmp(key, "parmtype"))
		add_parm(parms, key, val);
	else if (!sep)
		printf("%s=%s%c", key, val, sep);
	else
		printf("%s:%*s%s%c", key, strlen(key) < 15 ? (int)(15 - strlen(key)) : 0, "", val, sep);
}

static void show_filename(const char *file)
{
	if (!field)
		printf("%-16s%s%c", "filename:", file, sep);
	else if (!strcmp(field, "filename"))
		printf("%s%c", file, sep);
}

/* kmod's hex: "AB:CD:...", a line break and two tabs after every 20 bytes */
static char *hex(const unsigned char *b, size_t n)
{
	char *s = xmalloc(n * 6 + 1), *p = s;
	*p = 0;
	for (size_t i = 0; i < n; i++) {
		p += sprintf(p, "%02X", b[i]);
		if (i + 1 < n)
			p += sprintf(p, (i + 1) % 20 ? ":" : ":\n\t\t");
	}
	return s;
}

static void show_signature(const char *buf, size_t len, struct parm **parms)
{
	struct modsig s;
	char *v;
	if (!mod_signature(buf, len, &s))
		return;
	show("sig_id", s.id, parms);
	v = s.signer ? xstrndup((const char *)s.signer, s.signer_len) : xstrdup("");	/* no CN */
	show("signer", v, parms);
	free(v);
	v = hex(s.key, s.key_len);
	show("sig_key", v, parms);
	free(v);
	show("sig_hashalgo", s.hash, parms);
	v = hex(s.sig, s.sig_len);
	show("signature", v, parms);
	free(v);
}

static int show_file(const char *file)
{
	const char *info, *why;
	size_t len, ilen, off = 0;
	char *buf = module_read(file, &len), *key, *val;
	struct parm *parms = NULL;
	if (!buf)
		return -1;
	if (elf_modinfo(buf, len, &info, &ilen, &why)) {
		warn("%s: %s", file, why);
		free(buf);
		return -1;
	}
	show_filename(file);
	while ((key = modinfo_next(info, ilen, &off, &val))) {
		show(key, val, &parms);
		free(key);
	}
	show_signature(buf, len, &parms);
	show_parms(parms);
	free(buf);
	return 0;
}

/* A built-in module: its entries are "NAME.key=value" strings in
 * modules.builtin.modinfo. */
static int show_builtin(struct modtree *t, const char *name)
{
	char *path = path_join(t->dir, "modules.builtin.modinfo"), *buf;
	size_t len, off = 0, nl = strlen(name);
	struct parm *parms = NULL;
	buf = read_file(path, &len);
	if (!buf) {
		pwarn("%s", path);
		free(path);
		return -1;
	}
	if (!field)
		printf("%-16s%s%c", "name:", name, sep);
	show_filename("(builtin)");
	while (off < len) {
		char *s = buf + off, *eq;
		off += strlen(s) + 1;
		if (strncmp(s, name, nl) || s[nl] != '.' || !(eq = strchr(s + nl + 1, '=')))
			continue;
		*eq = 0;
		show(s + nl + 1, eq + 1, &parms);
	}
	show_parms(parms);
	free(buf);
	free(path);
	return 0;
}

static int is_file_arg(const char *a)
{
	struct stat st;
	return (strchr(a, '/') || str_end(a, ".ko") || str_end(a, ".ko.gz") ||
		str_end(a, ".ko.xz") || str_end(a, ".ko.zst")) && !stat(a, &st) && S_ISREG(st.st_mode);
}

int modinfo_main(int argc, char **argv)
{
	struct modtree *t = NULL;
	struct utsname u;
	int rc = 0;

	sep = opt('0') ? 0 : '\n';
	field = optstr('F');
	if (opt('a'))
		field = "author";
	if (opt('d'))
		field = "description";
	if (opt('l'))
		field = "license";
	if (opt('p'))
		field = "parm";
	if (opt('n'))
		field = "filename";
	for (int i = 1; i < argc; i++) {
		struct mod **list;
		unsigned n;
		int by_alias;
		if (is_file_arg(argv[i])) {
			char cwd[PATH_MAX], *abs;
			/* an absolute name, as kmod prints it (not canonicalised) */
			if (argv[i][0] != '/' && getcwd(cwd, sizeof(cwd)))
				abs = path_join(cwd, argv[i]);
			else
				abs = xstrdup(argv[i]);
			rc |= show_file(abs);
			free(abs);
			continue;
		}
		if (!t) {
			const char *ver = optstr('k');
			char *dir;
			if (!ver) {
				if (uname(&u))
					pdie("uname");
				ver = u.release;
			}
			dir = xasprintf("%s" MODULES_DIR "/%s", optstr('b') ? optstr('b') : "", ver);
			t = modtree_new(dir);
			free(dir);
			modtree_load(t, 0, NULL);
		}
		if (strchr(argv[i], '/') || !(n = modtree_lookup(t, argv[i], &list, &by_alias))) {
			warn("module %s not found", argv[i]);
			rc = -1;
			continue;
		}
		for (unsigned j = 0; j < n; j++) {
			if (list[j]->path) {
				char *file = mod_file(t, list[j]);
				rc |= show_file(file);
				free(file);
			} else if (list[j]->builtin)
				rc |= show_builtin(t, list[j]->name);
			else {
				warn("module %s not found", list[j]->name);
				rc = -1;
			}
		}
		free(list);
	}
	modtree_free(t);
	return rc ? 1 : px.exitcode;
}
