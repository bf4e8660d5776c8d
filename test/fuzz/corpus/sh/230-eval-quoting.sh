x='a b'
eval "set -- $x"
echo $#
eval 'set -- "$x"'
echo $#
