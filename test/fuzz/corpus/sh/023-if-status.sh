if false; then :; fi
echo $?
if true; then (exit 4); fi
echo $?
