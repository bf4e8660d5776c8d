printf 'eth0 up\neth1 down\n' > ifaces
while read name state
do
echo "$name is $state"
done < ifaces
