touch a1 a2 b1 .hidden
echo a*
echo *1
echo *
echo .h*
