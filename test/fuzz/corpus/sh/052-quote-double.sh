x=val
echo "x is $x"
echo "a  b"
printf '%s\n' "\$x \`\" \\ \a"
echo "$(echo sub)"
