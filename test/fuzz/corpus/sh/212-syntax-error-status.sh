sh -c 'if then fi' 2>/dev/null
echo $?
sh -c 'echo (' 2>/dev/null
echo $?
sh -c 'case x in' 2>/dev/null
echo $?
