true
echo $?
f() { return 42; }
f
echo $?
echo ${#}
case $- in *f*) echo f-on;; *) echo f-off;; esac
