false
echo $?
true
echo $?
false extra args
echo $?
