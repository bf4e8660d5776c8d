# expect: busybox
# %N job specs in a script (no job control): kill %N signals the job's
# process, wait %N returns its status.  ash supports this; dash without job
# control sends to a process group that does not exist ("No such process")
sleep 10 &
kill %1
wait %1
echo "status $?"
sleep 0.1 & sleep 0.3 &
wait %2; echo "w2 $?"
wait %1; echo "w1 $?"
(exit 5) &
wait %%; echo "cur $?"
(exit 6) &
(exit 7) &
wait %-; echo "prev $?"
wait %+; echo "plus $?"
sleep 5 & sleep 5 &
kill %2; wait %2; echo "k2 $?"
kill -s KILL %1; wait %1; echo "k1 $?"
(exit 3) & pid=$!
wait $pid; echo "pid $?"
sleep 0.1 &
kill -0 %1 && echo alive
wait; echo "all $?"
