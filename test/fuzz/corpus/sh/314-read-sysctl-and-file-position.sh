# read takes a whole line from a file that answers only one read (the
# kernel's sysctl files), and leaves a shared file right after the line
printf '1\n2 3\n4\n' >/tmp/.pxebox-read.$$
{
	read -r a
	read -r b c
	echo "$a/$b/$c"
	sed -n p
} </tmp/.pxebox-read.$$
while read -r x; do
	echo "got $x"
	read -r y
	echo "then $y"
done </tmp/.pxebox-read.$$
rm -f /tmp/.pxebox-read.$$
printf 'x\\\ny z' | { read -r v w; echo "[$v][$w]"; }
