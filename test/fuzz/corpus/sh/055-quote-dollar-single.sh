# expect: busybox
# $'...' is in POSIX 2024 and ash; dash 0.5.12 lacks it
echo $'a\tb' | od -An -c
echo $'it\'s'
echo $'\x41\101'
