ls /nonexistent_dir_xyz > out 2>&1
[ -s out ] && echo captured
ls /nonexistent_dir_xyz 2>&1 > out2 | grep -c . >/dev/null && echo to-pipe
[ -s out2 ] || echo out2-empty
