touch a1 B2 c_
echo [[:upper:]]*
echo *[[:digit:]]
