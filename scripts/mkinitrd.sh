#!/bin/sh
# mkinitrd.sh PXEBOX OUT.cpio.gz [KMODDIR [KVER]]
# Builds the initramfs from initrd-skel/, the pxebox binary and its applet
# links, /dev/console and /dev/null, and kernel modules: the NIC drivers
# (NIC_MODULES, default every module under drivers/net/ethernet plus
# virtio_net; virtio_pci always) and NFS, with their dependencies, resolved and indexed by
# pxebox's own modprobe and depmod.  Packed by pxebox's cpio and gzip with
# owners 0:0, sorted entries and mtimes clamped to SOURCE_DATE_EPOCH, so two
# builds give the same bytes.  Device nodes need root (mknod).
# RUNTIME=BINARY puts another multicall binary (e.g. busybox) in the image in
# pxebox's place, for side-by-side figures; pxebox still builds the image.
set -eu
PXEBOX=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
KMODDIR=${3:-}
KVER=${4:-}
src=$(cd "$(dirname "$0")/.." && pwd)
for a in cpio gzip modprobe depmod; do
	"$PXEBOX" --list | grep -qx "$a" ||
		{ echo "mkinitrd.sh: $PXEBOX has no $a applet (the image builder uses it)" >&2; exit 1; }
done
# what linuxrc needs of a trimmed build, when its .config is at hand
# (PXEBOX_CONFIG, else the one beside the binary)
cfg=${PXEBOX_CONFIG:-$(dirname "$PXEBOX")/.config}
if [ -f "$cfg" ]; then
	for c in SH MOUNT MOUNT_NFS FIND FIND_EXEC LN UDHCPC MODPROBE SWITCH_ROOT LSPCI IP; do
		grep -qx "CONFIG_$c=y" "$cfg" ||
			{ echo "mkinitrd.sh: $cfg lacks CONFIG_$c, which linuxrc needs" >&2; exit 1; }
	done
fi
: "${SOURCE_DATE_EPOCH:=$(git -C "$src" log -1 --format=%ct 2>/dev/null || echo 0)}"
export SOURCE_DATE_EPOCH

stage=$(mktemp -d "${TMPDIR:-/tmp}/pxebox-initrd.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
umask 022

# layout: everything in /bin; sbin and usr point at it; etc/linuxrc.d for
# the hooks a distribution adds
mkdir -p "$stage/bin" "$stage/dev" "$stage/etc/linuxrc.d" "$stage/proc" "$stage/sys" "$stage/run" \
	"$stage/tmp" "$stage/sysroot" "$stage/usr"
ln -s bin "$stage/sbin"
ln -s ../bin "$stage/usr/bin"
ln -s ../bin "$stage/usr/sbin"
RUNTIME=${RUNTIME:-$PXEBOX}
cp "$RUNTIME" "$stage/bin/pxebox"
chmod 755 "$stage/bin/pxebox"
for a in $("$RUNTIME" --list); do
	[ -e "$stage/bin/$a" ] || ln -s pxebox "$stage/bin/$a"
done
(cd "$src/initrd-skel" && find . -type f -o -type l | LC_ALL=C sort) | while read -r f; do
	mkdir -p "$stage/$(dirname "$f")"
	cp -P "$src/initrd-skel/$f" "$stage/$f"
	[ -x "$src/initrd-skel/$f" ] && chmod 755 "$stage/$f" || chmod 644 "$stage/$f"
done
ln -s linuxrc "$stage/init"
chmod 1777 "$stage/tmp"
if [ "$(id -u)" = 0 ]; then
	mknod -m 600 "$stage/dev/console" c 5 1
	mknod -m 666 "$stage/dev/null" c 1 3
else
	echo "mkinitrd.sh: not root: the image has no /dev/console or /dev/null" >&2
fi

nmods=0
if [ -n "$KMODDIR" ]; then
	[ -n "$KVER" ] || KVER=$(ls "$KMODDIR/lib/modules" | head -n1)
	mdir=$KMODDIR/lib/modules/$KVER
	[ -d "$mdir" ] || { echo "mkinitrd.sh: no $mdir" >&2; exit 1; }
	# the unpacked .deb has no index: make one with our depmod, once
	[ -f "$mdir/modules.dep" ] || "$PXEBOX" depmod -b "$KMODDIR" "$KVER"
	if [ -z "${NIC_MODULES:-}" ]; then
		NIC_MODULES="$(find "$mdir/kernel/drivers/net/ethernet" -name '*.ko*' 2>/dev/null |
			sed 's|.*/||; s|\.ko.*||' | LC_ALL=C sort) virtio_net"
	fi
	# virtio cards need their PCI transport too: lspci -k names virtio_pci
	for m in $NIC_MODULES virtio_pci nfs nfsv3 af_packet; do
		"$PXEBOX" modprobe -d "$KMODDIR" -S "$KVER" --show-depends "$m" 2>/dev/null || true
	done | sed -n 's/^insmod \([^ ]*\).*/\1/p' | LC_ALL=C sort -u >"$stage/.mods"
	while read -r f; do
		rel=${f#"$mdir"/}
		mkdir -p "$stage/lib/modules/$KVER/$(dirname "$rel")"
		cp "$f" "$stage/lib/modules/$KVER/$rel"
		chmod 644 "$stage/lib/modules/$KVER/$rel"
		nmods=$((nmods + 1))
	done <"$stage/.mods"
	rm -f "$stage/.mods"
	for f in modules.builtin modules.builtin.modinfo modules.order; do
		[ -f "$mdir/$f" ] && cp "$mdir/$f" "$stage/lib/modules/$KVER/" && chmod 644 "$stage/lib/modules/$KVER/$f"
	done
	"$PXEBOX" depmod -b "$stage" "$KVER"
fi

find "$stage" -type d -exec chmod go-w {} +
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
	"$PXEBOX" cpio -o -H newc -R 0:0 --quiet) | "$PXEBOX" gzip -6 -n >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"

kb() { du -sk "$1" 2>/dev/null | cut -f1; }	# a tree: disk use
size() { echo $(( ($(wc -c <"$1") + 1023) / 1024 )); }	# a file: its bytes, rounded up
printf '  INITRD  %s\n' "$OUT"
printf '          binary    %6d KiB  (%s applets)\n' "$(size "$stage/bin/pxebox")" "$("$RUNTIME" --list | wc -l)"
printf '          modules   %6d KiB  (%d modules%s)\n' "$( [ -d "$stage/lib" ] && kb "$stage/lib" || echo 0)" "$nmods" "${KVER:+ for $KVER}"
printf '          skeleton  %6d KiB  (%d files)\n' "$(kb "$src/initrd-skel")" "$(find "$src/initrd-skel" -type f | wc -l)"
printf '          image     %6d KiB  compressed\n' "$(size "$OUT")"
