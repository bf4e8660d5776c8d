echo hello world
echo   several   spaces	and	tabs
true; echo $?
false; echo $?
