f() { exit 4; }
(f; echo no)
echo $?
