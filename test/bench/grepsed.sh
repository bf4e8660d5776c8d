#!/bin/sh
# grep and sed benchmark: typical one-pass jobs over a ~40 MB text file
# (many copies of /usr/include headers, on tmpfs) by pxebox, GNU and
# busybox in one run.  Prints the best of REPS CPU times (user + system:
# steadier than wall time on a shared machine) in seconds and the ratios
# peer / pxebox (above 1: pxebox is faster).  Nothing is asserted.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
"$(dirname "$0")/../../scripts/host-deps.sh" time busybox-static >/dev/null 2>&1
REPS=${REPS:-3} MB=${MB:-40}
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=/tmp
work=$(mktemp -d "$base/grepsed-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
find /usr/include -name "*.h" -type f 2>/dev/null | head -n 3000 | xargs cat >"$work/one" 2>/dev/null
head -c $((MB * 1048576)) "$work/one" >"$work/text.1"; mv "$work/text.1" "$work/one"
: >"$work/text"
while [ "$(stat -c %s "$work/text")" -lt $((MB * 1048576)) ]; do cat "$work/one" >>"$work/text"; done
lines=$(wc -l <"$work/text")

timeit() {	# CMD: best CPU seconds of REPS runs
	best=
	r=0
	while [ $r -lt "$REPS" ]; do
		# to a file, not /dev/null: GNU grep then stops at the first match
		/usr/bin/time -f '%U %S' -o "$work/t" sh -c "exec $1" >"$work/out" 2>&1
		best=$(echo "$(cat "$work/t") ${best:-1e9}" | awk '{ d = $1 + $2; printf "%.3f", d < $3 ? d : $3 }')
		r=$((r + 1))
	done
	echo "$best"
}

printf '%s lines, %s MB\n' "$lines" "$(($(stat -c %s "$work/text") / 1048576))"
printf '%-44s %8s %8s %8s %9s %9s\n' "job (CPU s)" pxebox gnu busybox gnu/ours bb/ours
row() {	# APPLET ARGS (run on $work/text)
	a=$1; shift
	ours=$(timeit "$PXEBOX $a $* '$work/text'")
	gnu=$(timeit "/usr/bin/$a $* '$work/text'")
	bb=$(timeit "busybox $a $* '$work/text'")
	echo "$a $* $ours $gnu $bb" | awk -v j="$a $*" '{ n = NF; o = $(n-2); g = $(n-1); b = $n;
		if (o < 0.001) o = 0.001
		printf "%-44s %8.3f %8.3f %8.3f %9.2f %9.2f\n", substr(j, 1, 44), o, g, b, g / o, b / o }'
}
row grep -c include
row grep -c -i 'INCLUDE'
row grep -c "'^#define [A-Z_]*[0-9]'"
row grep -c -E "'(struct|union) [a-z_]+ \\{'"
row grep -c -v "'^ *\\*'"
row grep -c -w int
row grep -c -F -e size_t -e uint32_t -e pid_t
row sed -n "'\$p'"
row sed "'s/int/INT/g'"
row sed -E "'s/([a-z]+)_t\\b/\\1_type/g'"
row sed "'/^#/d;/^ *\\*/d'"
row sed -n "'/struct/{s/struct //;p}'"
