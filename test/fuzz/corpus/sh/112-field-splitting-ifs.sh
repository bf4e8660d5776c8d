IFS=:
x=a:b::c
set -- $x
echo $#
for w in $x; do echo "[$w]"; done
