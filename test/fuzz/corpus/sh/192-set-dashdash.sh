set -- -x -y
echo $1 $2
set -e -- a
echo $1
