echo first > f
echo visible
cat f
