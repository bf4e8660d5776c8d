echo 'x=from-dot; f() { echo f $1; }' > inc.sh
. ./inc.sh
echo $x
f arg
