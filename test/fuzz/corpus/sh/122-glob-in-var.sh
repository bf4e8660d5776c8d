touch x1 x2
p='x*'
echo $p
echo "$p"
