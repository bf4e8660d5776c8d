e=
set -- $e a $e b
echo $#
