set -f -u
echo $- | grep -q f && echo has-f
echo $- | grep -q u && echo has-u
