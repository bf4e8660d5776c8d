#!/bin/sh
# fetch-kernel.sh - download Debian's stock amd64 kernel package (the one
# behind the linux-image-amd64 metapackage) and unpack it, never install it,
# into ${PXEBOX_CACHE:-$HOME/.cache/pxebox}/kernel/.  Prints the unpacked
# root, which holds boot/vmlinuz-VER and lib/modules/VER/.  Cached: a second
# run only prints the path.  The .deb carries no modules.dep; the tests run
# depmod themselves.
set -eu
cache=${PXEBOX_CACHE:-$HOME/.cache/pxebox}/kernel
mkdir -p "$cache"
# the stamp names the package we unpacked, so a finished unpack is reused
# even when the mirror has moved on (no network needed then)
if [ -f "$cache/PACKAGE" ] && [ -d "$cache/root/lib/modules" ]; then
	echo "$cache/root"
	exit 0
fi
[ -n "$(apt-cache depends linux-image-amd64 2>/dev/null | grep Depends:)" ] || {
	apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null || true
}
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n1)
[ -n "$pkg" ] || { echo "fetch-kernel.sh: no linux-image-amd64 package known to apt" >&2; exit 1; }
tmp=$cache/.tmp.$$
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/dl" && chmod 777 "$tmp/dl"	# lets apt fetch as _apt
echo "  FETCH   $pkg" >&2
(cd "$tmp/dl" && apt-get download -qq "$pkg" >/dev/null) ||
	{ echo "fetch-kernel.sh: apt-get download $pkg failed" >&2; exit 1; }
dpkg -x "$tmp"/dl/*.deb "$tmp/root"
rm -rf "$cache/root"
mv "$tmp/root" "$cache/root"
echo "$pkg" >"$cache/PACKAGE"
echo "$cache/root"
