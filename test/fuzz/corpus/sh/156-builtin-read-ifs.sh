echo 'a:b:c' | { IFS=: read x y; echo "$x|$y"; }
echo '  lead  trail  ' | { read v; echo "[$v]"; }
echo '  lead  trail  ' | { IFS= read v; echo "[$v]"; }
