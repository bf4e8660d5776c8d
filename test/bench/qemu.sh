#!/bin/sh
# QEMU boot figures: per-stage times from the serial log (host seconds since
# QEMU started), pxebox vs the same flow with Debian's busybox-static, in one
# run.  Needs root (network namespace).  Not a test: nothing is asserted.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
O=${O:-$src/build}
[ "$(id -u)" = 0 ] || { echo "qemu bench: needs root"; exit 0; }
stage_times() {	# LOG -> "start modules link lease mounted switched"
	awk '
	function t(l) { return substr(l, 2, index(l, "]") - 2) + 0 }
	/linuxrc: mounts/ && !s { s = t($0) }
	/linuxrc: network/ && !m { m = t($0) }
	/linuxrc: link up/ && !k { k = t($0) }
	/linuxrc: lease/ && !l { l = t($0) }
	/linuxrc: populate/ && !n { n = t($0) }
	/PXEBOX-ROOT-OK/ && !w { w = t($0) }
	END { printf "%.2f %.2f %.2f %.2f %.2f %.2f\n", s, m, k, l, n, w }' "$1"
}
printf '%-8s %8s %8s %8s %8s %8s %8s %10s\n' flavour start modules link lease nfs switched start→switch
for flavour in pxebox busybox; do
	case=boot; [ $flavour = busybox ] && case=busybox
	O=$O "$src/test/qemu/lab.sh" $case >/dev/null 2>&1 || { echo "$flavour: boot failed"; continue; }
	set -- $(stage_times "$O/qemu-lab/run-$case/console.log")
	d=$(echo "$6 $1" | awk '{ printf "%.2f", $1 - $2 }')
	eval "total_$flavour=$d"
	printf '%-8s %8s %8s %8s %8s %8s %8s %10s\n' $flavour "$@" "$d"
done
if [ -n "${total_pxebox:-}" ] && [ -n "${total_busybox:-}" ]; then
	echo "linuxrc start to switch: pxebox/busybox = $(echo "$total_pxebox $total_busybox" | awk '{ printf "%.2f", $1 / $2 }')"
fi
echo "image size: $(stat -c %s "$O/initrd.cpio.gz") bytes (initrd.cpio.gz), pxebox $(stat -c %s "$O/pxebox") bytes"
