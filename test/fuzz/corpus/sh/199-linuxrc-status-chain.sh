try() { [ $1 -ge 3 ]; }
n=1
try $n
if [ $? -ne 0 ]; then
echo "ERROR: retry"
n=2
try $n
if [ $? -ne 0 ]; then
echo "ERROR: retry"
n=3
try $n
if [ $? -ne 0 ]; then
echo "ERROR: give up"
fi
fi
fi
echo "n=$n"
