set --
for x in "$@"; do echo never; done
echo "[$*]" $#
f() { echo $#; }
f "$@"
