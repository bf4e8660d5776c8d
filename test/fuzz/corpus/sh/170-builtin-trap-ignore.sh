trap '' TERM
kill -TERM $$
echo survived
trap - TERM
