#!/bin/sh
# modprobe bench: resolve 500 PCI aliases (network drivers) to their load
# lists against Debian's full module tree, one process per alias as udev or
# a linuxrc does: pxebox vs kmod vs busybox modprobe, all with -D
# (--show-depends, nothing is loaded).  busybox has no -d/-S, so it runs in
# a chroot holding the tree as /lib/modules/$(uname -r) (needs root).
# Prints wall and CPU seconds and the ratios.  Not a test.
set -u
: "${PXEBOX:?}" "${SRC:?}"
"$SRC/scripts/host-deps.sh" kmod busybox-static >/dev/null 2>&1
root=$("$SRC/scripts/fetch-kernel.sh" 2>/dev/null) || { echo "modprobe bench: no Debian kernel tree"; exit 0; }
ver=$(ls "$root/lib/modules" | head -n1)
ref=$root/../kmod-ref
if [ ! -f "$ref/.done-$ver" ]; then
	rm -rf "$ref"
	cp -al "$root" "$ref" 2>/dev/null || cp -a "$root" "$ref"
	depmod -b "$ref" "$ver" && touch "$ref/.done-$ver"
fi
dir=$ref/lib/modules/$ver
work=$(mktemp -d /tmp/modprobe-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

# the aliases: PCI aliases of drivers/net modules, wildcards made concrete
grep '^kernel/drivers/net/' "$dir/modules.dep" | cut -d: -f1 | sed 's|.*/||;s|\.ko.*||;s|-|_|g' | sort -u >"$work/mods"
awk 'NR == FNR { m[$1] = 1; next } $2 ~ /^pci:/ && ($3 in m) { print $2 }' "$work/mods" "$dir/modules.alias" |
	sed 's/\*/0/g' | sort -u | awk 'NR % 4 == 1' | head -n 500 >"$work/aliases"
n=$(wc -l <"$work/aliases")

# run CMD once per alias; prints "wall cpu" in seconds
measure() {
	cat >"$work/loop.sh" <<-EOF2
	while read -r a; do $1 "\$a" >/dev/null 2>&1; done <"$work/aliases"
	EOF2
	s=$(date +%s.%N)
	cpu=$( { /usr/bin/time -f '%U %S' sh "$work/loop.sh" >/dev/null; } 2>&1 | tail -n1 | awk '{ print $1 + $2 }')
	e=$(date +%s.%N)
	echo "$s $e $cpu" | awk '{ printf "%.2f %.2f\n", $2 - $1, $3 }'
}

set -- $(measure "$PXEBOX modprobe -D -d $ref -S $ver")
p_wall=$1 p_cpu=$2
set -- $(measure "/sbin/modprobe -D -d $ref -S $ver")
k_wall=$1 k_cpu=$2
b_wall=- b_cpu=-
if [ "$(id -u)" = 0 ] && [ -x /bin/busybox ]; then
	c=$work/chroot
	mkdir -p "$c/bin" "$c/lib/modules" "$c/tmp"
	cp /bin/busybox "$c/bin/busybox"
	cp "$PXEBOX" "$c/bin/pxebox"
	cp -al "$dir" "$c/lib/modules/$(uname -r)" 2>/dev/null || cp -a "$dir" "$c/lib/modules/$(uname -r)"
	cp "$work/aliases" "$c/tmp/aliases"
	cat >"$c/tmp/loop.sh" <<-'EOF2'
	while read -r a; do /bin/busybox modprobe -D "$a" 2>&1; done </tmp/aliases | /bin/busybox grep -c insmod >/tmp/count
	EOF2
	s=$(date +%s.%N)
	b_cpu=$( { /usr/bin/time -f '%U %S' chroot "$c" /bin/busybox sh /tmp/loop.sh >/dev/null; } 2>&1 | tail -n1 | awk '{ print $1 + $2 }')
	e=$(date +%s.%N)
	b_wall=$(echo "$s $e" | awk '{ printf "%.2f", $2 - $1 }')
	# busybox must have resolved them, not failed fast
	[ "$(cat "$c/tmp/count" 2>/dev/null || echo 0)" -gt "$n" ] ||
		echo "  (busybox modprobe printed $(cat "$c/tmp/count" 2>/dev/null) insmod lines for $n aliases: not comparable)"
fi
ratio() { echo "$1 $2" | awk '{ if ($2 + 0 > 0 && $1 != "-") printf "%.2f", $1 / $2; else print "-" }'; }
echo "modprobe -D, $n PCI aliases of drivers/net, Debian $ver ($(wc -l <"$dir/modules.alias") aliases)"
printf '%-10s %10s %10s %14s %14s\n' tool wall_s cpu_s wall/pxebox cpu/pxebox
printf '%-10s %10s %10s %14s %14s\n' pxebox "$p_wall" "$p_cpu" 1.00 1.00
printf '%-10s %10s %10s %14s %14s\n' kmod "$k_wall" "$k_cpu" "$(ratio "$k_wall" "$p_wall")" "$(ratio "$k_cpu" "$p_cpu")"
printf '%-10s %10s %10s %14s %14s\n' busybox "$b_wall" "$b_cpu" "$(ratio "$b_wall" "$p_wall")" "$(ratio "$b_cpu" "$p_cpu")"
