#!/bin/sh
# find benchmark: `find / -xdev -name '*.h'` and `find DIR -exec true {} +`
# by pxebox, GNU find and busybox find in one run.  Prints the best of $RUNS
# wall and CPU times and the ratios to pxebox (above 1: slower than pxebox).
# The first, untimed, pass warms the dentry cache so every tool sees the same.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
RUNS=${RUNS:-5}
ROOT=${ROOT:-/}
EXECDIR=${EXECDIR:-/usr}
work=$(mktemp -d /tmp/find-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
ln -s "$PXEBOX" "$work/find"

# wall and CPU time (user + system, children included: the -exec'd
# commands count); tools take turns, best of RUNS for each
"$(dirname "$0")/../../scripts/host-deps.sh" time >/dev/null 2>&1
row() {	# TITLE ARGS...
	title=$1; shift
	"$work/find" "$@" >"$work/ours" 2>/dev/null
	/usr/bin/find "$@" >"$work/gnu" 2>/dev/null
	n=$(wc -l <"$work/ours")
	[ "$n" = "$(wc -l <"$work/gnu")" ] || echo "  (warning: pxebox found $n names, GNU $(wc -l <"$work/gnu"))"
	: >"$work/times"
	r=0
	while [ $r -lt "$RUNS" ]; do
		for tool in pxebox gnu busybox; do
			case $tool in
			pxebox) set -- "$work/find" "$@" ;;
			gnu) set -- /usr/bin/find "$@" ;;
			busybox) set -- busybox find "$@" ;;
			esac
			/usr/bin/time -f "$tool %e %U %S" -o "$work/one" "$@" >/dev/null 2>&1
			awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/one" >>"$work/times"
			# drop the tool again
			case $tool in busybox) shift 2 ;; *) shift ;; esac
		done
		r=$((r + 1))
	done
	echo "find $title ($n names)"
	awk '
	{ if (!($1 in w) || $2 < w[$1]) w[$1] = $2; if (!($1 in c) || $3 < c[$1]) c[$1] = $3 }
	END {
		printf "  %-10s %8s %8s\n", "", "wall s", "cpu s"
		n = split("pxebox gnu busybox", t, " ")
		for (i = 1; i <= n; i++) printf "  %-10s %8.2f %8.2f\n", t[i], w[t[i]], c[t[i]]
		printf "  ratios to pxebox (wall): GNU %.2f, busybox %.2f\n", w["gnu"] / w["pxebox"], w["busybox"] / w["pxebox"]
		printf "  ratios to pxebox (cpu):  GNU %.2f, busybox %.2f\n", c["gnu"] / c["pxebox"], c["busybox"] / c["pxebox"]
	}' "$work/times"
}

row "$ROOT -xdev -name '*.h'" "$ROOT" -xdev -name '*.h'
row "$EXECDIR -xdev -exec true {} +" "$EXECDIR" -xdev -exec true '{}' +
