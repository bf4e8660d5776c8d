# expect: busybox
# the comma operator is optional in POSIX; ash has it, dash does not
echo $((a = 1, b = 2, a + b))
