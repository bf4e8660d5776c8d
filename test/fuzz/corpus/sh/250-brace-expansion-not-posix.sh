echo {a,b}
echo a{1..3}
