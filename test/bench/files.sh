#!/bin/sh
# file applet benchmarks: cp -a, ls -lR, chmod -R and rm -rf of a copy of
# /usr/include (thousands of files; hard links and symlinks as found there)
# on tmpfs; pxebox vs busybox vs GNU coreutils in one run, best of REPS,
# as seconds and as ratios peer / pxebox (above 1: pxebox is faster).
# Nothing is asserted.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
"$(cd "$(dirname "$0")/../.." && pwd)/scripts/host-deps.sh" busybox-static >/dev/null 2>&1
command -v busybox >/dev/null || { echo "files bench: busybox not installed"; exit 1; }
SRCTREE=${SRCTREE:-/usr/include} REPS=${REPS:-3}
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=/tmp
work=$(mktemp -d "$base/files-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/pxebox" "$work/busybox"
for a in cp ls chmod rm; do
	ln -s "$PXEBOX" "$work/pxebox/$a"
	ln -s "$(command -v busybox)" "$work/busybox/$a"
done
# the source lives on the same tmpfs, so disks do not blur the numbers
/bin/cp -a "$SRCTREE" "$work/src" || exit 1
files=$(find "$work/src" | wc -l)

clock() { date +%s.%N; }
best=
timeit() {	# CMD...: best seconds of REPS runs (prepare runs untimed)
	best=
	r=0
	while [ $r -lt "$REPS" ]; do
		prepare
		t0=$(clock)
		"$@" >/dev/null 2>&1
		t1=$(clock)
		best=$(echo "$t0 $t1 ${best:-1e9}" | awk '{ d = $2 - $1; printf "%.4f", d < $3 ? d : $3 }')
		r=$((r + 1))
	done
	echo "$best"
}
dir() { case $1 in gnu) echo /usr/bin ;; *) echo "$work/$1" ;; esac; }

out=$work/times
for tool in pxebox busybox gnu; do
	d=$(dir "$tool")
	prepare() { rm -rf "$work/dst"; }
	echo "cp_-a $tool $(timeit "$d/cp" -a "$work/src" "$work/dst")"
	prepare() { :; }
	echo "ls_-lR $tool $(timeit "$d/ls" -lR "$work/dst")"
	echo "chmod_-R $tool $(timeit "$d/chmod" -R u+w,go-w "$work/dst")"
	prepare() { [ -d "$work/dst" ] || /bin/cp -a "$work/src" "$work/dst"; }
	echo "rm_-rf $tool $(timeit "$d/rm" -rf "$work/dst")"
done >"$out"

echo "file applets: $files entries from $SRCTREE on $(stat -f -c %T "$work"); best of $REPS; ratio = peer / pxebox"
awk '{ t[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
END {
	printf "%-9s %9s %9s %9s %13s %9s\n", "case", "pxebox", "busybox", "GNU", "busybox/ours", "GNU/ours"
	for (i = 1; i <= n; i++) { w = order[i]; p = t[w, "pxebox"]
		gsub("_", " ", w)
		printf "%-9s %9.4f %9.4f %9.4f %13.2f %9.2f\n", w, p, t[order[i], "busybox"], t[order[i], "gnu"],
			t[order[i], "busybox"] / p, t[order[i], "gnu"] / p }
}' "$out"
