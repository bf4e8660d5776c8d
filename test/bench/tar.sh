#!/bin/sh
# tar -xzf benchmark: a gzip archive of >= 50 MB and tens of thousands of
# files, built here from /usr, extracted into tmpfs by pxebox, GNU tar and
# busybox tar in one run.  Prints the best of $RUNS seconds per tool and the
# ratios to pxebox (above 1: slower than pxebox).  Nothing is asserted.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
RUNS=${RUNS:-3}
MB=${MB:-300}		# uncompressed size to collect
work=$(mktemp -d /tmp/tar-bench.XXXXXX)
cleanup() { umount "$work/t" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
mkdir -p "$work/t"
# tmpfs for the extraction, so the disk does not decide the result
if ! mount -t tmpfs -o size=4g none "$work/t" 2>/dev/null; then
	rm -rf "$work/t"
	ln -s "$(mktemp -d /dev/shm/tar-bench.XXXXXX)" "$work/t"
fi

# files from /usr until MB megabytes (regular files only, readable)
/usr/bin/find /usr/include /usr/share /usr/lib -xdev -type f -size -20M -readable -printf '%s %p\n' 2>/dev/null |
	awk -v max=$((MB * 1024 * 1024)) '{ s += $1; sub(/^[0-9]+ /, ""); print; if (s >= max) exit }' >"$work/list"
tar -cf - -T "$work/list" 2>/dev/null | gzip -6 >"$work/a.tgz"
files=$(wc -l <"$work/list")
size=$(stat -c %s "$work/a.tgz")
echo "tar bench: $files files, $((size / 1048576)) MB compressed, $MB MB uncompressed"

best() {	# NAME CMD...: best wall time of RUNS extractions
	name=$1; shift
	b=
	r=0
	while [ $r -lt "$RUNS" ]; do
		rm -rf "$work/t/x"
		mkdir "$work/t/x"
		sync
		t0=$(date +%s.%N)
		"$@" -C "$work/t/x" >/dev/null 2>&1 || echo "  ($name failed)" >&2
		t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 ${b:-}" | awk '{ d = $2 - $1; if ($3 != "" && $3 < d) d = $3; printf "%.3f", d }')
		r=$((r + 1))
	done
	echo "$b"
}
ours=$(best pxebox "$PXEBOX" tar -xzf "$work/a.tgz")
gnu=$(best gnu /usr/bin/tar -xzf "$work/a.tgz")
bb=$(best busybox busybox tar -xzf "$work/a.tgz")
printf '  %-28s %8s s\n' "pxebox tar -xzf" "$ours" "GNU tar -xzf" "$gnu" "busybox tar -xzf" "$bb"
echo "$ours $gnu $bb" | awk '{ printf "  ratios to pxebox: GNU %.2f, busybox %.2f\n", $2 / $1, $3 / $1 }'
