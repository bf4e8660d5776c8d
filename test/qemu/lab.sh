#!/bin/bash
# lab.sh - the QEMU boot lab: a private network namespace with a tap device,
# dnsmasq (DHCP with root-path and next-server, TFTP), rpcbind and
# nfs-ganesha (NFSv3, read-only VFS export), and a QEMU guest on the tap.
# Nothing leaves the namespace: it has only lo and tap0 (10.0.2.2/24).
#
#   lab.sh CASE          boot one scenario, exit 0 when its expectation is met
#   lab.sh run           boot with the serial console on this terminal
# Cases: boot, dhcp-late, nfs-absent, bad-rootpath, virtio, root-override, pxe,
#        daemon (pxebox.dhcp=daemon: the lease is renewed after the switch),
#        busybox (the same flow with Debian's busybox-static, for the figures)
# Environment: PXEBOX (binary), O (build dir with initrd.cpio.gz and vmlinuz), INITRD
#   (another image), APPEND_EXTRA (more kernel parameters, e.g. pxebox.debug),
#   LAB (work dir, default $O/qemu-lab), TIMEOUT (seconds, default 150).
set -euo pipefail
CASE=${1:-boot}
src=$(cd "$(dirname "$0")/../.." && pwd)
O=${O:-$src/build}
PXEBOX=${PXEBOX:-$O/pxebox}
LAB=${LAB:-$O/qemu-lab}
NS=pxebox-lab-$$
TIMEOUT=${TIMEOUT:-150}
SERVER=10.0.2.2
EXPORT=/export/root
mkdir -p "$LAB"
LAB=$(cd "$LAB" && pwd)
RUN=$LAB/run-$CASE
rm -rf "$RUN"
mkdir -p "$RUN/ganesha-run" "$RUN/nfs-state" "$RUN/tftp/pxelinux.cfg"
LOG=$RUN/console.log

say() { echo "  QEMU    $CASE: $*"; }

cleanup() {
	set +e
	for p in $(ip netns pids "$NS" 2>/dev/null); do kill "$p" 2>/dev/null; done
	sleep 0.5
	for p in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	ip netns del "$NS" 2>/dev/null
	umount -l "$RUN/export" 2>/dev/null
}
trap cleanup EXIT INT TERM

# ---- the NFS root: pxebox, an init that prints a marker, /var and dev.tar.gz
make_root() {	# make_root DIR PXEBOX_OR_BUSYBOX
	local r=$1 bin=$2
	mkdir -p "$r"/{bin,sbin,etc,proc,sys,dev,tmp,run,var/log,root}
	cp "$bin" "$r/bin/multi"
	if [ "$(basename "$bin")" = busybox ]; then
		for a in sh cat mount echo ls sleep; do ln -sf multi "$r/bin/$a"; done
	else
		for a in $("$bin" --list); do ln -sf multi "$r/bin/$a"; done
	fi
	cat >"$r/sbin/init" <<'INIT'
#!/bin/sh
[ -r /proc/uptime ] || mount -t proc proc /proc	# busybox's switch_root leaves /proc behind
echo "PXEBOX-ROOT-OK marker=$(cat /var/log/marker) up=$(cat /proc/uptime)"
while read -r dev mnt type opts rest; do
	[ "$mnt" = /nfsroot ] && echo "nfsroot: $dev $type $opts"
done </proc/mounts
case " $(cat /proc/cmdline) " in
*" pxebox.dhcp=daemon "*)
	# the udhcpc linuxrc left behind (chrooted in its own tmpfs) renews the lease
	n=0
	while [ $n -lt 60 ]; do
		for f in /proc/[0-9]*/root/etc/udhcpc-eth0.info; do
			grep -q "^EVENT='renew'" "$f" 2>/dev/null && echo "PXEBOX-RENEWED $(grep '^IP=' "$f")" && break 2
		done
		sleep 0.5
		n=$((n + 1))
	done ;;
esac
echo o >/proc/sysrq-trigger
sleep 10
INIT
	chmod 755 "$r/sbin/init"
	echo "from-nfs-var" >"$r/var/log/marker"
	local d
	d=$(mktemp -d)
	mkdir "$d/dev"
	mknod -m 600 "$d/dev/console" c 5 1
	mknod -m 666 "$d/dev/null" c 1 3
	mknod -m 666 "$d/dev/zero" c 1 5
	mknod -m 660 "$d/dev/ttyS0" c 4 64
	tar -C "$d" -czf "$r/dev.tar.gz" --owner=0 --group=0 --numeric-owner dev
	rm -rf "$d"
}

# ---- servers ----------------------------------------------------------------
net_up() {
	ip netns add "$NS"
	ip -n "$NS" link set lo up
	ip -n "$NS" tuntap add dev tap0 mode tap
	ip -n "$NS" addr add $SERVER/24 dev tap0
	ip -n "$NS" link set tap0 up
}

dnsmasq_start() {	# dnsmasq_start ROOTPATH
	ip netns exec "$NS" dnsmasq --conf-file=/dev/null --port=0 --interface=tap0 --bind-interfaces \
		--dhcp-range=10.0.2.15,10.0.2.50,255.255.255.0,1h --dhcp-leasefile="$RUN/leases" \
		${FIXED:+--dhcp-host=$MAC,$FIXED} ${DNSMASQ_EXTRA:-} \
		--dhcp-option=3 --dhcp-option=6 --dhcp-option-force=17,"$1" \
		--dhcp-boot=pxelinux.0,,$SERVER --enable-tftp --tftp-root="$RUN/tftp" \
		--pid-file="$RUN/dnsmasq.pid" --log-dhcp --log-facility="$RUN/dnsmasq.log"
}

ganesha_start() {
	cat >"$RUN/ganesha.conf" <<CONF
NFS_CORE_PARAM { Protocols = 3; Bind_addr = $SERVER; NFS_Port = 2049; MNT_Port = 20048;
	Enable_NLM = false; Enable_RQUOTA = false; Mount_Path_Pseudo = true; }
EXPORT_DEFAULTS { SecType = sys; Squash = No_Root_Squash; }
EXPORT { Export_Id = 1; Path = $RUN/export; Pseudo = $EXPORT; Access_Type = RO;
	Squash = No_Root_Squash; Protocols = 3; Transports = TCP, UDP; FSAL { Name = VFS; } }
LOG { Default_Log_Level = EVENT; }
CONF
	# rpcbind and ganesha keep state in /run and /var/lib/nfs: give them private ones
	ip netns exec "$NS" unshare -m --propagation private sh -c "
		mount --bind '$RUN/ganesha-run' /run; mount --bind '$RUN/nfs-state' /var/lib/nfs
		mkdir -p /run/rpcbind /var/lib/nfs/ganesha
		rpcbind -w -h $SERVER
		exec ganesha.nfsd -F -f '$RUN/ganesha.conf' -L '$RUN/ganesha.log' -p '$RUN/ganesha.pid'
	" >"$RUN/ganesha.out" 2>&1 &
	for _ in $(seq 100); do
		grep -q 'NFS SERVER INITIALIZED' "$RUN/ganesha.log" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "ganesha did not start:" >&2
	cat "$RUN/ganesha.out" "$RUN/ganesha.log" >&2 2>/dev/null
	return 1
}

# ---- the guest ------------------------------------------------------------------
# boot_vm NIC APPEND [MODE]: serial to $LOG with host timestamps; returns when
# QEMU exits, TIMEOUT passes, or a line matching $STOP_ON appears
boot_vm() {
	local nic=$1 append=$2 mode=${3:-kernel} args
	if [ "$mode" = pxe ]; then
		args=(-boot n -device "$nic,netdev=n0,mac=$MAC")
	else
		args=(-kernel "$KERNEL" -initrd "$INITRD" -append "$append" -device "$nic,netdev=n0,mac=$MAC,romfile=")
	fi
	local t0 ; t0=$(date +%s%N)
	ip netns exec "$NS" timeout -k 5 "$TIMEOUT" qemu-system-x86_64 -m 384 -smp 1 -nographic \
		-no-reboot -netdev tap,id=n0,ifname=tap0,script=no,downscript=no "${args[@]}" </dev/null 2>&1 |
		sed -u -e 's/\r//g' -e 's/\x1b\[[0-9;?]*[a-zA-Z]//g' -e 's/\x1bc//g' |
		while IFS= read -r line; do
			t=$(( ($(date +%s%N) - t0) / 10000000 ))
			printf '[%4d.%02d] %s\n' $((t / 100)) $((t % 100)) "$line"
			if [ -n "${STOP_ON:-}" ] && printf '%s' "$line" | grep -qE "$STOP_ON"; then
				for p in $(ip netns pids "$NS"); do
					[ "$(cat /proc/$p/comm 2>/dev/null)" = qemu-system-x86 ] && kill "$p"
				done
			fi
		done >"$LOG"
	return 0
}

# ---- scenarios ----------------------------------------------------------------------
KERNEL=$O/vmlinuz
INITRD=${INITRD:-$O/initrd.cpio.gz}
ROOTPATH="$SERVER:$EXPORT"
NIC=e1000
# The client has a host entry with a fixed address, as in the HOWTO's dhcpd.conf;
# dnsmasq answers those at once (from its pool it first pings the address
# for 3 s, which dhcp-late keeps exercising).
MAC=52:54:00:12:34:56
FIXED=10.0.2.15
APPEND="console=ttyS0 quiet panic=-1 rdinit=/linuxrc${APPEND_EXTRA:+ $APPEND_EXTRA}"
# every pattern must appear in the console log
expect=('PXEBOX-ROOT-OK marker=from-nfs-var' 'nfsroot: 10\.0\.2\.2:/export/root nfs ro,')
STOP_ON='PXEBOX-ROOT-OK|PXEBOX-RESCUE-SHELL|Kernel panic'
root_bin=$PXEBOX
[ -f "$KERNEL" ] && [ -f "$INITRD" ] || { echo "lab.sh: need $KERNEL and $INITRD (make initrd)" >&2; exit 2; }

case $CASE in
boot|run) ;;
dhcp-late) FIXED= ;;
nfs-absent) expect=('ERROR: NFS mount of 10\.0\.2\.2:/export/root failed' 'mount: .*: (Connection refused|.*timed out)' 'PXEBOX-RESCUE-SHELL') ;;
bad-rootpath) ROOTPATH="$SERVER:/no/such/root"; expect=('ERROR: NFS mount of 10\.0\.2\.2:/no/such/root failed' 'PXEBOX-RESCUE-SHELL') ;;
virtio) NIC=virtio-net-pci ;;
root-override) ROOTPATH="$SERVER:/wrong/path"; APPEND="$APPEND root=nfs:$SERVER:$EXPORT" ;;
pxe) ;;
daemon) APPEND="$APPEND pxebox.dhcp=daemon"; DNSMASQ_EXTRA="--dhcp-option=option:T1,3 --dhcp-option=option:T2,6"
	expect+=("PXEBOX-RENEWED IP='10\.0\.2\.15'"); STOP_ON='PXEBOX-RENEWED|PXEBOX-RESCUE-SHELL|Kernel panic' ;;
busybox) INITRD=$RUN/initrd-busybox.cpio.gz; root_bin=/bin/busybox; APPEND="$APPEND modules=-e1000" ;;
*) echo "lab.sh: unknown case $CASE" >&2; exit 2 ;;
esac

make_root "$RUN/export" "$root_bin"
[ "$CASE" = busybox ] && "$src/test/qemu/busybox-initrd.sh" "$INITRD" "$O"
net_up
[ "$CASE" = nfs-absent ] || ganesha_start
if [ "$CASE" = pxe ]; then
	cp "$KERNEL" "$RUN/tftp/vmlinuz"
	cp "$INITRD" "$RUN/tftp/initrd.gz"
	cp /usr/lib/PXELINUX/pxelinux.0 /usr/lib/syslinux/modules/bios/ldlinux.c32 "$RUN/tftp/"
	printf 'DEFAULT linux\nPROMPT 0\nTIMEOUT 0\nLABEL linux\n  KERNEL vmlinuz\n  APPEND initrd=initrd.gz %s\n' \
		"$APPEND" >"$RUN/tftp/pxelinux.cfg/default"
fi
if [ "$CASE" = dhcp-late ]; then
	# the server comes up 10 s after the client's link does
	(for _ in $(seq 600); do grep -q 'linuxrc: link up' "$LOG" 2>/dev/null && break; sleep 0.25; done
	 sleep 10; dnsmasq_start "$ROOTPATH"; echo "[lab] dnsmasq started late" >>"$RUN/events") &
else
	dnsmasq_start "$ROOTPATH"
fi

if [ "$CASE" = run ]; then
	ip netns exec "$NS" qemu-system-x86_64 -m 384 -smp 1 -nographic -no-reboot \
		-netdev tap,id=n0,ifname=tap0,script=no,downscript=no \
		-kernel "$KERNEL" -initrd "$INITRD" -append "$APPEND" -device "$NIC,netdev=n0,mac=$MAC,romfile="
	exit 0
fi

say "booting ($NIC, root-path $ROOTPATH)"
boot_vm "$NIC" "$APPEND" "$([ "$CASE" = pxe ] && echo pxe || echo kernel)"
grep -E 'linuxrc:|PXEBOX|nfsroot:|Kernel panic' "$LOG" | sed 's/^/          /' | head -40
missing=
for e in "${expect[@]}"; do
	grep -qE -- "$e" "$LOG" || missing="$missing /$e/"
done
grep -q 'Kernel panic' "$LOG" && missing="$missing (kernel panic)"
if [ -z "$missing" ]; then
	say "PASS (log: $LOG)"
	exit 0
fi
say "FAIL: missing$missing (log: $LOG)"
tail -n 30 "$LOG" | sed 's/^/          /'
exit 1
