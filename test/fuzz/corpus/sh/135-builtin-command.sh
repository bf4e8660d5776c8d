echo() { printf 'function\n'; }
echo x
command echo builtin
unset -f echo
command -v echo
command -v cd
command -v nosuch_xyz
echo $?
