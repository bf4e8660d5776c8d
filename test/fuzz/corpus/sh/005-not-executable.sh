echo 'echo hi' > f
chmod 644 f
./f 2>/dev/null
echo $?
