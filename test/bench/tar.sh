#!/bin/sh
# tar -xzf benchmark: a gzip archive of >= 50 MB and tens of thousands of
# files, built here from /usr, extracted into tmpfs by pxebox, GNU tar and
# busybox tar in one run.  Prints the best of $RUNS wall and CPU seconds per
# tool and the ratios to pxebox (above 1: slower than pxebox).  Nothing is
# asserted.  Needs root for the tmpfs (else /dev/shm is used).
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
RUNS=${RUNS:-3}
MB=${MB:-250}		# uncompressed size to collect
work=$(mktemp -d /tmp/tar-bench.XXXXXX)
shm=
cleanup() { umount "$work/t" 2>/dev/null; rm -rf "$work" ${shm:+"$shm"}; }
trap cleanup EXIT INT TERM
mkdir -p "$work/t"
# tmpfs for the extraction, so the disk does not decide the result
if ! mount -t tmpfs -o size=4g none "$work/t" 2>/dev/null; then
	rm -rf "$work/t"
	shm=$(mktemp -d /dev/shm/tar-bench.XXXXXX)
	ln -s "$shm" "$work/t"
fi

# files from /usr until MB megabytes (regular files only, readable)
/usr/bin/find /usr/include /usr/share /usr/lib -xdev -type f -size -256k -readable -printf '%s %p\n' 2>/dev/null |
	awk -v max=$((MB * 1024 * 1024)) '{ s += $1; sub(/^[0-9]+ /, ""); print; if (s >= max) exit }' >"$work/list"
tar -cf - -T "$work/list" 2>/dev/null | gzip -6 >"$work/a.tgz"
files=$(wc -l <"$work/list")
size=$(stat -c %s "$work/a.tgz")
echo "tar bench: $files files, $((size / 1048576)) MB compressed, $MB MB uncompressed"

# wall time, and CPU time (user + system, children included) which stays
# meaningful on a loaded machine; the tools take turns so that load changes
# hit them alike.  Best of RUNS for each.
"$(dirname "$0")/../../scripts/host-deps.sh" time >/dev/null 2>&1
run1() {	# NAME CMD...: appends "NAME WALL CPU" to $work/times
	name=$1; shift
	rm -rf "$work/t/x"
	mkdir "$work/t/x"
	sync
	/usr/bin/time -f "$name %e %U %S" -o "$work/one" "$@" -C "$work/t/x" >/dev/null 2>&1 ||
		echo "  ($name failed)" >&2
	awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/one" >>"$work/times"
}
: >"$work/times"
r=0
while [ $r -lt "$RUNS" ]; do
	run1 pxebox "$PXEBOX" tar -xzf "$work/a.tgz"
	run1 gnu /usr/bin/tar -xzf "$work/a.tgz"
	run1 busybox busybox tar -xzf "$work/a.tgz"
	r=$((r + 1))
done
awk '
{ if (!($1 in w) || $2 < w[$1]) w[$1] = $2; if (!($1 in c) || $3 < c[$1]) c[$1] = $3 }
END {
	printf "  %-18s %8s %8s\n", "best of runs", "wall s", "cpu s"
	n = split("pxebox gnu busybox", t, " ")
	for (i = 1; i <= n; i++) printf "  %-18s %8.2f %8.2f\n", t[i] " tar -xzf", w[t[i]], c[t[i]]
	printf "  ratios to pxebox (wall): GNU %.2f, busybox %.2f\n", w["gnu"] / w["pxebox"], w["busybox"] / w["pxebox"]
	printf "  ratios to pxebox (cpu):  GNU %.2f, busybox %.2f\n", c["gnu"] / c["pxebox"], c["busybox"] / c["pxebox"]
}' "$work/times"
