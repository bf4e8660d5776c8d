/* mount - attach filesystems; without operands, list them */
//menu:Filesystems
//config:config MOUNT
//config:	bool "mount"
//config:	default y
//config:	help
//config:	  Mount block devices (type probed over /proc/filesystems when not
//config:	  given), nodev filesystems (proc, sysfs, tmpfs, devtmpfs), bind
//config:	  mounts, moves, remounts and propagation changes.  Without
//config:	  operands it lists /proc/mounts.
//config:
//config:config MOUNT_NFS
//config:	bool "NFS mounts (server:/path, kernel text options)"
//config:	depends on MOUNT
//config:	default y
//config:	help
//config:	  Resolve the server of an nfs/nfs4 source and pass addr= (and
//config:	  clientaddr= for NFSv4) to the kernel, which does the RPC itself,
//config:	  so libc needs no RPC support.
//config:
//config:config MOUNT_LOOP
//config:	bool "Loop devices (-o loop, image files)"
//config:	depends on MOUNT
//config:	default y
//config:	help
//config:	  Mount a filesystem image through a free loop device
//config:	  (LOOP_CTL_GET_FREE + LOOP_CONFIGURE), detached on unmount.
//config:
//config:config MOUNT_FSTAB
//config:	bool "fstab support (-a, -T, mount DIR)"
//config:	depends on MOUNT
//config:	default y
//config:	help
//config:	  Mount everything in /etc/fstab with -a (honouring -t and
//config:	  noauto), or a single entry named by its directory or device.
//applet:mount MOUNT mount_main ">2afnrvwt:o*T:B(bind)R(rbind)M(move)\001(make-shared)\002(make-slave)\003(make-private)\004(make-unbindable)\005(make-rshared)\006(make-rslave)\007(make-rprivate)\010(make-runbindable)"
//usage:mount [-afnrvw] [-t TYPE[,TYPE]] [-o OPT[,OPT]]... [-T FSTAB] [DEVICE] [DIR]
//usage:
//usage:Mount DEVICE on DIR; with one operand, use its /etc/fstab entry.
//usage:Without operands, list the mounted filesystems (of -t TYPE).
//usage:	-a	mount everything in fstab but noauto entries (-t filters)
//usage:	-t T	filesystem type; a list (ext4,ext2) is tried in order.
//usage:		Without -t: HOST:/PATH is nfs, other types are probed
//usage:		over /proc/filesystems.  With -a, "nonfs,..." excludes
//usage:	-o OPT	options: ro rw [no]suid [no]dev [no]exec [no]atime
//usage:		relatime strictatime [no]diratime sync async dirsync
//usage:		remount bind rbind move [r]shared [r]slave [r]private
//usage:		[r]unbindable loop[=DEV] offset=N sizelimit=N noauto
//usage:		nofail; others go to the filesystem as text
//usage:	-r	read-only (-o ro)	-w	read-write (-o rw)
//usage:	-T FILE	fstab to read instead of /etc/fstab
//usage:	-B, --bind	-R, --rbind	-M, --move	(SRC DIR)
//usage:	--make-[r]shared, --make-[r]slave, --make-[r]private,
//usage:	--make-[r]unbindable	change propagation of DIR
//usage:	-f	fake: do everything but the mount(2) calls
//usage:	-v	print each mount(2) call	-n	ignored (no mtab)
//usage:NFS: mount -t nfs -o ro,nolock,vers=3 10.0.2.2:/export /mnt
//usage:	The server is resolved here and addr= added; retry=MIN retries
//usage:	refused or timed-out mounts for MIN minutes (default: none).
//usage:	Pass soft,timeo=N,retrans=N for a quick failure.  With bg a
//usage:	refused or timed-out mount goes on in a background child
//usage:	(retry= defaults to 10000 minutes then) and mount exits 0.
#include "pxebox.h"
#include "mtab.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <linux/loop.h>

#ifndef LOOP_CONFIGURE
#define LOOP_CONFIGURE 0x4C0A
struct loop_config {
	uint32_t fd;
	uint32_t block_size;
	struct loop_info64 info;
	uint64_t __reserved[8];
};
#endif

static int fake, verbose;

/* ---- the one place that calls mount(2) ----------------------------------- */

static void show_arg(const char *s, const char *sep)
{
	if (s)
		printf("\"%s\"%s", s, sep);
	else
		printf("NULL%s", sep);
}

static int sys_mount(const char *src, const char *dir, const char *type,
		     unsigned long flags, const char *data)
{
	if (verbose) {
		fputs("mount(", stdout);
		show_arg(src, ", ");
		show_arg(dir, ", ");
		show_arg(type, ", ");
		printf("%s, ", mount_flags_name(flags));
		show_arg(data && *data ? data : NULL, ")\n");
		fflush(stdout);
	}
	if (fake)
		return 0;
	return mount(src, dir, type, flags, data && *data ? data : NULL);
}

/* ---- /proc/filesystems ----------------------------------------------------- */

static char *proc_fs;

static const char *filesystems(void)
{
	if (!proc_fs && !(proc_fs = read_file("/proc/filesystems", NULL)))
		proc_fs = xstrdup("");
	return proc_fs;
}

/* 1 if TYPE is a nodev filesystem, 0 if a block one, -1 if unknown. */
static int fs_nodev(const char *type)
{
	const char *p = filesystems();
	size_t tl = strlen(type);
	while (*p) {
		const char *nl = strchrnul(p, '\n'), *tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab && (size_t)(nl - tab - 1) == tl && !strncmp(tab + 1, type, tl))
			return str_start(p, "nodev");
		p = *nl ? nl + 1 : nl;
	}
	return -1;
}

/* The block filesystem types, comma-joined, for probing. */
static char *block_types(void)
{
	const char *p = filesystems();
	char *out = xstrdup("");
	while (*p) {
		const char *nl = strchrnul(p, '\n'), *tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab && !str_start(p, "nodev") && nl > tab + 1) {
			char *t = xasprintf("%s%s%.*s", out, *out ? "," : "", (int)(nl - tab - 1), tab + 1);
			free(out);
			out = t;
		}
		p = *nl ? nl + 1 : nl;
	}
	return out;
}

/* ---- errors ---------------------------------------------------------------- */

static int mount_failed(const char *src, const char *dir, const char *type, int err)
{
	if (err == ENODEV && type)
		warn("mounting %s on %s failed: unknown filesystem type '%s'"
		     " (not in /proc/filesystems: is its module loaded?)", src, dir, type);
	else if (err == ENOTBLK)
		warn("mounting %s on %s failed: %s is not a block device", src, dir, src);
	else
		warn("mounting %s on %s failed: %s", src, dir, strerror(err));
	return -1;
}

/* ---- loop devices ---------------------------------------------------------- */

/* Bind FILE to a free loop device; returns its open fd (close it once the
 * mount is done: LO_FLAGS_AUTOCLEAR detaches it at unmount, or at once if
 * the mount failed) and the device name in *dev, or -1 after a warning. */
static int loop_attach(const char *file, const struct mount_opts *o, unsigned long *flags, char **dev)
{
	int ro = !!(*flags & MS_RDONLY), ffd, dfd = -1, tries;
	struct loop_config cfg;

	ffd = open(file, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
	if (ffd < 0 && !ro && (errno == EROFS || errno == EACCES)) {
		ro = 1;
		ffd = open(file, O_RDONLY | O_CLOEXEC);
		if (ffd >= 0) {
			fprintf(stderr, "mount: %s is write-protected, mounting read-only\n", file);
			*flags |= MS_RDONLY;
		}
	}
	if (ffd < 0) {
		pwarn("%s", file);
		return -1;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.fd = (uint32_t)ffd;
	cfg.info.lo_offset = o->offset;
	cfg.info.lo_sizelimit = o->sizelimit;
	cfg.info.lo_flags = LO_FLAGS_AUTOCLEAR | (ro ? LO_FLAGS_READ_ONLY : 0);
	strncpy((char *)cfg.info.lo_file_name, file, LO_NAME_SIZE - 1);

	/* another process may grab the free device between the two calls */
	for (tries = 0; tries < 20; tries++) {
		int n = -1;
		char *name;
		if (o->loopdev) {
			name = xstrdup(o->loopdev);
		} else {
			int cfd = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
			if (cfd < 0) {
				pwarn("/dev/loop-control");
				break;
			}
			n = ioctl(cfd, LOOP_CTL_GET_FREE);
			close(cfd);
			if (n < 0) {
				pwarn("no free loop device");
				break;
			}
			name = xasprintf("/dev/loop%d", n);
		}
		dfd = open(name, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
		if (dfd < 0 && errno == ENOENT && n >= 0) {
			/* a static /dev without the node yet */
			mknod(name, S_IFBLK | 0660, makedev(7, n));
			dfd = open(name, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
		}
		if (dfd < 0) {
			pwarn("%s", name);
			free(name);
			break;
		}
		if (!ioctl(dfd, LOOP_CONFIGURE, &cfg)) {
			close(ffd);
			*dev = name;
			return dfd;
		}
		if (errno == EINVAL || errno == ENOTTY) {
			/* kernels before 5.8: two steps */
			if (!ioctl(dfd, LOOP_SET_FD, ffd)) {
				if (!ioctl(dfd, LOOP_SET_STATUS64, &cfg.info)) {
					close(ffd);
					*dev = name;
					return dfd;
				}
				int e = errno;
				ioctl(dfd, LOOP_CLR_FD, 0);
				errno = e;
			}
		}
		if (errno == EBUSY && !o->loopdev) {
			close(dfd);
			dfd = -1;
			free(name);
			continue;
		}
		pwarn("%s: can't set up loop device for %s", name, file);
		close(dfd);
		dfd = -1;
		free(name);
		break;
	}
	if (tries == 20)
		warn("%s: no free loop device", file);
	close(ffd);
	return -1;
}

/* ---- NFS ------------------------------------------------------------------- */

/* Does SRC look like HOST:/PATH (or [V6ADDR]:/PATH)?  The host is returned
 * malloc'd when HOST is not NULL. */
static int nfs_source(const char *src, char **host)
{
	const char *colon, *slash, *start = src;
	size_t len;
	if (*src == '[') {
		const char *end = strchr(src, ']');
		if (!end || end[1] != ':' || end == src + 1)
			return 0;
		start = src + 1;
		len = (size_t)(end - start);
	} else {
		colon = strchr(src, ':');
		slash = strchr(src, '/');
		if (!colon || colon == src || (slash && slash < colon))
			return 0;
		len = (size_t)(colon - src);
		/* "host1,host2:/path": the kernel takes the first host */
		const char *comma = memchr(src, ',', len);
		if (comma)
			len = (size_t)(comma - src);
	}
	if (host)
		*host = xstrndup(start, len);
	return 1;
}

static char *resolve_host(const char *host, int family)
{
	struct addrinfo hints, *res = NULL;
	unsigned char bin[16];
	char out[INET6_ADDRSTRLEN];
	int rc = -1, i;
	int fams[2] = { family, AF_INET6 };

	if (inet_pton(AF_INET, host, bin) == 1 || inet_pton(AF_INET6, host, bin) == 1 || strchr(host, '%'))
		return xstrdup(host);
	/* IPv4 first unless told otherwise: diskless boot networks are v4 */
	if (family == AF_UNSPEC)
		fams[0] = AF_INET;
	for (i = 0; i < 2 && rc; i++) {
		memset(&hints, 0, sizeof(hints));
		hints.ai_family = fams[i];
		hints.ai_socktype = SOCK_STREAM;
		rc = getaddrinfo(host, NULL, &hints, &res);
		if (family != AF_UNSPEC)
			break;
	}
	if (rc) {
		warn("%s: can't resolve server name: %s", host, gai_strerror(rc));
		return NULL;
	}
	if (res->ai_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, out, sizeof(out));
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, out, sizeof(out));
	freeaddrinfo(res);
	return xstrdup(out);
}

/* The local address that routes to SERVER, for NFSv4 callbacks.  Connecting
 * a UDP socket sends nothing; it only picks the route. */
static char *local_addr(const char *server)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	char out[INET6_ADDRSTRLEN];
	int fd, v6 = strchr(server, ':') != NULL;

	memset(&ss, 0, sizeof(ss));
	if (v6) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(2049);
		len = sizeof(*s6);
		if (inet_pton(AF_INET6, server, &s6->sin6_addr) != 1)
			goto any;
	} else {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(2049);
		len = sizeof(*s4);
		if (inet_pton(AF_INET, server, &s4->sin_addr) != 1)
			goto any;
	}
	fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto any;
	if (connect(fd, (struct sockaddr *)&ss, len) || getsockname(fd, (struct sockaddr *)&ss, &len)) {
		close(fd);
		goto any;
	}
	close(fd);
	if (inet_ntop(ss.ss_family, v6 ? (void *)&s6->sin6_addr : (void *)&s4->sin_addr, out, sizeof(out)))
		return xstrdup(out);
any:
	return xstrdup(v6 ? "::" : "0.0.0.0");
}

static int has_opt(const char *opts, const char *key)
{
	char *v = mtab_opt_value(opts, key);
	free(v);
	return v != NULL;
}

/* The kernel's text NFS options leave DNS to user space: add addr= (and
 * clientaddr= for v4, mountaddr= for mounthost=).  Returns the new data,
 * or NULL after a warning.  *retry gets retry= in minutes, -1 if absent. */
static char *nfs_data(const char *src, const char *type, const char *data, long *retry)
{
	char *host, *d = xstrdup(data ? data : ""), *v, *addr, *t;
	int v4 = !strcmp(type, "nfs4"), family = AF_UNSPEC;

	if (!nfs_source(src, &host)) {
		warn("%s: an %s source must be HOST:/PATH", src, type);
		free(d);
		return NULL;
	}
	if (!(v = mtab_opt_value(d, "vers")))
		v = mtab_opt_value(d, "nfsvers");
	if ((v && *v == '4') || has_opt(d, "v4") || has_opt(d, "v4.0") || has_opt(d, "v4.1") || has_opt(d, "v4.2"))
		v4 = 1;
	free(v);
	if ((v = mtab_opt_value(d, "proto"))) {
		family = str_end(v, "6") ? AF_INET6 : AF_INET;
		free(v);
	}
	*retry = -1;
	if ((v = mtab_opt_value(d, "retry"))) {
		char *end;
		*retry = strtol(v, &end, 10);
		if (!*v || *end || *retry < 0) {
			warn("invalid retry value '%s'", v);
			free(v);
			goto fail;
		}
		free(v);
	}
	if (!(addr = mtab_opt_value(d, "addr"))) {
		if (!(addr = resolve_host(host, family)))
			goto fail;
		t = xasprintf("%s%saddr=%s", d, *d ? "," : "", addr);
		free(d);
		d = t;
	}
	if (v4 && !has_opt(d, "clientaddr")) {
		char *me = local_addr(addr);
		t = xasprintf("%s,clientaddr=%s", d, me);
		free(me);
		free(d);
		d = t;
	}
	free(addr);
	if ((v = mtab_opt_value(d, "mounthost")) && !has_opt(d, "mountaddr")) {
		char *ma = resolve_host(v, family);
		free(v);
		if (!ma)
			goto fail;
		t = xasprintf("%s,mountaddr=%s", d, ma);
		free(ma);
		free(d);
		d = t;
	} else
		free(v);
	free(host);
	return d;
fail:
	free(host);
	free(d);
	return NULL;
}

static int nfs_transient(int err)
{
	return err == ETIMEDOUT || err == ECONNREFUSED || err == EHOSTUNREACH ||
	       err == ENETUNREACH || err == EAGAIN || err == ECONNRESET;
}

static int mount_nfs(const char *src, const char *dir, const char *type, unsigned long flags, const char *data)
{
	long retry;
	char *d = nfs_data(src, type, data, &retry);
	time_t deadline;
	unsigned pause = 1;
	int err, bg, child = 0;

	if (!d)
		return -1;
	/* nfs(5): bg retries for 10000 minutes unless told otherwise; we keep
	 * the foreground to no retries, so a boot script fails fast */
	bg = has_opt(d, "bg");
	if (retry < 0)
		retry = bg ? 10000 : 0;
	deadline = time(NULL) + retry * 60;
	while (sys_mount(src, dir, type, flags, d)) {
		err = errno;
		if (!nfs_transient(err) || time(NULL) + (time_t)pause > deadline) {
			free(d);
			errno = err;
			if (err == ENODEV)
				warn("%s: the kernel has no %s filesystem (load it first: modprobe %s)",
				     src, type, !strcmp(type, "nfs4") ? "nfsv4" : "nfsv3");
			else if (err == EPROTONOSUPPORT)
				warn("%s: %s (server or kernel lacks this NFS version or transport: try vers=3 or proto=tcp)",
				     src, strerror(err));
			else if (err == EACCES)
				warn("%s: access denied by server (is that path exported to this client?)", src);
			else if (err == EINVAL)
				warn("%s: %s (the kernel's nfs rejected an option: see dmesg)", src, strerror(err));
			else
				pwarn("%s", src);
			if (child)
				xexit(1);
			return -1;
		}
		if (bg && !child) {
			/* bg: the caller goes on (mount -a to the next entry)
			 * while a child keeps trying */
			pid_t pid;
			fflush(stdout);
			pid = fork();
			if (pid > 0) {
				fprintf(stderr, "mount: %s: %s, retrying in the background\n", src, strerror(err));
				free(d);
				return 0;
			}
			if (!pid) {
				child = 1;
				setsid();
			}
		} else if (!child) {
			fprintf(stderr, "mount: %s: %s, retrying\n", src, strerror(err));
		}
		sleep(pause);
		if (pause < 16)
			pause *= 2;
	}
	free(d);
	if (child)
		xexit(0);	/* the mount is done; the rest was the parent's job */
	return 0;
}

/* ---- one mount --------------------------------------------------------------- */

static const unsigned long perm_flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC |
	MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME | MS_NOSYMFOLLOW;

/* The last /proc/mounts entry for DIR (the one on top), copied into E;
 * free T after.  -1 when DIR is not a mount point, -2 without /proc. */
static int find_mounted(const char *dir, struct mtab *t, struct mtab_ent *e)
{
	char *real;
	size_t i;
	int found = -1;
	if (mtab_load(t, "/proc/mounts"))
		return -2;
	real = realpath(dir, NULL);
	for (i = t->n; i-- > 0;)
		if (!strcmp(t->e[i].dir, dir) || (real && !strcmp(t->e[i].dir, real))) {
			*e = t->e[i];
			found = 0;
			break;
		}
	free(real);
	return found;
}

/* Try each type of the comma list TYPES; only "wrong filesystem" errors go
 * on to the next one. */
static int try_types(const char *src, const char *dir, const char *types, unsigned long flags,
		     const char *data, int probing)
{
	char *list = xstrdup(types), *p = list, *t;
	int err = ENODEV, tried = 0, ok = -1, wp = 0;
	while ((t = strsep(&p, ","))) {
		if (!*t)
			continue;
		tried++;
		if (!sys_mount(src, dir, t, flags, data)) {
			ok = 0;
			break;
		}
		err = errno;
		/* a write-protected device: fall back to ro, as util-linux and
		 * busybox do, for this type and the ones still to probe */
		if ((err == EROFS || err == EACCES) && !(flags & MS_RDONLY)) {
			struct stat st;
			if (!stat(src, &st) && S_ISBLK(st.st_mode)) {
				flags |= MS_RDONLY;
				wp = 1;
				if (!sys_mount(src, dir, t, flags, data)) {
					ok = 0;
					break;
				}
				err = errno;
			}
		}
		if (err != EINVAL && err != ENODEV)
			break;
	}
	if (!ok && wp)
		fprintf(stderr, "mount: %s is write-protected, mounted read-only\n", src);
	if (ok) {
		if (probing && (err == EINVAL || err == ENODEV))
			warn("mounting %s on %s failed: no filesystem type in /proc/filesystems"
			     " matched (%s); use -t TYPE", src, dir, tried ? "tried all" : "none listed");
		else
			mount_failed(src, dir, tried == 1 ? types : NULL, err);
	}
	free(list);
	return ok;
}

static int do_mount(const char *src, const char *dir, const char *type, const char *fsopts, const char *cmdopts)
{
	struct mount_opts o = { 0 };
	unsigned long flags;
	struct stat st;
	int rc = -1, loopfd = -1;
	char *loopdev = NULL, *types = NULL;

	if (mount_opts_parse(&o, fsopts) || mount_opts_parse(&o, cmdopts))
		goto out;
	if (type && !strcmp(type, "auto"))
		type = NULL;
	if (stat(dir, &st)) {
		pwarn("%s", dir);
		goto out;
	}

	if (o.flags & MS_REMOUNT) {
		/* Keep the flags the mount has unless told otherwise: the
		 * kernel takes the flags of a remount as the whole new set. */
		struct mtab t;
		struct mtab_ent e = { 0 };
		int found = find_mounted(dir, &t, &e);
		if (found == -1) {
			warn("%s: not mounted", dir);
			mtab_free(&t);
			goto out;
		}
		if (!found) {
			/* linuxrc remounts / before /proc is there: then
			 * the command line's flags are all there is */
			unsigned long user = o.flags;
			mount_opts_free(&o);
			mount_opts_parse(&o, e.opts);
			free(o.data);	/* its filesystem options are not ours to repeat */
			o.data = NULL;
			mount_opts_parse(&o, fsopts);
			mount_opts_parse(&o, cmdopts);
			o.flags |= user & (MS_REMOUNT | MS_BIND);
		}
		if (!src)
			src = e.src ? e.src : "none";
		rc = sys_mount(src, dir, type ? type : e.type, o.flags, o.data);
		if (rc)
			mount_failed(src, dir, NULL, errno);
		mtab_free(&t);
		if (!rc && o.prop && sys_mount("none", dir, NULL, o.prop, NULL))
			rc = mount_failed("none", dir, NULL, errno);
		goto out;
	}
	if (!src) {
		/* propagation change of an existing mount */
		if (!o.prop) {
			warn("%s: nothing to do (no device, and no remount or --make-*)", dir);
			goto out;
		}
		if ((rc = sys_mount("none", dir, NULL, o.prop, NULL)))
			pwarn("%s", dir);
		goto out;
	}
	if (o.flags & MS_MOVE) {
		if ((rc = sys_mount(src, dir, NULL, MS_MOVE, NULL)))
			mount_failed(src, dir, NULL, errno);
		goto props;
	}
	if (o.flags & MS_BIND) {
		flags = o.flags & (MS_BIND | MS_REC);
		if ((rc = sys_mount(src, dir, NULL, flags, NULL))) {
			mount_failed(src, dir, NULL, errno);
			goto out;
		}
		/* a bind takes no flags: set ro, nosuid, ... with a remount */
		if ((o.flags & perm_flags) &&
		    (rc = sys_mount("none", dir, NULL, MS_REMOUNT | MS_BIND | (o.flags & perm_flags), NULL)))
			mount_failed(src, dir, NULL, errno);
		goto props;
	}

	flags = o.flags;
	if (type ? !strcmp(type, "nfs") || !strcmp(type, "nfs4") : nfs_source(src, NULL)) {
		/* an nfs source never falls through to the block filesystems */
		if (!ENABLE_MOUNT_NFS) {
			warn("%s: NFS support is not built in", src);
			goto out;
		}
		rc = mount_nfs(src, dir, type ? type : "nfs", flags, o.data);
		goto props;
	}

	if (!ENABLE_MOUNT_LOOP && (o.user & MO_LOOP)) {
		warn("%s: loop devices are not built in", src);
		goto out;
	}
	if (ENABLE_MOUNT_LOOP && ((o.user & MO_LOOP) ||
	    ((!type || fs_nodev(type) != 1) && !stat(src, &st) && S_ISREG(st.st_mode)))) {
		if (fake) {
			loopdev = xasprintf("loop:%s", src);
		} else if ((loopfd = loop_attach(src, &o, &flags, &loopdev)) < 0)
			goto out;
		src = loopdev;
	} else if (!type || fs_nodev(type) == 0) {
		/* say which operand is missing; mount(2) would only say ENOENT */
		if (*src == '/' && stat(src, &st)) {
			pwarn("%s", src);
			goto out;
		}
	}
	if (type) {
		rc = try_types(src, dir, type, flags, o.data, 0);
	} else {
		types = block_types();
		rc = try_types(src, dir, types, flags, o.data, 1);
	}
props:
	if (!rc && o.prop && sys_mount("none", dir, NULL, o.prop, NULL))
		rc = mount_failed("none", dir, NULL, errno);
out:
	if (loopfd >= 0)
		close(loopfd);
	free(loopdev);
	free(types);
	mount_opts_free(&o);
	return rc;
}

/* ---- fstab ------------------------------------------------------------------ */

/* LABEL=, UUID=, PARTUUID=, PARTLABEL= through the /dev/disk links that
 * udev or mdev keep; malloc'd, NULL after a warning. */
static char *resolve_spec(const char *spec, int quiet)
{
	static const char *const kinds[][2] = {
		{ "LABEL=", "by-label" }, { "UUID=", "by-uuid" },
		{ "PARTUUID=", "by-partuuid" }, { "PARTLABEL=", "by-partlabel" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (str_start(spec, kinds[i][0])) {
			char *link = xasprintf("/dev/disk/%s/%s", kinds[i][1], spec + strlen(kinds[i][0]));
			char *real = realpath(link, NULL);
			if (!real && !quiet)
				warn("%s: no such device (%s: %s)", spec, link, strerror(errno));
			free(link);
			return real;
		}
	}
	return xstrdup(spec);
}

static int already_mounted(const struct mtab *m, const char *src, const struct mtab_ent *e)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->e[i].dir, e->dir) &&
		    (!strcmp(m->e[i].src, src) || !strcmp(m->e[i].type, e->type)))
			return 1;
	return 0;
}

static int mount_entry(const struct mtab_ent *e, const char *cmdopts)
{
	char *src = resolve_spec(e->src, 0);
	int rc;
	if (!src)
		return -1;
	rc = do_mount(src, e->dir, e->type, e->opts, cmdopts);
	free(src);
	return rc;
}

static int mount_all(const char *fstab, const char *types, const char *cmdopts)
{
	struct mtab t, m;
	if (mtab_load(&t, fstab))
		pdie("%s", fstab);
	if (mtab_load(&m, "/proc/mounts"))
		pdie("/proc/mounts");
	for (size_t i = 0; i < t.n; i++) {
		struct mtab_ent *e = &t.e[i];
		struct mount_opts o = { 0 };
		char *src;
		int skip, nofail;
		if (!strcmp(e->type, "swap") || !strcmp(e->type, "ignore") || !strcmp(e->dir, "none") ||
		    !mtab_type_match(e->type, types))
			continue;
		if (mount_opts_parse(&o, e->opts)) {
			warn("%s: %s: bad options", fstab, e->dir);
			mount_opts_free(&o);
			continue;
		}
		skip = o.user & MO_NOAUTO;
		nofail = o.user & MO_NOFAIL;
		if (!skip && nofail && *e->src == '/' && access(e->src, F_OK))
			skip = 1;	/* nofail: a missing device is fine */
		mount_opts_free(&o);
		if (skip || !(src = resolve_spec(e->src, nofail)))
			continue;
		if (!already_mounted(&m, src, e))
			do_mount(src, e->dir, e->type, e->opts, cmdopts);
		free(src);
	}
	mtab_free(&m);
	mtab_free(&t);
	return px.exitcode;
}

/* mount DIR or mount DEVICE: the fstab entry, by directory first. */
static int mount_one(const char *fstab, const char *what, const char *cmdopts)
{
	struct mtab t;
	size_t i;
	int rc = -1;
	char *real = realpath(what, NULL);	/* "mount dd" finds /abs/dd, as util-linux */
	if (mtab_load(&t, fstab))
		pdie("%s", fstab);
	for (i = 0; i < t.n && strcmp(t.e[i].dir, what); i++)
		;
	if (i == t.n && real)
		for (i = 0; i < t.n && strcmp(t.e[i].dir, real); i++)
			;
	if (i == t.n)
		for (i = 0; i < t.n && strcmp(t.e[i].src, what); i++)
			;
	free(real);
	if (i < t.n)
		rc = mount_entry(&t.e[i], cmdopts);
	else
		warn("%s: not found in %s", what, fstab);
	mtab_free(&t);
	return rc;
}

static int list_mounts(const char *types)
{
	struct mtab t;
	if (mtab_load(&t, "/proc/mounts"))
		pdie("/proc/mounts");
	for (size_t i = 0; i < t.n; i++)
		if (mtab_type_match(t.e[i].type, types))
			printf("%s on %s type %s (%s)\n", t.e[i].src, t.e[i].dir, t.e[i].type, t.e[i].opts);
	mtab_free(&t);
	return px.exitcode;
}

int mount_main(int argc, char **argv)
{
	static const char *const longs[][2] = {
		{ "\001", "shared" }, { "\002", "slave" }, { "\003", "private" }, { "\004", "unbindable" },
		{ "\005", "rshared" }, { "\006", "rslave" }, { "\007", "rprivate" }, { "\010", "runbindable" },
		{ "B", "bind" }, { "R", "rbind" }, { "M", "move" },
	};
	const char *fstab = optstr('T') ? optstr('T') : "/etc/fstab", *type = optstr('t');
	char *cmdopts = xstrdup(""), *t;
	const char *arg;
	int rc, k;

	fake = opt('f');
	verbose = opt('v');
	/* the command line's options, applied after fstab's, in the order
	 * given: the last of -r, -w, -o ro and -o rw wins, as in util-linux
	 * (busybox lets -w win in any order) */
	for (unsigned pos = 0; (k = opt_next(&pos, &arg));) {
		const char *add = k == 'o' ? arg : k == 'r' ? "ro" : k == 'w' ? "rw" : NULL;
		for (size_t i = 0; !add && i < ARRAY_SIZE(longs); i++)
			if (k == longs[i][0][0])
				add = longs[i][1];
		if (!add)
			continue;
		t = xasprintf("%s,%s", cmdopts, add);
		free(cmdopts);
		cmdopts = t;
	}

	if (opt('a')) {
		if (!ENABLE_MOUNT_FSTAB)
			die("-a: fstab support is not built in");
		if (argc > 1)
			usage_die();
		rc = mount_all(fstab, type, cmdopts);
	} else if (argc == 1) {
		rc = list_mounts(type);
	} else if (argc == 2) {
		struct mount_opts mo = { 0 };
		if (mount_opts_parse(&mo, cmdopts))
			xexit(1);
		if ((mo.flags & MS_REMOUNT) || (mo.prop && !(mo.flags & (MS_BIND | MS_MOVE))))
			rc = do_mount(NULL, argv[1], type, NULL, cmdopts);
		else if (ENABLE_MOUNT_FSTAB)
			rc = mount_one(fstab, argv[1], cmdopts);
		else {
			warn("%s: need DEVICE and DIR (fstab support is not built in)", argv[1]);
			rc = -1;
		}
		mount_opts_free(&mo);
	} else {
		rc = do_mount(argv[1], argv[2], type, NULL, cmdopts);
	}
	free(cmdopts);
	free(proc_fs);
	return rc ? 1 : px.exitcode;
}
