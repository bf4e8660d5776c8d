(exit 3) &
wait $!
echo $?
wait
echo $?
