x=global
f() { local x=local; echo "in $x"; g; }
g() { echo "g sees $x"; }
f
echo "out $x"
