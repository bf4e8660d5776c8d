f() { (exit 3); return; }
f
echo $?
