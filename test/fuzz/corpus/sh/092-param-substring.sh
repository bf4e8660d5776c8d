# expect: busybox
# ${x:off:len} is ash and bash; dash does not have it
x=abcdefg
echo ${x:2}
echo ${x:2:3}
echo ${x: -3}
echo ${x:0:1}
