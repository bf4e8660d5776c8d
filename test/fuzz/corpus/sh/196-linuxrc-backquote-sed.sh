ROOTPATH='server:/export/root,rsize=8192,wsize=8192'
if echo $ROOTPATH | grep -q "," ; then
NFSOPTIONS=`echo $ROOTPATH | sed -e "s/\(.*\)\(,.*\)/\2/"`
ROOTPATH=`echo $ROOTPATH | sed -e "s/\(.*\)\(,.*\)/\1/"`
fi
echo "$ROOTPATH"
echo "ro,nolock${NFSOPTIONS}"
