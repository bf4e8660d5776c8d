x=val
echo ${x}suffix "${x}s"
echo $xsuffix.
