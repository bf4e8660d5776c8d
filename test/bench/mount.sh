#!/bin/sh
# mount benchmarks: listing /proc/mounts with 1000 mounts, and a dry-run
# mount -a over a 1000-line fstab; pxebox vs busybox vs util-linux in one
# run, as seconds for the loop and as ratios to pxebox.  Needs root (the
# mounts live in a private mount namespace).  Nothing is asserted.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
[ "$(id -u)" = 0 ] || { echo "mount bench: needs root"; exit 0; }
work=$(mktemp -d /tmp/mount-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
N=${N:-1000} LOOPS=${LOOPS:-50}
mkdir -p "$work/bin"
ln -s "$PXEBOX" "$work/bin/mount"
i=0
while [ $i -lt $N ]; do
	mkdir -p "$work/m/$i"
	echo "t$i $work/m/$i tmpfs size=1m,mode=755 0 0"
	i=$((i + 1))
done >"$work/fstab"

cat >"$work/run.sh" <<'R'
# in the namespace: mount the fstab for real, then time each tool
w=$1 loops=$2 few=$(( $2 / 10 + 1 ))
"$w/bin/mount" -a -T "$w/fstab" || exit 1
clock() { date +%s.%N; }
timeit() {	# NAME LOOPS CMD...: seconds for LOOPS runs
	name=$1 loops=$2; shift 2
	t0=$(clock); n=0
	while [ $n -lt $loops ]; do "$@" >/dev/null 2>&1; n=$((n + 1)); done
	t1=$(clock)
	echo "$name $(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')"
}
timeit list-pxebox $loops "$w/bin/mount"
timeit list-busybox $loops busybox mount
timeit list-util-linux $loops /usr/bin/mount
# dry run of -a over the same fstab: every entry is mounted, so each tool
# has to check the mount table for each line
timeit dryrun_a-pxebox $few "$w/bin/mount" -f -a -T "$w/fstab"
timeit dryrun_a-busybox $few busybox mount -f -a -T "$w/fstab"
timeit dryrun_a-util-linux $few /usr/bin/mount -f -a -T "$w/fstab"
R
unshare -m --propagation private sh "$work/run.sh" "$work" "$LOOPS" >"$work/times" || { echo "mount bench: setup failed"; exit 1; }
echo "mount: $N mounts; seconds for $LOOPS listings, $((LOOPS / 10 + 1)) dry-run -a; ratio = peer / pxebox"
awk '{ split($1, a, "-"); what = a[1]; tool = substr($1, length(what) + 2)
	t[what, tool] = $2; if (!(what in seen)) { seen[what] = 1; order[++n] = what } }
END {
	printf "%-9s %10s %10s %10s %14s %14s\n", "case", "pxebox", "busybox", "util-linux", "busybox/ours", "util-linux/ours"
	for (i = 1; i <= n; i++) { w = order[i]; p = t[w, "pxebox"]
		printf "%-9s %10.3f %10.3f %10.3f %14.2f %14.2f\n", w, p, t[w, "busybox"], t[w, "util-linux"],
			t[w, "busybox"] / p, t[w, "util-linux"] / p }
}' "$work/times"
