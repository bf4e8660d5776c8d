printf '%s=%s\n' a 1 b 2
printf '[%3d]' 1 22 333
echo
