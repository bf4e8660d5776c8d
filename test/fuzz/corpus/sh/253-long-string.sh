x=
i=0
while [ $i -lt 200 ]; do x="${x}ab"; i=$((i + 1)); done
echo ${#x}
