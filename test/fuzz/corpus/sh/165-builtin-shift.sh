set -- a b c
shift
echo $*
shift 2
echo "[$*]" $#
(shift 5) 2>/dev/null
[ $? -ne 0 ] && echo shift-failed
