mkdir -p nfsroot/bin nfsroot/etc sysroot
touch nfsroot/file
cd sysroot
find ../nfsroot -maxdepth 1 -mindepth 1 -exec ln -s \{\} \;
ls | sort
cd ..
