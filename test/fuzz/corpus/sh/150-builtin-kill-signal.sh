sleep 5 &
kill -9 $!
wait $!
echo $?
sleep 5 &
kill -s TERM $!
wait $!
echo $?
