#!/bin/sh
# gen-autoconf.sh .config KCONFIG... > autoconf.h
# busybox-style header: for every symbol declared in the given Kconfig files,
# CONFIG_X (when set), ENABLE_X (0/1), IF_X(...) and IF_NOT_X(...), so code
# says if (ENABLE_X) and the compiler drops what is off.
set -eu
cfg=$1; shift
LC_ALL=C awk '
FNR == 1 { nf++ }
nf == 1 && /^CONFIG_[A-Za-z0-9_]+=/ { i = index($0, "="); val[substr($0, 8, i - 8)] = substr($0, i + 1); next }
nf > 1 && /^[ \t]*(menu)?config[ \t]+[A-Za-z0-9_]+/ { s = $2; if (!(s in seen)) { seen[s] = 1; syms[++n] = s } }
END {
	print "/* generated from .config by scripts/gen-autoconf.sh - do not edit */"
	print "#ifndef PXEBOX_AUTOCONF_H\n#define PXEBOX_AUTOCONF_H"
	for (k = 1; k <= n; k++) {
		s = syms[k]; v = (s in val) ? val[s] : "n"
		if (v == "n" || v == "") printf "#define ENABLE_%s 0\n#define IF_%s(...)\n#define IF_NOT_%s(...) __VA_ARGS__\n", s, s, s
		else {
			printf "#define CONFIG_%s %s\n", s, (v == "y" || v == "m") ? "1" : v
			printf "#define ENABLE_%s 1\n#define IF_%s(...) __VA_ARGS__\n#define IF_NOT_%s(...)\n", s, s, s
		}
	}
	print "#endif"
}' "$cfg" "$@"
