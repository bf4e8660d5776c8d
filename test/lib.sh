# test/lib.sh - sourced by test/run.sh into each *.test file's shell.
# A test file calls:
#   t NAME CMD EXPECTED_STDOUT [EXPECTED_STATUS]   run CMD with our applets first in PATH
#   t_err NAME CMD EXPECTED_STDERR_PATTERN STATUS  stderr must match a grep -E pattern
#   t_diff NAME CMD [PEER...]                       same stdout and status as each peer
#                                                   (busybox, toybox, gnu); default busybox
#   pass NAME / fail NAME WHY / skip NAME WHY       for tests that check things themselves
#   need_root NAME                                  returns 1 (and reports) when not root
#   has_config SYM                                  true when the build has CONFIG_SYM=y
# Commands run under /bin/sh in a scratch directory ($TMP) that is fresh per file.

: "${RESULTS:?}" "${BIN:?}"

# printf, not echo: dash's echo would expand a backslash in a test's name
pass() { printf 'PASS %s\n' "$1" >>"$RESULTS"; [ -z "$VERBOSE" ] || printf '  PASS  %s: %s\n' "$TESTFILE" "$1"; }
fail() { printf 'FAIL %s\n' "$1" >>"$RESULTS"; printf '  FAIL  %s: %s\n' "$TESTFILE" "$1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/        /'; }
skip() { printf 'SKIP %s\n' "$1" >>"$RESULTS"; printf '  SKIP  %s: %s (%s)\n' "$TESTFILE" "$1" "$2"; }

# run_in PATHDIR CMD: run CMD with PATHDIR first, capturing out/err/status
run_in() {
	(cd "$TMP" && PATH="$1:$PATH" exec /bin/sh -c "$2") >"$TMP/.out" 2>"$TMP/.err" </dev/null
	echo $? >"$TMP/.rc"
}

t() {
	name=$1 cmd=$2 want=$3 wantrc=${4:-0}
	run_in "$BIN" "$cmd"
	got=$(cat "$TMP/.out"; echo x); got=${got%x}
	rc=$(cat "$TMP/.rc")
	want=$(printf '%b' "$want"; echo x); want=${want%x}
	if [ "$got" = "$want" ] && [ "$rc" = "$wantrc" ]; then
		pass "$name"
	else
		fail "$name" "command: $cmd
want status $wantrc, got $rc
--- want stdout
$want--- got stdout
$got--- stderr
$(cat "$TMP/.err")"
	fi
}

t_err() {
	name=$1 cmd=$2 pat=$3 wantrc=${4:-1}
	run_in "$BIN" "$cmd"
	rc=$(cat "$TMP/.rc")
	if grep -qE -- "$pat" "$TMP/.err" && [ "$rc" = "$wantrc" ]; then
		pass "$name"
	else
		fail "$name" "command: $cmd
want status $wantrc and stderr matching /$pat/, got $rc:
$(cat "$TMP/.err")"
	fi
}

# peers: directories of applet links for busybox, toybox and GNU (plain PATH)
peer_dir() {
	case $1 in
	gnu) echo /usr/bin ;;
	*) echo "$PEERS/$1" ;;
	esac
}

t_diff() {
	name=$1 cmd=$2; shift 2
	[ $# -gt 0 ] || set -- busybox
	run_in "$BIN" "$cmd"
	ours=$(cat "$TMP/.out"; echo "status $(cat "$TMP/.rc")")
	for peer; do
		run_in "$(peer_dir "$peer")" "$cmd"
		theirs=$(cat "$TMP/.out"; echo "status $(cat "$TMP/.rc")")
		if [ "$ours" = "$theirs" ]; then
			pass "$name (vs $peer)"
		else
			fail "$name (vs $peer)" "command: $cmd
--- $peer
$theirs
--- pxebox
$ours"
		fi
	done
}

need_root() {
	[ "$(id -u)" = 0 ] && return 0
	skip "$1" "needs root; CI runs as root"
	return 1
}

# has_config SYM (without CONFIG_, e.g. TAIL_FOLLOW): true when the build under
# test was configured with CONFIG_SYM=y, for tests of Kconfig sub-options:
#   if has_config X; then t ...; else skip NAME "built without X"; fi
# The build's .config is $O/.config when make test set O (relative to the
# source tree unless absolute), else the .config next to $PXEBOX.  With no
# .config found, true: the default config (every sub-option on) is assumed.
# Sets CONFIG_FILE to the file it read, empty when there was none.
has_config() {
	CONFIG_FILE=${O:+$O/.config}
	case $CONFIG_FILE in "" | /*) ;; *) CONFIG_FILE=$SRC/$CONFIG_FILE ;; esac
	[ -n "$CONFIG_FILE" ] && [ -f "$CONFIG_FILE" ] || CONFIG_FILE=$(dirname "$PXEBOX")/.config
	[ -f "$CONFIG_FILE" ] || { CONFIG_FILE=; return 0; }
	grep -qx "CONFIG_$1=y" "$CONFIG_FILE"
}
