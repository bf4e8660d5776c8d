for i in 1; do false; done
echo $?
for i in; do false; done
echo $?
