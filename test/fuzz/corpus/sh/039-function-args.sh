f() { echo $#: "$@"; echo "0=${0##*/}"; }
f a b c
f
set -- outer
f inner
echo "$1"
