echo a 3>f3 >&3
cat f3
{ echo b >&4; } 4>f4
cat f4
