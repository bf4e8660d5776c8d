echo a # comment
echo b#notcomment
# whole line
echo 'c # in quotes'
echo d\#e
