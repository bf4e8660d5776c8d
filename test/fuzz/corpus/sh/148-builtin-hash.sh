hash cat 2>/dev/null
echo $?
hash -r
echo $?
