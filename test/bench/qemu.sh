#!/bin/sh
# QEMU boot figures: per-stage times from the serial log (host seconds since
# QEMU started), pxebox vs the same flow with Debian's busybox-static, in one
# run.  Both images carry the same modules (e1000 + virtio_net + NFS), so the
# difference is the tools; the rounds alternate the two and the medians are
# shown, because this machine's load moves single runs by seconds.  Needs root
# (network namespace).  Not a test: nothing is asserted.
#   BENCH_RUNS=N   rounds (default 3)
#   BENCH_NICS=... NIC models (default "e1000 virtio"): e1000 is the smoke
#                  test's card; virtio-net shows the flow without e1000's
#                  emulation delays (2-s link poll, 1-s receive hold)
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
O=${O:-$src/build}
RUNS=${BENCH_RUNS:-3}
NICS=${BENCH_NICS:-e1000 virtio}
[ "$(id -u)" = 0 ] || { echo "qemu bench: needs root"; exit 0; }
lab=$O/qemu-bench
mkdir -p "$lab"
kdir=${KMODDIR:-$("$src/scripts/fetch-kernel.sh")}
NIC_MODULES="e1000 virtio_net" "$src/scripts/mkinitrd.sh" "$O/pxebox" "$lab/pxebox.cpio.gz" "$kdir" >/dev/null
RUNTIME=/bin/busybox NIC_MODULES="e1000 virtio_net" "$src/scripts/mkinitrd.sh" "$O/pxebox" "$lab/busybox.cpio.gz" "$kdir" >/dev/null

# LOG -> "start modules network link lease nfs populate switched init"
stage_times() {
	awk '
	function t(l) { return substr(l, 2, index(l, "]") - 2) + 0 }
	/linuxrc: mounts/ && !s { s = t($0) }
	/linuxrc: modules/ && !m { m = t($0) }
	/linuxrc: network/ && !n { n = t($0) }
	/linuxrc: link up/ && !k { k = t($0) }
	/linuxrc: lease/ && !l { l = t($0) }
	/linuxrc: populate/ && !p { p = t($0) }
	/linuxrc: switch/ && !w { w = t($0) }
	/PXEBOX-ROOT-OK/ && !i { i = t($0) }
	END { if (s && m && n && k && l && p && w && i) printf "%.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", m - s, n - m, k - n, l - k, p - l, w - p, i - w, w - s }' "$1"
}

# durations per stage, one line per run, into $lab/NIC-FLAVOUR.times
rm -f "$lab"/*.times
r=0
while [ $r -lt "$RUNS" ]; do
	r=$((r + 1))
	for nic in $NICS; do
		case $nic in
		e1000) case=boot bbmods=-e1000 ;;
		virtio) case=virtio bbmods=-virtio_pci ;;	# its own driver comes by modalias
		*) echo "qemu bench: unknown NIC $nic (e1000, virtio)"; exit 1 ;;
		esac
		for flavour in pxebox busybox; do
			extra=
			[ $flavour = busybox ] && extra=modules=$bbmods	# busybox has no lspci
			if O=$O LAB=$lab INITRD=$lab/$flavour.cpio.gz APPEND_EXTRA=$extra \
				"$src/test/qemu/lab.sh" $case >"$lab/$nic-$flavour.out" 2>&1; then
				stage_times "$lab/run-$case/console.log" >>"$lab/$nic-$flavour.times"
			else
				echo "round $r: $flavour on $nic failed (see $lab/$nic-$flavour.out)"
			fi
		done
	done
done

median() {	# median of column $1 in file $2
	cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "QEMU/TCG boot, seconds per linuxrc stage, median of $RUNS rounds (same modules in both images)"
for nic in $NICS; do
	echo "NIC $nic:"
	printf '%-8s %7s %7s %7s %7s %7s %7s %7s %13s\n' flavour mounts modules link lease root+nfs populate init start→switch
	total_pxebox= total_busybox=
	for flavour in pxebox busybox; do
		f=$lab/$nic-$flavour.times
		[ -s "$f" ] || continue
		printf '%-8s' $flavour
		for col in 1 2 3 4 5 6 7; do printf ' %7s' "$(median $col "$f")"; done
		printf ' %13s\n' "$(median 8 "$f")"
		eval "total_$flavour=$(median 8 "$f")"
	done
	if [ -n "$total_pxebox" ] && [ -n "$total_busybox" ]; then
		echo "linuxrc start to switch on $nic: pxebox/busybox = $(echo "$total_pxebox $total_busybox" | awk '{ printf "%.2f", $1 / $2 }')"
	fi
done
echo "(link: network stage to carrier; lease: carrier to lease; init: switch to the new root's first line)"
echo "images: default initrd.cpio.gz $(stat -c %s "$O/initrd.cpio.gz" 2>/dev/null || echo ?) bytes" \
	"(every ethernet driver); bench images pxebox $(stat -c %s "$lab/pxebox.cpio.gz") bytes," \
	"busybox $(stat -c %s "$lab/busybox.cpio.gz") bytes; pxebox binary $(stat -c %s "$O/pxebox") bytes"
