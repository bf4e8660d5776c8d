printf '%s-%s\n' a b c
printf '%d %x %o\n' 255 255 8
printf '%5s|%-5s|\n' r l
printf 'no newline'
echo
