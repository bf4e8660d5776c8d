#!/bin/sh
# find benchmark: `find / -xdev -name '*.h'` and `find DIR -exec true {} +`
# by pxebox, GNU find and busybox find in one run.  Prints the best of $RUNS
# wall times and the ratios to pxebox (above 1: slower than pxebox).  The
# first, untimed, pass warms the dentry cache so every tool sees the same.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
RUNS=${RUNS:-5}
ROOT=${ROOT:-/}
EXECDIR=${EXECDIR:-/usr}
work=$(mktemp -d /tmp/find-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
ln -s "$PXEBOX" "$work/find"

best() {	# CMD...: best wall time of RUNS runs, output discarded
	b=
	r=0
	while [ $r -lt "$RUNS" ]; do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 ${b:-}" | awk '{ d = $2 - $1; if ($3 != "" && $3 < d) d = $3; printf "%.3f", d }')
		r=$((r + 1))
	done
	echo "$b"
}

row() {	# TITLE ARGS...: one line per tool, then the ratios
	title=$1; shift
	"$work/find" "$@" >"$work/ours" 2>/dev/null
	/usr/bin/find "$@" >"$work/gnu" 2>/dev/null
	n=$(wc -l <"$work/ours")
	[ "$n" = "$(wc -l <"$work/gnu")" ] || echo "  (warning: pxebox found $n names, GNU $(wc -l <"$work/gnu"))"
	o=$(best "$work/find" "$@")
	g=$(best /usr/bin/find "$@")
	b=$(best busybox find "$@")
	echo "find $title ($n names)"
	printf '  %-10s %8s s\n' pxebox "$o" GNU "$g" busybox "$b"
	echo "$o $g $b" | awk '{ printf "  ratios to pxebox: GNU %.2f, busybox %.2f\n", $2 / $1, $3 / $1 }'
}

row "$ROOT -xdev -name '*.h'" "$ROOT" -xdev -name '*.h'
row "$EXECDIR -exec true {} +" "$EXECDIR" -xdev -exec true '{}' +
