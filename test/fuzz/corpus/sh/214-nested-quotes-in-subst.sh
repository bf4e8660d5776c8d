x="$(echo "a \"b\" c")"
echo "$x"
y=`echo 'single in back'`
echo "$y"
