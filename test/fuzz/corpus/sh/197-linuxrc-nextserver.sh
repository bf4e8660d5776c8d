NEXTSERVER=10.0.0.1
ROOTPATH=/netboot/client
if ! echo $ROOTPATH | grep -q ":/" ; then
ROOTPATH="${NEXTSERVER}:${ROOTPATH}"
fi
echo $ROOTPATH
