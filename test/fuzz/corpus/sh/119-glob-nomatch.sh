echo nomatch*
echo "quoted*"
x='*'
echo "$x"
