set -C
echo ok > /dev/null
echo $?
