set -- a b
echo ${3-none} ${3:-none}
