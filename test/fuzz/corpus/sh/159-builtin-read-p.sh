# expect: busybox
# read -p is not POSIX; both have it but dash prints the prompt only on a tty
echo val | { read -p 'prompt> ' x 2>/dev/null; echo "[$x]"; }
