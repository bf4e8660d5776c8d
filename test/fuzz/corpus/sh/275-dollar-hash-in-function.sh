f() { echo $#; }
f 1 2 3
set -- a
f
echo $#
