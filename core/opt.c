/* opt.c - the one option parser.  The spec grammar is described in pxebox.h.
 * Results live in a table indexed by the option's key character, so applets
 * ask opt('v') instead of keeping their own bit masks. */
#include "pxebox.h"

struct optval {
	unsigned short n;	/* times seen */
	unsigned short listn;
	const char *arg;
	char **list;
};
static struct optval ov[128];
static char *nolist[1];

/* Every option in command-line order, for the applets where the order of
 * different options matters (mount -r -w: the last one wins). */
struct seen {
	unsigned char key;
	const char *arg;
};
static struct seen *seen;
static unsigned nseen;

int opt(int key) { return ov[key & 127].n; }
const char *optstr(int key) { return ov[key & 127].arg; }
char **optlist(int key) { return ov[key & 127].list ? ov[key & 127].list : nolist; }
unsigned optcount(int key) { return ov[key & 127].listn; }

/* '#' arguments are decimal, as in getopt-based tools: "010" is ten */
static int decimal(const char *s, long *v)
{
	char *end;
	errno = 0;
	*v = strtol(s, &end, 10);
	return end != s && !*end && errno != ERANGE;
}

long optnum(int key, long dflt)
{
	const char *s = ov[key & 127].arg;
	long v;
	if (!s)
		return dflt;
	if (!decimal(s, &v))
		die("invalid number '%s'", s);	/* a ':' option the applet reads as a number */
	return v;
}

int opt_next(unsigned *pos, const char **arg)
{
	if (*pos >= nseen)
		return 0;
	if (arg)
		*arg = seen[*pos].arg;
	return seen[(*pos)++].key;
}

/* One parsed spec entry. */
struct ent {
	unsigned char key;
	char kind;		/* 0 flag, ':' string, '*' list, '#' number, '?' optional */
	const char *longs;	/* points at "(a)(b)..." or NULL */
};

/* Walk the spec; fills e[] and returns the count. */
static int spec_entries(const char *s, struct ent *e, int max)
{
	int n = 0;
	while (*s && n < max) {
		e[n].key = (unsigned char)*s++;
		/* "s:(suffix)" is read as "s(suffix):", the order some specs use */
		e[n].kind = (*s && strchr(":*#?", *s) && s[1] == '(') ? *s++ : 0;
		e[n].longs = *s == '(' ? s : NULL;
		while (*s == '(') {
			s = strchr(s, ')');
			if (!s)
				die("bad option spec");
			s++;
		}
		if (!e[n].kind && *s && strchr(":*#?", *s))
			e[n].kind = *s++;
		n++;
	}
	return n;
}

/* Does "--name" (len bytes) match one of e's long names?  2 exact, 1 prefix. */
static int long_match(const struct ent *e, const char *name, size_t len)
{
	const char *p = e->longs;
	int best = 0;
	while (p && *p == '(') {
		const char *end = strchr(p, ')');
		size_t l = (size_t)(end - p - 1);
		if (l == len && !memcmp(p + 1, name, len))
			return 2;
		if (l > len && !memcmp(p + 1, name, len))
			best = 1;
		p = end + 1;
	}
	return best;
}

static void store(const struct ent *e, const char *arg)
{
	struct optval *v = &ov[e->key & 127];
	long num;
	if (e->kind == '#' && arg && !decimal(arg, &num)) {
		/* a usage error: exits with the spec's %N (grep: 2) */
		warn("invalid number '%s'", arg);
		usage_die();
	}
	if (v->n < 65535)
		v->n++;
	seen = xrealloc(seen, (nseen + 1) * sizeof(*seen));
	seen[nseen++] = (struct seen){ e->key, e->kind ? arg : NULL };
	if (!e->kind || !arg)
		return;
	v->arg = arg;
	if (e->kind == '*') {
		v->list = xrealloc(v->list, (v->listn + 2) * sizeof(char *));
		v->list[v->listn++] = (char *)arg;
		v->list[v->listn] = NULL;
	}
}

static const char *long_name(const struct ent *e, char buf[64])
{
	if (e->longs) {
		const char *end = strchr(e->longs, ')');
		snprintf(buf, 64, "--%.*s", (int)(end - e->longs - 1), e->longs + 1);
	} else
		snprintf(buf, 64, "-%c", e->key);
	return buf;
}

int opt_parse(const char *spec, int argc, char **argv)
{
	struct ent e[64];
	int n, i, out = 1, stop_first = 0, dashdash = 0;
	long minargs = 0, maxargs = -1;
	char buf[64];

	for (i = 0; i < 128; i++) {
		free(ov[i].list);
		ov[i] = (struct optval){ 0 };
	}
	nseen = 0;
	px.usage_code = 1;
	if (*spec == '%')
		px.usage_code = *++spec - '0', spec++;
	if (*spec == '^')
		stop_first = 1, spec++;
	while (*spec == '<' || *spec == '>') {
		char *end;
		long v = strtol(spec + 1, &end, 10);
		if (*spec == '<')
			minargs = v;
		else
			maxargs = v;
		spec = end;
	}
	n = spec_entries(spec, e, ARRAY_SIZE(e));

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		if (dashdash || a[0] != '-' || !a[1]) {
			argv[out++] = a;
			if (stop_first)
				dashdash = 1;
			continue;
		}
		if (!strcmp(a, "--")) {
			dashdash = 1;
			continue;
		}
		if (a[1] == '-') {
			/* --long[=value]; a unique prefix is accepted, as getopt_long does */
			char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int k, hit = -1, hits = 0;
			for (k = 0; k < n; k++) {
				int m = long_match(&e[k], name, len);
				if (m == 2) {
					hit = k, hits = 1;
					break;
				}
				if (m == 1)
					hit = k, hits++;
			}
			if (hits != 1) {
				warn(hits ? "option '%s' is ambiguous" : "unrecognized option '%s'", a);
				usage_die();
			}
			if (!e[hit].kind) {
				if (eq) {
					warn("option '%s' takes no argument", long_name(&e[hit], buf));
					usage_die();
				}
				store(&e[hit], NULL);
			} else if (eq)
				store(&e[hit], eq + 1);
			else if (e[hit].kind == '?')
				store(&e[hit], NULL);
			else if (i + 1 < argc)
				store(&e[hit], argv[++i]);
			else {
				warn("option '%s' needs an argument", long_name(&e[hit], buf));
				usage_die();
			}
			continue;
		}
		/* a cluster of short options: -knm, -fFILE, -f FILE */
		for (char *c = a + 1; *c; c++) {
			int k;
			for (k = 0; k < n; k++)
				if (e[k].key == (unsigned char)*c && e[k].key >= ' ')
					break;
			if (k == n) {
				warn("invalid option -- '%c'", *c);
				usage_die();
			}
			if (!e[k].kind) {
				store(&e[k], NULL);
				continue;
			}
			if (c[1])
				store(&e[k], c + 1);
			else if (e[k].kind == '?')
				store(&e[k], NULL);
			else if (i + 1 < argc)
				store(&e[k], argv[++i]);
			else {
				warn("option requires an argument -- '%c'", *c);
				usage_die();
			}
			break;
		}
	}
	argv[out] = NULL;
	if (out - 1 < minargs) {
		warn(out == 1 ? "missing operand" : "too few arguments");
		usage_die();
	}
	if (maxargs >= 0 && out - 1 > maxargs) {
		warn("extra operand '%s'", argv[1 + maxargs]);
		usage_die();
	}
	return out;
}
