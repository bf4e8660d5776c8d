f() { echo $#; }
f "" ''
f "$unset"
f $unset
x=
f "$x" $x
