x=1
echo x | x=2
echo $x
echo 5 | read y
echo "y=$y"
