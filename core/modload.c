/* modload.c - handing module files to the kernel, and asking it what is
 * loaded.  Separate from modules.c so the parsers build without zlib and
 * syscalls (for the fuzzers). */
#include "modules.h"
#include "gz.h"
#include <sys/syscall.h>

#ifndef MODULE_INIT_COMPRESSED_FILE
#define MODULE_INIT_COMPRESSED_FILE 4	/* linux 5.17, <linux/module.h> */
#endif

char *module_read(const char *path, size_t *len)
{
	char *buf;
	if (str_end(path, ".xz") || str_end(path, ".zst")) {
		/* no xz or zstd decoder is linked into pxebox: say so plainly */
		warn("%s: cannot read %s-compressed modules: this pxebox has no %s decoder; "
		     "unpack it with '%s -d' first", path, str_end(path, ".xz") ? "xz" : "zstd",
		     str_end(path, ".xz") ? "xz" : "zstd", str_end(path, ".xz") ? "xz" : "zstd");
		errno = ENOPKG;
		return NULL;
	}
	if (str_end(path, ".gz") && !(ENABLE_MODUTILS_GZIP && ENABLE_ZLIB)) {
		warn("%s: cannot read gzip-compressed modules: this pxebox was built without MODUTILS_GZIP", path);
		errno = ENOPKG;
		return NULL;
	}
	if (str_end(path, ".gz")) {
		/* gz_read_file passes plain bytes through; a .gz must be gzip */
		unsigned char magic[2] = { 0 };
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			pwarn("%s", path);
			return NULL;
		}
		if (readall(fd, magic, 2) != 2 || magic[0] != 0x1f || magic[1] != 0x8b) {
			close(fd);
			warn("%s: corrupt gzip data", path);
			errno = EINVAL;
			return NULL;
		}
		close(fd);
		buf = gz_read_file(path, len);
	} else
		buf = read_file(path, len);
	if (!buf) {
		if (errno == EINVAL)
			warn("%s: corrupt gzip data", path);
		else
			pwarn("%s", path);
	}
	return buf;
}

/* Which format does the kernel decompress itself?  "" when it cannot. */
static void kernel_compression(char buf[16])
{
	int fd = open("/sys/module/compression", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? 0 : readall(fd, buf, 15);
	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = 0;
	buf[strcspn(buf, "\n")] = 0;
}

int module_insert(const char *path, const char *params)
{
	const char *fmt = str_end(path, ".xz") ? "xz" : str_end(path, ".zst") ? "zstd" : NULL;
	char *image;
	size_t len;
	int fd, rc;

	if (fmt) {
		char have[16];
		kernel_compression(have);
		if (strcmp(have, fmt)) {
			warn("%s: the kernel cannot load %s-compressed modules (/sys/module/compression: %s); "
			     "build it with CONFIG_MODULE_DECOMPRESS and CONFIG_MODULE_COMPRESS_%s, "
			     "or ship the module uncompressed or as .ko.gz", path, fmt,
			     *have ? have : "missing", !strcmp(fmt, "xz") ? "XZ" : "ZSTD");
			errno = ENOPKG;
			return -1;
		}
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			return -1;
		rc = (int)syscall(SYS_finit_module, fd, params, MODULE_INIT_COMPRESSED_FILE);
		close(fd);
		return rc ? -1 : 0;
	}
	if (!str_end(path, ".gz")) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			return -1;
		rc = (int)syscall(SYS_finit_module, fd, params, 0);
		close(fd);
		if (!rc)
			return 0;
		if (errno != ENOSYS)
			return -1;
		/* kernels before 3.8: fall through to init_module */
	}
	if (!(image = module_read(path, &len))) {
		errno = ENOPKG;	/* module_read has said why */
		return -1;
	}
	rc = (int)syscall(SYS_init_module, image, (unsigned long)len, params);
	free(image);
	return rc ? -1 : 0;
}

static int read_sys(const char *name, const char *what, char *buf, size_t size)
{
	char *path = xasprintf("/sys/module/%s/%s", name, what);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : readall(fd, buf, size - 1);
	free(path);
	if (fd >= 0)
		close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

int module_loaded(const char *name)
{
	char buf[32];
	/* built-in modules have /sys/module/NAME too, but no initstate */
	return !read_sys(name, "initstate", buf, sizeof(buf));
}

int module_refcnt(const char *name)
{
	char buf[32];
	return read_sys(name, "refcnt", buf, sizeof(buf)) ? -1 : atoi(buf);
}
