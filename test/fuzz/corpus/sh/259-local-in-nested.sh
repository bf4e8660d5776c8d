x=0
f() { local x=1; g; echo "f:$x"; }
g() { x=2; }
f
echo "top:$x"
