x=$(printf 'a\n\n')
echo "[$x]"
x=$(printf '\n\nb')
echo "[$x]"
