# expect: dash
# POSIX 2.8.1: a redirection error on a special built-in (here ":") makes a
# non-interactive shell exit; busybox ash carries on
echo x > /nonexistent_dir_xyz/f 2>/dev/null
[ $? -ne 0 ] && echo "echo failed"
: < /nonexistent_file_xyz 2>/dev/null || echo "colon fails"
