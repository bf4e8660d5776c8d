set -e
true
echo before
false
echo never
