mkdir d
touch f
ln -s f l
[ -d d ] && echo dir
[ -f f ] && echo file
[ -L l ] && echo link
[ -e nope ] || echo absent
[ -s f ] || echo empty
echo x > f
[ -s f ] && echo nonempty
