# expect: busybox
# ${x/p/r} is ash and bash; dash does not have it.  (The bash anchors
# ${x/#p/r} and ${x/%p/r} are left out: busybox 1.35 takes # and % literally.)
x=hello-world-hello
echo ${x/hello/bye}
echo ${x//hello/bye}
echo ${x//o}
echo ${x/nomatch/z}
y=a.b.c
echo ${y//./-}
