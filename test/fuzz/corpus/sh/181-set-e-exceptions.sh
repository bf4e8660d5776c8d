set -e
false || echo or-ok
if false; then :; fi
! true
while false; do :; done
false && echo no
echo survived
