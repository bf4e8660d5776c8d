printf 'echo in-dot\nreturn 3\necho never\n' > r.sh
. ./r.sh
echo $?
