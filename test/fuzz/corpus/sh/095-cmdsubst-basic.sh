echo "$(echo hello)"
x=$(printf 'a\nb\n\n\n')
echo "[$x]"
