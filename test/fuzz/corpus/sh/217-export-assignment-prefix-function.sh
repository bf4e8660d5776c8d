f() { echo "in f: $V"; }
V=temp f
echo "after: ${V-unset}"
