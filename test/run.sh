#!/bin/sh
# test/run.sh [FILE.test...] - run pxebox's tests; last line "N passed, N failed".
# Needs PXEBOX (the built binary).  Each test file runs in its own shell with
# test/lib.sh sourced, a fresh scratch directory, and applet links in $BIN.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${PXEBOX:?set PXEBOX to the built binary}"
PXEBOX=$(cd "$(dirname "$PXEBOX")" && pwd)/$(basename "$PXEBOX")
work=$(mktemp -d /tmp/pxebox-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'rm -rf "$work"; exit 130' INT TERM	# a killed run must not go on without its scratch
export PXEBOX SRC="$(dirname "$here")" VERBOSE="${VERBOSE:-}"
export BIN="$work/bin" PEERS="$work/peers" RESULTS="$work/results"
: >"$RESULTS"

# the peers of the differential tests come from Debian
"$here/../scripts/host-deps.sh" busybox-static toybox dash >/dev/null 2>&1 ||
	echo "  WARN  could not install busybox-static toybox dash; differential tests will fail" >&2
"$PXEBOX" --install -s "$BIN" >/dev/null
mkdir -p "$PEERS/busybox" "$PEERS/toybox"
[ -x /bin/busybox ] && /bin/busybox --install -s "$PEERS/busybox" 2>/dev/null
if command -v toybox >/dev/null; then
	for a in $(toybox); do ln -sf "$(command -v toybox)" "$PEERS/toybox/$a"; done
fi

[ $# -gt 0 ] || set -- "$here"/*.test "$here"/*/*.test
for f in "$@"; do
	[ -f "$f" ] || continue
	case $f in /*) ;; *) f=$PWD/$f ;; esac
	TMP="$work/tmp/$(basename "$f" .test)"
	mkdir -p "$TMP"
	echo "  TEST    ${f#$SRC/}"
	(TESTFILE=$(basename "$f") TMP=$TMP; export TESTFILE TMP; cd "$TMP" && . "$here/lib.sh" && . "$f") ||
		echo "FAIL $(basename "$f"): the test file itself exited non-zero" >>"$RESULTS"
done

p=$(grep -c '^PASS' "$RESULTS"); f=$(grep -c '^FAIL' "$RESULTS"); s=$(grep -c '^SKIP' "$RESULTS")
[ "$s" = 0 ] || echo "  ($s skipped: see SKIP lines above)"
echo "$p passed, $f failed"
[ "$f" = 0 ]
