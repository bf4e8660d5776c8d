mkdir -p sysroot
ln -s nowhere sysroot/tmp
rm -f sysroot/tmp
mkdir sysroot/tmp
[ -d sysroot/tmp ] && echo tmpdir
echo 0x0100 > real-root-dev
cat real-root-dev
