(echo $((1 / 0))) 2>/dev/null
echo $?
(echo $((2 +))) 2>/dev/null
[ $? -ne 0 ] && echo syntax-error
