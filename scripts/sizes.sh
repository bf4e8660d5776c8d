#!/bin/sh
# sizes.sh pxebox.map - bytes each applet and core file adds to the binary,
# largest first, from the linker map of pxebox_unstripped (only sections the
# linker kept after --gc-sections are counted).
set -eu
LC_ALL=C awk '
# input-section lines: " .text.cat_main  0xADDR  0xSIZE  /path/applets/cat.o"
# (long section names put the numbers on the following line)
function add(size, obj) {
	if (obj ~ /\/applets\//) { sub(/^.*\/applets\//, "", obj); sub(/\.o$/, "", obj); key = obj }
	else if (obj ~ /libcore\.a/) { sub(/^.*\(/, "", obj); sub(/\.o\)$/, "", obj); key = "core/" obj }
	else if (obj ~ /\/core\//) { sub(/^.*\/core\//, "", obj); sub(/\.o$/, "", obj); key = "core/" obj }
	else if (obj ~ /\/gen\//) key = "(applet table)"
	else if (obj ~ /libc\.a/) key = "(libc)"
	else if (obj ~ /libz\.a/) key = "(zlib)"
	else if (obj ~ /libpci\.a/) key = "(libpci)"
	else key = "(toolchain)"
	sz[key] += size
}
/^Discarded input sections/ { skip = 1 }
/^Linker script and memory map/ { skip = 0 }
skip { next }
/^ \.(text|data|rodata|bss)/ {
	if (NF >= 4 && $2 ~ /^0x/) { add(strtonum_($3), $4) }
	else if (NF == 1) { pending = 1 }
	next
}
pending && NF >= 3 && $1 ~ /^0x/ { add(strtonum_($2), $3); pending = 0; next }
{ pending = 0 }
function strtonum_(h,   i, c, v) { v = 0; h = tolower(substr(h, 3)); for (i = 1; i <= length(h); i++) { c = index("0123456789abcdef", substr(h, i, 1)) - 1; v = v * 16 + c } return v }
END { for (k in sz) if (sz[k] > 0) printf "%8d %s\n", sz[k], k }
' "$1" | sort -rn
