[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ "" = "" ] && echo empties
[ -n "x" ] && echo nonempty
