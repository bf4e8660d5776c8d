#!/bin/sh
# test/howto/linuxrc.sh - the boot of the Diskless Linux PXE HOWTO's linuxrc,
# retold in our own words for test/howto.test.  The HOWTO's text may not be
# copied into this repository and is not on a CI machine, so this script
# walks the same steps in the same order and calls every tool exactly as the
# HOWTO's script does (same applet, same options, same argument forms, the
# same shell idioms around them).  If pxebox runs this, it can stand in for
# the HOWTO image's busybox, lspci and find.  When the HOWTO's own text is at
# hand, test/howto.test also runs the original, unchanged.

giveup() {
	echo "HOWTO-STEPS: $1"
	exit 0	# as the HOWTO does: the kernel then goes on without a root
}

echo "HOWTO-STEPS: root read-write, /proc"
mount -n -o remount,rw /
mount -n -t proc /proc /proc

# network cards: the one-line "lspci -knm" form, kept to PCI class 02xx by
# grep; the module is the line's last field (UNKNOWN: no module).  The loop
# reads a file, not a pipe, so that it runs in this shell.
echo "HOWTO-STEPS: network cards"
cards=0
if [ -r /proc/bus/pci ]; then
	/sbin/lspci -i /dev/null -knm | /bin/grep "Class 02.." > /tmp/cards.$$
	while read line
	do
		set -- $line
		eval mod=\$$#
		eval mod=$mod
		if [ "$mod" != "UNKNOWN" ]; then
			echo "HOWTO-STEPS: card module $mod"
			/sbin/modprobe $mod
			cards=$((cards + 1))
		fi
	done < /tmp/cards.$$
	/bin/rm -f /tmp/cards.$$
fi
[ $cards -gt 0 ] || echo "HOWTO-STEPS: no network card"
modprobe nfs

echo "HOWTO-STEPS: loopback, then DHCP on eth0 (three tries)"
ifconfig lo 127.0.0.1 up
tries=1
until udhcpc --now --quit --interface=eth0 --script=/bin/udhcpc.script; do
	[ $tries -lt 3 ] || giveup "no DHCP lease"
	tries=$((tries + 1))
done
. /etc/udhcpc-eth0.info

# the root path: a missing "server:" means the next-server; what follows
# the comma (sed's greedy match: the last one) are NFS options
if ! echo $ROOTPATH | grep -q ":/" ; then
	ROOTPATH="${NEXTSERVER}:${ROOTPATH}"
fi
if echo $ROOTPATH | grep -q "," ; then
	NFSOPTIONS=`echo $ROOTPATH | sed -e "s/\(.*\)\(,.*\)/\2/"`
	ROOTPATH=`echo $ROOTPATH | sed -e "s/\(.*\)\(,.*\)/\1/"`
fi
echo "HOWTO-STEPS: root $ROOTPATH options ro,nolock$NFSOPTIONS"

mount -rw -t tmpfs none /sysroot/
mkdir /sysroot/nfsroot
mount -n -o "ro,nolock${NFSOPTIONS}" -t nfs "$ROOTPATH" /sysroot/nfsroot || giveup "NFS mount failed"

echo "HOWTO-STEPS: link the NFS root's top level"
cd /sysroot
find ./nfsroot -maxdepth 1 -mindepth 1 -exec ln -s \{\} \;
cd /

echo "HOWTO-STEPS: real directories, /var, resolv.conf, /dev"
for d in initrd tmp proc var dev; do
	rm -f /sysroot/$d
	mkdir /sysroot/$d
done
cp -a /sysroot/nfsroot/var /sysroot
cp /etc/resolv.conf /sysroot/var/resolv.conf
if [ -f /sysroot/nfsroot/dev.tar.gz ]; then
	tar xzf /sysroot/nfsroot/dev.tar.gz -C /sysroot
else
	cp -a /sysroot/nfsroot/dev /sysroot
fi

echo "HOWTO-STEPS: pivot to the new root"
echo 0x0100 > /proc/sys/kernel/real-root-dev
umount /proc
pivot_root /sysroot /sysroot/initrd
