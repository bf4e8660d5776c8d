cd /nonexistent_xyz 2>/dev/null
echo $?
[ "$OLDPWD" = "" ] || true
touch file
cd file 2>/dev/null
echo $?
