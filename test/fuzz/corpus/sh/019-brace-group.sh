{ echo a; echo b; } > out
cat out
x=1
{ x=2; }
echo $x
