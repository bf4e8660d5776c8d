x='a*b*c'
echo ${x#*\*}
echo ${x%"*c"}
star='*'
echo ${x#"$star"} ${x#$star}
