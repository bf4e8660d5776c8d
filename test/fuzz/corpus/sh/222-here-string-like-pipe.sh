printf '%s\n' "multi word line" | { read a b c; echo $c $b $a; }
