# the word of ${x#word} (and friends) may assign to x itself: the value
# used is the one before (pxebox sh once read freed memory here; fuzz)
x=hello
echo "${x#${x=h}}" "$x"
unset y
echo "${y:-${y=set}}" "$y"
z=abc
echo "${z%${z:+c}}" "${z##${z+a}}" "$z"
