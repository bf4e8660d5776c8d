#!/bin/sh
# host-deps.sh PKG... - install the Debian packages named that are missing.
# Runs apt-get update once per machine boot-day (stamp in the cache) and makes
# sure deb-src lines exist, since the toolchain uses apt-get source.
set -eu
need=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
[ -n "$need" ] || exit 0
if [ "$(id -u)" != 0 ]; then
	echo "host-deps.sh: missing packages:$need (run as root, or install them)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "  APT     $need" >&2
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends $need >/dev/null
