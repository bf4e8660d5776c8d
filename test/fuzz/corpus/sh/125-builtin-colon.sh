: ignored args $(echo sub)
echo $?
: > created
[ -f created ] && echo made
