echo hello > f
exec 3<> f
read w <&3
echo "read $w"
echo more >&3
exec 3>&-
cat f
