#!/bin/sh
# busybox-initrd.sh OUT O - the same image as `make initrd`, with Debian's
# busybox-static in place of pxebox, for the side-by-side boot figures.
# (busybox has no lspci: lab.sh names the NIC module with modules=-e1000.)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
kdir=${KMODDIR:-$("$src/scripts/fetch-kernel.sh")}
RUNTIME=/bin/busybox NIC_MODULES="e1000 virtio_net" "$src/scripts/mkinitrd.sh" "$2/pxebox" "$1" "$kdir" >/dev/null
