HOME=/hh
x=~:~/b
echo $x
y="~"
echo $y
