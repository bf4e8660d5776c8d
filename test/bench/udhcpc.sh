#!/bin/sh
# udhcpc benchmarks against one dnsmasq, pxebox vs busybox udhcpc in one run:
#  storm: N clients (default 100, each in its own network namespace on a
#         bridge) start at once with -n -q; time until the last lease, and
#         a check that every client got a distinct address;
#  link:  one client, LOOPS times: time from "link up" to the lease.
# Clients enter their namespace with nsenter (setns only): "ip netns exec"
# remounts /sys per call, which serialises and would be most of the time.
# Prints seconds and the busybox/pxebox ratio.  Needs root; nothing leaves
# the machine.  Nothing is asserted except the distinct-lease check.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
[ "$(id -u)" = 0 ] || { echo "udhcpc bench: needs root"; exit 0; }
command -v dnsmasq >/dev/null || "$(dirname "$0")/../../scripts/host-deps.sh" dnsmasq
N=${N:-100} LOOPS=${LOOPS:-10}
IP=/usr/sbin/ip
tag=b$$
srv=${tag}s
work=$(mktemp -d /tmp/udhcpc-bench.XXXXXX)
PXEBOX=$(cd "$(dirname "$PXEBOX")" && pwd)/$(basename "$PXEBOX")

cleanup() {
	[ -f "$work/dnsmasq.pid" ] && kill "$(cat "$work/dnsmasq.pid")" 2>/dev/null
	i=0
	while [ $i -lt "$N" ]; do
		$IP netns del $tag$i 2>/dev/null
		i=$((i + 1))
	done
	$IP netns del $srv 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

clock() { date +%s.%N; }
sub() { echo "$1 $2" | awk '{ printf "%.3f", $2 - $1 }'; }

# the network: a bridge in the server namespace, one veth per client
$IP netns add $srv
$IP -n $srv link add br0 type bridge
$IP -n $srv addr add 10.98.0.1/16 dev br0
$IP -n $srv link set br0 up
i=0
while [ $i -lt "$N" ]; do
	$IP netns add $tag$i
	$IP link add p$i netns $srv type veth peer name c0 netns $tag$i
	$IP -n $srv link set p$i master br0
	$IP -n $srv link set p$i up
	$IP -n $tag$i link set c0 up
	i=$((i + 1))
done

cat >"$work/script" <<EOF
#!/bin/sh
[ "\$1" = bound ] && echo "\$ip" >"$work/lease.\$interface.\$PPID.\$\$"
[ "\$1" = deconfig ] && $IP link set "\$interface" up
exit 0
EOF
chmod +x "$work/script"

start_dnsmasq() {
	kill "$(cat "$work/dnsmasq.pid" 2>/dev/null)" 2>/dev/null
	sleep 0.2
	rm -f "$work/leases"
	# --no-ping: dnsmasq's address probe would dominate both clients alike
	$IP netns exec $srv dnsmasq --no-daemon --conf-file=/dev/null --port=0 --no-ping \
		--dhcp-leasefile="$work/leases" --dhcp-range=10.98.1.1,10.98.9.254,255.255.0.0,1h \
		--dhcp-option=17,10.98.0.1:/srv/root --dhcp-lease-max=5000 >"$work/dnsmasq.log" 2>&1 &
	echo $! >"$work/dnsmasq.pid"
	sleep 0.5
}

# storm CLIENT...: all namespaces at once; prints seconds and distinct leases
storm() {
	start_dnsmasq
	rm -f "$work"/lease.*
	t0=$(clock)
	i=0
	pids=
	while [ $i -lt "$N" ]; do
		nsenter --net=/run/netns/$tag$i "$@" -n -q -i c0 -s "$work/script" >"$work/out.$i" 2>&1 &
		pids="$pids $!"
		i=$((i + 1))
	done
	for p in $pids; do wait "$p"; done
	t1=$(clock)
	got=$(cat "$work"/lease.* 2>/dev/null | sort -u | wc -l)
	disc=$(cat "$work"/out.* | grep -c 'broadcasting discover')
	echo "$(sub "$t0" "$t1") $got $disc"
}

# link CLIENT...: LOOPS times link down, up, lease; total seconds
link() {
	start_dnsmasq
	total=0
	n=0
	while [ $n -lt "$LOOPS" ]; do
		$IP -n ${tag}0 link set c0 down
		t0=$(clock)
		$IP -n ${tag}0 link set c0 up
		nsenter --net=/run/netns/${tag}0 "$@" -n -q -i c0 -s "$work/script" >/dev/null 2>&1
		t1=$(clock)
		total=$(echo "$total $(sub "$t0" "$t1")" | awk '{ printf "%.3f", $1 + $2 }')
		n=$((n + 1))
	done
	echo "$total"
}

set -- $(storm "$PXEBOX" udhcpc)
ours=$1 ours_n=$2 ours_d=$3
set -- $(storm busybox udhcpc)
bb=$1 bb_n=$2 bb_d=$3
echo "udhcpc storm of $N clients, time to the last lease:"
printf '  pxebox  %8.3f s  (%d distinct leases, %d DISCOVERs)\n' "$ours" "$ours_n" "$ours_d"
printf '  busybox %8.3f s  (%d distinct leases, %d DISCOVERs)  busybox/pxebox %.2f\n' "$bb" "$bb_n" "$bb_d" \
	"$(echo "$bb $ours" | awk '{ print $1 / $2 }')"
[ "$ours_n" = "$N" ] || echo "  WARNING: pxebox got $ours_n distinct leases for $N clients"

ours=$(link "$PXEBOX" udhcpc)
bb=$(link busybox udhcpc)
echo "udhcpc link up -> lease, one client, mean of $LOOPS:"
printf '  pxebox  %8.3f s\n' "$(echo "$ours $LOOPS" | awk '{ print $1 / $2 }')"
printf '  busybox %8.3f s  busybox/pxebox %.2f\n' "$(echo "$bb $LOOPS" | awk '{ print $1 / $2 }')" \
	"$(echo "$bb $ours" | awk '{ print $1 / $2 }')"
