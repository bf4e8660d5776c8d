set -- one two "three four"
for a; do echo "[$a]"; done
f() { for a do echo "f[$a]"; done; }
f x y
