set -u
x=1
echo $x
(echo $undefined_xyz) 2>/dev/null
echo status $?
echo ${undefined_xyz-default}
echo $#
