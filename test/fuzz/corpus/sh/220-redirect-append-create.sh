echo a >> new
echo b >> new
cat new
