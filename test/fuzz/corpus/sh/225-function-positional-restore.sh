set -- outer1 outer2
f() { set -- new; echo $1; }
f
echo $1 $2
