# expect: busybox
# "local y" without a value: ash and bash make y unset in the function,
# dash keeps the outer value; local is not in POSIX, we follow ash
f() { local y; echo "[${y-unset}]"; y=1; }
y=outer
f
echo $y
