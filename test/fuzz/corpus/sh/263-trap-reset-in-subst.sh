trap 'echo parent' EXIT
x=$(echo sub)
echo $x
