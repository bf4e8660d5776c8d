# and-or lists longer than four commands keep every operator (pxebox sh once
# lost the fifth one when its operator table grew, and skipped that command)
true && echo a &&
	echo b && echo c &&
	echo d && echo e &&
	echo f || echo never
false || false || false || false || false || echo six
true && true && true && true && false && echo no || echo yes
i=0
x() { i=$((i + 1)); return 0; }
x && x && x && x && x && x && x && x && x && x && x && x && x && echo "$i"
