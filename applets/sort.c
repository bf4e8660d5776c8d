/* sort - sort lines of text */
//menu:Text
//config:config SORT
//config:	bool "sort"
//config:	default y
//config:	help
//config:	  Sort lines of files (or stdin), in memory, in the C locale.
//config:
//config:config SORT_BIG
//config:	bool "Support -g -h -M -V (float, human, month, version order)"
//config:	depends on SORT
//config:	default y
//applet:sort SORT sort_main "b(ignore-leading-blanks)c(check)Cd(dictionary-order)f(ignore-case)g(general-numeric-sort)h(human-numeric-sort)i(ignore-nonprinting)k(key)*m(merge)M(month-sort)n(numeric-sort)o(output):r(reverse)s(stable)t(field-separator):u(unique)V(version-sort)z(zero-terminated)S(buffer-size):T(temporary-directory):"
//usage:sort [-bcCdfghimMnrsuVz] [-k POS1[,POS2]]... [-t SEP] [-o FILE] [FILE]...
//usage:
//usage:Sort lines of FILEs (or stdin) and write them to stdout.
//usage:	-n	numeric	-g	general number (1e3, inf)	-h	human (2K, 1G)
//usage:	-M	month names	-V	version numbers	-r	reverse
//usage:	-b	ignore leading blanks	-d	only blanks and alphanumerics
//usage:	-f	fold case	-i	ignore non-printing characters
//usage:	-k POS1[,POS2]	key from field F.C to F.C, flags bdfghinrMV after each
//usage:	-t SEP	fields end at SEP (default: blank to non-blank)
//usage:	-u	only the first of equal lines	-s	stable: no whole-line tie break
//usage:	-c	check order, report disorder	-C	same, quietly
//usage:	-o FILE	write FILE (may be an input)	-z	lines end in NUL
//usage:	-m	merge FILEs that are each sorted already
//usage:	-S SIZE, -T DIR	ignored: sorting is in memory
#include "pxebox.h"

enum {
	F_B = 1,	/* skip blanks at the key's start */
	F_EB = 2,	/* skip blanks before the end position's character count */
	F_D = 4, F_F = 8, F_G = 16, F_H = 32, F_I = 64, F_N = 128,
	F_R = 256, F_M = 512, F_V = 1024,
};
#define F_ORDER (F_B | F_EB | F_D | F_F | F_G | F_H | F_I | F_N | F_R | F_M | F_V)

struct key {
	long f1, c1, f2, c2;	/* f2 == 0: to the end of the line; c2 == 0: end of field */
	unsigned flags;
};

struct line {
	const char *s;
	size_t len;
};

static struct key *keys;
static int nkeys;
static int tab = -1;		/* -t character, or -1 for blank-separated */
static unsigned gflags;
static int last_resort;

static int blank(int c)
{
	return c == ' ' || c == '\t';
}

static unsigned flag_of(int c)
{
	static const char names[] = "bdfghinrMV";
	static const unsigned bits[] = { F_B | F_EB, F_D, F_F, F_G, F_H, F_I, F_N, F_R, F_M, F_V };
	const char *p = c ? strchr(names, c) : NULL;
	return p ? bits[p - names] : 0;
}

/* "F[.C][flags]": returns the end of what it used. */
static const char *parse_pos(const char *s, const char *spec, long *f, long *c, unsigned *fl, int end)
{
	char *e;

	if (!isdigit((unsigned char)*s))
		die("invalid number at field start: invalid count at start of '%s'", spec);
	*f = strtol(s, &e, 10);
	if (*f < 1 || *f == LONG_MAX)
		die("invalid field specification '%s'", spec);
	s = e;
	*c = end ? 0 : 1;
	if (*s == '.') {
		if (!isdigit((unsigned char)s[1]))
			die("invalid field specification '%s'", spec);
		*c = strtol(s + 1, &e, 10);
		if ((!end && *c < 1) || *c == LONG_MAX)
			die("character offset is zero: invalid field specification '%s'", spec);
		s = e;
	}
	for (; *s && *s != ','; s++) {
		unsigned b = flag_of(*s);
		if (!b)
			die("invalid field specification '%s'", spec);
		/* b on a position applies to that position only */
		*fl |= b == (F_B | F_EB) ? (end ? F_EB : F_B) : b;
	}
	return s;
}

/* One way of reading a key: -d and -i do not mix with the numeric ones. */
static void check_flags(unsigned fl)
{
	static const char names[] = "nghMVdi";
	static const unsigned bits[] = { F_N, F_G, F_H, F_M, F_V, F_D, F_I };
	char buf[8];
	/* -V goes with -d and -i (GNU counts them as one kind) */
	int n = 0, kinds = !!(fl & F_N) + !!(fl & F_G) + !!(fl & F_H) + !!(fl & F_M) + !!(fl & (F_V | F_D | F_I));

	if (kinds < 2)
		return;
	for (int i = 0; i < 7; i++)
		if (fl & bits[i])
			buf[n++] = names[i];
	buf[n] = 0;
	die("options '-%s' are incompatible", buf);
}

static void add_key(const char *spec)
{
	struct key k = { 0 };
	const char *s = parse_pos(spec, spec, &k.f1, &k.c1, &k.flags, 0);

	if (*s == ',')
		s = parse_pos(s + 1, spec, &k.f2, &k.c2, &k.flags, 1);
	/* a key without ordering flags takes all the global ones */
	if (!(k.flags & F_ORDER))
		k.flags = gflags;
	check_flags(k.flags);
	keys = xrealloc(keys, (size_t)(nkeys + 1) * sizeof(*keys));
	keys[nkeys++] = k;
}

/* Skip n fields from p; a blank-separated field starts with its blanks. */
static const char *skip_fields(const char *p, const char *lim, long n)
{
	while (p < lim && n-- > 0) {
		if (tab >= 0) {
			while (p < lim && *p != tab)
				p++;
			if (p < lim)
				p++;
		} else {
			while (p < lim && blank(*p))
				p++;
			while (p < lim && !blank(*p))
				p++;
		}
	}
	return p;
}

static void key_span(const struct key *k, const struct line *l, const char **bp, const char **ep)
{
	const char *lim = l->s + l->len, *b, *e = lim;

	b = skip_fields(l->s, lim, k->f1 - 1);
	if (k->flags & F_B)
		while (b < lim && blank(*b))
			b++;
	b = (size_t)(lim - b) < (size_t)(k->c1 - 1) ? lim : b + k->c1 - 1;
	if (k->f2) {
		e = skip_fields(l->s, lim, k->f2 - 1);
		if (!k->c2) {
			/* to the end of field f2 */
			if (tab >= 0) {
				while (e < lim && *e != tab)
					e++;
			} else {
				while (e < lim && blank(*e))
					e++;
				while (e < lim && !blank(*e))
					e++;
			}
		} else {
			if (k->flags & F_EB)
				while (e < lim && blank(*e))
					e++;
			e = (size_t)(lim - e) < (size_t)k->c2 ? lim : e + k->c2;
		}
	}
	if (e < b)
		e = b;
	*bp = b;
	*ep = e;
}

/* -n: arbitrarily long decimal numbers compared as strings; no number is 0. */
struct num {
	int sign;		/* -1, 0, 1 */
	const char *i, *f;	/* integer digits without leading zeros, fraction digits */
	size_t il, fl;
};

static void num_parse(const char *p, const char *lim, struct num *n)
{
	int neg = 0, nonzero = 0;

	while (p < lim && blank(*p))
		p++;
	if (p < lim && *p == '-')
		neg = 1, p++;
	while (p < lim && *p == '0')
		p++;
	n->i = p;
	while (p < lim && isdigit((unsigned char)*p))
		nonzero = 1, p++;
	n->il = (size_t)(p - n->i);
	n->f = p;
	n->fl = 0;
	if (p < lim && *p == '.') {
		n->f = ++p;
		while (p < lim && isdigit((unsigned char)*p))
			nonzero |= *p++ != '0';
		n->fl = (size_t)(p - n->f);
		/* trailing zeros of the fraction do not change the value */
		while (n->fl && n->f[n->fl - 1] == '0')
			n->fl--;
	}
	n->sign = nonzero ? (neg ? -1 : 1) : 0;
}

static int num_cmp(const char *a, const char *al, const char *b, const char *bl)
{
	struct num x, y;
	int d;

	num_parse(a, al, &x);
	num_parse(b, bl, &y);
	if (x.sign != y.sign)
		return x.sign < y.sign ? -1 : 1;
	if (!x.sign)
		return 0;
	if (x.il != y.il)
		d = x.il < y.il ? -1 : 1;
	else if (!(d = memcmp(x.i, y.i, x.il))) {
		size_t m = x.fl < y.fl ? x.fl : y.fl;
		if (!(d = memcmp(x.f, y.f, m)))
			d = x.fl == y.fl ? 0 : x.fl > y.fl ? 1 : -1;
	}
	return x.sign * (d < 0 ? -1 : d > 0);
}

/* -h: the unit suffix orders first (signed), then the number. */
static int unit_order(const char *p, const char *lim)
{
	static const char units[] = "KMGTPEZYRQ";
	int neg = 0, digit = 0;
	const char *u;

	while (p < lim && blank(*p))
		p++;
	if (p < lim && *p == '-')
		neg = 1, p++;
	for (; p < lim && (isdigit((unsigned char)*p) || *p == '.'); p++)
		digit |= *p > '0' && *p <= '9';
	if (p == lim || !digit || !(u = strchr(units, *p == 'k' ? 'K' : *p)) || !*p)
		return 0;
	return (neg ? -1 : 1) * (int)(u - units + 1);
}

/* -g: what strtold reads; non-numbers sort first, then NaN, then numbers. */
static int float_cmp(const char *a, const char *al, const char *b, const char *bl)
{
	char x[128], y[128], *ex, *ey;
	long double u, v;
	int nx, ny;

	snprintf(x, sizeof(x), "%.*s", (int)(al - a > 127 ? 127 : al - a), a);
	snprintf(y, sizeof(y), "%.*s", (int)(bl - b > 127 ? 127 : bl - b), b);
	u = strtold(x, &ex);
	v = strtold(y, &ey);
	nx = ex == x ? 0 : u != u ? 1 : 2;
	ny = ey == y ? 0 : v != v ? 1 : 2;
	if (nx != ny || nx < 2)
		return nx - ny;
	return u < v ? -1 : u > v;
}

static int month(const char *p, const char *lim)
{
	static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	char m[4] = "";

	while (p < lim && blank(*p))
		p++;
	for (int i = 0; i < 3; i++)
		m[i] = p + i < lim ? (char)toupper((unsigned char)p[i]) : 0;
	for (int i = 0; i < 12; i++)
		if (!memcmp(m, names + 3 * i, 3))
			return i + 1;
	return 0;
}

/* -V: runs of digits compare as numbers, '~' before everything, letters
 * before other characters (the Debian version order). */
static int vorder(const char *p, const char *lim)
{
	int c;

	if (p >= lim)
		return 0;
	c = (unsigned char)*p;
	if (isdigit(c))
		return 0;
	if (isalpha(c))
		return c;
	return c == '~' ? -1 : c + 256;
}

static int vrev_cmp(const char *a, const char *al, const char *b, const char *bl)
{
	while (a < al || b < bl) {
		int first = 0;
		while ((a < al && !isdigit((unsigned char)*a)) || (b < bl && !isdigit((unsigned char)*b))) {
			int x = vorder(a, al), y = vorder(b, bl);
			if (x != y)
				return x < y ? -1 : 1;
			a += a < al;
			b += b < bl;
		}
		while (a < al && *a == '0')
			a++;
		while (b < bl && *b == '0')
			b++;
		for (; a < al && b < bl && isdigit((unsigned char)*a) && isdigit((unsigned char)*b); a++, b++)
			if (!first)
				first = *a - *b;
		if (a < al && isdigit((unsigned char)*a))
			return 1;
		if (b < bl && isdigit((unsigned char)*b))
			return -1;
		if (first)
			return first < 0 ? -1 : 1;
	}
	return 0;
}

/* Where a file name's suffix starts: the trailing run of ".letter..." parts
 * (like .tar.gz), which version order compares only to break ties. */
static const char *suffix(const char *s, const char *lim)
{
	const char *p = s, *pre = s;

	while (p < lim) {
		pre = ++p;
		while (p + 1 < lim && *p == '.' && (isalpha((unsigned char)p[1]) || p[1] == '~'))
			for (p += 2; p < lim && (isalnum((unsigned char)*p) || *p == '~'); p++)
				;
	}
	return pre;
}

/* -V, as GNU's version sort: empty first, then ".", "..", other dot names,
 * then everything else; suffixes only break ties. */
static int version_cmp(const char *a, const char *al, const char *b, const char *bl)
{
	const char *as, *bs;
	int d;

	if (a == al || b == bl)
		return (a < al) - (b < bl);
	if (*a == '.' || *b == '.') {
		if (*a != *b)
			return *a == '.' ? -1 : 1;
		for (int n = 1; n <= 2; n++) {
			int x = al - a == n && (n == 1 || a[1] == '.');
			int y = bl - b == n && (n == 1 || b[1] == '.');
			if (x || y)
				return y - x;
		}
	}
	as = suffix(a, al);
	bs = suffix(b, bl);
	d = vrev_cmp(a, as, b, bs);
	if (d || (as == al && bs == bl))
		return d;
	return vrev_cmp(a, al, b, bl);
}

/* Plain byte order, with -d -i skipping characters and -f folding case. */
static int skipped(int c, unsigned fl)
{
	/* as in GNU, -d wins over -i */
	if (fl & F_D)
		return !isalnum(c) && !blank(c);
	return (fl & F_I) && !isprint(c);
}

static int text_cmp(const char *a, const char *al, const char *b, const char *bl, unsigned fl)
{
	if (!(fl & (F_D | F_F | F_I))) {
		/* by hand: lines differ early, and a libc memcmp call costs more */
		for (; a < al && b < bl; a++, b++)
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		return (a < al) - (b < bl);
	}
	for (;;) {
		int x, y;
		while (a < al && skipped((unsigned char)*a, fl))
			a++;
		while (b < bl && skipped((unsigned char)*b, fl))
			b++;
		if (a == al || b == bl)
			return (a < al) - (b < bl);
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (fl & F_F)
			x = toupper(x), y = toupper(y);
		if (x != y)
			return x < y ? -1 : 1;
	}
}

static char *filtered(const char **p, const char **lim, unsigned fl)
{
	char *buf = xmalloc((size_t)(*lim - *p) + 1), *o = buf;

	for (const char *s = *p; s < *lim; s++)
		if (!skipped((unsigned char)*s, fl))
			*o++ = (char)(fl & F_F ? toupper((unsigned char)*s) : *s);
	*p = buf;
	*lim = o;
	return buf;
}

static int key_cmp(const struct key *k, const struct line *x, const struct line *y)
{
	const char *a, *al, *b, *bl;
	unsigned fl = k->flags;
	int d;

	char *ta = NULL, *tb = NULL;

	key_span(k, x, &a, &al);
	key_span(k, y, &b, &bl);
	if ((fl & (F_D | F_F | F_I)) && (fl & (F_N | F_G | F_H | F_M | F_V))) {
		/* the other orders see the key with -d -i -f applied, as in GNU */
		ta = filtered(&a, &al, fl);
		tb = filtered(&b, &bl, fl);
	}
	if (fl & F_N)
		d = num_cmp(a, al, b, bl);
	else if (ENABLE_SORT_BIG && (fl & F_G))
		d = float_cmp(a, al, b, bl);
	else if (ENABLE_SORT_BIG && (fl & F_H)) {
		int ua = unit_order(a, al), ub = unit_order(b, bl);
		d = ua != ub ? (ua < ub ? -1 : 1) : num_cmp(a, al, b, bl);
	} else if (ENABLE_SORT_BIG && (fl & F_M)) {
		d = month(a, al) - month(b, bl);
	} else if (ENABLE_SORT_BIG && (fl & F_V))
		d = version_cmp(a, al, b, bl);
	else
		d = text_cmp(a, al, b, bl, fl);
	free(ta);
	free(tb);
	return fl & F_R ? -d : d;
}

static int line_cmp(const struct line *x, const struct line *y, int whole)
{
	int d;

	for (int i = 0; i < nkeys; i++)
		if ((d = key_cmp(&keys[i], x, y)))
			return d;
	if (!whole)
		return 0;
	/* last resort: the whole lines as bytes, reversed by a global -r */
	d = text_cmp(x->s, x->s + x->len, y->s, y->s + y->len, 0);
	return gflags & F_R ? -d : d;
}

/* Stable merge sort of pointers; tmp has room for n. */
static void msort(struct line **v, struct line **tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, o = 0;

	if (n < 2)
		return;
	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	/* already in order: nothing to merge (sorted input stays linear) */
	if (line_cmp(v[h - 1], v[h], last_resort) <= 0)
		return;
	while (i < h && j < n)
		tmp[o++] = line_cmp(v[j], v[i], last_resort) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[o++] = v[i++];
	memcpy(v, tmp, o * sizeof(*v));
}

/* -m: the files' runs v[start[i]..start[i+1]) are each taken as sorted;
 * repeatedly take the least head, the earliest file on ties (as GNU).
 * Unsorted runs are merged, not sorted, as GNU and busybox do. */
static void merge(struct line **v, struct line **tmp, const size_t *start, size_t nrun)
{
	size_t *at = xmalloc((nrun + 1) * sizeof(*at)), o = 0;

	memcpy(at, start, nrun * sizeof(*at));
	for (;;) {
		size_t best = nrun;
		for (size_t r = 0; r < nrun; r++)
			if (at[r] < start[r + 1] &&
			    (best == nrun || line_cmp(v[at[r]], v[at[best]], last_resort) < 0))
				best = r;
		if (best == nrun)
			break;
		tmp[o++] = v[at[best]++];
	}
	memcpy(v, tmp, o * sizeof(*v));
	free(at);
}

struct input {
	struct line *lines;
	size_t n, cap;
};

static void add_lines(struct input *in, char *buf, size_t len, int eol)
{
	char *p = buf, *end = buf + len;

	while (p < end) {
		char *e = memchr(p, eol, (size_t)(end - p));
		if (!e)
			e = end;
		if (in->n == in->cap)
			in->lines = xrealloc(in->lines, (in->cap = in->cap * 2 + 1024) * sizeof(*in->lines));
		in->lines[in->n++] = (struct line){ p, (size_t)(e - p) };
		p = e + 1;
	}
}

/* -c/-C: the first line out of order; 0 if sorted. */
static size_t check(struct input *in)
{
	for (size_t i = 1; i < in->n; i++) {
		int d = line_cmp(&in->lines[i - 1], &in->lines[i], last_resort);
		if (d > 0 || (d == 0 && opt('u')))
			return i + 1;
	}
	return 0;
}

/* -o onto a regular file goes through a temporary name, so a failure
 * never leaves a half-written file looking complete. */
static char *tmpname;

static FILE *open_output(const char *path)
{
	struct stat st;
	int fd;
	FILE *f;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (!(f = fopen(path, "w")))
			pdie("%s", path);
		return f;
	}
	tmpname = xasprintf("%s.sortXXXXXX", path);
	fd = mkstemp(tmpname);
	if (fd < 0)
		pdie("%s", path);
	/* keep the mode of the file we replace; else what open() would give */
	if (fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~umask_get()) < 0 ||
	    !(f = fdopen(fd, "w"))) {
		unlink(tmpname);
		pdie("%s", path);
	}
	return f;
}

int sort_main(int argc, char **argv)
{
	char *dash[] = { "-", NULL };
	char **files = argc > 1 ? argv + 1 : dash, **k;
	struct input in = { 0 };
	struct line **v, **tmp;
	int eol = opt('z') ? 0 : '\n';
	const char *out = optstr('o');
	FILE *f = stdout;
	size_t n = 0, *start, nfiles = 0;

	/* status 2 for trouble, as GNU (1 means -c found disorder): die() uses it */
	px.exitcode = 2;
	for (const char *g = "bdfghinrMV"; *g; g++)
		if (opt(*g))
			gflags |= flag_of(*g);
	if (!ENABLE_SORT_BIG && (gflags & (F_G | F_H | F_M | F_V)))
		die("-g -h -M -V are not configured in");
	if (optstr('t')) {
		const char *t = optstr('t');
		if (!*t)
			die("empty tab");
		if (!strcmp(t, "\\0"))
			tab = 0;
		else if (strlen(t) != 1)
			die("multi-character tab '%s'", t);
		else
			tab = (unsigned char)*t;
	}
	for (k = optlist('k'); *k; k++)
		add_key(*k);
	if (!nkeys) {
		/* no -k: the whole line is the one key, with the global flags */
		add_key("1");
		keys[0].flags = gflags;
		check_flags(gflags);
	}
	last_resort = !opt('s') && !opt('u');
	if ((opt('c') || opt('C')) && argc > 2)
		die("extra operand '%s' not allowed with -c", argv[2]);
	px.exitcode = 0;

	/* -m: where each file's lines begin in in.lines */
	start = xmalloc(((size_t)argc + 1) * sizeof(*start));
	for (; *files; files++) {
		const char *name = strcmp(*files, "-") ? *files : "/dev/stdin";
		size_t len;
		char *buf = read_file(name, &len);
		if (!buf) {
			pwarn("%s", *files);
			continue;
		}
		/* the buffers stay allocated: the lines point into them */
		start[nfiles++] = in.n;
		add_lines(&in, buf, len, eol);
	}
	start[nfiles] = in.n;
	if (px.exitcode)
		return 2;

	if (opt('c') || opt('C')) {
		size_t bad = check(&in);
		if (bad && !opt('C')) {
			const struct line *l = &in.lines[bad - 1];
			fprintf(stderr, "sort: %s:%zu: disorder: %.*s\n", argc > 1 ? argv[1] : "-", bad, (int)l->len, l->s);
		}
		return bad ? 1 : 0;
	}

	v = xmalloc((in.n + 1) * sizeof(*v));
	tmp = xmalloc((in.n + 1) * sizeof(*v));
	for (size_t i = 0; i < in.n; i++)
		v[i] = &in.lines[i];
	if (opt('m'))
		merge(v, tmp, start, nfiles);
	else
		msort(v, tmp, in.n);

	if (out && strcmp(out, "-")) {
		px.exitcode = 2;
		f = open_output(out);
	}
	for (size_t i = 0; i < in.n; i++) {
		/* -u: the first of each run of lines whose keys compare equal */
		if (opt('u') && n && !line_cmp(v[n - 1], v[i], 0))
			continue;
		v[n++] = v[i];
		fwrite(v[i]->s, 1, v[i]->len, f);
		putc(eol, f);
	}
	if (f != stdout) {
		int bad = ferror(f) | fclose(f);
		if (bad || (tmpname && rename(tmpname, out) < 0)) {
			int e = errno;
			if (tmpname)
				unlink(tmpname);
			errno = e;
			pdie("%s", out);
		}
	}
	free(v);
	free(tmp);
	free(start);
	return flush_stdout(0) ? 2 : 0;
}
