# bench/sh.sh - pxebox sh against dash and busybox ash, in one run:
#   start-up      sh -c true, 1000 times (driven by the same dash loop)
#   arithmetic    a 1,000,000-iteration while loop with $(( ))
#   applets       a script running 2,000 small commands that are not
#                 builtins (cat of a small file, uname): pxebox's sh runs
#                 its applets without exec, the others fork+exec them
# Each figure is the best of BENCH_RUNS (default 3) runs, in seconds; the
# last column is pxebox / dash (below 1: faster than dash).
set -u
runs=${BENCH_RUNS:-3}
ours=$BIN/sh
[ -x "$ours" ] || { echo "sh is not in this build: nothing to compare" >&2; exit 1; }
"$SRC/scripts/host-deps.sh" dash busybox-static >/dev/null 2>&1
echo "small file" > small.txt

# best SHELL... -c SCRIPT: the fastest of $runs runs, in seconds
best() {
	b=
	for r in $(seq "$runs"); do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 </dev/null || { echo fail; return; }
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-999999}" | awk '{ d = $2 - $1; print (d < $3 ? d : $3) }')
	done
	printf '%.3f\n' "$b"
}

startup='i=0; while [ $i -lt 1000 ]; do "$0" -c true; i=$((i + 1)); done'
arith='i=0; s=0; while [ $i -lt 1000000 ]; do s=$((s + i % 7)); i=$((i + 1)); done; echo $s'
applets='i=0; while [ $i -lt 1000 ]; do cat small.txt; uname; i=$((i + 1)); done'

printf '%-26s %10s %10s %10s %12s\n' benchmark pxebox dash busybox pxebox/dash
row() {
	name=$1
	o=$2 d=$3 b=$4
	printf '%-26s %10s %10s %10s %12s\n' "$name" "$o" "$d" "$b" \
		"$(echo "$o $d" | awk '$1 + 0 > 0 && $2 + 0 > 0 { printf "%.2f", $1 / $2; next } { print "-" }')"
}
# the start-up loop runs in dash for all three, so only the shell started differs
ln -sf "$(command -v busybox)" ash
bb=$PWD/ash
row "sh -c true x1000" "$(best dash -c "$startup" "$ours")" "$(best dash -c "$startup" dash)" \
	"$(best dash -c "$startup" "$bb")"
row "arith loop x1000000" "$(best "$ours" -c "$arith")" "$(best dash -c "$arith")" "$(best busybox ash -c "$arith")"
# PATH has the applet links first, so every shell finds a cat and a uname
row "2000 applet commands" "$(PATH=$BIN:$PATH best "$ours" -c "$applets")" \
	"$(best dash -c "$applets")" "$(best busybox ash -c "$applets")"
