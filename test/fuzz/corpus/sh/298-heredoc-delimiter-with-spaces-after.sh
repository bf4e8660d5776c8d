cat <<END
text
END
echo ok
