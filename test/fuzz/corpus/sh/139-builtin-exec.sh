(exec echo replaced; echo never)
(exec sh -c 'exit 5')
echo $?
