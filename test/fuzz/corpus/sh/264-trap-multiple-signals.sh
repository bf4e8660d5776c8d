trap 'echo sig' USR1 USR2
kill -USR2 $$
kill -USR1 $$
trap - USR1 USR2
