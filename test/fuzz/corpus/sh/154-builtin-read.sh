echo 'one two three' | { read a b; echo "[$a][$b]"; }
printf 'x y\n' | { read a b c; echo "[$a][$b][$c]"; }
