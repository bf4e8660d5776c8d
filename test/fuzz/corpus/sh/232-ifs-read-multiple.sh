printf 'a,b,c,d\n' | { IFS=, read x y rest; echo "$x $y $rest"; }
