unset u
(echo ${u?gone}) 2>/dev/null
echo $?
(e=; echo ${e:?empty}) 2>/dev/null
echo $?
x=ok
echo ${x?never}
