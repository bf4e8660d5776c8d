x='a b'
set -- "$x" $x "$x"$x
echo $#
