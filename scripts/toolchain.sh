#!/bin/sh
# toolchain.sh [--print-cc] - static uClibc-ng sysroot with zlib and libpci,
# built from Debian's packages into $PXEBOX_CACHE, once.
#
# The sysroot lives in $PXEBOX_CACHE/sysroot-KEY, KEY being a hash of this
# script (which pins every source version), so changing a pin or a step
# builds a fresh one and an unchanged script reuses the cached one.
#   --print-cc   print the compiler wrapper's path and exit (used by make)
set -eu

UCLIBC_PKG=uclibc-source=1.0.35-1
UCLIBC_TARBALL=/usr/src/uClibc-ng-1.0.35.tar.xz
ZLIB_SRC=zlib=1:1.2.13.dfsg-1
PCI_SRC=pciutils=1:3.9.0-4

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${PXEBOX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pxebox}
KEY=$(cat "$0" "$here/uclibc.config" | sha256sum | cut -c1-12)
ROOT=$CACHE/sysroot-$KEY
CCW=$ROOT/bin/uclibc-gcc
[ "${1:-}" = --print-cc ] && { echo "$CCW"; exit 0; }
[ -x "$CCW" ] && [ -f "$ROOT/.done" ] && exit 0

JOBS=${JOBS:-$(nproc)}
WORK=$CACHE/work-$KEY
LOGS=$WORK/logs
step() { STEP=$1; echo "  TOOLCHAIN $1" >&2; }
fail() { echo "toolchain.sh: $STEP: $*" >&2; exit 1; }
run() {	# run LOGNAME CMD...: quiet unless it fails, then show the log's tail
	log=$LOGS/$1.log; shift
	"$@" >"$log" 2>&1 || { tail -n 25 "$log" >&2; fail "failed: $* (full log: $log)"; }
}

step "host packages"
"$here/host-deps.sh" gcc make binutils libc6-dev dpkg-dev xz-utils file linux-libc-dev
"$here/enable-deb-src.sh"
dpkg-query -W -f='${Version}' uclibc-source 2>/dev/null | grep -qx "${UCLIBC_PKG#*=}" ||
	{ "$here/host-deps.sh" apt-utils >/dev/null 2>&1 || true
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$UCLIBC_PKG" >/dev/null; }
[ -f "$UCLIBC_TARBALL" ] || fail "$UCLIBC_TARBALL missing after installing $UCLIBC_PKG"

rm -rf "$WORK" "$ROOT"
mkdir -p "$LOGS" "$ROOT"

step "sources: $ZLIB_SRC $PCI_SRC"
(cd "$WORK" && run apt-source apt-get source -qq "$ZLIB_SRC" "$PCI_SRC")
ZDIR=$(ls -d "$WORK"/zlib-*/); PDIR=$(ls -d "$WORK"/pciutils-*/)

step "kernel headers (linux-libc-dev $(dpkg-query -W -f='${Version}' linux-libc-dev))"
# uClibc wants linux/ and asm/ in one tree; Debian keeps asm/ under the multiarch dir
KH=$WORK/kernel-headers
mkdir -p "$KH"
cp -a /usr/include/linux /usr/include/asm-generic "$KH/"
for d in mtd rdma sound video xen drm misc scsi; do
	[ -d /usr/include/$d ] && cp -a /usr/include/$d "$KH/"
done
cp -a "/usr/include/$(gcc -dumpmachine)/asm" "$KH/asm"
[ -f "$KH/asm/unistd.h" ] || fail "no asm/unistd.h"

step "uClibc-ng: configure"
tar -C "$WORK" -xf "$UCLIBC_TARBALL"
UC=$(ls -d "$WORK"/uClibc-ng-*/)
cd "$UC"
run uc-defconfig make ARCH=x86_64 defconfig
{ echo "KERNEL_HEADERS=\"$KH\""; grep -v '^KERNEL_HEADERS' "$here/uclibc.config"; } >>.config
run uc-olddefconfig make ARCH=x86_64 olddefconfig
for o in UCLIBC_HAS_REGEX UCLIBC_HAS_FNMATCH UCLIBC_HAS_GLOB UCLIBC_HAS_FTW UCLIBC_HAS_GETOPT_LONG UCLIBC_HAS_IPV6; do
	grep -qx "$o=y" .config || fail "$o did not stick in the uClibc-ng .config"
done

step "uClibc-ng: build (about 3 minutes on 2 cores)"
run uc-build make -j"$JOBS" ARCH=x86_64
run uc-install make ARCH=x86_64 PREFIX="$ROOT" install
cp -a "$KH"/. "$ROOT/usr/include/"
# Static-only uClibc-ng 1.0.35 leaves _dl_pagesize undefined (it is defined
# in libdl, which libc.a only gets with HAVE_SHARED); supply it.
if ! nm -g --defined-only "$ROOT/usr/lib/libc.a" 2>/dev/null | grep -q ' [BDT] _dl_pagesize$'; then
	printf '#include <stddef.h>\nsize_t _dl_pagesize = 4096;\n' >"$WORK/pagesize.c"
	gcc -Os -fno-pie -c "$WORK/pagesize.c" -o "$WORK/pagesize.o"
	ar rs "$ROOT/usr/lib/libc.a" "$WORK/pagesize.o" 2>/dev/null
fi

step "compiler wrapper"
mkdir -p "$ROOT/bin"
cat >"$ROOT/usr/lib/uclibc.specs" <<SPECS
%rename cpp_options old_cpp_options

*cpp_options:
-nostdinc -isystem $ROOT/usr/include -isystem include%s %(old_cpp_options)

*cc1:
%(cc1_cpu) -nostdinc -isystem $ROOT/usr/include -isystem include%s

*link_libgcc:
-L$ROOT/usr/lib -L .%s

*libgcc:
libgcc.a%s %:if-exists(libgcc_eh.a%s)

*startfile:
$ROOT/usr/lib/crt1.o $ROOT/usr/lib/crti.o crtbeginT.o%s

*endfile:
crtend.o%s $ROOT/usr/lib/crtn.o

*link:
-nostdlib -static

SPECS
cat >"$CCW" <<WRAP
#!/bin/sh
exec "\${REALGCC:-gcc}" -specs "$ROOT/usr/lib/uclibc.specs" -static -no-pie "\$@"
WRAP
chmod +x "$CCW"

step "zlib"
cd "$ZDIR"
run z-configure env CC="$CCW" CFLAGS="-Os -ffunction-sections -fdata-sections" ./configure --static --prefix=/usr
run z-build make -j"$JOBS" libz.a
run z-install make install DESTDIR="$ROOT"

step "libpci"
cd "$PDIR"
set -- CC="$CCW" HOST=x86_64-linux OPT="-Os -ffunction-sections -fdata-sections" \
	ZLIB=no DNS=no HWDB=no LIBKMOD=no SHARED=no PREFIX=/usr IDSDIR=/usr/share/misc
run p-build make -j"$JOBS" lib/libpci.a "$@"
run p-install make install-lib "$@" DESTDIR="$ROOT"

step "check: a static program using zlib and libpci"
cat >"$WORK/check.c" <<'C'
#include <stdio.h>
#include <zlib.h>
#include <pci/pci.h>
int main(void)
{
	struct pci_access *a = pci_alloc();
	pci_init(a);
	printf("zlib %s libpci %s\n", zlibVersion(), PCILIB_VERSION);
	pci_cleanup(a);
	return 0;
}
C
run check "$CCW" -Os -o "$WORK/check" "$WORK/check.c" -lpci -lz
"$WORK/check" >/dev/null || fail "the check program did not run"
file "$WORK/check" | grep -q 'statically linked' || fail "the check program is not static"
rm -rf "$WORK"
touch "$ROOT/.done"
echo "  TOOLCHAIN ready: $CCW" >&2
