#!/bin/sh
# test/bench.sh [NAME...] - run the benchmarks test/bench/*.sh (make bench).
# Each prints its own table of pxebox against its peers as ratios; they get
# PXEBOX (the binary), BIN (a directory of applet links) and SRC.
# Not a timed test: nothing fails for being slow, only for not running.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${PXEBOX:?set PXEBOX to the built binary}"
PXEBOX=$(cd "$(dirname "$PXEBOX")" && pwd)/$(basename "$PXEBOX")
SRC=$(dirname "$here")
work=$(mktemp -d /tmp/pxebox-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
BIN=$work/bin
"$PXEBOX" --install -s "$BIN" >/dev/null
export PXEBOX BIN SRC
[ $# -gt 0 ] || set -- "$here"/bench/*.sh
rc=0
for b in "$@"; do
	[ -f "$b" ] || continue
	b=$(cd "$(dirname "$b")" && pwd)/$(basename "$b")
	echo "== $(basename "$b" .sh)"
	mkdir -p "$work/tmp" && (cd "$work/tmp" && sh "$b") || { echo "bench $(basename "$b") failed" >&2; rc=1; }
	rm -rf "$work/tmp"
done
exit $rc
