printf 'echo no-shebang $1\n' > s
chmod +x s
./s arg
