HOME=/h
PATHLIKE=~/bin:~/lib
echo $PATHLIKE
