test a = a -a b = b && echo and
test a = b -o b = b && echo or
test \( a = a \) && echo paren
test -n "" || echo zero
