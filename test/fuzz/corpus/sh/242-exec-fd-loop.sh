exec 3< /dev/null
read x <&3
echo $?
exec 3<&-
