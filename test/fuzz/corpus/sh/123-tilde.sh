HOME=/home/someone
echo ~ ~/dir
echo "~" '~'
x=~
echo $x
echo a~b
