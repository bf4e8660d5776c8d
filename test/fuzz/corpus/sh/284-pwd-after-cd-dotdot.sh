mkdir -p a/b
cd a/b
cd ../..
[ -d a ] && echo back
