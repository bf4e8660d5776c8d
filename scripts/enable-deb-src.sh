#!/bin/sh
# enable-deb-src.sh - add deb-src twins of the machine's Debian sources, once.
set -eu
list=/etc/apt/sources.list.d/pxebox-deb-src.sources
[ -f "$list" ] && exit 0
if grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	exit 0
fi
{
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822 stanzas: copy those of type deb, as deb-src
		awk 'BEGIN { RS = ""; ORS = "\n\n" } /(^|\n)Types: *deb( |\n|$)/ { sub(/Types: *deb/, "Types: deb-src"); print }' "$f"
	done
	if [ -f /etc/apt/sources.list ]; then
		sed -n 's/^deb \(.*\)$/Types: deb-src\nURIs: \1/p' /etc/apt/sources.list | awk '
		/^URIs:/ { n = split($0, a, " "); i = 2; opts = ""; if (a[2] ~ /^\[/) { while (a[i] !~ /\]$/) i++; i++ }
			print "URIs: " a[i]; print "Suites: " a[i + 1]; c = ""; for (j = i + 2; j <= n; j++) c = c " " a[j]
			print "Components:" c; print ""; next } { print }'
	fi
} >"$list.tmp"
mv "$list.tmp" "$list"
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
