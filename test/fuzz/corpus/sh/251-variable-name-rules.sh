_x=1 x_2=2
echo $_x $x_2
echo $1x
a=b=c
echo $a
