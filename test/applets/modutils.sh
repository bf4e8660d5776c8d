# modutils.sh - sourced by the tests of modprobe, depmod, modinfo, insmod,
# rmmod and lspci: small module trees made on the spot, and Debian's real
# kernel module tree (fetched once, cached) with kmod's own indexes beside
# it as the reference.

# mkmod FILE KEY=VALUE...: a relocatable ELF object whose .modinfo section
# holds the given strings, as a real .ko's does.
mkmod() {
	_f=$1
	shift
	mkdir -p "$(dirname "$_f")"
	{
		printf 'static const char modinfo[] __attribute__((section(".modinfo"), used, aligned(1))) =\n'
		for _kv; do printf '\t"%s\\0"\n' "$_kv"; done
		printf '\t"";\n'
	} >"$TMP/.mkmod.c"
	cc -c -o "$_f" "$TMP/.mkmod.c"
}

# mini_tree DIR: DIR/lib/modules/1.0 with a few fake modules and their
# indexes written by hand (the depmod test checks depmod against these).
MINI_VER=1.0
mini_tree() {
	_d=$1/lib/modules/$MINI_VER
	mkmod "$_d/kernel/drivers/a.ko" "license=GPL" "depends=b,c" "alias=netdev-foo" "name=a" "vermagic=1.0 SMP"
	mkmod "$_d/kernel/lib/b.ko" "license=GPL" "depends=c" "parm=level:how loud" "parmtype=level:int" "name=b"
	mkmod "$_d/kernel/lib/c.ko" "license=GPL" "depends=" "name=c"
	mkmod "$_d/kernel/drivers/net/d-x.ko" "alias=pci:v00001234d*sv*sd*bc02sc*i*" "alias=pci:v00005678d00000001sv*sd*bc*sc*i*" "depends=" "softdep=pre: c" "name=d_x"
	mkmod "$_d/kernel/lib/e.ko" "depends=" "name=e"
	mkmod "$_d/extra/z.ko" "depends=e" "name=z"
	printf 'kernel/drivers/a.ko\nkernel/lib/b.ko\nkernel/lib/c.ko\nkernel/drivers/net/d-x.ko\nkernel/lib/e.ko\n' >"$_d/modules.order"
	cat >"$_d/modules.dep" <<-EOF
	kernel/drivers/a.ko: kernel/lib/b.ko kernel/lib/c.ko
	kernel/lib/b.ko: kernel/lib/c.ko
	kernel/lib/c.ko:
	kernel/drivers/net/d-x.ko:
	kernel/lib/e.ko:
	extra/z.ko: kernel/lib/e.ko
	EOF
	cat >"$_d/modules.alias" <<-EOF
	# Aliases extracted from modules themselves.
	alias netdev-foo a
	alias pci:v00001234d*sv*sd*bc02sc*i* d_x
	alias pci:v00005678d00000001sv*sd*bc*sc*i* d_x
	EOF
	cat >"$_d/modules.softdep" <<-EOF
	# Soft dependencies extracted from modules themselves.
	softdep d_x pre: c
	EOF
	printf 'kernel/fs/bi.ko\n' >"$_d/modules.builtin"
	printf 'bi.license=GPL\0bi.alias=fs-bi\0bi.parm=x:an x\0bi.parmtype=x:int\0' >"$_d/modules.builtin.modinfo"
}

# debian_tree: sets KROOT (the unpacked linux-image .deb), KVER and KREF (a
# hard-linked copy with kmod's depmod output), or returns 1 after a skip.
debian_tree() {
	KROOT=$("$SRC/scripts/fetch-kernel.sh" 2>"$TMP/.fetch.err") || {
		skip "$1" "no Debian kernel tree: $(tail -n1 "$TMP/.fetch.err")"
		return 1
	}
	KVER=$(ls "$KROOT/lib/modules" | head -n1)
	KREF=$KROOT/../kmod-ref
	if [ ! -f "$KREF/.done-$KVER" ]; then
		rm -rf "$KREF"
		cp -al "$KROOT" "$KREF" 2>/dev/null || cp -a "$KROOT" "$KREF"
		depmod -b "$KREF" "$KVER" || return 1
		touch "$KREF/.done-$KVER"
	fi
	KDIR=$KREF/lib/modules/$KVER
}

# first occurrence of each line only: kmod prints a module once per alias
# pattern that matched, pxebox once (see modprobe.test)
uniq_lines() { awk '!seen[$0]++'; }

# mkpcidev SYSFS SLOT VENDOR DEVICE CLASS REV SVENDOR SDEVICE IRQ [DRIVER]:
# one device as Linux shows it under /sys/bus/pci (IDs in hex, CLASS with
# its prog-if, e.g. 020000), for libpci's -O sysfs.path=SYSFS.
mkpcidev() {
	_d=$1/devices/$2
	mkdir -p "$_d"
	echo "0x$3" >"$_d/vendor"; echo "0x$4" >"$_d/device"; echo "0x$5" >"$_d/class"
	echo "0x$6" >"$_d/revision"; echo "0x$7" >"$_d/subsystem_vendor"; echo "0x$8" >"$_d/subsystem_device"
	echo "$9" >"$_d/irq"
	_up() { echo "$1" | tr a-f A-F; }
	_c=$(_up "$5")
	printf 'pci:v0000%sd0000%ssv0000%ssd0000%sbc%ssc%si%s\n' "$(_up "$3")" "$(_up "$4")" "$(_up "$7")" "$(_up "$8")" \
		"$(echo "$_c" | cut -c1-2)" "$(echo "$_c" | cut -c3-4)" "$(echo "$_c" | cut -c5-6)" >"$_d/modalias"
	# the first 64 bytes of config space: IDs, command, status, class,
	# header type 0, subsystem IDs
	_b() { printf "\\$(printf %03o $(($1)))"; }
	{
		_b "0x$3 & 255"; _b "0x$3 >> 8"; _b "0x$4 & 255"; _b "0x$4 >> 8"
		printf '\007\000\000\002'; _b "0x$6"; _b "0x$5 & 255"; _b "(0x$5 >> 8) & 255"; _b "0x$5 >> 16"
		head -c 36 /dev/zero
		_b "0x$7 & 255"; _b "0x$7 >> 8"; _b "0x$8 & 255"; _b "0x$8 >> 8"
		head -c 20 /dev/zero
	} >"$_d/config"
	printf '0x00000000febc0000 0x00000000febdffff 0x0000000000040200\n0x000000000000c000 0x000000000000c03f 0x0000000000040101\n' >"$_d/resource"
	if [ -n "${10:-}" ]; then
		mkdir -p "$1/drivers/${10}"
		ln -s "../../drivers/${10}" "$_d/driver"
	fi
}
