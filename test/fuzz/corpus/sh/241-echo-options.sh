echo -n no-newline
echo
echo -- dashdash
echo -x
