x='a b'
echo "$x"'$x'$x
echo ''"" x
echo "'"'"'
