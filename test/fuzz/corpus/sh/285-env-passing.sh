X=1 env | grep '^X='
env | grep -c '^X=' || true
