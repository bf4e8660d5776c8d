IFS=,
list=a,b,c
for x in $list; do echo $x; done
