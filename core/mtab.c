/* mtab.c - fstab and /proc/mounts tables, and mount(8) option strings. */
#include "pxebox.h"
#include "mtab.h"

/* The kernel writes space, tab, newline and backslash in mount tables as
 * \ooo; fstab uses the same escapes.  Decode in place. */
static void unescape(char *s)
{
	char *d = s;
	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			char c = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
			if (!c)	/* a NUL would cut the field short: keep it escaped */
				c = '?';
			*d++ = c;
		} else
			*d++ = *s++;
	}
	*d = 0;
}

static char *next_field(char **p)
{
	char *s = *p, *start;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return *p = s, NULL;
	start = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	if (*s)
		*s++ = 0;
	*p = s;
	return start;
}

static int small_num(const char *s, int *v)
{
	long n = 0;
	if (!s) {
		*v = 0;
		return 0;
	}
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || n > 100000)
			return -1;
		n = n * 10 + (*s - '0');
	}
	*v = (int)n;
	return 0;
}

int mtab_split(char *line, struct mtab_ent *e)
{
	char *p = line, *f[6];
	int i;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return 0;
	for (i = 0; i < 6; i++)
		f[i] = next_field(&p);
	if (!f[1] || next_field(&p))
		return -1;
	for (i = 0; i < 4; i++)
		if (f[i])
			unescape(f[i]);
	e->src = f[0];
	e->dir = f[1];
	e->type = f[2] ? f[2] : "auto";
	e->opts = f[3] ? f[3] : "defaults";
	if (small_num(f[4], &e->freq) || small_num(f[5], &e->passno))
		return -1;
	return 1;
}

int mtab_load(struct mtab *t, const char *path)
{
	size_t len, cap = 0, lineno = 0;
	char *p, *end;
	t->e = NULL;
	t->n = 0;
	t->buf = read_file(path, &len);
	if (!t->buf)
		return -1;
	for (p = t->buf, end = p + len; p < end; p++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		struct mtab_ent e;
		int r;
		if (nl)
			*nl = 0;
		lineno++;
		r = strlen(p) == (size_t)((nl ? nl : end) - p) ? mtab_split(p, &e) : -1;
		if (r < 0)
			warn("%s:%zu: bad line", path, lineno);
		if (r > 0) {
			if (t->n == cap)
				t->e = xrealloc(t->e, (cap = cap ? cap * 2 : 32) * sizeof(*t->e));
			t->e[t->n++] = e;
		}
		if (!nl)
			break;
		p = nl;
	}
	return 0;
}

void mtab_free(struct mtab *t)
{
	free(t->e);
	free(t->buf);
	t->e = NULL;
	t->buf = NULL;
	t->n = 0;
}

int mtab_type_match(const char *type, const char *list)
{
	int want_some = 0, hit = 0;
	const char *p = list;
	if (!list || !*list)
		return 1;
	while (*p) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		int neg = len > 2 && !strncmp(p, "no", 2);
		const char *name = neg ? p + 2 : p;
		size_t nlen = neg ? len - 2 : len;
		if (strlen(type) == nlen && !strncmp(type, name, nlen)) {
			if (neg)
				return 0;
			hit = 1;
		}
		if (!neg)
			want_some = 1;
		p += len + (c != NULL);
	}
	return hit || !want_some;
}

char *mtab_opt_value(const char *opts, const char *key)
{
	size_t klen = strlen(key);
	const char *p = opts;
	while (p && *p) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		if (len >= klen && !strncmp(p, key, klen)) {
			if (len == klen)
				return xstrdup("");
			if (p[klen] == '=')
				return xstrndup(p + klen + 1, len - klen - 1);
		}
		p = c ? c + 1 : NULL;
	}
	return NULL;
}

/* ---- option strings ----------------------------------------------------- */

enum { K_FLAG, K_PROP, K_USER };

static const struct mopt {
	const char *name;
	unsigned char kind;
	unsigned long set, clear;
} mopts[] = {
	{ "defaults", K_FLAG, 0, 0 },
	{ "ro", K_FLAG, MS_RDONLY, 0 },
	{ "rw", K_FLAG, 0, MS_RDONLY },
	{ "nosuid", K_FLAG, MS_NOSUID, 0 },
	{ "suid", K_FLAG, 0, MS_NOSUID },
	{ "nodev", K_FLAG, MS_NODEV, 0 },
	{ "dev", K_FLAG, 0, MS_NODEV },
	{ "noexec", K_FLAG, MS_NOEXEC, 0 },
	{ "exec", K_FLAG, 0, MS_NOEXEC },
	{ "sync", K_FLAG, MS_SYNCHRONOUS, 0 },
	{ "async", K_FLAG, 0, MS_SYNCHRONOUS },
	{ "dirsync", K_FLAG, MS_DIRSYNC, 0 },
	{ "mand", K_FLAG, MS_MANDLOCK, 0 },
	{ "nomand", K_FLAG, 0, MS_MANDLOCK },
	/* the atime modes exclude each other */
	{ "noatime", K_FLAG, MS_NOATIME, MS_RELATIME | MS_STRICTATIME },
	{ "atime", K_FLAG, 0, MS_NOATIME },
	{ "relatime", K_FLAG, MS_RELATIME, MS_NOATIME | MS_STRICTATIME },
	{ "norelatime", K_FLAG, 0, MS_RELATIME },
	{ "strictatime", K_FLAG, MS_STRICTATIME, MS_NOATIME | MS_RELATIME },
	{ "nostrictatime", K_FLAG, 0, MS_STRICTATIME },
	{ "nodiratime", K_FLAG, MS_NODIRATIME, 0 },
	{ "diratime", K_FLAG, 0, MS_NODIRATIME },
	{ "lazytime", K_FLAG, MS_LAZYTIME, 0 },
	{ "nolazytime", K_FLAG, 0, MS_LAZYTIME },
	{ "iversion", K_FLAG, MS_I_VERSION, 0 },
	{ "noiversion", K_FLAG, 0, MS_I_VERSION },
	{ "nosymfollow", K_FLAG, MS_NOSYMFOLLOW, 0 },
	{ "symfollow", K_FLAG, 0, MS_NOSYMFOLLOW },
	{ "silent", K_FLAG, MS_SILENT, 0 },
	{ "loud", K_FLAG, 0, MS_SILENT },
	{ "remount", K_FLAG, MS_REMOUNT, 0 },
	{ "bind", K_FLAG, MS_BIND, 0 },
	{ "rbind", K_FLAG, MS_BIND | MS_REC, 0 },
	{ "move", K_FLAG, MS_MOVE, 0 },
	{ "shared", K_PROP, MS_SHARED, 0 },
	{ "rshared", K_PROP, MS_SHARED | MS_REC, 0 },
	{ "slave", K_PROP, MS_SLAVE, 0 },
	{ "rslave", K_PROP, MS_SLAVE | MS_REC, 0 },
	{ "private", K_PROP, MS_PRIVATE, 0 },
	{ "rprivate", K_PROP, MS_PRIVATE | MS_REC, 0 },
	{ "unbindable", K_PROP, MS_UNBINDABLE, 0 },
	{ "runbindable", K_PROP, MS_UNBINDABLE | MS_REC, 0 },
	{ "noauto", K_USER, MO_NOAUTO, 0 },
	{ "auto", K_USER, 0, MO_NOAUTO },
	{ "nofail", K_USER, MO_NOFAIL, 0 },
	{ "_netdev", K_USER, MO_NETDEV, 0 },
	{ "loop", K_USER, MO_LOOP, 0 },
	/* permission hints for a setuid mount(8); pxebox mount is not setuid */
	{ "user", K_USER, 0, 0 },
	{ "nouser", K_USER, 0, 0 },
	{ "users", K_USER, 0, 0 },
	{ "owner", K_USER, 0, 0 },
	{ "group", K_USER, 0, 0 },
};

static void add_data(struct mount_opts *o, const char *s, size_t len)
{
	size_t old = o->data ? strlen(o->data) : 0;
	o->data = xrealloc(o->data, old + len + 2);
	if (old)
		o->data[old++] = ',';
	memcpy(o->data + old, s, len);
	o->data[old + len] = 0;
}

static int opt_num(const char *s, size_t len, unsigned long long *v, const char *what)
{
	char buf[32], *end;
	if (!len || len >= sizeof(buf) || !isdigit((unsigned char)*s))
		goto bad;
	memcpy(buf, s, len);
	buf[len] = 0;
	errno = 0;
	/* decimal or 0x hex; a leading 0 is not octal here */
	*v = strtoull(buf, &end, str_start(buf, "0x") ? 16 : 10);
	if (!*end && !errno)
		return 0;
bad:
	warn("invalid %s value '%.*s'", what, (int)(len > 64 ? 64 : len), s);
	return -1;
}

int mount_opts_parse(struct mount_opts *o, const char *s)
{
	while (s && *s) {
		const char *c = strchr(s, ',');
		size_t len = c ? (size_t)(c - s) : strlen(s), i;
		for (i = 0; i < ARRAY_SIZE(mopts); i++)
			if (strlen(mopts[i].name) == len && !strncmp(s, mopts[i].name, len))
				break;
		if (i < ARRAY_SIZE(mopts)) {
			const struct mopt *m = &mopts[i];
			if (m->kind == K_FLAG)
				o->flags = (o->flags & ~m->clear) | m->set;
			else if (m->kind == K_PROP)
				o->prop = m->set;	/* one propagation type at a time */
			else
				o->user = (o->user & ~(unsigned)m->clear) | (unsigned)m->set;
		} else if (len > 5 && !strncmp(s, "loop=", 5)) {
			o->user |= MO_LOOP;
			free(o->loopdev);
			o->loopdev = xstrndup(s + 5, len - 5);
		} else if (len > 7 && !strncmp(s, "offset=", 7)) {
			if (opt_num(s + 7, len - 7, &o->offset, "offset"))
				return -1;
		} else if (len > 10 && !strncmp(s, "sizelimit=", 10)) {
			if (opt_num(s + 10, len - 10, &o->sizelimit, "sizelimit"))
				return -1;
		} else if (len && !(len > 2 && !strncmp(s, "x-", 2)) &&
			   !(len >= 8 && !strncmp(s, "comment=", 8))) {
			/* x-* and comment= are notes for other tools; the rest
			 * belongs to the filesystem */
			add_data(o, s, len);
		}
		s = c ? c + 1 : NULL;
	}
	return 0;
}

void mount_opts_free(struct mount_opts *o)
{
	free(o->data);
	free(o->loopdev);
	memset(o, 0, sizeof(*o));
}

static const struct { unsigned long bit; const char *name; } msnames[] = {
	{ MS_RDONLY, "MS_RDONLY" }, { MS_NOSUID, "MS_NOSUID" }, { MS_NODEV, "MS_NODEV" },
	{ MS_NOEXEC, "MS_NOEXEC" }, { MS_SYNCHRONOUS, "MS_SYNCHRONOUS" },
	{ MS_REMOUNT, "MS_REMOUNT" }, { MS_MANDLOCK, "MS_MANDLOCK" },
	{ MS_DIRSYNC, "MS_DIRSYNC" }, { MS_NOSYMFOLLOW, "MS_NOSYMFOLLOW" },
	{ MS_NOATIME, "MS_NOATIME" }, { MS_NODIRATIME, "MS_NODIRATIME" },
	{ MS_BIND, "MS_BIND" }, { MS_MOVE, "MS_MOVE" }, { MS_REC, "MS_REC" },
	{ MS_SILENT, "MS_SILENT" }, { MS_UNBINDABLE, "MS_UNBINDABLE" },
	{ MS_PRIVATE, "MS_PRIVATE" }, { MS_SLAVE, "MS_SLAVE" }, { MS_SHARED, "MS_SHARED" },
	{ MS_RELATIME, "MS_RELATIME" }, { MS_I_VERSION, "MS_I_VERSION" },
	{ MS_STRICTATIME, "MS_STRICTATIME" }, { MS_LAZYTIME, "MS_LAZYTIME" },
};

const char *mount_flags_name(unsigned long flags)
{
	static char buf[400];
	size_t n = 0, i;
	buf[0] = 0;
	for (i = 0; i < ARRAY_SIZE(msnames); i++)
		if (flags & msnames[i].bit) {
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "|" : "", msnames[i].name);
			flags &= ~msnames[i].bit;
		}
	if (flags)
		snprintf(buf + n, sizeof(buf) - n, "%s%#lx", n ? "|" : "", flags);
	else if (!n)
		strcpy(buf, "0");
	return buf;
}

char *mount_flags_opts(unsigned long flags)
{
	char *s = xstrdup("");
	size_t i;
	for (i = 0; i < ARRAY_SIZE(mopts); i++) {
		const struct mopt *m = &mopts[i];
		/* only the options that set a plain per-mount bit */
		if (m->kind != K_FLAG || !m->set || (m->set & (MS_REMOUNT | MS_BIND | MS_MOVE | MS_REC)))
			continue;
		if ((flags & m->set) == m->set) {
			char *t = xasprintf("%s%s%s", s, *s ? "," : "", m->name);
			free(s);
			s = t;
		}
	}
	return s;
}
