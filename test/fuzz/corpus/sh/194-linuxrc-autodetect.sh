# autodetect_pci from the PXE HOWTO's linuxrc, run on a fake lspci listing
PROGNAME=linuxrc
autodetect_pci() # PCICLASS MODCLASS
{
local PCICLASS NOTFOUND line

PCICLASS=$1
NOTFOUND=1

if [ -z "$PCICLASS" ]; then
echo "$PROGNAME: autodetect_pci missing parameter" >&2
exit 1
fi

grep "$PCICLASS" lspci.out > pci.tmp
while read line
do
set -- $line
eval mod=\$$#
eval mod=$mod
if [ "$mod" != "UNKNOWN" ]; then
echo "loading $mod..."
NOTFOUND=0
fi
done < pci.tmp
rm -f pci.tmp

return $NOTFOUND
}
cat > lspci.out <<'EOF'
00:03.0 "Class 0200" "8086" "100e" "8086" "001e" "e1000"
00:04.0 "Class 0200" "1af4" "1000" "1af4" "0001" "UNKNOWN"
00:05.0 "Class 0300" "1234" "1111" "0000" "0000" "bochs"
00:06.0 "Class 0200" "10ec" "8139" "10ec" "8139" "8139too"
EOF
autodetect_pci 'Class 02..'
echo status $?
autodetect_pci 'Class 09..'
echo status $?
