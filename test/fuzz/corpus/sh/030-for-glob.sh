touch b.txt a.txt c.log
for f in *.txt; do echo $f; done
for f in *.none; do echo "$f"; done
