( ( ( echo deep; exit 2 ); echo $? ); exit 1 )
echo $?
