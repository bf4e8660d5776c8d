sh -c 'echo ok; fi' 2>/dev/null
echo $?
