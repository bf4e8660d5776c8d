times > t 2>&1
echo $?
[ -s t ] && echo printed
