f() { local a=1 b; b=2; echo $a $b; }
f
echo "${a-unset} ${b-unset}"
