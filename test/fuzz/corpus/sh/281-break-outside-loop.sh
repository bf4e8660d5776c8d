f() {
	for i in 1 2 3; do
		[ $i = 2 ] && break
		echo "f $i"
	done
	echo after-loop
}
f
for j in a b; do f; break; done
