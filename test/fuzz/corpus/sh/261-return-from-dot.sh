printf 'return 7\n' > r
. ./r
echo $?
