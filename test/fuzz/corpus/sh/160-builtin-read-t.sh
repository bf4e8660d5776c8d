# expect: busybox
# read -t is not in dash 0.5.12
{ read -t 0.1 x; echo $?; } < /dev/null
echo abc | { read -t 1 x; echo "$? $x"; }
