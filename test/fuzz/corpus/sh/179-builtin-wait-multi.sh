(sleep 0.05; echo slow) &
(echo fast) &
wait
echo all-done
