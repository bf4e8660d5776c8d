/* ls - list directory contents */
//menu:Files
//config:config LS
//config:	bool "ls"
//config:	default y
//config:	help
//config:	  List files: names in columns on a terminal, one per line
//config:	  otherwise, and the long format with -l.
//config:
//config:config LS_SORT
//config:	bool "Support sorting by time or size (-t -S -r -c -u -U)"
//config:	depends on LS
//config:	default y
//config:
//config:config LS_RECURSIVE
//config:	bool "Support -R (list subdirectories recursively)"
//config:	depends on LS
//config:	default y
//applet:ls LS ls_main "l a(all)A(almost-all)d(directory)" IF_LS_RECURSIVE("R(recursive)") "1h(human-readable)n(numeric-uid-gid)i(inode)s(size)" IF_LS_SORT("trSU") "F(classify)pL(dereference)Cxcugo"
//usage:ls [-1CladARhnisFpL] [-trSUcu] [FILE]...
//usage:
//usage:List each FILE, or the contents of each directory (default .).
//usage:	-1	one name per line (the default when not on a terminal)
//usage:	-C	columns (the default on a terminal)	-x	sorted across
//usage:	-l	long format: mode, links, owner, group, size, date, name
//usage:	-g, -o	-l without the owner / without the group
//usage:	-n	-l with numeric user and group ids
//usage:	-a	also names starting with .	-A	the same but not . and ..
//usage:	-d	directories themselves, not their contents
//usage:	-R	list subdirectories recursively
//usage:	-h	sizes as 1.5K, 12M	-i	inode numbers
//usage:	-s	sizes in 1K blocks
//usage:	-F	type marker: / dir, * executable, @ link, | fifo, = socket
//usage:	-p	/ after directories	-L	follow symlinks
//usage:	-t	newest first	-S	largest first	-r	reverse the order
//usage:	-c, -u	use the status change / access time	-U	do not sort
#include "pxebox.h"
#include "fs.h"
#include <sys/ioctl.h>
#include <sys/sysmacros.h>

struct ent {
	char *name;		/* as shown */
	char *path;		/* for lstat/readlink */
	struct stat st;
	int ok;			/* st is valid */
};

static int longfmt, tty, width = 80;
static time_t now;

static const struct timespec *when(const struct stat *st)
{
	return opt('c') ? &st->st_ctim : opt('u') ? &st->st_atim : &st->st_mtim;
}

static int cmp(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int r = 0;
	if (ENABLE_LS_SORT && opt('S')) {
		if (a->st.st_size != b->st.st_size)
			r = a->st.st_size > b->st.st_size ? -1 : 1;
	} else if (ENABLE_LS_SORT && opt('t')) {
		const struct timespec *x = when(&a->st), *y = when(&b->st);
		if (x->tv_sec != y->tv_sec)
			r = x->tv_sec > y->tv_sec ? -1 : 1;
		else if (x->tv_nsec != y->tv_nsec)
			r = x->tv_nsec > y->tv_nsec ? -1 : 1;
	}
	if (!r)
		r = strcmp(a->name, b->name);
	return ENABLE_LS_SORT && opt('r') ? -r : r;
}

static void sort(struct ent *v, size_t n)
{
	if (!(ENABLE_LS_SORT && opt('U')) && n > 1)
		qsort(v, n, sizeof(*v), cmp);
}

/* 1K blocks, as coreutils counts them */
static unsigned long long blocks(const struct stat *st)
{
	return ((unsigned long long)st->st_blocks + 1) / 2;
}

/* coreutils -h: one decimal below 10, always rounded up */
static const char *human(unsigned long long n, char buf[24])
{
	static const char units[] = "KMGTPE";
	int u = -1;
	unsigned long long scaled = n * 10;	/* tenths */
	if (n < 1024) {
		snprintf(buf, 24, "%llu", n);
		return buf;
	}
	while (n >= 1024 && u < 5) {
		scaled = (n * 10 + 1023) / 1024;	/* tenths, rounded up */
		n = (n + 1023) / 1024;
		u++;
		if (scaled < 100 || n < 1024)
			break;
	}
	if (scaled < 100)
		snprintf(buf, 24, "%llu.%llu%c", scaled / 10, scaled % 10, units[u]);
	else {
		n = (scaled + 9) / 10;
		if (n >= 1024 && u < 5) {	/* 1023.9K rounds to 1.0M */
			snprintf(buf, 24, "1.0%c", units[u + 1]);
		} else
			snprintf(buf, 24, "%llu%c", n, units[u]);
	}
	return buf;
}

static char marker(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return '/';
	if (!opt('F'))
		return 0;
	if (S_ISLNK(st->st_mode))
		return '@';
	if (S_ISFIFO(st->st_mode))
		return '|';
	if (S_ISSOCK(st->st_mode))
		return '=';
	if (S_ISREG(st->st_mode) && (st->st_mode & 0111))
		return '*';
	return 0;
}

/* The name as shown: on a terminal, control characters become '?'. */
static int put_name(const char *s)
{
	int n = 0;
	for (; *s; s++, n++)
		putchar(tty && ((unsigned char)*s < 32 || *s == 127) ? '?' : *s);
	return n;
}

static int name_width(const struct ent *e)
{
	int n = strlen(e->name);
	if (e->ok && (opt('F') || opt('p')) && marker(&e->st))
		n++;
	return n;
}

static void put_name_marker(const struct ent *e)
{
	char m = e->ok && (opt('F') || opt('p')) ? marker(&e->st) : 0;
	put_name(e->name);
	if (m)
		putchar(m);
}

static int digits(unsigned long long v)
{
	int n = 1;
	while (v >= 10)
		v /= 10, n++;
	return n;
}

static void owner(char *buf, size_t n, unsigned id, int grp)
{
	const char *s = opt('n') ? NULL : grp ? gid_name(id) : uid_name(id);
	if (s)
		snprintf(buf, n, "%s", s);
	else
		snprintf(buf, n, "%u", id);
}

static void size_str(const struct ent *e, char *buf, size_t n)
{
	char h[24];
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		snprintf(buf, n, "%u, %u", major(e->st.st_rdev), minor(e->st.st_rdev));
	else if (opt('h'))
		snprintf(buf, n, "%s", human(e->st.st_size, h));
	else
		snprintf(buf, n, "%llu", (unsigned long long)e->st.st_size);
}

static void blocks_str(const struct ent *e, char *buf, size_t n)
{
	char h[24];
	if (opt('h'))
		snprintf(buf, n, "%s", human(blocks(&e->st) * 1024, h));
	else
		snprintf(buf, n, "%llu", blocks(&e->st));
}

static void date_str(const struct stat *st, char *buf, size_t n)
{
	time_t t = when(st)->tv_sec;
	struct tm *tm = localtime(&t);
	/* within six months in the past: time of day; else the year */
	int recent = t <= now && t > now - 31556952 / 2;
	if (!tm)
		snprintf(buf, n, "%lld", (long long)t);
	else
		strftime(buf, n, recent ? "%b %e %H:%M" : "%b %e  %Y", tm);
}

static void list_long(struct ent *v, size_t n)
{
	int wi = 0, wb = 0, wl = 0, wu = 0, wg = 0, ws = 0, wmaj = 0, wmin = 0;
	char buf[64];
	for (size_t i = 0; i < n; i++) {
		struct ent *e = &v[i];
		int w;
		if (!e->ok)
			continue;
		if (digits(e->st.st_ino) > wi)
			wi = digits(e->st.st_ino);
		blocks_str(e, buf, sizeof(buf));
		if ((w = strlen(buf)) > wb)
			wb = w;
		if (digits(e->st.st_nlink) > wl)
			wl = digits(e->st.st_nlink);
		owner(buf, sizeof(buf), e->st.st_uid, 0);
		if ((w = strlen(buf)) > wu)
			wu = w;
		owner(buf, sizeof(buf), e->st.st_gid, 1);
		if ((w = strlen(buf)) > wg)
			wg = w;
		if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode)) {
			if (digits(major(e->st.st_rdev)) > wmaj)
				wmaj = digits(major(e->st.st_rdev));
			if (digits(minor(e->st.st_rdev)) > wmin)
				wmin = digits(minor(e->st.st_rdev));
		} else {
			size_str(e, buf, sizeof(buf));
			if ((w = strlen(buf)) > ws)
				ws = w;
		}
	}
	if (wmaj && wmaj + wmin + 2 > ws)
		ws = wmaj + wmin + 2;
	for (size_t i = 0; i < n; i++) {
		struct ent *e = &v[i];
		char mode[11], date[64];
		if (!e->ok)
			continue;
		if (opt('i'))
			printf("%*llu ", wi, (unsigned long long)e->st.st_ino);
		if (opt('s')) {
			blocks_str(e, buf, sizeof(buf));
			printf("%*s ", wb, buf);
		}
		printf("%s %*lu ", mode_string(e->st.st_mode, mode), wl, (unsigned long)e->st.st_nlink);
		if (!opt('g')) {
			owner(buf, sizeof(buf), e->st.st_uid, 0);
			printf("%-*s ", wu, buf);
		}
		if (!opt('o')) {
			owner(buf, sizeof(buf), e->st.st_gid, 1);
			printf("%-*s ", wg, buf);
		}
		if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
			printf("%*u, %*u ", ws - wmin - 2, major(e->st.st_rdev), wmin, minor(e->st.st_rdev));
		else {
			size_str(e, buf, sizeof(buf));
			printf("%*s ", ws, buf);
		}
		date_str(&e->st, date, sizeof(date));
		printf("%s ", date);
		put_name(e->name);
		if (S_ISLNK(e->st.st_mode)) {
			size_t cap = e->st.st_size > 0 ? (size_t)e->st.st_size + 1 : PATH_MAX;
			char *t = xmalloc(cap);
			ssize_t r = readlink(e->path, t, cap - 1);
			if (r >= 0) {
				struct stat ts;
				t[r] = 0;
				fputs(" -> ", stdout);
				put_name(t);
				/* -F marks what the link points to */
				if (opt('F') && !stat(e->path, &ts) && marker(&ts) && !S_ISLNK(ts.st_mode))
					putchar(marker(&ts));
			}
			free(t);
		} else if (opt('F') || opt('p')) {
			char m = marker(&e->st);
			if (m)
				putchar(m);
		}
		putchar('\n');
	}
}

/* the inode and block prefixes of the short formats */
static int prefix_width(struct ent *v, size_t n, int *wi, int *wb)
{
	char buf[32];
	*wi = *wb = 0;
	for (size_t i = 0; i < n; i++) {
		if (!v[i].ok)
			continue;
		if (opt('i') && digits(v[i].st.st_ino) > *wi)
			*wi = digits(v[i].st.st_ino);
		if (opt('s')) {
			blocks_str(&v[i], buf, sizeof(buf));
			if ((int)strlen(buf) > *wb)
				*wb = strlen(buf);
		}
	}
	return (*wi ? *wi + 1 : 0) + (*wb ? *wb + 1 : 0);
}

static void put_prefix(struct ent *e, int wi, int wb)
{
	char buf[32];
	if (opt('i'))
		printf("%*llu ", wi, (unsigned long long)e->st.st_ino);
	if (opt('s')) {
		blocks_str(e, buf, sizeof(buf));
		printf("%*s ", wb, buf);
	}
}

static void list_short(struct ent *v, size_t n)
{
	int wi, wb, pw = prefix_width(v, n, &wi, &wb), cols = 1, rows = n;
	int *colw = NULL;
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += v[i].ok;
	if (!shown)
		return;
	/* compact the entries we can show */
	struct ent *e = xmalloc(shown * sizeof(*e));
	shown = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].ok)
			e[shown++] = v[i];
	n = shown;
	int across = opt('x');
#define AT(c, r) (across ? (r) * cols + (c) : (c) * rows + (r))
	if (!opt('1') && (opt('C') || opt('x') || tty) && !opt('l')) {
		/* the most columns that fit, filled top to bottom, two spaces apart */
		colw = xmalloc(n * sizeof(*colw));
		for (cols = n; cols > 1; cols--) {
			int total = 0;
			rows = (n + cols - 1) / cols;
			if (!across && (rows - 1) * cols >= (int)n && cols > 1)
				continue;	/* would leave an empty column */
			for (int c = 0; c < cols; c++) {
				colw[c] = 0;
				for (int r = 0; r < rows && AT(c, r) < (int)n; r++) {
					int w = pw + name_width(&e[AT(c, r)]);
					if (w > colw[c])
						colw[c] = w;
				}
				total += colw[c] + (c < cols - 1 ? 2 : 0);
			}
			if (total < width)
				break;
		}
		rows = (n + cols - 1) / cols;
		if (cols == 1)
			rows = n;
	}
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < cols; c++) {
			int i = AT(c, r), last = c == cols - 1 || AT(c + 1, r) >= (int)n;
			if (i >= (int)n)
				break;
			put_prefix(&e[i], wi, wb);
			put_name_marker(&e[i]);
			if (!last)
				printf("%*s", colw[c] - pw - name_width(&e[i]) + 2, "");
		}
		putchar('\n');
	}
	free(colw);
	free(e);
}

static void list(struct ent *v, size_t n)
{
	if (longfmt)
		list_long(v, n);
	else
		list_short(v, n);
}

/* uClibc-ng (as configured, TZ_FILE_READ_MANY) rereads /etc/TZ and
 * /etc/localtime on every localtime() when TZ is unset: four syscalls per
 * line of ls -l.  Read the rule once, the way it does, and put it in TZ,
 * whose parsed form uClibc caches. */
static void pin_tz(void)
{
#ifdef __UCLIBC__
	char *s, *end;
	if (getenv("TZ"))
		return;
	s = read_file("/etc/TZ", NULL);
	if (!s) {
		/* TZif version 2+: the POSIX rule is the last line, "\nUTC0\n" */
		size_t len;
		char *f = read_file("/etc/localtime", &len), *nl;
		if (!f)
			return;
		if (len > 1 && f[len - 1] == '\n') {
			f[len - 1] = 0;
			nl = memrchr(f, '\n', len - 1);
			if (nl && nl[1] && !memchr(nl + 1, 0, f + len - 1 - (nl + 1)))
				setenv("TZ", nl + 1, 1);
		}
		free(f);
		return;
	}
	end = strchr(s, '\n');
	if (end)
		*end = 0;
	if (*s)
		setenv("TZ", s, 1);
	free(s);
#endif
}

static int get_stat(struct ent *e, int follow)
{
	if (follow && !stat(e->path, &e->st))
		return e->ok = 1;
	e->ok = !lstat(e->path, &e->st);
	return e->ok;
}

static void free_ents(struct ent *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

static int sections;	/* headers printed so far */

static void list_dir(const char *path, int header)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct ent *v = NULL;
	size_t n = 0, cap = 0;
	unsigned long long total = 0;

	if (header) {
		if (sections++)
			putchar('\n');
		put_name(path);
		fputs(":\n", stdout);
	}
	if (!d) {
		pwarn("cannot open directory '%s'", path);
		px.exitcode = 2;
		return;
	}
	while ((de = readdir(d))) {
		const char *s = de->d_name;
		if (s[0] == '.' && !opt('a') &&
		    (!opt('A') || !s[1] || (s[1] == '.' && !s[2])))
			continue;
		if (n == cap)
			v = xrealloc(v, (cap = cap * 2 + 32) * sizeof(*v));
		v[n].name = xstrdup(s);
		v[n].path = path_join(path, s);
		if (!get_stat(&v[n], opt('L'))) {
			pwarn("cannot access '%s'", v[n].path);
			px.exitcode = 1;
		}
		total += v[n].ok ? blocks(&v[n].st) : 0;
		n++;
	}
	closedir(d);
	sort(v, n);
	if (longfmt || opt('s')) {
		char h[24];
		printf("total %s\n", opt('h') ? human(total * 1024, h) : (snprintf(h, sizeof(h), "%llu", total), h));
	}
	list(v, n);
	if (ENABLE_LS_RECURSIVE && opt('R')) {
		for (size_t i = 0; i < n; i++) {
			const char *s = v[i].name;
			if (!v[i].ok || !S_ISDIR(v[i].st.st_mode) ||
			    (s[0] == '.' && (!s[1] || (s[1] == '.' && !s[2]))))
				continue;
			list_dir(v[i].path, 1);
		}
	}
	free_ents(v, n);
}

int ls_main(int argc, char **argv)
{
	struct ent *files, *dirs;
	size_t nf = 0, nd = 0;
	char *dot[] = { ".", NULL };
	char **ops = argc > 1 ? argv + 1 : dot;
	int nops = argc > 1 ? argc - 1 : 1;
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	longfmt = opt('l') || opt('n') || opt('g') || opt('o');
	now = time(NULL);
	if (longfmt)
		pin_tz();
	tty = isatty(1);
	if (tty && !ioctl(1, TIOCGWINSZ, &ws) && ws.ws_col)
		width = ws.ws_col;
	if (cols && atoi(cols) > 0)
		width = atoi(cols);

	files = xmalloc(nops * sizeof(*files));
	dirs = xmalloc(nops * sizeof(*dirs));
	for (int i = 0; i < nops; i++) {
		struct ent e = { xstrdup(ops[i]), xstrdup(ops[i]) };
		/* operands: follow a symlink unless the link itself is to be shown */
		int follow = opt('L') || !(longfmt || opt('d') || opt('F'));
		if (!get_stat(&e, follow)) {
			pwarn("cannot access '%s'", ops[i]);
			px.exitcode = 2;
			free(e.name);
			free(e.path);
			continue;
		}
		/* -l on a symlink to a directory still lists the link, as coreutils */
		if (S_ISDIR(e.st.st_mode) && !opt('d'))
			dirs[nd++] = e;
		else
			files[nf++] = e;
	}
	sort(files, nf);
	sort(dirs, nd);
	list(files, nf);
	sections = nf > 0;
	for (size_t i = 0; i < nd; i++)
		list_dir(dirs[i].path, nops > 1 || opt('R'));
	free_ents(files, nf);
	free_ents(dirs, nd);
	return px.exitcode;
}
