printf 'exit 6\n' > e
(. ./e; echo no)
echo $?
