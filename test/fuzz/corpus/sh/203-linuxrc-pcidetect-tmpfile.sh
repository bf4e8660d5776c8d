# "I can't make a pipe of this because ash treats it as a subshell"
found=0
echo "x e1000" | while read a b; do found=1; done
echo "pipe: $found"
echo "x e1000" > t
while read a b; do found=1; done < t
echo "file: $found"
