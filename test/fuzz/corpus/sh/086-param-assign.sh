unset u
echo ${u=set1} $u
e=
echo ${e:=set2} $e
echo ${e:=notagain}
