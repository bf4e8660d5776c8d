[ 1 -eq 1 ] && echo eq
[ a = b ] || echo ne
[ -z "" ] && echo empty
[ ! -e /nonexistent_xyz ] && echo missing
