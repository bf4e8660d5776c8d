true &
p=$!
case $p in ''|*[!0-9]*) echo bad;; *) echo numeric;; esac
wait
