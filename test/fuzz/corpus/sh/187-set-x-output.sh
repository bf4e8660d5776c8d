# expect: busybox
# xtrace quoting: ash and bash quote words so the trace can be re-read;
# dash prints them bare
exec 2>&1
set -x
x=1
echo "a b" $x
set +x
