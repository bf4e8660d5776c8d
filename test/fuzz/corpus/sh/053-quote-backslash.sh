echo a\ b
echo \$x \* \\
echo \'single\'
echo line\
continued
