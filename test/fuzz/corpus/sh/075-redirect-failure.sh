# POSIX: a redirection error gives a non-zero status (dash 2, ash 1)
cat < nonexist_xyz 2>/dev/null
[ $? -ne 0 ] && echo failed-in
echo x > nodir_xyz/f 2>/dev/null
[ $? -ne 0 ] && echo failed-out
