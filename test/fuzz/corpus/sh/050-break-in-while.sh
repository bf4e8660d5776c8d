i=0
while true; do
	i=$((i+1))
	[ $i -ge 3 ] && break
done
echo $i
