(exit)
echo $?
(false; exit)
echo $?
(exit 300)
echo $?
