# the status of a failed redirection is only "non-zero" in POSIX
{ echo hidden >&3; } 3>&- 2>/dev/null
[ $? -ne 0 ] && echo failed
exec 5>f
echo x >&5
exec 5>&-
echo y >&5 2>/dev/null || echo closed
cat f
