#!/bin/sh
# sort and xargs benchmarks: sort of 300k random lines (plain, -n, -k2,2 -t,)
# and xargs batching 300k short items to true; pxebox vs busybox vs GNU in
# one run, best of REPS, as seconds and as ratios peer / pxebox (above 1:
# pxebox is faster).  Nothing is asserted.
set -u
: "${PXEBOX:?set PXEBOX to the built binary}"
"$(cd "$(dirname "$0")/../.." && pwd)/scripts/host-deps.sh" busybox-static >/dev/null 2>&1
command -v busybox >/dev/null || { echo "sortxargs bench: busybox not installed"; exit 1; }
REPS=${REPS:-3} N=${N:-300000}
work=$(mktemp -d /tmp/sortxargs-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
export LC_ALL=C
cd "$work" || exit 1
awk -v n="$N" 'BEGIN { srand(1); for (i = 0; i < n; i++) printf "%d,%x,word%d\n", int(rand() * 1e6), int(rand() * 1e9), i % 977 }' >"$work/in"

clock() { date +%s.%N; }
best() {	# CMD: best seconds of REPS runs
	b=
	for r in $(seq "$REPS"); do
		s=$(clock); sh -c "$1" >/dev/null 2>&1; e=$(clock)
		b=$(echo "$s $e ${b:-1e9}" | awk '{ t = $2 - $1; print (t < $3 ? t : $3) }')
	done
	echo "$b"
}
printf '%-28s %9s %9s %9s %8s %8s\n' test pxebox busybox gnu bb/px gnu/px
for t in 'sort in' 'sort -n in' 'sort -t, -k2,2 in' 'sort -u -t, -k3,3 in' 'xargs true <in'; do
	p=$(best "$PXEBOX $t") b=$(best "busybox $t") g=$(best "/usr/bin/$t")
	printf '%-28s %9.3f %9.3f %9.3f %8.2f %8.2f\n' "$t" "$p" "$b" "$g" \
		"$(echo "$b $p" | awk '{ print $1 / $2 }')" "$(echo "$g $p" | awk '{ print $1 / $2 }')"
done
