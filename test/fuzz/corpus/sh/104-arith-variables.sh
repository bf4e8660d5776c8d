a=3 b=4
echo $((a * a + b * b))
c=a
echo $(($c + 1))
e=
echo $((e + 1))
unset u
echo $((u + 1))
