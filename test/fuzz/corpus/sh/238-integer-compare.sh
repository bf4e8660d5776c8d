[ 10 -gt 9 ] && echo gt
[ 010 -eq 10 ] && echo octal-not
[ -1 -lt 0 ] && echo neg
