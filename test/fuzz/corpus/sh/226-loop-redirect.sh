for i in 1 2 3; do echo $i; done > f
cat f
while read l; do echo "r$l"; done < f | tail -n 1
