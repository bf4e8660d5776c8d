/* modules.h - the kernel module tree, shared by modprobe, modinfo, depmod,
 * rmmod and lspci -k: modules.dep, modules.alias, modules.softdep,
 * modules.builtin(.modinfo), the modprobe.d configuration and the kernel
 * command line, and one lookup that resolves a name or alias the way kmod
 * does.  Loading lives in core/modload.c, behind the same header. */
#ifndef PXEBOX_MODULES_H
#define PXEBOX_MODULES_H
#include "pxebox.h"

#define MODULES_DIR "/lib/modules"

struct mod {
	char *name;		/* normalised: '-' becomes '_' */
	char *path;		/* modules.dep path: relative to the tree or absolute */
	struct mod **dep;	/* every module it needs, in modules.dep order: */
	unsigned ndep;		/* valid after mod_deps() */
	char *deptext;		/* the unparsed rest of its modules.dep line */
	char *options;		/* kernel command line and "options" lines, joined */
	char *install, *remove;	/* modprobe.d commands, run by /bin/sh -c */
	char **pre, **post;	/* softdep names, resolved at probe time */
	unsigned npre, npost;
	unsigned depline:1, builtin:1, blacklisted:1, softdep:1, visited:1, required:1, ignorecmd:1;
	unsigned depsought:1;	/* its modules.dep line was looked up */
	struct mod *hnext;
};

struct modalias {
	char *pattern;		/* normalised fnmatch pattern */
	char *module;		/* normalised module name */
};

struct modtree {
	char *dir;		/* BASE/lib/modules/VERSION */
	struct mod **hash;
	unsigned hsize, nmods;
	const char *alias_text;	/* modules.alias, scanned (not parsed) per lookup */
	const char *dep_text;	/* modules.dep, its lines found by name on demand */
	unsigned *dep_index;	/* line offset + 1 by name hash, open addressing */
	unsigned dep_isize;
	struct { void *p; size_t len; } maps[2];	/* files mapped, not read */
	unsigned nmaps;
	struct modalias *calias, *balias;	/* modprobe.d, built-in */
	unsigned ncalias, nbalias;
	unsigned alias_read:1, balias_read:1;	/* read lazily, once */
	char **bufs;		/* file contents the strings above point into */
	unsigned nbufs;
	struct arena *arena;	/* where the struct mods live */
};

/* Turn '-' into '_' (not inside [...] of a pattern), as kmod does for
 * names and aliases, so "crc32c-intel" and "crc32c_intel" are one module. */
void mod_normalise(char *s);

/* dir is the BASE/lib/modules/VERSION directory; nothing is read yet. */
struct modtree *modtree_new(const char *dir);
void modtree_free(struct modtree *t);

/* Read the tree's index files.  MT_DEP: modules.dep is required (a missing
 * one is an error naming depmod); the others are read when present. */
#define MT_DEP		1	/* modules.dep must exist */
#define MT_CONF		2	/* also /etc,/run,/lib/modprobe.d and /proc/cmdline */
int modtree_load(struct modtree *t, int flags, const char *confpath);

/* The parsers, on a NUL-terminated buffer that the tree takes over (the
 * strings point into it) and modifies.  Bad lines are skipped.  One
 * modules.dep per tree: its lines are indexed by name on first use and a
 * module's line copied out when mod_find/mod_get first meets the name. */
void modtree_parse_dep(struct modtree *t, char *buf);
void modtree_parse_alias(struct modtree *t, char *buf);	/* modules.alias (kept as text) */
void modtree_parse_conf(struct modtree *t, char *buf);		/* modprobe.d, modules.softdep */
void modtree_parse_builtin(struct modtree *t, char *buf);	/* modules.builtin */
void modtree_parse_builtin_modinfo(struct modtree *t, char *buf, size_t len);
void modtree_parse_cmdline(struct modtree *t, char *buf);	/* /proc/cmdline */

/* The modules m needs (m->dep, m->ndep), parsed from modules.dep on first
 * use: a lookup needs a handful of the 4000 lines.  Returns m->ndep. */
unsigned mod_deps(struct modtree *t, struct mod *m);

struct mod *mod_find(struct modtree *t, const char *name);	/* normalised name */
struct mod *mod_get(struct modtree *t, const char *name);	/* created if missing */

/* Resolve a module name or alias in kmod's order: modprobe.d aliases, the
 * module names of modules.dep, install/remove commands, modules.alias, the
 * built-in modules, the built-in aliases.  Fills *out (malloc'd, NULL-ended,
 * no duplicates) and returns the count; *by_alias tells whether the answer
 * came from an alias (where "blacklist" applies). */
unsigned modtree_lookup(struct modtree *t, const char *query, struct mod ***out, int *by_alias);

/* Full path of a module file ("dir/path" unless the path is absolute). */
char *mod_file(struct modtree *t, const struct mod *m);

/* ---- core/modload.c: the kernel side ------------------------------------ */

/* Load a module file with params ("" for none).  Plain .ko: finit_module,
 * falling back to init_module; .ko.gz: inflated here, then init_module;
 * .ko.xz/.ko.zst: finit_module(MODULE_INIT_COMPRESSED_FILE) when
 * /sys/module/compression names the format.  0, or -1 with errno set; when
 * errno is ENOPKG a message was already printed (the kernel or this build
 * cannot take the format, or the file could not be read). */
int module_insert(const char *path, const char *params);
/* Whole module file in memory, gzip inflated; NULL with a warning. */
char *module_read(const char *path, size_t *len);
/* 1 if NAME is loaded ("live" or coming/going), per /sys/module. */
int module_loaded(const char *name);
/* Its reference count, or -1 when unknown. */
int module_refcnt(const char *name);

#endif
