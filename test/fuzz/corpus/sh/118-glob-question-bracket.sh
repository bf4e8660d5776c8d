touch ab ac ad a1
echo a?
echo a[bc]
echo a[!bc]
echo a[0-9]
