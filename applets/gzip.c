/* gzip, gunzip, zcat - compress and decompress .gz files through zlib */
//menu:Archival
//config:config GZIP
//config:	bool "gzip"
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  Compress files to FILE.gz (zlib deflate).
//config:
//config:config GUNZIP
//config:	bool "gunzip"
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  Decompress FILE.gz (also .tgz, .z, -gz) and test .gz files.
//config:
//config:config ZCAT
//config:	bool "zcat"
//config:	default y
//config:	select ZLIB
//config:	help
//config:	  Decompress .gz files to stdout.
//applet:gzip GZIP gzip_main "c(stdout)(to-stdout)d(decompress)(uncompress)f(force)k(keep)n(no-name)N(name)t(test)q(quiet)v(verbose)1(fast)23456789(best)"
//applet:gunzip GUNZIP gunzip_main "c(stdout)(to-stdout)f(force)k(keep)n(no-name)N(name)t(test)q(quiet)v(verbose)"
//applet:zcat ZCAT zcat_main "f(force)q(quiet)v(verbose)"
//usage:gzip [-cdfkntq19] [FILE]...
//usage:
//usage:Compress each FILE to FILE.gz and remove FILE; no FILE or "-": stdin to
//usage:stdout.  gunzip FILE.gz and zcat FILE.gz decompress (gzip -d, gzip -dc).
//usage:The output keeps the input's mode, owner (as root) and times; a partly
//usage:written output is removed when anything fails.
//usage:	-c	write to stdout, keep the input	-d	decompress
//usage:	-f	overwrite existing outputs; zcat -f passes plain data through
//usage:	-k	keep the input file	-n	do not store the name and time
//usage:	-t	test the integrity of compressed files
//usage:	-1..-9	fast..best compression (default -6)	-q	quiet
#include "pxebox.h"
#include "gz.h"

#define BUFSZ (256 * 1024)
static char *iobuf;

static const char *const suffixes[] = { ".gz", "-gz", ".z", "-z", "_z", ".tgz", ".taz", NULL };

/* FILE.gz -> FILE, FILE.tgz -> FILE.tar; NULL when no known suffix. */
static char *strip_suffix(const char *name)
{
	size_t n = strlen(name);
	for (int i = 0; suffixes[i]; i++) {
		size_t s = strlen(suffixes[i]);
		if (n > s && !strcasecmp(name + n - s, suffixes[i]) && name[n - s - 1] != '/') {
			int tar = suffixes[i][1] == 't';	/* .tgz and .taz */
			return xasprintf("%.*s%s", (int)(n - s), name, tar ? ".tar" : "");
		}
	}
	return NULL;
}

/* Compress or decompress in -> out.  -1 after printing why. */
static int filter(int in, int out, const char *inname, int decompress, const char *hname, time_t mtime)
{
	ssize_t n;
	if (decompress) {
		struct gzr *g = gz_ropen(in, opt('f') && out == 1 ? GZ_RAW_OK : 0);
		if (!g) {
			warn("%s: not in gzip format", inname);
			return -1;
		}
		while ((n = gz_read(g, iobuf, BUFSZ)) > 0)
			if (out >= 0 && writeall(out, iobuf, (size_t)n) < 0) {
				pwarn("write error");
				gz_rclose(g);
				return -1;
			}
		if (n < 0)
			warn("%s: %s", inname, gz_why(g));
		else if (gz_trailing(g) && !opt('q'))
			warn("%s: decompression OK, trailing garbage ignored", inname);
		gz_rclose(g);
		return n < 0 ? -1 : 0;
	} else {
		int level = 6;
		for (int d = 1; d <= 9; d++)
			if (opt('0' + d))
				level = d;
		struct gzw *g = gz_wopen(out, level, hname, mtime);
		while ((n = read(in, iobuf, BUFSZ)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				pwarn("%s", inname);
				gz_wclose(g);
				return -1;
			}
			if (gz_write(g, iobuf, (size_t)n) < 0) {
				pwarn("write error");
				gz_wclose(g);
				return -1;
			}
		}
		if (gz_wclose(g) < 0) {
			pwarn("write error");
			return -1;
		}
		return 0;
	}
}

/* One named file: FILE -> FILE.gz (or back), through a temporary name. */
static void do_file(const char *name, int decompress)
{
	struct stat st;
	char *outname, *tmp;
	int in, out, rc, tocout = opt('c'), test = opt('t');

	in = open(name, O_RDONLY | O_CLOEXEC | (opt('f') ? 0 : O_NOFOLLOW));
	if (in < 0) {
		pwarn("%s", name);
		return;
	}
	if (fstat(in, &st) < 0 || S_ISDIR(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			warn("%s: is a directory -- ignored", name);
		else
			pwarn("%s", name);
		close(in);
		return;
	}
	if (tocout || test) {
		if (filter(in, test ? -1 : 1, name, decompress || test, NULL, 0) < 0)
			px.exitcode = 1;
		close(in);
		return;
	}
	if (!S_ISREG(st.st_mode) && !opt('f')) {
		warn("%s: not a regular file -- ignored", name);
		close(in);
		return;
	}
	if (decompress) {
		outname = strip_suffix(name);
		if (!outname) {
			warn("%s: unknown suffix -- ignored", name);
			close(in);
			return;
		}
	} else {
		if (strip_suffix(name)) {
			warn("%s already has %s suffix -- unchanged", name, strrchr(name, '.') ? strrchr(name, '.') : "gz");
			close(in);
			return;
		}
		outname = xasprintf("%s.gz", name);
	}
	if (!opt('f') && !access(outname, F_OK)) {
		warn("%s already exists; not overwritten", outname);
		goto out;
	}
	/* a temporary name beside the output, renamed only when complete */
	tmp = xasprintf("%s.XXXXXX", outname);
	out = mkstemp(tmp);
	if (out < 0) {
		pwarn("%s", outname);
		free(tmp);
		goto out;
	}
	rc = filter(in, out, name, decompress, opt('n') ? NULL : base_name(name), opt('n') ? 0 : st.st_mtime);
	if (!rc) {
		struct timespec ts[2] = { st.st_atim, st.st_mtim };
		if (!geteuid() && fchown(out, st.st_uid, st.st_gid) < 0)
			pwarn("%s: chown", outname);
		fchmod(out, st.st_mode & 07777);
		futimens(out, ts);
		if (close(out) < 0) {
			pwarn("%s", outname);
			rc = -1;
		}
	} else
		close(out);
	if (!rc && rename(tmp, outname) < 0) {
		pwarn("%s", outname);
		rc = -1;
	}
	if (rc)
		unlink(tmp);
	else if (!opt('k') && unlink(name) < 0)
		pwarn("%s", name);
	if (!rc && opt('v'))
		fprintf(stderr, "%s:\treplaced with %s\n", name, outname);
	free(tmp);
out:
	free(outname);
	close(in);
}

static int run(int argc, char **argv, int decompress)
{
	iobuf = xmalloc(BUFSZ);
	if (argc < 2) {
		if (!decompress && !opt('c') && !opt('f') && !opt('t') && isatty(1))
			die("compressed data not written to a terminal. Use -f to force compression.");
		if (filter(0, opt('t') ? -1 : 1, "stdin", decompress || opt('t'), NULL, 0) < 0)
			px.exitcode = 1;
	}
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			if (filter(0, opt('t') ? -1 : 1, "stdin", decompress || opt('t'), NULL, 0) < 0)
				px.exitcode = 1;
		} else
			do_file(argv[i], decompress);
	}
	return px.exitcode;
}

int gzip_main(int argc, char **argv)
{
	return run(argc, argv, opt('d'));
}

int gunzip_main(int argc, char **argv)
{
	return run(argc, argv, 1);
}

int zcat_main(int argc, char **argv)
{
	/* zcat is gunzip -c; -f lets plain data through, as GNU zcat -f */
	iobuf = xmalloc(BUFSZ);
	if (argc < 2 && filter(0, 1, "stdin", 1, NULL, 0) < 0)
		px.exitcode = 1;
	for (int i = 1; i < argc; i++) {
		int fd = open_input(argv[i]);
		if (fd < 0)
			continue;
		if (filter(fd, 1, argv[i], 1, NULL, 0) < 0)
			px.exitcode = 1;
		if (fd)
			close(fd);
	}
	return px.exitcode;
}
