#!/bin/sh
# test/fuzz/run.sh [NAME...] - build and run the libFuzzer harnesses.
# Every test/fuzz/NAME_fuzz.c (or only the NAMEs given) is built with clang,
# libFuzzer, ASan and UBSan into $O/fuzz/NAME, linked with support.c and an
# archive of core/*.c (all but main.c; an archive, so a harness that
# #includes a core file does not clash with it), then run for ${FUZZ_TIME:-20}
# seconds on a copy of its seeds in test/fuzz/corpus/NAME/ (sh: and test/sh/).  Exits non-zero
# if any harness fails to build or finds a crash (reproducer in $O/fuzz/).
# $O is the build directory (its gen/autoconf.h configures the code).
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$(dirname "$here")")
O=${O:-$src/build}
O=$(cd "$O" 2>/dev/null && pwd) || { echo "fuzz: no build directory $O" >&2; exit 2; }
CC=${FUZZ_CC:-clang}
T=${FUZZ_TIME:-20}
out=$O/fuzz
[ -f "$O/gen/autoconf.h" ] || { echo "fuzz: $O/gen/autoconf.h missing: build first" >&2; exit 2; }
command -v "$CC" >/dev/null || { echo "fuzz: $CC not found" >&2; exit 2; }
CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -std=gnu11 -w -I$src/core -I$O/gen"
LIBS=
for l in z pci; do
	echo 'int main(void){return 0;}' | $CC -x c - -o /dev/null -l$l 2>/dev/null && LIBS="$LIBS -l$l"
done

# the core archive, rebuilt each run (a few seconds; core changes often)
mkdir -p "$out/core"
rm -f "$out/core/"*.o "$out/libcore.a"
for c in "$src"/core/*.c; do
	[ "$(basename "$c")" = main.c ] && continue
	# a core file that does not compile (someone is editing it) only
	# matters to the harnesses that need it: they fail to link
	$CC $CFLAGS -c -o "$out/core/$(basename "$c" .c).o" "$c" 2>"$out/core.err" ||
		echo "fuzz: warning: $c does not compile: $(grep -m1 error: "$out/core.err")" >&2
done
$CC $CFLAGS -c -o "$out/support.o" "$here/support.c" || exit 1
ar rcs "$out/libcore.a" "$out/core/"*.o

[ $# -gt 0 ] || set -- $(for f in "$here"/*_fuzz.c; do [ -f "$f" ] && basename "$f" _fuzz.c; done)
rc=0
for name; do
	bin=$out/$name
	if ! $CC $CFLAGS -fsanitize=fuzzer -o "$bin" "$here/${name}_fuzz.c" "$out/support.o" "$out/libcore.a" $LIBS; then
		echo "FUZZ $name: build failed"
		rc=1
		continue
	fi
	# libFuzzer adds what it finds to the first directory: keep the seeds clean
	rm -rf "$out/$name.corpus"
	mkdir -p "$out/$name.corpus"
	seeds=$here/corpus/$name
	[ -d "$seeds" ] || seeds=
	# the shell's seeds are also its whole differential corpus, read in place
	[ "$name" = sh ] && seeds="$seeds $src/test/sh"
	# -close_fd_mask=3: the code under test prints by the thousand; libFuzzer
	# keeps its own copy of stderr for the crash report
	if "$bin" -max_total_time="$T" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 \
		-artifact_prefix="$out/$name-" "$out/$name.corpus" $seeds >"$out/$name.log" 2>&1; then
		echo "FUZZ $name: ok ($(grep -o 'Done [0-9]* runs in [0-9]* second' "$out/$name.log" | tail -n1 | sed 's/ second/ s/'))"
	else
		echo "FUZZ $name: FAILED, see $out/$name.log"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$out/$name.log" | head -n5 | sed 's/^/  /'
		rc=1
	fi
done
exit $rc
