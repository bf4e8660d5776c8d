# expect: busybox
# ++ and -- are optional in POSIX; ash has them, dash 0.5.12 does not
x=5
echo $((x++)) $x $((++x)) $x $((x--)) $((--x))
