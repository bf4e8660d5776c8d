if true
then
	echo a
fi; for i in 1
do echo $i
done
