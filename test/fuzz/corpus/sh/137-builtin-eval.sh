x='echo evaluated'
eval "$x"
eval 'y=1; z=2'
echo $y $z
eval echo '$y'
eval
echo $?
