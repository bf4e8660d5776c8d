echo $((a = b = 7)) $a $b
