(exit 7)
echo $?
(false) || echo failed
