set -e
false | true
echo pipeline-ok
true | false
echo never
