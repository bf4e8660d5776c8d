f() { return 5; echo no; }
f
echo $?
g() { false; }
g
echo $?
h() { true; return; }
h
echo $?
