(echo bg; exit 3) > out &
wait $!
echo status $?
cat out
