echo data > f
cat < f &
wait
