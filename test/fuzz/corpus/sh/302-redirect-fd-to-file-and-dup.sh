exec 4>f
echo a >&4
echo b 1>&4
exec 4>&-
cat f
