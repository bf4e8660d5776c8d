readonly RO=x
(RO=y; echo no) 2>/dev/null
echo $?
