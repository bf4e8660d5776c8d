{ false; } 2>/dev/null
echo $?
{ echo in; } | cat
