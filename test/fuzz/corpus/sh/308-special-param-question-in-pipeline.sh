false
echo $? | cat
true | (exit 3)
echo $?
